"""NITF 3.x (IPTC's News Industry Text Format) → an article.

``hl1`` is the headline and ``hl2`` the standfirst (the ``abstract`` when there
is no ``hl2``); ``byline`` gives the authors (``byttl`` their role),
``dateline`` the place and date, ``docdata`` the id, dates and keywords, and
``baselang`` or ``xml:lang`` the language. ``body.content`` goes through the
shared HTML body converter, which knows NITF's own names (``block``, ``bq``,
``media`` with ``media-reference``, ``media-caption`` and ``alternate-text``);
``body.end``'s ``tagline`` is the credit line, its ``note``s editor's notes.
"""

from __future__ import annotations

import copy
import re
from datetime import tzinfo
from pathlib import Path
from typing import Any

from lxml import etree

from ..lang.pack import all_packs
from ..model import Article
from ..notes import note
from .assemble import finish_article, parse_date
from .fields import byline_people, sentence_shaped, take_leading_byline
from .html_body import BodyOptions, html_to_blocks
from .source import Source
from .xmltree import language_of, parse_xml, text_of

# A date that ends in its zone ("…T22:28:00+0000", "…T19:10:44Z").
ZONED = re.compile(r"\dT?[\d:]*(?:Z|[+-]\d\d:?\d\d)$")


def read_nitf(source: Source) -> Article:
    """Read an NITF document (any 3.x version, with or without its namespace)."""
    fields = nitf_fields(parse_xml(source), source.name, folder=source.folder)
    take_leading_byline(fields)
    return finish_article(fields, source)


def nitf_fields(
    nitf: etree._Element, where: str, base_url: str | None = None, folder: Path | None = None
) -> dict[str, Any]:
    """The article fields of an ``<nitf>`` element (also used for NITF inside NewsML-G2).

    >>> root = etree.fromstring("<nitf baselang='en'><body><body.head><hedline><hl1>Hi"
    ...     "</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body></nitf>")
    >>> nitf_fields(root, "x")["headline"], nitf_fields(root, "x")["language"]
    ('Hi', 'en')
    """
    find = _finder(nitf)
    body_head = find("body/body.head")
    keywords = [
        k.get("key", "")
        for k in nitf.iter()
        if _local(k) == "keyword" and (k.get("key") or "").strip()
    ]
    hl2 = text_of(_headline_part(find, "hl2"))
    if hl2.casefold() in (k.strip().casefold() for k in keywords):
        hl2 = ""  # the story's keyword slug ("HONDURAS GOVERNMENT"), not a second headline
    abstract = text_of(find("body/body.head/abstract"))
    publisher = _publisher(find)
    headline = text_of(_headline_part(find, "hl1")) or text_of(find("head/title"))
    authors, subtitles = _authors(body_head, where)
    if subtitles and not (hl2 or abstract):
        hl2 = subtitles[0]  # the subtitle an agency writes in the byline element
    data: dict[str, Any] = {
        "headline": _without_wire_prefix(headline, _wire_names(find, publisher)),
        "standfirst": hl2 or abstract,
        "language": nitf.get("baselang") or language_of(nitf) or _body_language(nitf),
        "authors": authors,
        "dateline": text_of(find("body/body.head/dateline/location"))
        or _dateline_text(find("body/body.head/dateline")),
        "id": _attribute(find("head/docdata/doc-id"), "id-string"),
        "published": parse_date(
            _attribute(find("body/body.head/dateline/story.date"), "norm")
            or _attribute(find("head/docdata/date.release"), "norm")
            or _attribute(find("head/docdata/date.issue"), "norm"),
            where,
            zone=_document_zone(nitf),
            day_without_zone=True,
        ),
        "keywords": keywords,
        "credit_line": text_of(find("body/body.end/tagline")),
        "publisher": publisher,
    }
    content, data["notes"] = _notes(find("body/body.content"), find("body/body.end"), where)
    body = (
        html_to_blocks(content, BodyOptions(base_url=base_url, where=where, folder=folder))
        if content is not None
        else []
    )
    if body and body[0]["type"] == "figure":
        data["lead_image"] = body.pop(0)["image"]
    if hl2 and abstract:
        body.insert(0, {"type": "paragraph", "content": [abstract]})
    data["body"] = body
    _take_sign_off(data)
    return data


