"""Media overlays and the content documents they read (parts of ``epub-structure``)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..findings import Location
from ..loaders import Unreadable
from ..loaders.epub import SMIL, EpubBook, Item, child_elements, is_remote, parse_xml
from ..registry import Problem
from .epub_css import remote_key
from .epub_package import fragment_id

EPUB_TEXTREF = "{http://www.idpf.org/2007/ops}textref"
CONTENT_DOCUMENT_TYPES = ("application/xhtml+xml", "image/svg+xml")


def _core_audio(media_type: str) -> bool:
    """MP3, AAC/MP4 and Ogg Opus: the audio core media types of EPUB 3.3."""
    kind = media_type.split(";")[0].strip().lower()
    if kind in ("audio/mpeg", "audio/mp4"):
        return True
    return kind == "audio/ogg" and "opus" in media_type.lower()


def overlays(book: EpubBook) -> Iterator[Problem]:
    """Overlays and content documents name each other; what an overlay plays is there.

    EPUBCheck: a document read by an overlay without ``media-overlay`` (MED-010),
    by two overlays (MED-011), naming another overlay (MED-012) or an overlay
    that does not read it (MED-013); audio that is no core media type (MED-005)
    or has a fragment (MED-014), remote audio the manifest does not list (RSC-008)
    or the overlay's item does not mark ``remote-resources`` (OPF-014); text
    references to missing elements (RSC-012) or files (RSC-007, RSC-008); a
    document with an overlay but no style sheet when the package names an active
    class (CSS-030); what breaks the overlay schema (RSC-005).
    """
    by_path = {i.path: i for i in book.items.values() if not i.remote}
    ids = {
        page.member: {str(e.get("id")) for e in page.root.iter() if isinstance(e.tag, str)}
        for page in book.pages
    }
    read_by: dict[str, str] = {}
    parsed: set[str] = set()
    for overlay in book.local_items("application/smil+xml"):
        where = Location(member=overlay.path)
        try:
            smil = parse_xml(book.read(overlay.path, 50 * 1024 * 1024), overlay.path)
        except Unreadable as error:
            yield Problem(str(error), where)
            continue
        parsed.add(overlay.id)
        schema_problem = smil_schema(smil)
        if schema_problem:
            yield Problem(schema_problem, where)
        folder = posixpath.dirname(overlay.path)
        reported: set[str] = set()
        remote_audio = any(is_remote(a.get("src") or "") for a in smil.iter(f"{SMIL}audio"))
        if remote_audio and "remote-resources" not in overlay.properties:
            yield Problem(
                "the overlay plays remote audio but its manifest item lacks "
                'properties="remote-resources"',
                where,
            )
        for element in smil.iter():
            if not isinstance(element.tag, str):
                continue
            value = (
                element.get("src") if element.tag == f"{SMIL}text" else element.get(EPUB_TEXTREF)
            )
            if element.tag == f"{SMIL}audio":
                yield from _audio(book, element.get("src") or "", folder, by_path, where)
                continue
            if not value:
                continue
            parts = urlsplit(value.strip())
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            if not book.has(target):
                yield Problem(f"{value!r} is not in the EPUB", where)
                continue
            if target not in by_path:
                yield Problem(f"{value!r} is not in the manifest", where)
                continue
            owner = read_by.setdefault(target, overlay.id)
            if owner != overlay.id and target not in reported:
                reported.add(target)
                yield Problem(f"{target} is read by overlays {owner!r} and {overlay.id!r}", where)
            fragment = fragment_id(parts.fragment)
            known = ids.get(target)
            if fragment and known is not None and fragment not in known:
                yield Problem(f"{value!r}: no element has that id", where)
    for item in book.items.values():
        if item.media_type.split(";")[0].strip() not in CONTENT_DOCUMENT_TYPES:
            continue
        reader = read_by.get(item.path)
        where = Location(member=item.path)
        if reader is not None and not item.media_overlay:
            yield Problem(f"{item.path} is read by overlay {reader!r} but names none", where)
        elif reader is not None and item.media_overlay != reader:
            yield Problem(
                f"{item.path} names overlay {item.media_overlay!r}; {reader!r} reads it", where
            )
        elif reader is None and item.media_overlay in parsed:
            yield Problem(
                f"{item.path} names overlay {item.media_overlay!r}, which does not read it", where
            )
    yield from _active_class_styles(book)


def _audio(
    book: EpubBook, value: str, folder: str, by_path: dict[str, Item], where: Location
) -> Iterator[Problem]:
    parts = urlsplit(value.strip())
    if parts.fragment:
        yield Problem(f"the audio {value!r} has a fragment", where)
    if is_remote(value):
        if remote_key(value) not in {remote_key(i.href) for i in book.items.values() if i.remote}:
            yield Problem(f"the remote audio {value!r} is not in the manifest", where)
        return
    if parts.scheme or parts.netloc or not parts.path:
        return
    target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
    item = by_path.get(target)
    if item is None:
        what = "the manifest" if book.has(target) else "the EPUB"
        yield Problem(f"the audio {value!r} is not in {what}", where)
    elif not _core_audio(item.media_type):
        yield Problem(f"the audio {target} ({item.media_type}) is no core media type", where)


def _active_class_styles(book: EpubBook) -> Iterator[Problem]:
    """An active class needs a style sheet in each document an overlay reads."""
    if not (book.meta("media:active-class") or book.meta("media:playback-active-class")):
        return
    with_overlay = {i.path for i in book.items.values() if i.media_overlay}
    for page in book.pages:
        if page.member not in with_overlay:
            continue
        styled = _has_style_sheet(page.root)
        if not styled:
            yield Problem(
                "the package names a media overlay active class but this document has no "
                "style sheet to style it",
                Location(member=page.member),
            )


def _has_style_sheet(root: etree._Element) -> bool:
    """A ``<style>`` with content, a style sheet link or an ``xml-stylesheet`` instruction."""
    for element in root.iter("style", "link"):
        if element.tag == "style" and element.text:
            return True
        rel = (element.get("rel") or "").lower()
        if element.tag == "link" and element.get("href") is not None and "stylesheet" in rel:
            return True
    sibling = root.getprevious()
    while sibling is not None:
        if isinstance(sibling, etree._ProcessingInstruction) and sibling.target == "xml-stylesheet":
            return True
        sibling = sibling.getprevious()
    return False


EPUB_OPS = "{http://www.idpf.org/2007/ops}"
NPT = re.compile(
    r"^(\s*\d+:[0-5]\d:[0-5]\d(\.\d+)?\s*|\s*[0-5]\d:[0-5]\d(\.\d+)?\s*"
    r"|\s*\d+(\.\d+)?(h|min|s|ms)?\s*)$"
)
# element -> (allowed attributes, required attributes) of media-overlay-30.rnc
SMIL_ATTRIBUTES: dict[str, tuple[set[str], set[str]]] = {
    "smil": ({"version", "id", f"{EPUB_OPS}prefix"}, {"version"}),
    "head": (set(), set()),
    "body": ({f"{EPUB_OPS}type", "id", f"{EPUB_OPS}textref"}, set()),
    "seq": ({f"{EPUB_OPS}type", "id", f"{EPUB_OPS}textref"}, {f"{EPUB_OPS}textref"}),
    "par": ({f"{EPUB_OPS}type", "id"}, set()),
    "text": ({"id", "src"}, {"src"}),
    "audio": ({"id", "src", "clipBegin", "clipEnd"}, {"src"}),
}


def smil_schema(smil: etree._Element) -> str | None:
    """What breaks EPUBCheck's media-overlay-30.rnc in an overlay (RSC-005), or None.

    ``smil`` (version 3.0) holds an optional ``head`` and a ``body``; ``body`` and ``seq``
    hold ``seq`` and ``par`` elements, a ``seq`` with ``epub:textref``; a ``par`` holds
    one ``text`` and an optional ``audio`` with clock values.
    """
    if smil.tag != f"{SMIL}smil":
        return "the overlay's root is not <smil> in the SMIL namespace"
    if smil.get("version") != "3.0":
        return "an overlay's <smil> has version 3.0"
    kids = child_elements(smil)
    names = [etree.QName(c).localname for c in kids]
    if names not in (["body"], ["head", "body"]) or any(
        etree.QName(c).namespace != SMIL[1:-1] for c in kids
    ):
        return "<smil> holds an optional <head> and a <body>"
    for element in smil.iter():
        if not isinstance(element.tag, str) or element.tag == f"{SMIL}metadata":
            continue
        if any(a.tag == f"{SMIL}metadata" for a in element.iterancestors()):
            continue  # metadata holds anything
        problem = _smil_element(element)
        if problem:
            return problem
    return None


def _smil_element(element: etree._Element) -> str | None:
    name = etree.QName(element).localname
    if etree.QName(element).namespace != SMIL[1:-1] or name not in SMIL_ATTRIBUTES:
        return f"<{name}> is not an element of a media overlay"
    allowed, required = SMIL_ATTRIBUTES[name]
    for attribute in element.attrib:
        if str(attribute) not in allowed:
            return f"<{name}> may not have the attribute {etree.QName(attribute).localname!r}"
    for attribute in required:
        if element.get(attribute) is None:
            return f"<{name}> needs the attribute {etree.QName(attribute).localname!r}"
    for clock in ("clipBegin", "clipEnd"):
        if element.get(clock) is not None and not NPT.match(element.get(clock) or ""):
            return f"{clock}={element.get(clock)!r} is not a clock value"
    kids = [etree.QName(c).localname for c in element if isinstance(c.tag, str)]
    if (element.text or "").strip() or any((c.tail or "").strip() for c in element):
        return f"<{name}> holds text"
    if name == "head" and kids not in ([], ["metadata"]):
        return "<head> holds only <metadata>"
    if name in ("body", "seq") and (not kids or any(k not in ("seq", "par") for k in kids)):
        return f"<{name}> holds <seq> and <par> elements, at least one"
    if name == "par" and kids not in (["text"], ["text", "audio"]):
        return "<par> holds one <text> and an optional <audio>"
    if name in ("text", "audio") and kids:
        return f"<{name}> is empty"
    return None
