"""Two EPUB suites made from EPUBCheck's fixtures that the first EPUBCheck suite left out.

``epubcheck-extra``: the publication folders of EPUBCheck's other fixture trees
(``src/test/resources/epub-*/files/epub/*/``: multiple renditions, dictionaries,
region-based navigation, previews, EDUPUB, indexes), zipped mimetype first as
the ``epubcheck`` suite's, and the books EPUBCheck keeps already packaged in
``epub3/*/files/*.epub`` (copied as they are; the two that have a same-named
folder, already in the ``epubcheck`` suite, are left out).

``epubcheck-docs``: the single documents of ``epub3/*/files/`` put in a minimal
valid book (the reference is computed on that book, with the real validators):

- an XHTML or SVG content document is the one spine item of a book whose package
  has a title, language, identifier, modification date and the accessibility
  metadata Ace asks for, and whose own navigation document lists it; a document
  of ``07-navigation-document`` is the book's navigation document instead, next
  to a minimal content document. The document's manifest item declares the
  properties (``scripted``, ``svg``, ``mathml``, ``remote-resources``,
  ``switch``) that EPUBCheck says it needs, so that the wrapper itself is valid;
- a package document becomes the book's package, with a minimal XHTML document
  (or navigation document, for the ``nav`` item) for each manifest item; only
  packages whose manifest lists nothing but XHTML documents are used, since a
  placeholder image, font or audio file would decide the verdict itself.

The package documents of the accessibility, distributable-objects and
scriptable-components trees are used like epub3's. Left out: EPUB 2 publications
(``epub2/``; ``newsformats check`` checks EPUB 3 only) and single media overlays
(``.smil``: they need a text document and audio whose placeholders would decide
the verdict).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

RESOURCES = "src/test/resources"
OPF = "{http://www.idpf.org/2007/opf}"
EXTRA_TREES = (
    "epub-multiple-renditions",
    "epub-dictionaries",
    "epub-region-nav",
    "epub-previews",
    "epub-edupub",
    "epub-indexes",
)
DOC_TREES = (
    "epub3",
    "epub-accessibility",
    "epub-distributable-objects",
    "epub-scriptable-components",
)
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/{}" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""
PACKAGE = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" xml:lang="en" unique-identifier="q">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:title>Test document</dc:title>
    <dc:language>en</dc:language>
    <dc:identifier id="q">urn:uuid:5b7cfa46-0d5e-4b3e-9a55-6f1d7b0e2c11</dc:identifier>
    <meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">A single test document.</meta>
  </metadata>
  <manifest>
{items}
  </manifest>
  <spine>
{spine}
  </spine>
</package>
"""
XHTML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" \
xml:lang="en" lang="en">
<head><meta charset="utf-8"/><title>{title}</title>{head}</head>
<body>
{body}
</body>
</html>
"""
SCRIPT = '<script type="text/javascript">document.title = document.title;</script>'
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="img" aria-label="A square"><rect width="10" height="10"/></svg>'  # noqa: E501
MATH = '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>'
MEDIA_TYPES = {".xhtml": "application/xhtml+xml", ".svg": "image/svg+xml"}
PROPERTY_ASKED = re.compile(r'property "?([\w-]+)"? should (not )?be declared', re.IGNORECASE)


def resources_of(source: Path, into: Path) -> Path:
    """EPUBCheck's ``src/test/resources`` folder: of a checkout, or read out of a git directory."""
    if (source / RESOURCES).is_dir():
        return source
    archive = subprocess.run(
        ["git", "-C", str(source), "archive", "HEAD", RESOURCES, "LICENSE.md"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def zip_folder(folder: Path, out: Path) -> None:
    """Zip a publication folder as ``zip -X``: ``mimetype`` first and stored, the rest deflated."""
    with zipfile.ZipFile(out, "w") as book:
        if (folder / "mimetype").is_file():
            book.write(folder / "mimetype", "mimetype", zipfile.ZIP_STORED)
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and name != "mimetype":
                book.write(path, name, zipfile.ZIP_DEFLATED)


def write_book(out: Path, files: dict[str, bytes]) -> None:
    """Write an EPUB: ``mimetype`` stored first, then ``files`` (paths inside the zip)."""
    with zipfile.ZipFile(out, "w") as book:
        book.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        for name, data in files.items():
            book.writestr(name, data, zipfile.ZIP_DEFLATED)


def _item(item_id: str, href: str, media_type: str, properties: set[str]) -> str:
    props = f' properties="{" ".join(sorted(properties))}"' if properties else ""
    return f'    <item id="{item_id}" href="{href}" media-type="{media_type}"{props}/>'


def _nav(links: list[str], title: str = "Contents") -> str:
    entries = "\n".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    body = (
        f'<nav epub:type="toc" role="doc-toc" id="toc"><h1>{title}</h1><ol>\n{entries}\n</ol></nav>'
    )
    return XHTML.format(title=title, head="", body=body)


def _page(properties: set[str], title: str = "Content") -> str:
    """A minimal XHTML document that needs exactly the given manifest properties."""
    body = f"<h1>{title}</h1><p>Text.</p>"
    if "svg" in properties:
        body += SVG
    if "mathml" in properties:
        body += f"<p>{MATH}</p>"
    head = SCRIPT if "scripted" in properties else ""
    return XHTML.format(title=title, head=head, body=body)


def document_book(name: str, data: bytes, is_nav: bool, properties: set[str]) -> dict[str, bytes]:
    """The files of the minimal book around one XHTML or SVG document."""
    media_type = MEDIA_TYPES[Path(name).suffix]
    nav_name = "nav.xhtml" if name != "nav.xhtml" else "wrapper-nav.xhtml"
    page_name = "content.xhtml" if name != "content.xhtml" else "wrapper-content.xhtml"
    files = {"META-INF/container.xml": CONTAINER.format("package.opf").encode()}
    if is_nav:
        items = [
            _item("content", page_name, "application/xhtml+xml", set()),
            _item("doc", name, media_type, properties | {"nav"}),
        ]
        files["EPUB/" + page_name] = _page(set()).encode()
        spine = ["content"]
    else:
        items = [
            _item("doc", name, media_type, properties),
            _item("nav", nav_name, "application/xhtml+xml", {"nav"}),
        ]
        if media_type == "application/xhtml+xml":
            files["EPUB/" + nav_name] = _nav([name]).encode()
            spine = ["doc"]
        else:  # Ace wants the contents to lead to XHTML in reading order: the nav reads first
            files["EPUB/" + nav_name] = _nav([f"{nav_name}#toc"]).encode()
            spine = ["nav", "doc"]
    itemrefs = "\n".join(f'    <itemref idref="{i}"/>' for i in spine)
    files["EPUB/package.opf"] = PACKAGE.format(items="\n".join(items), spine=itemrefs).encode()
    files["EPUB/" + name] = data
    return files


def guessed_properties(data: bytes, svg_document: bool) -> set[str]:
    """The manifest properties a content document seems to need (EPUBCheck corrects them)."""
    text = data.decode("utf-8", "replace")
    found = set()
    if re.search(r"<script\b|\son[a-z]+\s*=", text, re.IGNORECASE):
        found.add("scripted")
    if not svg_document and re.search(r"<(\w+:)?svg[\s>]", text):
        found.add("svg")
    if re.search(r"<(\w+:)?math[\s>]", text):
        found.add("mathml")
    if re.search(r"""\ssrc\s*=\s*["']https?://|url\(\s*["']?https?://""", text, re.IGNORECASE):
        found.add("remote-resources")
    if re.search(r"<epub:switch[\s>]", text):
        found.add("switch")
    return found


def package_book(name: str, data: bytes) -> dict[str, bytes] | None:
    """The files of a book around one package document, or None if it needs other resources."""
    files = {
        "META-INF/container.xml": CONTAINER.format(name).encode(),
        "EPUB/" + name: data,
    }
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return files  # a malformed package: the book is the package alone
    items = list(root.iter(f"{OPF}item"))
    if any(i.get("media-type") != "application/xhtml+xml" for i in items):
        return None
    pages = [i for i in items if "nav" not in (i.get("properties") or "").split()]
    links = [i.get("href") or "" for i in pages if _local(i.get("href") or "")]
    for item in items:
        href = item.get("href") or ""
        path = _local(href)
        if path is None or "EPUB/" + path in files:
            continue
        properties = set((item.get("properties") or "").split())
        if "nav" in properties:
            files["EPUB/" + path] = _nav(links or [href]).encode()
        else:
            files["EPUB/" + path] = _page(properties).encode()
    return files


def _local(href: str) -> str | None:
    """The zip path of a relative manifest URL next to the package, or None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = unquote(parts.path)
    if ".." in Path(path).parts:
        return None
    return path


def single_documents(resources: Path) -> Iterator[tuple[str, Path]]:
    """(section, file) of every single XHTML, SVG or package document of the fixture trees."""
    for tree in DOC_TREES:
        top = resources / RESOURCES / tree
        found = top.glob("*/files/*") if tree == "epub3" else top.glob("files/**/*")
        for path in sorted(found):
            if path.suffix not in (".xhtml", ".svg", ".opf") or not path.is_file():
                continue
            if _in_publication(path, top):
                continue  # a file of a publication folder, not a document on its own
            section = path.relative_to(top).parts[0] if tree == "epub3" else tree
            yield section, path


def _in_publication(path: Path, top: Path) -> bool:
    for folder in path.parents:
        if folder == top:
            return False
        if (folder / "META-INF").is_dir() or (folder / "mimetype").is_file():
            return True
    return False


def make_suites(source: Path, suites: Path) -> dict[str, int]:
    """Write ``epubcheck-extra`` and ``epubcheck-docs`` under ``suites``; return their sizes."""
    extra, docs = suites / "epubcheck-extra", suites / "epubcheck-docs"
    with tempfile.TemporaryDirectory(prefix="epubcheck-src-") as tmp:
        resources = resources_of(source, Path(tmp))
        for out in (extra, docs):
            out.mkdir(parents=True, exist_ok=True)
            for old in out.glob("*.epub"):
                old.unlink()
            shutil.copy(resources / "LICENSE.md", out / "LICENSE.md")
        for tree in EXTRA_TREES:
            for folder in sorted((resources / RESOURCES / tree).glob("files/epub/*/")):
                if (folder / "META-INF").is_dir():
                    zip_folder(folder, extra / f"{tree}__{folder.name}.epub")
        for packaged in sorted((resources / RESOURCES / "epub3").glob("*/files/*")):
            if packaged.suffix.lower() != ".epub" or packaged.with_suffix("").is_dir():
                continue  # a same-named folder is already in the epubcheck suite
            section = packaged.parent.parent.name
            shutil.copy(packaged, extra / f"{section}__{packaged.name[:-5]}.epub")
        for section, path in single_documents(resources):
            data = path.read_bytes()
            out = docs / f"{section}__{path.name}.epub"
            if path.suffix == ".opf":
                files = package_book(path.name, data)
                if files is None:
                    continue
            else:
                is_nav = section == "07-navigation-document"
                properties = guessed_properties(data, path.suffix == ".svg")
                files = document_book(path.name, data, is_nav, properties)
            write_book(out, files)
    declare_asked_properties(docs)
    return {
        "epubcheck-extra": len(list(extra.glob("*.epub"))),
        "epubcheck-docs": len(list(docs.glob("*.epub"))),
    }


def bare_wrappers() -> dict[str, dict[str, bytes]]:
    """The wrappers around neutral documents: EPUBCheck must report nothing on them.

    (Ace, run on them once, reported nothing either: ``docs/agreement.md``.)
    """
    page = _page(set(), "A page").encode()
    svg = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
        b'version="1.1" viewBox="0 0 10 10"><title>A square</title><rect width="10" height="10"/>'
        b"</svg>"
    )
    items = [
        _item("c", "c.xhtml", "application/xhtml+xml", set()),
        _item("n", "nav.xhtml", "application/xhtml+xml", {"nav"}),
    ]
    package = PACKAGE.format(items="\n".join(items), spine='    <itemref idref="c"/>').encode()
    return {
        "xhtml.epub": document_book("doc.xhtml", page, False, set()),
        "svg.epub": document_book("doc.svg", svg, False, set()),
        "nav.epub": document_book("toc.xhtml", _nav(["content.xhtml"]).encode(), True, set()),
        "opf.epub": package_book("package.opf", package) or {},
    }


def declare_asked_properties(docs: Path) -> None:
    """Give each wrapped document the manifest properties EPUBCheck asks for (OPF-014, OPF-015).

    The wrapper's manifest item is ours, not the fixture's: the properties it
    declares must be those the document needs, as EPUBCheck reads it.
    """
    from newsformats.validators import epubcheck

    with epubcheck.EpubCheckRunner() as runner, tempfile.TemporaryDirectory() as tmp:
        for name, files in bare_wrappers().items():
            write_book(Path(tmp) / name, files)
            said = [f"{m.rule} {m.message}" for m in runner.check(Path(tmp) / name)]
            if said:
                raise RuntimeError(f"the wrapper {name} is not valid by itself: {said}")
        for book in sorted(docs.glob("*.epub")):
            if book.name.endswith(".opf.epub"):
                continue  # the package is the fixture's own
            for _ in range(3):
                wanted = _asked(runner.check(book))
                if not wanted:
                    break
                _redeclare(book, wanted)


def _asked(messages: list) -> dict[str, bool]:
    asked: dict[str, bool] = {}
    for m in messages:
        if m.rule in ("OPF-014", "OPF-015"):
            found = PROPERTY_ASKED.search(m.message)
            if found:
                asked[found.group(1)] = m.rule == "OPF-014"
    return asked


def _redeclare(book: Path, wanted: dict[str, bool]) -> None:
    with zipfile.ZipFile(book) as old:
        files = {n: old.read(n) for n in old.namelist() if n != "mimetype"}
    opf = files["EPUB/package.opf"].decode()
    line = re.search(r'<item id="doc"[^>]*/>', opf)
    if line is None:
        return
    item = etree.fromstring(line.group(0))
    properties = set((item.get("properties") or "").split())
    for name, add in wanted.items():
        (properties.add if add else properties.discard)(name)
    new = _item("doc", item.get("href") or "", item.get("media-type") or "", properties)
    files["EPUB/package.opf"] = opf.replace(line.group(0), new.strip()).encode()
    write_book(book, files)