# The element that holds ``hl1`` and ``hl2``: NITF's ``hedline``, or ``headline`` as some
# writers spell it (the nitfr gem's test files), or none (``hl1`` right in ``body.head``).
HEADLINE_HOLDERS = ("body/body.head/hedline/", "body/body.head/headline/", "body/body.head/")
# A ``note@type`` that says the note is not for publication (NITF's "npa").
NOT_PUBLISHED = {"npa"}


def _headline_part(find: Any, name: str) -> etree._Element | None:
    """``hl1`` or ``hl2`` wherever the document's ``body.head`` holds it."""
    return next(
        (node for holder in HEADLINE_HOLDERS if (node := find(holder + name)) is not None), None
    )


def _notes(
    content: etree._Element | None, body_end: etree._Element | None, where: str
) -> tuple[etree._Element | None, list[dict[str, str]]]:
    """The ``note``s of ``body.content`` and ``body.end`` as editor's notes, the text
    without them, and ``body.end``'s ``biblio`` left out.

    A note whose ``type`` is "npa" (a non-publishable advisory) is for the newsroom: left
    out, with a warning. ``biblio`` (free bibliographic data on the sources) is no text of
    the article: left out with an info note, so that nothing goes silently.

    >>> end = etree.fromstring("<body.end><note>Editor's note: a test.</note>"
    ...     "<note type='npa'>Call the desk.</note><biblio>Reference 1</biblio></body.end>")
    >>> _notes(None, end, "x")
    (None, [{'kind': 'editors-note', 'text': 'a test.'}])
    """
    found = list(body_end) if body_end is not None else []
    if content is not None and any(_local(n) == "note" for n in content.iter()):
        content = copy.deepcopy(content)
        found = [n for n in content.iter() if _local(n) == "note"] + found
        etree.strip_elements(content, "{*}note", with_tail=False)  # the text after stays
    notes, withheld, biblio = [], 0, []
    for child in found:
        if _local(child) == "biblio" and text_of(child):
            biblio.append(text_of(child))
        elif _local(child) != "note" or not text_of(child):
            continue
        elif (child.get("type") or "").strip().lower() in NOT_PUBLISHED:
            withheld += 1
        else:
            notes.append({"kind": "editors-note", "text": _without_note_label(text_of(child))})
    if withheld:
        note(f"{where}: {withheld} note(s) marked not for publication (type 'npa') are left out")
    if biblio:
        note(
            f"{where}: the bibliographic data of body.end ({'; '.join(biblio)[:80]!r}) is "
            "left out: it lists sources, it is no text of the article",
            level="info",
        )
    return content, notes


def _without_note_label(text: str) -> str:
    """A note's text without its own leading label, which the writers show already (the
    "Editor's note" of any language pack, then a colon).

    >>> _without_note_label("Editor’s note: This is a test."), _without_note_label("Note: x")
    ('This is a test.', 'Note: x')
    """
    label, colon, rest = text.partition(":")
    labels = {
        pack.strings.get("editors_note", "").replace("’", "'").casefold()
        for pack in all_packs().values()
    }
    if colon and rest.strip() and label.strip().replace("’", "'").casefold() in labels - {""}:
        return rest.strip()
    return text


def _take_sign_off(data: dict[str, Any]) -> None:
    """A last paragraph that is only the agency's name ("/ritzau/", "(dpa)") is its sign-off.

    Wire copy ends so; it is no paragraph of the text. It becomes the credit line when
    there is none. The name is the publisher's (distributor, copyright holder).

    >>> data = {"publisher": {"name": "Ritzau"}, "credit_line": "",
    ...         "body": [{"type": "paragraph", "content": ["Text."]},
    ...                  {"type": "paragraph", "content": ["/ritzau/"]}]}
    >>> _take_sign_off(data); len(data["body"]), data["credit_line"]
    (1, 'ritzau')
    """
    body, publisher = data.get("body") or [], data.get("publisher") or {}
    name = "".join(ch for ch in str(publisher.get("name", "")) if ch.isalnum()).casefold()
    last = body[-1] if len(body) > 1 and body[-1].get("type") == "paragraph" else None
    content = last.get("content") if last else None
    if not name or not isinstance(content, list) or not all(isinstance(c, str) for c in content):
        return
    text = "".join(content).strip()
    if len(text.split()) <= 3 and "".join(ch for ch in text if ch.isalnum()).casefold() == name:
        data["body"] = body[:-1]
        if not data.get("credit_line"):
            data["credit_line"] = text.strip(" /()[]-–—")


