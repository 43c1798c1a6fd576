"""Every language's own test articles through HTML and EPUB: lang, dir, localised boilerplate,
and the public validators, each run once over all of them (Nu, axe, EPUBCheck, Ace)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree, html

from helpers import DATA, require
from newsformats import convert, read
from newsformats.lang import messages_for, pack_for
from newsformats.validators import ace, axe, epubcheck, nu

SOURCES = sorted((DATA / "lang").glob("*.txt")) + sorted((DATA / "lang").glob("*.md"))
NAMES = [f"{p.stem}-{p.suffix[1:]}" for p in SOURCES]
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Each article converted once to HTML and EPUB: name → format → file."""
    out = tmp_path_factory.mktemp("lang")
    made = {}
    for name, source in zip(NAMES, SOURCES, strict=True):
        done = convert(read(source), out, ["html", "epub"], stem=name, source_dir=source.parent)
        made[name] = {fmt: files[0] for fmt, files in done.by_format.items()}
    return made


def _tag(name: str) -> str:
    return name.rsplit("-", 1)[0]


@pytest.mark.parametrize("name", NAMES)
def test_page_has_the_languages_tag_direction_and_boilerplate(
    outputs: dict[str, dict[str, Path]], name: str
) -> None:
    page = html.fromstring(outputs[name]["html"].read_bytes())
    language = page.get("lang")
    pack = pack_for(language)
    assert pack.tag == pack_for(_tag(name)).tag
    assert page.get("dir") == pack.direction
    skip = page.xpath("//a[@href='#main' or @href='#content']")
    assert skip and skip[0].text_content().strip() == messages_for(language)("skip_to_content")


@pytest.mark.parametrize("name", NAMES)
def test_book_has_the_languages_tag_and_direction(
    outputs: dict[str, dict[str, Path]], name: str
) -> None:
    with zipfile.ZipFile(outputs[name]["epub"]) as book:
        opf = next(n for n in book.namelist() if n.endswith(".opf"))
        package = etree.fromstring(book.read(opf), PARSER)
    language = package.findtext("{*}metadata/{http://purl.org/dc/elements/1.1/}language")
    assert language and pack_for(language).tag == pack_for(_tag(name)).tag
    if pack_for(language).direction == "rtl":
        assert package.find("{*}spine").get("page-progression-direction") == "rtl"


def test_nu_checker_finds_nothing(outputs: dict[str, dict[str, Path]]) -> None:
    require(nu.ensure_available)
    assert [str(m) for m in nu.check_html([o["html"] for o in outputs.values()])] == []


def test_axe_finds_no_violations(
    axe_runner: axe.AxeRunner, outputs: dict[str, dict[str, Path]]
) -> None:
    found = {name: axe_runner.check(o["html"]) for name, o in outputs.items()}
    assert {name: v for name, v in found.items() if v} == {}


def test_epubcheck_finds_nothing(
    epubcheck_runner: epubcheck.EpubCheckRunner, outputs: dict[str, dict[str, Path]]
) -> None:
    books = [o["epub"] for o in outputs.values()]
    assert [str(m) for m in epubcheck.check_epubs(books, runner=epubcheck_runner)] == []


def test_ace_finds_no_violations(outputs: dict[str, dict[str, Path]]) -> None:
    # Ace starts a browser per book: one book per script and direction shows what the
    # language changes in a book (EPUBCheck above reads every one).
    one_per_script: dict[tuple[str, str], Path] = {}
    for name, made in outputs.items():
        pack = pack_for(_tag(name))
        one_per_script.setdefault((pack.script, pack.direction), made["epub"])
    assert len(one_per_script) >= 5  # Latin, Cyrillic, Arabic, Armenian, Georgian
    require(ace.ensure_available)
    assert [str(m) for m in ace.check_epubs(list(one_per_script.values()))] == []
