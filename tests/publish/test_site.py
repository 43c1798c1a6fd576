"""The edition website of the examples: valid, accessible, keyboard-usable, with screenshots."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from helpers import ROOT, require, run_cli
from newsformats.publish.outputs import parse_page
from newsformats.validators import ValidatorMessage, axe, nu

SCREENSHOTS = Path(os.environ.get("NEWSFORMATS_SCREENSHOTS", ROOT / "out" / "screenshots"))
WIDTHS = {"phone": 375, "desktop": 1280}


def site_pages(edition: Path) -> list[Path]:
    return sorted(p for p in edition.glob("*.html"))


@pytest.fixture(scope="module")
def nu_findings(edition: Path) -> list[ValidatorMessage]:
    require(nu.ensure_available)
    return nu.check_html(site_pages(edition))


def test_site_has_index_article_and_transcript_pages(edition: Path, stems: list[str]) -> None:
    names = {p.name for p in site_pages(edition)}
    assert "index.html" in names
    for stem in stems:
        assert {f"{stem}.html", f"{stem}.transcript.html"} <= names


def test_nu_checker_finds_nothing_on_any_page(nu_findings: list[ValidatorMessage]) -> None:
    assert nu_findings == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(
    axe_runner: axe.AxeRunner, edition: Path, scheme: str
) -> None:
    for page in site_pages(edition):
        assert axe_runner.check(page, color_scheme=scheme) == [], page.name  # type: ignore[arg-type]


def test_index_lists_every_article_with_all_its_formats(edition: Path, stems: list[str]) -> None:
    index = parse_page(edition / "index.html")
    items = index.findall(".//main/ul/li")
    assert len(items) == len(stems)
    for item in items:
        heading = item.find("h3/a")
        assert heading is not None and heading.text
        assert item.find("p[@class='nf-standfirst']") is not None
        assert item.find("p/time[@datetime]") is not None
        hrefs = [a.get("href", "") for a in item.iterfind("ul//a")]
        stem = heading.get("href", "").removesuffix(".html")
        assert (edition / f"{stem}.html").is_file()
        assert hrefs == [
            f"{stem}.pdf",
            f"{stem}.epub",
            f"{stem}.mp3",
            f"{stem}.transcript.html",
        ]
        assert all((edition / href).is_file() for href in hrefs)


def test_article_pages_say_also_available_as(edition: Path, stems: list[str]) -> None:
    for stem in stems:
        page = parse_page(edition / f"{stem}.html")
        nav = page.find(".//nav[@id='nf-formats']")
        assert nav is not None
        assert nav.findtext("h2") == "Also available as"
        hrefs = [a.get("href", "") for a in nav.iter("a")]
        assert hrefs == [
            f"{stem}.pdf",
            f"{stem}.epub",
            f"{stem}.mp3",
            f"{stem}.transcript.html",
            "index.html",
        ]
        # the nav follows the article, so the article's own text is unchanged
        assert nav.getprevious() is not None and nav.getprevious().tag == "article"


def test_running_site_again_changes_no_page(edition: Path, stems: list[str]) -> None:
    from newsformats.publish.site import SiteSettings, write_site

    before = {p: p.read_bytes() for p in site_pages(edition)}
    write_site(edition, SiteSettings(base_url="https://news.example/edition/"))
    assert {p: p.read_bytes() for p in site_pages(edition)} == before


def test_sitemap_lists_index_and_article_pages(
    edition: Path, stems: list[str], base_url: str
) -> None:
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [e.text for e in etree.parse(str(edition / "sitemap.xml")).iter(f"{ns}loc")]
    assert sorted(locs) == sorted(
        [f"{base_url}index.html", *(f"{base_url}{s}.html" for s in stems)]
    )


@pytest.fixture(scope="module")
def browser_page(axe_runner: axe.AxeRunner) -> Iterator[object]:
    """A tab of the session's browser (the one axe uses), for keyboard and screenshots."""
    browser = axe_runner._browser  # the suite shares one Chromium
    assert browser is not None
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


def test_tab_reaches_every_link_in_document_order(browser_page: object, edition: Path) -> None:
    page = browser_page  # playwright.sync_api.Page
    for name in ["index.html", "election-explainer.html"]:
        path = edition / name
        page.goto(path.as_uri())  # type: ignore[attr-defined]
        focusable = "a[href], audio[controls], details > summary"
        count = page.eval_on_selector_all(focusable, "els => els.length")  # type: ignore[attr-defined]
        where = (
            f"() => Array.from(document.querySelectorAll('{focusable}'))"
            ".indexOf(document.activeElement)"
        )
        reached: list[int] = []
        # A player's controls are several tab stops of one element: count the element once.
        for _ in range(4 * count + 10):
            page.keyboard.press("Tab")  # type: ignore[attr-defined]
            now = page.evaluate(where)  # type: ignore[attr-defined]
            if now == -1 or (reached and now == reached[0]):
                break
            if not reached or reached[-1] != now:
                reached.append(now)
        expected = list(range(count))
        assert reached == expected, name


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_for_people_to_look_at(
    axe_runner: axe.AxeRunner, edition: Path, scheme: str
) -> None:
    browser = axe_runner._browser
    assert browser is not None
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for device, width in WIDTHS.items():
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            color_scheme=scheme,  # type: ignore[arg-type]
        )
        try:
            page = context.new_page()
            for name in ["index", "csto-sco-afghanistan"]:
                page.goto((edition / f"{name}.html").as_uri())
                target = SCREENSHOTS / f"{name}-{device}-{scheme}.png"
                page.screenshot(path=str(target), full_page=True)
                assert target.stat().st_size > 10_000
        finally:
            context.close()
    print(f"screenshots in {SCREENSHOTS}")


def test_site_without_base_url_says_there_is_no_sitemap(edition: Path) -> None:
    done = run_cli("site", edition, "-q")
    assert done.code == 0
    assert done.stderr.strip().endswith(
        "no sitemap.xml: its URLs must be absolute; give --base-url"
    )
    assert done.stderr.count("\n") == 1


def test_site_of_a_folder_without_articles_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not an output\n", encoding="utf-8")
    done = run_cli("site", tmp_path)
    assert done.code == 2
    assert (
        done.stderr == f"newsformats: {tmp_path}: no article pages or MP3s to make an edition of\n"
    )
