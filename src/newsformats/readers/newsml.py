"""NewsML-G2 (IPTC) → articles: a ``newsItem``, or every text item of a ``newsMessage``.

A text item's ``contentMeta`` gives the headline, ``subheadline`` (the
standfirst; else the ``description`` whose role is a summary), ``by`` (else the
``creator`` names), ``creditline``, ``dateline`` (else ``located``), the
language (``language`` or ``xml:lang``) and the dates, a kicker (a ``headline``
of a kicker role or a lower rank, :func:`_kicker`); ``edNote`` becomes an editor's
note, but not the newsroom's own (:func:`_editors_notes`). Its body is the
``inlineXML`` (NITF or XHTML) or ``inlineData`` (plain text or HTML) of
``contentSet``, through the shared HTML body converter.

Pictures are ``newsItem``s of class ``ninat:picture``: a ``packageItem`` in the
same message links them to the text item of their group, the first becoming the
lead image. A picture's rendition is its largest web image; its descriptions
give the caption (role caption) and alt text (role alternative text).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import InputError
from ..model import Article
from ..notes import note
from .assemble import finish_article, keep_going, parse_date
from .excerpts import letters_key, repeats_the_text
from .fields import byline_people, clean_dateline, take_leading_byline
from .html_body import BodyOptions, drop_repeated_headline, html_to_blocks, inline_text
from .nitf import nitf_fields
from .sniff import NEWSML_NS
from .source import Source
from .xml_objects import is_title, object_as_html
from .xmltree import XML_LANG, language_of, parse_xml, text_of

G = f"{{{NEWSML_NS}}}"
WEB_IMAGES = ("image/jpeg", "image/png", "image/gif", "image/webp")
PICTURE_CLASSES = ("ninat:picture", "ninat:graphic")
MAX_RENDITION_WIDTH = 2400
XHTML = "{http://www.w3.org/1999/xhtml}"
MIN_SUMMARY_WORDS = 8
# The class an XHTML body gives the summary it starts with (dpa's ``p.teaser``).
SUMMARY_CLASS = re.compile(
    r"(?:^|[-_ ])(?:teaser|lead|lede|standfirst|summary|abstract|intro)(?:[-_ ]|$)"
)
# Wire copy (IPTC 7901, ANPA) starts a paragraph with an indented line or a blank line.
INDENT = re.compile(r"\n[ \t]{2,}(?=\S)")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]{2,}\S)")
MARKUP = re.compile(r"\s*<(?:p|div|h[1-6]|ul|ol|table|blockquote|br)\b", re.IGNORECASE)


def read_newsml(source: Source) -> list[Article]:
    """Read every text item of a NewsML-G2 document, in document order."""
    root = parse_xml(source)
    name = etree.QName(root).localname
    items = [root] if name == "newsItem" else list(root.iter(f"{G}newsItem"))
    packages = [root] if name == "packageItem" else list(root.iter(f"{G}packageItem"))
    by_guid = {item.get("guid", ""): item for item in items if item.get("guid")}
    texts = [item for item in items if not _is_picture(item)]
    if not texts:
        what = "a package that refers to items not in this file" if packages else "no text item"
        raise source.error(f"this NewsML-G2 {name} holds {what}; there is no article text")
    pictures = _pictures_of_texts(packages, by_guid, texts)
    linked = {id(p) for found in pictures.values() for p in found}
    for item in items:
        if _is_picture(item) and id(item) not in linked:
            note(
                f"{source.name}: the picture item {item.get('guid') or '?'} is not linked "
                "to a text item by a packageItem; it is left out"
            )
    articles: list[Article] = []
    problems: list[InputError] = []
    for number, item in enumerate(texts, start=1):
        where = f"item {number} ({item.get('guid')})" if len(texts) > 1 else None
        try:
            data = _text_item(item, source, where)
            images = [_picture(p) for p in pictures.get(id(item), [])]
            if images and not data.get("lead_image"):
                data["lead_image"] = images.pop(0)
            data["body"] = data.get("body", []) + [{"type": "figure", "image": i} for i in images]
            articles.append(finish_article(data, source, where))
        except InputError as problem:
            problems.append(problem)
    return keep_going(articles, problems, source)


def _is_picture(item: etree._Element) -> bool:
    item_class = item.find(f"{G}itemMeta/{G}itemClass")
    return item_class is not None and item_class.get("qcode", "") in PICTURE_CLASSES


def _pictures_of_texts(
    packages: list[etree._Element],
    by_guid: dict[str, etree._Element],
    texts: list[etree._Element],
) -> dict[int, list[etree._Element]]:
    """For each text item, the picture items its package groups with it."""
    found: dict[int, list[etree._Element]] = {}
    for package in packages:
        groups = list(package.iter(f"{G}group")) or [package]
        for group in groups:
            refs = [by_guid.get(r.get("residref", "")) for r in group.iter(f"{G}itemRef")]
            items = [r for r in refs if r is not None]
            text = next((i for i in items if not _is_picture(i)), None)
            if text is None:
                text = texts[0] if len(texts) == 1 else None
            if text is not None:
                found.setdefault(id(text), []).extend(i for i in items if _is_picture(i))
    return found


def _text_item(item: etree._Element, source: Source, where: str | None) -> dict[str, Any]:
    meta = item.find(f"{G}contentMeta")
    place = f"{source.name} ({where})" if where else source.name

    def first(name: str) -> str:
        return text_of(meta.find(f"{G}{name}")) if meta is not None else ""

    descriptions = _descriptions(meta)
    language = meta.find(f"{G}language") if meta is not None else None
    data: dict[str, Any] = {
        "id": item.get("guid"),
        "headline": _headline(meta, sub=False),
        "kicker": _kicker(meta),
        "standfirst": first("subheadline")
        or _headline(meta, sub=True)
        or descriptions.get("summary"),
        "authors": _people(meta),
        "credit_line": first("creditline"),
        "publisher": _publisher(item),
        "dateline": clean_dateline(first("dateline")) or _located(meta),
        "language": (language.get("tag") if language is not None else None)
        or (meta.get(XML_LANG) if meta is not None else None)
        or language_of(item),
        "published": parse_date(
            first("contentCreated")
            or _item_meta(item, "firstCreated")
            # the first version's creation is the publication
            or (_item_meta(item, "versionCreated") if item.get("version") == "1" else ""),
            place,
        ),
        "updated": parse_date(
            first("contentModified") or _item_meta(item, "versionCreated"), place
        ),
        # An empty <keyword/> (STT's, Scoop's) would be an empty dc:subject in the EPUB.
        "keywords": [text_of(k) for k in meta.iter(f"{G}keyword") if text_of(k)]
        if meta is not None
        else [],
        "notes": _editors_notes(item, place),
    }
    if data["published"] and data["updated"] and data["updated"] < data["published"]:
        data["updated"] = None
    subheadline = bool(first("subheadline") or _headline(meta, sub=True))
    nitf = _body(item, data, place, source.folder, subheadline=subheadline)
    if nitf:
        for key, value in nitf.items():
            if value and not data.get(key):
                data[key] = value
    if data.get("headline"):
        data["body"] = drop_repeated_headline(data["body"], str(data["headline"]))
    _drop_repeated_standfirst(data)
    summary = descriptions.get("summary")
    if summary and data["standfirst"] == summary and repeats_the_text(summary, data["body"]):
        data["standfirst"] = None  # the text's first words, cut ("…"): no standfirst
    take_leading_byline(data)
    return data


def _drop_repeated_standfirst(data: dict[str, Any]) -> None:
    """A body whose first text block says the standfirst again (APA's body: the headline,
    then its subtitle as an ``h2``) shows it once: the block is dropped. When that block
    is the whole text, it stays, as a paragraph (a lone heading heads nothing), and the
    standfirst goes."""
    standfirst, body = data.get("standfirst"), data.get("body") or []
    texts = [(i, b) for i, b in enumerate(body) if b.get("type") in ("paragraph", "subheading")]
    if not isinstance(standfirst, str) or not standfirst or not texts:
        return
    index, block = texts[0]
    if letters_key(inline_text(block.get("content") or [])) != letters_key(standfirst):
        return
    if len(texts) > 1:
        data["body"] = body[:index] + body[index + 1 :]
        return
    body[index] = {"type": "paragraph", "content": block["content"]}
    data["standfirst"] = None


# A note of desk codes alone ("dpa tt xx n1", dpa's closing line "dpa so yyon z2 a3
# vni/dmo": the editors' initials joined by a slash): routing, not words.
DESK_CODE = r"[a-z0-9]{1,4}(?:/[a-z0-9]{1,4})*"
DESK_CODES = re.compile(rf"{DESK_CODE}(?:\s+{DESK_CODE}){{2,}}")
# A note role that names the closing line of wire copy (dpa's "dpaednoterole:closingline",
# APA's "aparole:closing": "Schluss", the end mark): for the desk, not the reader.
CLOSING_ROLE = re.compile(r"(?:^|[:_ -])closing(?:-?line)?$")
# A part of a note marked for the newsroom only, by its class (dpa's "np-nonpublic").
NOT_PUBLIC = re.compile(r"(?:^|[-_ ])(?:non-?public|internal|not-?for-?publication)(?:[-_ ]|$)")


def _for_the_desk(node: etree._Element) -> bool:
    """An ``edNote`` for the desk: its role names the closing line, or it is desk codes
    alone (short lower-case codes, no sentence)."""
    return bool(
        CLOSING_ROLE.search((node.get("role") or "").lower()) or DESK_CODES.fullmatch(text_of(node))
    )


def _editors_notes(item: etree._Element, place: str) -> list[dict[str, str]]:
    """The item's ``edNote``s that may be published, each once.

    A note with a ``pubconstraint`` is for the newsroom (dpa's contacts: a reporter's
    telephone number), as is a part of a note whose class says "nonpublic"; both are
    left out, with a warning. A note that repeats another one with more around it (a
    notepad that gathers the others) is left out for the shorter one, and a note of desk
    codes alone (a closing line, "dpa tt xx n1") is none, with an info note. A note that
    ends in a colon is one with the notes of its role that follow it (dpa's "Zu diesem
    Text finden Sie Bilder mit folgendem Titel …:", then a note for each title).
    """
    texts: list[str] = []
    roles: dict[str, str] = {}
    withheld = desk = 0
    for node in item.iter(f"{G}edNote"):
        if node.get("pubconstraint"):
            withheld += 1
            continue
        node = copy.deepcopy(node)
        for part in [e for e in node.iter() if NOT_PUBLIC.search(str(e.get("class") or ""))]:
            parent = part.getparent()
            if parent is not None:
                withheld += 1
                parent.remove(part)
        if _for_the_desk(node):
            desk += 1
        elif text_of(node):
            texts.append(text_of(node))
            roles.setdefault(text_of(node), node.get("role") or "")
    if withheld:
        note(f"{place}: {withheld} editor's note(s) marked for the newsroom only are left out")
    if desk:
        note(
            f"{place}: {desk} editor's note(s) that close the wire copy (desk codes, an "
            "end mark) are left out",
            level="info",
        )
    kept = [text for text in texts if not any(other != text and other in text for other in texts)]
    joined = _join_listed_notes(list(dict.fromkeys(kept)), roles)
    return [{"kind": "editors-note", "text": text} for text in joined]


def _join_listed_notes(texts: list[str], roles: dict[str, str]) -> list[str]:
    """A note ending in a colon with the following notes of its role, as one: "…
    Titel im dpa Bildangebot: DeepSeek - …; Nvidia".

    >>> _join_listed_notes(["Pictures:", "A", "B", "Other"], {"Other": "x"})
    ['Pictures: A; B', 'Other']
    """
    joined: list[str] = []
    opener: str | None = None
    for text in texts:
        if opener is not None and roles.get(text, "") == roles.get(opener, ""):
            separator = " " if joined[-1].endswith(":") else "; "
            joined[-1] = f"{joined[-1]}{separator}{text}"
            continue
        opener = text if text.endswith(":") else None
        joined.append(text)
    return joined


def _body(
    item: etree._Element, data: dict[str, Any], place: str, folder: Path, *, subheadline: bool
) -> dict[str, Any] | None:
    """Fill ``data["body"]`` from contentSet; return the NITF fields when the body is NITF."""
    content_set = item.find(f"{G}contentSet")
    options = BodyOptions(where=place, folder=folder)
    if content_set is None:
        raise InputError("the item has no contentSet, so no text", file=place)
    for content in content_set:
        kind = (content.get("contenttype") or "").split(";")[0].strip().lower()
        name = etree.QName(content).localname if isinstance(content.tag, str) else ""
        if name == "inlineXML":
            child = next((c for c in content if isinstance(c.tag, str)), None)
            if child is None:
                continue
            if etree.QName(child).localname == "nitf":
                fields = nitf_fields(child, place, folder=folder)
                data["body"] = fields.pop("body")
                return fields
            body = child.find("{http://www.w3.org/1999/xhtml}body")
            if body is not None:
                _drop_header(body, data)
            elif _foreign(child):
                note(
                    f"{place}: the text is in an XML vocabulary newsformats does not know "
                    f"(<{etree.QName(child).localname}>); it is read element by element, "
                    "each run of text a paragraph"
                )
                child = _as_html(child)
                _take_foreign_header(child, data, subheadline=subheadline)
            data["body"] = html_to_blocks(body if body is not None else child, options)
            return None
        if name == "inlineData":
            text = content.text or ""
            if "html" in kind:
                data["body"] = html_to_blocks(text, options)
            elif MARKUP.match(text):
                # Declared plain text that holds HTML: read as HTML, an indented line of
                # wire copy still starting a paragraph.
                data["body"] = html_to_blocks(INDENT.sub("\n<p>", text), options)
            else:
                paragraphs = [" ".join(p.split()) for p in PARAGRAPH_BREAK.split(text)]
                data["body"] = [{"type": "paragraph", "content": p} for p in paragraphs if p]
            return None
    raise InputError(
        "the item's text is not in this file (its contentSet holds only remoteContent, "
        "which is not fetched)",
        file=place,
    )


def _drop_header(body: etree._Element, data: dict[str, Any]) -> None:
    """An XHTML item's own ``<header>`` repeats the item's metadata (headline, slugline,
    date, genre): the article has those from ``contentMeta``. Kept from it: a summary
    sentence, as the standfirst when the item has none, and its ``time`` (``datetime`` or
    dpa's ``data-datetime``), as the publication when the item gives none. A first
    paragraph of the text whose class names a summary (dpa's ``p.teaser``) is the
    standfirst too, when the item has none."""
    for header in body.findall(f"{XHTML}header") + body.findall("header"):
        if not data.get("standfirst"):
            for paragraph in header.iter(f"{XHTML}p", "p"):
                text = text_of(paragraph)
                if len(text.split()) >= MIN_SUMMARY_WORDS:
                    data["standfirst"] = text
                    break
        if not data.get("published"):
            for time in header.iter(f"{XHTML}time", "time"):
                moment = time.get("datetime") or time.get("data-datetime")
                if moment:
                    data["published"] = parse_date(moment, str(data.get("id") or ""))
                    break
        body.remove(header)
    if data.get("standfirst"):
        return
    for paragraph in body.iter(f"{XHTML}p", "p"):
        parent = paragraph.getparent()
        if (
            SUMMARY_CLASS.search(paragraph.get("class") or "")
            and text_of(paragraph)
            and parent is not None
        ):
            data["standfirst"] = text_of(paragraph)
            parent.remove(paragraph)
        break


# HTML's block elements, which an unknown vocabulary may share in another case (TT's <P>).
HTML_BLOCKS = frozenset(
    (
        *("p", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre"),
        *("h1", "h2", "h3", "h4", "h5", "h6"),
        *("table", "thead", "tbody", "tr", "td", "th"),
    )
)


def _foreign(element: etree._Element) -> bool:
    """An inline body in neither XHTML nor NITF nor HTML's own (lower-case) names."""
    name = etree.QName(element)
    return name.namespace != XHTML[1:-1] and name.localname not in {
        *HTML_BLOCKS,
        "html",
        "body",
        "div",
        "section",
        "article",
    }


def _as_html(element: etree._Element) -> etree._Element:
    """An element of an unknown XML vocabulary as HTML, by its structure alone.

    HTML's block names in any case are what they say; an element that holds only text
    (and inline marks) is a paragraph; any other element is a container, read in order.
    A run of text that is only a web address (a picture's file) is no paragraph.

    >>> xml = etree.fromstring("<BODY><TEXT><INGRESS><P>Lead.</P></INGRESS>"
    ...     "<MELLIS>Sub</MELLIS><BILDFIL>http://x/1.jpg</BILDFIL></TEXT></BODY>")
    >>> etree.tostring(_as_html(xml)).decode()
    '<div><div><div><p>Lead.</p></div><p>Sub</p></div></div>'
    """

    def convert(node: etree._Element) -> etree._Element | None:
        local = etree.QName(node).localname.lower()
        texts = "".join(str(t) for t in node.itertext()).strip()
        children = [c for c in node if isinstance(c.tag, str)]
        if local in HTML_BLOCKS:
            out = etree.Element(local)
            out.text = node.text
            for child in children:
                converted = convert(child) if _block_like(child) else None
                if converted is not None:
                    out.append(converted)
                else:
                    span = etree.SubElement(out, "span")
                    span.text = "".join(str(t) for t in child.itertext())
                out[-1].tail = child.tail
            return out
        held = object_as_html(node) if children else None
        if held is not None:
            return held  # a picture or an embed set between the paragraphs
        leaves = all(len(c) == 0 and not _block_like(c) for c in children)
        if not children or (leaves and not _blocks_side_by_side(node)):
            # a web address (a picture's file) or figures alone (its width) are no text
            if not texts or URL_ONLY.fullmatch(texts) or not any(c.isalpha() for c in texts):
                return None
            out = etree.Element("p")
            out.text = " ".join(texts.split())
            return out
        out = etree.Element("div")
        for child in children:
            converted = convert(child)
            if converted is not None and converted.tag == "p" and is_title(child):
                converted.tag = "h2"  # a box's title (a fact box's <title>)
            if converted is not None:
                role = _header_role(child)
                if role:
                    converted.set("class", role)
                out.append(converted)
        return out

    converted = convert(element)
    return converted if converted is not None else etree.Element("div")


URL_ONLY = re.compile(r"(?:https?|ftp)://\S+")
# The type an unknown vocabulary gives its lead-in (Infomaker IDF's element type="leadin",
# "preamble"; Scandinavian "ingress").
SUMMARY_TYPE = re.compile(
    r"^(?:lead-?in|preamble|ingress|lead|lede|teaser|standfirst|summary|abstract|intro)$",
    re.IGNORECASE,
)


def _header_role(element: etree._Element) -> str | None:
    """``summary`` for an element typed as a lead-in, ``dateline`` or ``headline`` for one
    typed so (Infomaker IDF's ``type`` attribute), else None."""
    kind = (element.get("type") or element.get("role") or "").strip().lower()
    if SUMMARY_TYPE.match(kind):
        return "summary"
    return kind if kind in ("headline", "dateline") else None


def _blocks_side_by_side(node: etree._Element) -> bool:
    """Two or more child elements with no text of the node between them: each is a block
    (Infomaker IDF's ``<group>`` of ``<element type="headline|dateline|leadin">``), not
    inline marks in one paragraph."""
    children = [c for c in node if isinstance(c.tag, str)]
    own = (node.text or "") + "".join(c.tail or "" for c in node)
    return len(children) >= 2 and not own.strip()


def _take_foreign_header(body: etree._Element, data: dict[str, Any], *, subheadline: bool) -> None:
    """The first paragraphs of an unknown vocabulary's body that repeat the item's headline
    or dateline are its header, not text: dropped. Its lead-in (an element typed as one,
    see :data:`SUMMARY_TYPE`) is the standfirst, before a ``description`` of the item's
    metadata (Infomaker's is for editorial use); kept as text when a ``subheadline`` is the
    standfirst."""
    repeats = {
        " ".join(str(data.get(k) or "").split()).casefold() for k in ("headline", "dateline")
    }
    for paragraph in list(body.iter("p")):
        text = " ".join(text_of(paragraph).split())
        parent = paragraph.getparent()
        if parent is None:
            continue
        role = paragraph.get("class") or ""
        if text.casefold() in repeats - {""}:
            parent.remove(paragraph)
            continue
        if role == "dateline" and not data.get("dateline"):
            data["dateline"] = clean_dateline(text)
            parent.remove(paragraph)
            continue
        if role == "summary" and not subheadline:
            data["standfirst"] = text
            parent.remove(paragraph)
        break


def _block_like(node: etree._Element) -> bool:
    return etree.QName(node).localname.lower() in HTML_BLOCKS


def _descriptions(meta: etree._Element | None) -> dict[str, str]:
    """Descriptions by role: ``summary``, ``caption``, ``alt`` (IPTC drol: codes)."""
    found: dict[str, str] = {}
    if meta is None:
        return found
    for node in meta.iter(f"{G}description"):
        role = (node.get("role") or "").lower()
        key = (
            "alt"
            if "alt" in role
            else "caption"
            if "caption" in role
            else "summary"
            if "summary" in role or "abstract" in role or not role
            else role
        )
        found.setdefault(key, text_of(node))
    return found


def _people(meta: etree._Element | None) -> list[dict[str, Any]]:
    if meta is None:
        return []
    by = text_of(meta.find(f"{G}by"))
    if by:
        return list(byline_people(by))
    people = []
    for creator in meta.iter(f"{G}creator"):
        name = text_of(creator.find(f"{G}name"))
        # A creator is metadata, often an account ("degenhardt.sandra") or a desk's
        # initials ("VRG"); only a name of two words or more is shown as a byline.
        if len(name.split()) >= 2:
            people.append({"name": name})
    return people


def _publisher(item: etree._Element) -> dict[str, str] | None:
    """The copyright holder, else the provider: a ``name`` child or a ``literal``."""
    for path in (f"{G}rightsInfo/{G}copyrightHolder", f"{G}itemMeta/{G}provider"):
        party = item.find(path)
        if party is not None:
            name = text_of(party.find(f"{G}name")) or (party.get("literal") or "").strip()
            if name:
                return {"name": name}
    return None


def _headline(meta: etree._Element | None, *, sub: bool) -> str:
    """The main headline, or (``sub``) a ``headline`` whose role names a subheadline."""
    if meta is None:
        return ""
    for node in sorted(meta.iter(f"{G}headline"), key=_rank):
        role = (node.get("role") or "").lower()
        if ("sub" in role) == sub and not KICKER_ROLE.search(role) and text_of(node):
            return text_of(node)
    return "" if sub else text_of(meta.find(f"{G}headline"))


def _rank(node: etree._Element) -> int:
    """A headline's ``rank`` (1 the most preferred; none counts as 1)."""
    rank = node.get("rank") or ""
    return int(rank) if rank.isdigit() else 1


# A headline role that names the line above the headline (IPTC's roles are free codes:
# "kicker", "overline", "supertitle", "pretitle", "roofline").
KICKER_ROLE = re.compile(r"(?:^|[:_ -])(?:kicker|overline|supertitle|pre-?title|roofline)$")
MAX_KICKER_WORDS = 4


def _kicker(meta: etree._Element | None) -> str | None:
    """The kicker: a ``headline`` whose role names one, else one with no role whose
    ``rank`` is below the main headline's and that is a label, not a sentence (four
    words at most, no closing stop or colon): dpa's profile writes its kicker
    ("Künstliche Intelligenz") as ``<headline rank="3">`` beside ``rank="1"``."""
    if meta is None:
        return None
    headlines = list(meta.iter(f"{G}headline"))
    for node in headlines:
        if KICKER_ROLE.search((node.get("role") or "").lower()) and text_of(node):
            return text_of(node)
    for node in headlines:
        text = text_of(node)
        if (
            not node.get("role")
            and _rank(node) > min(_rank(n) for n in headlines)
            and 0 < len(text.split()) <= MAX_KICKER_WORDS
            and not text.endswith((".", "!", "?", ":"))
        ):
            return text
    return None


def _located(meta: etree._Element | None) -> str | None:
    located = meta.find(f"{G}located") if meta is not None else None
    if located is None:
        return None
    return text_of(located.find(f"{G}name")) or located.get("literal") or None


def _item_meta(item: etree._Element, name: str) -> str:
    return text_of(item.find(f"{G}itemMeta/{G}{name}"))


def _picture(item: etree._Element) -> dict[str, Any]:
    """A picture item as an image: its best web rendition, caption, alt text and credit."""
    meta = item.find(f"{G}contentMeta")
    descriptions = _descriptions(meta)
    renditions = [
        r
        for r in item.iter(f"{G}remoteContent")
        if (r.get("contenttype") or "image/jpeg").lower() in WEB_IMAGES and r.get("href")
    ]
    renditions.sort(key=lambda r: _width(r) if _width(r) <= MAX_RENDITION_WIDTH else -_width(r))
    image: dict[str, Any] = {}
    if renditions:
        best = renditions[-1]
        image["src"] = best.get("href", "").removeprefix("file:///./").strip()
        if _width(best) and (best.get("height") or "").isdigit():
            image.update(width=_width(best), height=int(best.get("height", "0")))
    caption = descriptions.get("caption") or (
        text_of(meta.find(f"{G}headline")) if meta is not None else ""
    )
    if caption:
        image["caption"] = caption
    if descriptions.get("alt"):
        image["alt"] = descriptions["alt"]
    if meta is not None and text_of(meta.find(f"{G}creditline")):
        image["credit"] = text_of(meta.find(f"{G}creditline"))
    if not caption and not descriptions.get("alt"):
        image["decorative"] = True
    return image


def _width(rendition: etree._Element) -> int:
    value = rendition.get("width") or ""
    return int(value) if value.isdigit() else 0
