"""Fitting a publisher's site: the HTML fragment, link-preview meta, absolute image URLs."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import html

from helpers import EXAMPLE_TXT, require
from newsformats import convert, read
from newsformats.validators import ValidatorMessage, axe, nu

CANONICAL = "https://news.example/2021/09/csto-sco.html"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The page and the fragment of the example, and the fragment inside a host page."""
    out = tmp_path_factory.mktemp("publishing")
    article = replace(read(EXAMPLE_TXT), canonical_url=CANONICAL)
    result = convert(
        article, out, ["html", "html-fragment"], stem="story", source_dir=EXAMPLE_TXT.parent
    )
    fragment = result.by_format["html-fragment"][0]
    host = out / "host.html"
    host.write_text(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>CMS page</title></head>"
        "<body><main>" + fragment.read_text(encoding="utf-8") + "</main></body></html>",
        encoding="utf-8",
    )
    return {"page": result.by_format["html"][0], "fragment": fragment, "host": host}


@pytest.fixture(scope="module")
def nu_findings(written: dict[str, Path]) -> list[ValidatorMessage]:
    """One Nu run over the page and the host page."""
    require(nu.ensure_available)
    return nu.check_html([written["page"], written["host"]])


def test_fragment_is_the_article_element_with_the_pages_ids(written: dict[str, Path]) -> None:
    fragment = html.fragment_fromstring(written["fragment"].read_text(encoding="utf-8"))
    assert fragment.tag == "article"
    assert fragment.get("lang") == "en" and fragment.get("dir") == "ltr"
    page_article = html.fromstring(written["page"].read_bytes()).find(".//main/article")
    assert page_article is not None
    ids = [e.get("id") for e in fragment.iter() if e.get("id")]
    assert ids == [e.get("id") for e in page_article.iter() if e.get("id")]
    assert len(ids) > 10
    for image in fragment.iter("img"):
        assert (written["fragment"].parent / str(image.get("src"))).is_file()
    assert b"<style" not in written["fragment"].read_bytes()


def test_fragment_in_a_host_page_passes_nu_and_axe(
    written: dict[str, Path], axe_runner: axe.AxeRunner, nu_findings: list[ValidatorMessage]
) -> None:
    assert [m for m in nu_findings if m.file == str(written["host"])] == []
    assert axe_runner.check(written["host"]) == []


def test_open_graph_and_twitter_card_meta(written: dict[str, Path]) -> None:
    head = html.fromstring(written["page"].read_bytes()).find("head")
    assert head is not None
    meta = {
        (m.get("property") or m.get("name")): m.get("content")
        for m in head.iter("meta")
        if m.get("property") or (m.get("name") or "").startswith("twitter:")
    }
    assert meta["og:type"] == "article"
    assert meta["og:title"].startswith("Leaders Of Russia")
    assert meta["og:url"] == CANONICAL
    assert meta["og:image"] == "https://news.example/2021/09/story-lead-figure.jpg"
    assert meta["og:image:alt"].startswith("Illustration:")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"] == meta["og:image"]


def test_json_ld_image_urls_are_absolute_with_a_canonical_url(written: dict[str, Path]) -> None:
    page = html.fromstring(written["page"].read_bytes())
    script = page.find(".//script[@type='application/ld+json']")
    assert script is not None
    data = json.loads(script.text or "")
    assert data["image"] == ["https://news.example/2021/09/story-lead-figure.jpg"]


def test_page_with_meta_passes_nu(
    written: dict[str, Path], nu_findings: list[ValidatorMessage]
) -> None:
    assert [m for m in nu_findings if m.file == str(written["page"])] == []