def _publisher(find: Any) -> dict[str, str] | None:
    """The distributor, else the copyright holder or the rights owner."""
    name = (
        text_of(find("body/body.head/distributor"))
        or _attribute(find("head/docdata/doc.copyright"), "holder")
        or text_of(find("body/body.head/rights/rights.owner"))
    )
    return {"name": " ".join(name.split())} if name and name.strip() else None


def _finder(root: etree._Element) -> Any:
    """Find by a path of local names, whatever namespace the NITF uses."""

    def find(path: str) -> etree._Element | None:
        node: etree._Element | None = root
        for step in path.split("/"):
            if node is None:
                return None
            node = next((c for c in node if _local(c) == step), None)
        return node

    return find


def _local(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _attribute(node: etree._Element | None, name: str) -> str | None:
    return node.get(name) if node is not None else None


def _authors(
    body_head: etree._Element | None, where: str = ""
) -> tuple[list[dict[str, Any]], list[str]]:
    """The people of the ``byline`` elements, and the sentences some agencies write there
    instead (a subtitle: "Situation serious, ready for all scenarios says EC")."""
    if body_head is None:
        return [], []
    people: list[dict[str, Any]] = []
    subtitles: list[str] = []
    for byline in (c for c in body_head if _local(c) == "byline"):
        role = text_of(next((c for c in byline if _local(c) == "byttl"), None)) or None
        persons = [text_of(p) for p in byline if _local(p) == "person" and text_of(p)]
        if not persons:
            name = _own_text(byline) or role
            if name and name != role and sentence_shaped(name):
                note(
                    f"{where}: the byline element holds a sentence, not names "
                    f"({name[:60]!r}); it is read as the subtitle, and no author is named"
                )
                subtitles.append(name)
                continue
            persons = [name] if name else []
            role = None if name == role else role
        found = [p for name in persons for p in byline_people(name)]
        people += [{**p, **({"role": role} if role and "role" not in p else {})} for p in found]
    return people, subtitles


def _wire_names(find: Any, publisher: dict[str, str] | None) -> list[str]:
    """The agency's own names in the document: the distributor or copyright holder, and
    the source that registered the document's id."""
    names = [(publisher or {}).get("name", ""), _attribute(find("head/docdata/doc-id"), "regsrc")]
    return [n for n in names if n and n.strip()]


def _without_wire_prefix(headline: str, agencies: list[str]) -> str:
    """The headline without the wire's routing prefix: a run of punctuation, the agency's
    own name and a slash before it (">>>ANSA/Gazprom cuts …").

    >>> _without_wire_prefix(">>>ANSA/Gazprom cuts gas supplies", ["ANSA"])
    'Gazprom cuts gas supplies'
    >>> _without_wire_prefix("AC/DC return to the stage", ["ANSA"])
    'AC/DC return to the stage'
    """
    for name in agencies:
        prefix = re.match(rf"[^\w\s]*\s*{re.escape(name.strip())}\s*/\s*(?=\w)", headline, re.I)
        if prefix:
            return headline[prefix.end() :]
    return headline


def _document_zone(nitf: etree._Element) -> tzinfo | None:
    """The time zone the document's dates give (any ``norm`` or publication date with an
    offset), for one of its dates that gives none."""
    for node in nitf.iter():
        if not isinstance(node.tag, str):
            continue
        for name in ("norm", "date.publication"):
            value = (node.get(name) or "").strip()
            moment = parse_date(value, "") if ZONED.search(value) else None
            if moment is not None:
                return moment.tzinfo
    return None


def _own_text(node: etree._Element) -> str:
    """Text of an element without its ``byttl`` child."""
    parts = [node.text or ""]
    for child in node:
        if _local(child) != "byttl":
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _dateline_text(dateline: etree._Element | None) -> str | None:
    if dateline is None:
        return None
    parts = [dateline.text or ""] + [
        (text_of(c) if _local(c) != "story.date" else "") + (c.tail or "") for c in dateline
    ]
    return " ".join("".join(parts).split()).strip(" ,—–-") or None


def _body_language(nitf: etree._Element) -> str | None:
    for node in nitf.iter():
        value = node.get("{http://www.w3.org/XML/1998/namespace}lang") or node.get("baselang")
        if value:
            return value
    return None
