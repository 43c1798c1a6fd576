"""Articles read from every news format convert cleanly: Nu 0, axe 0, EPUBCheck 0, Ace 0.

The samples are converted once for the module; the validators run once over all
of them, in the session's browser and JVM.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from helpers import DATA, require, run_cli
from newsformats import convert
from newsformats.notes import collecting_notes
from newsformats.readers import read_all
from newsformats.validators import ValidatorMessage, ace, axe, epubcheck, nu

INPUTS = DATA / "inputs"
SAMPLES = {
    "nitf": INPUTS / "nitf" / "ferry-strike.xml",
    "newsml": INPUTS / "newsml" / "harbour-message.xml",
    "ninjs": INPUTS / "ninjs" / "ninjs-1-complex.json",
    "rss": INPUTS / "feeds" / "morning.rss",
    "atom": INPUTS / "feeds" / "evening.atom",
    "page-fr": INPUTS / "pages" / "lemonde-1" / "source.html",
    "page-zh": INPUTS / "pages" / "gmw" / "source.html",
    "page-pt": INPUTS / "pages-trafilatura" / "campograndenews.com.br-adolescente.html",
    "page-de": INPUTS / "pages-trafilatura" / "finanzmarktwelt.de-Benko-Firma.html",
    "text-de": DATA / "scraped" / "de-rubrik-aktualisiert.txt",
    "text-prs": DATA / "scraped" / "prs-hamal-caption.txt",
    # Issue 11's acceptance run: agency files and a page the project had never seen.
    "nitf-ntb": INPUTS / "agencies" / "nitf-ntb.xml",
    "newsml-dpa": INPUTS / "agencies" / "dpa.xml",
    "text-ar": DATA / "scraped" / "ar-tariikh.txt",
    # The reviewer's second run: an NITF body inside ninjs 3, an item with empty keywords,
    # a caption line ending in its photo credit.
    "ninjs-3-nitf": INPUTS / "ninjs" / "ninjs-3.0-addb-nitf-body.json",
    "newsml-scoop": INPUTS / "agencies" / "scoop.xml",
    "text-uz-cyrl": DATA / "scraped" / "uz-cyrl-metro.txt",
    # The third run: PA's league table (a title row as caption, bold headers) and a
    # Hebrew page, right to left.
    "ninjs-pa-table": INPUTS / "agencies-newswires" / "PA_API-Data-Formatting.json",
    "text-he": DATA / "scraped" / "he-briut-bet-holim.txt",
}
# No bundled PDF font sets these scripts (docs/pdf.md): they are checked as HTML and EPUB.
NO_PDF_FONT = {"page-zh"}
MARKDOWN = """---
headline: Rainfall this week
language: en
canonical_url: https://news.example.org/weather/rain.html
---
Totals were high.[^1] See [the archive](/archive/) and <abbr title="Met Office">MO</abbr> data.

| Town | mm |
|------|---:|
| Oslo | 12 |

- North
  - Coast

[^1]: Provisional figures.
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Format → every file converted from the samples (first article of each input)."""
    out = tmp_path_factory.mktemp("news-formats")
    notes = out / "notes.md"
    notes.write_text(MARKDOWN, encoding="utf-8")
    found: dict[str, list[Path]] = {"html": [], "epub": []}
    with collecting_notes():
        for name, path in {**SAMPLES, "markdown": notes}.items():
            article = read_all(path)[0]
            formats = ["html", "epub"] if name in NO_PDF_FONT else ["html", "epub", "pdf"]
            done = convert(article, out, formats, stem=name, source_dir=path.parent)
            for kind in found:
                found[kind] += done.by_format[kind]
    return found


@pytest.fixture(scope="module")
def nu_findings(outputs: dict[str, list[Path]]) -> list[ValidatorMessage]:
    require(nu.ensure_available)
    return nu.check_html(outputs["html"])


def test_nu_finds_nothing(nu_findings: list[ValidatorMessage]) -> None:
    assert [str(m) for m in nu_findings] == []


def test_axe_finds_no_violations(axe_runner: axe.AxeRunner, outputs: dict[str, list[Path]]) -> None:
    found = {p.name: axe_runner.check(p) for p in outputs["html"]}
    assert {name: v for name, v in found.items() if v} == {}


def test_epubcheck_finds_nothing(
    epubcheck_runner: epubcheck.EpubCheckRunner, outputs: dict[str, list[Path]]
) -> None:
    found = epubcheck.check_epubs(outputs["epub"], runner=epubcheck_runner)
    assert [str(m) for m in found] == []


def test_ace_finds_nothing(outputs: dict[str, list[Path]]) -> None:
    require(ace.ensure_available)
    assert [str(m) for m in ace.check_epubs(outputs["epub"])] == []


def test_new_blocks_reach_the_page(outputs: dict[str, list[Path]]) -> None:
    page = next(p for p in outputs["html"] if p.stem == "rss").read_text(encoding="utf-8")
    assert "<table" in page and "<caption>" in page and 'scope="row"' in page
    assert 'href="https://www.youtube.com/embed/abc123">' in page  # the embed as a link
    assert (
        "<iframe" not in page
        and "<script" not in page.split("</head>")[1].split("application/ld+json")[0]
    )
    saved = next(p for p in outputs["html"] if p.stem == "page-fr").read_text(encoding="utf-8")
    assert '<h1 id="headline">Le projet de loi sur le renseignement massivement' in saved
    assert "&lt;!DOCTYPE" not in saved and "&lt;div" not in saved
    notes = next(p for p in outputs["html"] if p.stem == "markdown").read_text(encoding="utf-8")
    assert 'role="doc-endnotes"' in notes and 'href="https://news.example.org/archive/"' in notes


def test_feed_becomes_an_edition(tmp_path: Path) -> None:
    run = run_cli(
        "convert", SAMPLES["rss"], SAMPLES["atom"], "--to", "epub",
        "--bundle", "Morning edition", "-o", tmp_path, "-q",
    )  # fmt: skip
    assert run.code == 0, run.stderr
    book = tmp_path / "morning-edition.epub"
    with zipfile.ZipFile(book) as epub:
        chapters = [n for n in epub.namelist() if n.endswith(".xhtml") and "nav" not in n]
    assert len(chapters) >= 4  # two entries from each feed
    assert "only a summary" in run.stderr  # warnings are printed even with -q


def test_one_input_of_many_articles_gives_numbered_outputs_in_all_formats(tmp_path: Path) -> None:
    run = run_cli("convert", SAMPLES["atom"], "-o", tmp_path, "-q")
    assert run.code == 0, run.stderr
    for suffix in (".html", ".pdf", ".epub", ".mp3"):
        assert (tmp_path / f"evening-1{suffix}").is_file()
        assert (tmp_path / f"evening-2{suffix}").is_file()
