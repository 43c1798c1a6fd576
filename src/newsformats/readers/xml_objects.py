"""An unknown XML vocabulary's objects as HTML: a picture, an embedded post or video.

An agency body in a vocabulary no reader knows (Infomaker's IDF) sets objects between its
paragraphs: a picture (``<object type="x-im/image">`` holding a link to the image and its
caption in ``<data><text>``), a video or post (an ``url`` attribute on the object) and a
fact box (a ``<title>`` and its text). They are told by their structure, not by the
vocabulary's names: an element with a web address of its own and more inside it is an
embed; an element holding a link to a picture, whose words are only the picture's caption,
alt text and credit (and one-word settings, "auto"), is a figure. A box's title is a
heading (:func:`is_title`).
"""

from __future__ import annotations

import re
import urllib.parse

from lxml import etree

ADDRESS_ATTRIBUTES = ("uri", "url", "href", "src")
PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)
# The names a vocabulary gives a picture's caption, alt text and credit (lower case).
CAPTION_NAMES = ("caption", "text", "description", "imagetext")
ALT_NAMES = ("alttext", "alt", "alternativetext", "alternatetext")
CREDIT_NAMES = ("credit", "creditline", "byline", "photographer")
TITLE_NAMES = frozenset({"title", "heading", "headline"})


def object_as_html(node: etree._Element) -> etree._Element | None:
    """The element as an HTML ``iframe`` (an embed) or ``figure`` (a picture), else None.

    >>> xml = etree.fromstring('<object><links><link rel="self" type="x-im/image" '
    ...     'uri="im://image/a.jpeg"><data><text>A ferry.</text><alignment>auto</alignment>'
    ...     '</data></link></links></object>')
    >>> etree.tostring(object_as_html(xml)).decode()
    '<figure><img src="im://image/a.jpeg"/><figcaption>A ferry.</figcaption></figure>'
    """
    address = _web_address(node)
    if address and len(node):
        frame = etree.Element("iframe", src=address)
        title = node.get("title") or next(
            (_words(e) for e in node.iter() if _name(e) in TITLE_NAMES and _words(e)), ""
        )
        if title:
            frame.set("title", title)
        return frame
    pictures = [e for e in node.iter() if _picture_address(e)]
    if not pictures or not _only_picture_words(node):
        return None
    link = next((e for e in pictures if e.get("rel") == "self"), pictures[0])
    figure = etree.Element("figure")
    img = etree.SubElement(figure, "img", src=_picture_address(link))
    alt = _named(node, ALT_NAMES)
    if alt:
        img.set("alt", alt)
    for dimension in ("width", "height"):
        value = _named(node, (dimension,))
        if value.isdigit():
            img.set(dimension, value)
    caption = _named(node, CAPTION_NAMES)
    if caption:
        etree.SubElement(figure, "figcaption").text = caption
    credit = _named(node, CREDIT_NAMES)
    if credit:
        etree.SubElement(figure, "span", {"class": "credit"}).text = credit
    return figure


def is_title(node: etree._Element) -> bool:
    """An element of text alone named for a title (a fact box's ``<title>``)."""
    return _name(node) in TITLE_NAMES and not len(node) and bool(_words(node))


def _name(node: etree._Element) -> str:
    return etree.QName(node).localname.lower() if isinstance(node.tag, str) else ""


def _words(node: etree._Element) -> str:
    return " ".join("".join(str(t) for t in node.itertext()).split())


def _web_address(node: etree._Element) -> str:
    for name in ADDRESS_ATTRIBUTES:
        value = (node.get(name) or "").strip()
        if re.match(r"https?://", value, re.IGNORECASE):
            return value
    return ""


def _picture_address(node: etree._Element) -> str:
    """The address of a picture the element links to: typed as an image (``image/jpeg``,
    Infomaker's ``x-im/image``) or named as a picture's file."""
    kind = (node.get("type") or "").lower()
    for name in ADDRESS_ATTRIBUTES:
        value = (node.get(name) or "").strip()
        path = urllib.parse.urlsplit(value).path
        if value and (
            kind.startswith("image/") or kind.endswith("/image") or PICTURE_FILE.search(path)
        ):
            return value
    return ""


def _named(node: etree._Element, names: tuple[str, ...]) -> str:
    """The words of the first element named one of ``names`` (in their order) that has any."""
    for name in names:
        for element in node.iter():
            if _name(element) == name and not len(element) and _words(element):
                return _words(element)
    return ""


def _only_picture_words(node: etree._Element) -> bool:
    """Are the element's words only a picture's caption, alt text and credit, besides
    one-word settings and figures ("auto", "3560")? A box of text holding a picture is not."""
    kept = (*CAPTION_NAMES, *ALT_NAMES, *CREDIT_NAMES)
    for element in node.iter():
        if not isinstance(element.tag, str) or len(element) or _name(element) in kept:
            continue
        if len(_words(element).split()) > 1:
            return False
    return True
