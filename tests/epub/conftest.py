"""EPUBs made once per session from the test articles, and one validator run over all.

EPUBCheck runs in the session's one JVM (``epubcheck_runner`` from
``tests/conftest.py``); Ace checks every book in one call (two at a time).
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import newsformats
from helpers import ARTICLES, EXAMPLES, require
from newsformats.edition import convert_edition, write_edition
from newsformats.options import ConvertOptions
from newsformats.validators import ValidatorMessage, ace, epubcheck

EDITION = [
    EXAMPLES / "csto-sco-afghanistan.txt",
    EXAMPLES / "election-explainer.md",
    EXAMPLES / "heatwave-update.json",
]
MIXED = [ARTICLES["russian"], ARTICLES["persian"], ARTICLES["no-caption"]]
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}


def persian_with_photo(folder: Path) -> Path:
    """The Persian test article with a real photo beside it (a YAML sidecar names it)."""
    folder.mkdir()
    shutil.copy(EXAMPLES / "csto-sco-afghanistan.jpg", folder / "photo.jpg")
    source = folder / "fa-photo.txt"
    shutil.copy(ARTICLES["persian"], source)
    (folder / "fa-photo.yaml").write_text(
        "language: fa\n"
        "published: 2021-09-16T12:00:00+04:30\n"
        "image:\n"
        "  src: photo.jpg\n"
        '  alt: "تصویر: هشت چهره با کت و شلوار تیره روی صحنه‌ای قهوه‌ای ایستاده‌اند."\n',
        encoding="utf-8",
    )
    return source


def figures_article(folder: Path) -> Path:
    """An article with body figures (a photo, a missing photo, a decorative one) and links."""
    folder.mkdir()
    shutil.copy(EXAMPLES / "csto-sco-afghanistan.jpg", folder / "photo.jpg")
    source = folder / "figures.json"
    source.write_text(
        json.dumps(
            {
                "headline": "Figures and links",
                "language": "en",
                "published": "2024-01-02T03:04:05Z",
                "authors": ["A. Writer"],
                "body": [
                    "Intro with a [link]. ",
                    {"type": "subheading", "content": "Pictures"},
                    {"type": "figure", "image": {"src": "photo.jpg", "alt": "Eight figures."}},
                    {"type": "figure", "image": {"caption": "A photo that did not arrive."}},
                    {"type": "figure", "image": {"src": "photo.jpg", "decorative": True}},
                    {
                        "type": "paragraph",
                        "content": [
                            "See ",
                            {"type": "link", "href": "https://example.org/", "children": ["this"]},
                            " and ",
                            {"type": "link", "href": "#p1", "children": ["the start"]},
                            ".",
                        ],
                    },
                    {"type": "subheading", "level": 3, "content": "Detail"},
                    "Last paragraph.",
                ],
            }
        ),
        encoding="utf-8",
    )
    return source


def make_books(out: Path) -> dict[str, Path]:
    """Every test article as an EPUB, plus a three-article edition and a mixed-language one."""
    books = {}
    sources = {
        **ARTICLES,
        "persian-photo": persian_with_photo(out / "fa-photo"),
        "figures": figures_article(out / "figures"),
    }
    for name, source in sources.items():
        article = newsformats.read(source)
        result = newsformats.convert(article, out, ["epub"], stem=name, source_dir=source.parent)
        books[name] = result.by_format["epub"][0]
    (books["edition"],) = convert_edition(
        EDITION, out, ["epub"], options=ConvertOptions(edition_title="Evening edition")
    )
    books["mixed-edition"] = write_edition(
        [newsformats.read(p) for p in MIXED],
        out / "mixed.epub",
        "Сводка дня",
        sources=MIXED,
    )
    return books


@pytest.fixture(scope="session")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Name → EPUB path, made once per session."""
    return make_books(tmp_path_factory.mktemp("epub"))


@pytest.fixture(scope="session")
def epubcheck_results(
    books: dict[str, Path], epubcheck_runner: epubcheck.EpubCheckRunner
) -> dict[Path, list[str]]:
    """EPUBCheck's messages (every severity) for every book, in the session's JVM."""
    found = epubcheck.check_epubs(list(books.values()), runner=epubcheck_runner)
    return _by_book(books, found)


@pytest.fixture(scope="session")
def ace_results(books: dict[str, Path]) -> dict[Path, list[str]]:
    """Ace's failed assertions for every book, from one call over all of them."""
    require(ace.ensure_available)
    return _by_book(books, ace.check_epubs(list(books.values())))


def _by_book(books: dict[str, Path], found: list[ValidatorMessage]) -> dict[Path, list[str]]:
    return {
        path: [str(m) for m in found if Path(m.file).resolve() == path.resolve()]
        for path in books.values()
    }


class BookFiles:
    """Reads the XML inside an EPUB for the tests (a fixture: conftest cannot be imported)."""

    NS = NS

    @staticmethod
    def entry(book: Path, name: str) -> etree._Element:
        """Parse one XML entry of an EPUB (``EPUB/content.opf``, ``EPUB/nav.xhtml``…)."""
        with zipfile.ZipFile(book) as archive:
            return etree.fromstring(archive.read(name), PARSER)

    def package(self, book: Path) -> etree._Element:
        """The package document of an EPUB."""
        return self.entry(book, "EPUB/content.opf")

    def meta(self, book: Path, prop: str) -> list[str]:
        """The values of every ``<meta property=prop>`` of the package."""
        found = self.package(book).iterfind(f"opf:metadata/opf:meta[@property='{prop}']", NS)
        return [m.text or "" for m in found]

    def dc(self, book: Path, name: str) -> list[str]:
        """The values of every ``<dc:name>`` of the package."""
        return [e.text or "" for e in self.package(book).iterfind(f"opf:metadata/dc:{name}", NS)]


@pytest.fixture(scope="session")
def files() -> BookFiles:
    """Readers of the XML inside EPUBs."""
    return BookFiles()
