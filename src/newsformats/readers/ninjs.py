"""ninjs (IPTC's news in JSON), versions 1.x to 3.x → an article.

Version 1 names (``headline``, ``byline``, ``body_html``, ``description_text``,
and the free ``headline_*``, ``body_*``, ``description_*`` names, associations
and renditions as objects), version 2 names (``headlines``, ``bylines``,
``bodies``, ``descriptions``, associations and renditions as lists) and version
3's camel case (``versionCreated``, ``contentType``) are all read. HTML bodies
go through the shared HTML body converter, an NITF body through the NITF reader's;
the ``featuremedia`` (or first picture) association is the lead image, its
descriptions giving the caption and alt text and its largest web rendition the
picture; other picture associations follow the text as figures.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..model import Article
from ..notes import note
from .assemble import finish_article, parse_date
from .excerpts import repeats_the_text
from .fields import byline_people, name_shaped, split_names, take_leading_byline
from .html_body import BodyOptions, drop_repeated_headline, html_to_blocks
from .nitf import nitf_fields
from .source import Source
from .structured import load_json
from .xmltree import parse_xml

PICTURES = ("picture", "graphic", "image")
WEB_IMAGES = ("image/jpeg", "image/jpg", "image/png", "image/gif", "image/webp")
MAX_RENDITION_WIDTH = 2400
MAX_CREDIT_LINE = 200
LEAD_NAMES = ("featuremedia", "featureimage", "mainpic", "main")


def read_ninjs(source: Source) -> Article:
    """Read a ninjs news item (text or composite)."""
    data, _ = load_json(source)
    if not isinstance(data, dict):
        raise source.error("a ninjs item is a JSON object")
    data = _lower_keys(data)  # ninjs 3 writes "versionCreated" where 1 and 2 write "versioncreated"
    if data.get("type") in (*PICTURES, "video", "audio", "event", "planning"):
        raise source.error(f"this ninjs item is a {data['type']}, which holds no article text")
    headline = (
        _role_value(data.get("headlines"), ("main", ""))
        or _text(data.get("headline"))
        or _free_named(data, "headline_")
    )
    options = BodyOptions(
        base_url=_web_uri(data.get("uri")), where=source.name, folder=source.folder
    )
    blocks, nitf_image = _body(data, options)
    body = drop_repeated_headline(blocks, headline)
    if not body:
        summary = _role_value(data.get("descriptions"), ("text", "summary", "teaser", ""))
        if summary:
            note(f"{source.name}: the item holds only a description; the article is that text")
            body = [{"type": "paragraph", "content": summary}]
    pictures = _pictures(data.get("associations")) or ([nitf_image] if nitf_image else [])
    fields: dict[str, Any] = {
        "id": _text(data.get("guid") or data.get("uri")),
        "headline": headline,
        "standfirst": _role_value(data.get("headlines"), ("sub", "subheadline", "subtitle"))
        or _role_value(data.get("descriptions"), ("summary", "abstract", "teaser", "lead"))
        or _text(data.get("description_text"))
        or _free_named(data, "description_"),
        "language": _text(data.get("language")),
        "authors": _authors(data),
        "dateline": _text(data.get("located")),
        "published": parse_date(
            data.get("firstcreated")
            or data.get("contentcreated")
            or data.get("firstpublished")
            or data.get("firstversion")  # PA's name in its ninjs feed
            # the first version's creation is the publication (as in NewsML-G2)
            or (data.get("versioncreated") if str(data.get("version")) in ("0", "1") else None),
            source.name,
        ),
        "updated": parse_date(data.get("versioncreated"), source.name),
        "keywords": [str(k) for k in data.get("keywords") or [] if str(k).strip()],
        "credit_line": _credit_line(data, source.name),
    }
    if fields["published"] and fields["updated"] and fields["updated"] < fields["published"]:
        fields["updated"] = None
    standfirst = fields["standfirst"]
    if standfirst and repeats_the_text(standfirst, body):
        fields["standfirst"] = None  # the body's own lead, said again (TT's description_text)
    if pictures:
        fields["lead_image"] = pictures.pop(0)
    fields["body"] = body + [{"type": "figure", "image": p} for p in pictures]
    take_leading_byline(fields)
    return finish_article(fields, source)


def _credit_line(data: dict[str, Any], where: str) -> str:
    """The copyright notice as the credit line, unless it is a licence's terms: then the
    holder's name (a credit line is one short line under the text)."""
    notice = _text(data.get("copyrightnotice"))
    holder = _text(data.get("copyrightholder"))
    if len(notice) <= MAX_CREDIT_LINE:
        return notice or (f"© {holder}" if holder else "")
    note(f"{where}: the copyright notice is {len(notice)} characters of terms, not a credit line")
    return f"© {holder}" if holder else ""


def _lower_keys(value: Any) -> Any:
    """The same JSON with every object key in lower case."""
    if isinstance(value, dict):
        return {str(k).lower(): _lower_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower_keys(v) for v in value]
    return value


def _free_named(data: dict[str, Any], prefix: str) -> str:
    """The first text of ninjs 1's free names ("headline_main", "description_short")."""
    return next((_text(v) for k, v in data.items() if k.startswith(prefix) and _text(v)), "")


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _role_value(items: Any, roles: tuple[str, ...]) -> str:
    """The value of the first item whose role is one of ``roles`` ('' matches no role)."""
    if not isinstance(items, list):
        return ""
    for item in items:
        if isinstance(item, dict) and str(item.get("role") or "").lower() in roles:
            return _text(item.get("value"))
    return ""


def _web_uri(value: Any) -> str | None:
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


def _body(
    data: dict[str, Any], options: BodyOptions
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The richest body and, from an NITF body, its lead picture: NITF or HTML first
    (``body_html``, ``body_xhtml``, ``body_*`` with markup, a ``bodies`` entry), else plain
    text split at blank lines."""
    html_text = _text_raw(data.get("body_html")) or _text_raw(data.get("body_xhtml"))
    plain = _text_raw(data.get("body_text"))
    free = [_text_raw(v) for k, v in data.items() if k.startswith("body_") and _text_raw(v)]
    html_text = html_text or next((v for v in free if _is_markup(v)), "")
    plain = plain or next((v for v in free if not _is_markup(v)), "")
    nitf = ""
    for body in data.get("bodies") or []:
        if not isinstance(body, dict):
            continue
        kind = str(body.get("contenttype") or body.get("mimetype") or "").lower()
        value = _text_raw(body.get("value"))
        if not nitf and ("nitf" in kind or str(body.get("role")).lower() == "nitf"):
            nitf = value
        elif not html_text and ("html" in kind or "xhtml" in kind):
            html_text = value
        elif not plain and (kind.startswith("text/plain") or not kind):
            plain = value
    if nitf:
        fields = nitf_fields(
            parse_xml(Source(options.where, "", options.folder or Path("."), data=nitf.encode())),
            options.where,
            base_url=options.base_url,
            folder=options.folder,
        )
        return fields["body"], fields.get("lead_image")
    if html_text:
        return html_to_blocks(html_text, options), None
    paragraphs = [" ".join(p.split()) for p in plain.replace("\r", "").split("\n\n")]
    if len(paragraphs) == 1:
        paragraphs = [" ".join(p.split()) for p in plain.split("\n")]
    return [{"type": "paragraph", "content": p} for p in paragraphs if p], None


def _is_markup(text: str) -> bool:
    return bool(re.search(r"<(?:p|div|br|h[2-6]|ul|ol|figure|blockquote)\b", text, re.I))


def _text_raw(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _authors(data: dict[str, Any]) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    for entry in data.get("bylines") or []:
        if str((entry or {}).get("internal", "")).lower() == "true":
            continue  # the newsroom's own record (TT's "Ansvarig"), not a byline
        if isinstance(entry, dict) and _text(entry.get("byline")):
            role = _text(entry.get("role")) or None
            for name in split_names(_text(entry.get("byline"))):
                # "Martin Hardenberger/TT": the name, then whom the person works for.
                own, _, employer = (s.strip() for s in name.partition("/"))
                if employer and name_shaped(own) and not name_shaped(employer):
                    name, role = own, role or employer
                people.append({"name": name, **({"role": role} if role else {})})
    if not people:
        byline = _text(data.get("byline")) or _text(data.get("by"))
        people = byline_people(byline) if byline else []
    return people


def _pictures(associations: Any) -> list[dict[str, Any]]:
    """Picture associations as images, the lead one (featuremedia, mainpic…) first."""
    if isinstance(associations, dict):
        entries = [
            {"name": key, **value} for key, value in associations.items() if isinstance(value, dict)
        ]
    elif isinstance(associations, list):
        entries = [a for a in associations if isinstance(a, dict)]
    else:
        return []
    pictures = [a for a in entries if str(a.get("type") or "picture") in PICTURES]
    # The issuer's logo (Business Wire's releases name it "logo") brands the item; it is
    # not a picture of the story.
    logos = [a for a in pictures if str(a.get("name", "")).lower().startswith("logo")]
    for logo in logos:
        note(
            f"the association {logo.get('name')!r} is the issuer's logo; it is left out",
            level="info",
        )
    pictures = [a for a in pictures if a not in logos]
    pictures.sort(key=lambda a: 0 if str(a.get("name", "")).lower() in LEAD_NAMES else 1)
    images = []
    for picture in pictures:
        image = _image(picture)
        if image is not None:
            images.append(image)
    return images


def _image(picture: dict[str, Any]) -> dict[str, Any] | None:
    renditions = picture.get("renditions") or {}
    if isinstance(renditions, dict):
        renditions = [{"name": k, **v} for k, v in renditions.items() if isinstance(v, dict)]
    usable = [
        r
        for r in renditions
        if isinstance(r, dict)
        and isinstance(r.get("href"), str)
        and str(r.get("contenttype") or r.get("mimetype") or "image/jpeg").lower() in WEB_IMAGES
    ]
    usable.sort(key=lambda r: _size(r) if _size(r) <= MAX_RENDITION_WIDTH else -_size(r))
    image: dict[str, Any] = {}
    if usable:
        best = usable[-1]
        image["src"] = best["href"]
        if _size(best) and isinstance(best.get("height"), int) and best["height"] > 0:
            image.update(width=_size(best), height=best["height"])
    caption = (
        _role_value(picture.get("descriptions"), ("caption", ""))
        or _role_value(picture.get("descriptions"), ("text", "summary"))
        or _text(picture.get("description_text"))
        or _text(picture.get("headline"))
    )
    alt = _role_value(picture.get("descriptions"), ("alt", "alttext", "alternative", "alt_text"))
    alt = alt or _text(picture.get("alt_text")) or _text(picture.get("alttext"))
    credit = (
        _text(picture.get("by"))
        or _text(picture.get("byline"))
        or _text(picture.get("copyrightholder"))
    )
    if caption:
        image["caption"] = caption
    if alt:
        image["alt"] = alt
    if credit:
        image["credit"] = credit
    if not image.get("src") and not caption and not alt:
        return None
    if not caption and not alt:
        note(f"the picture {image['src'][:80]} has no caption or alt text; it is decorative")
        image["decorative"] = True
    return image


def _size(rendition: dict[str, Any]) -> int:
    width = rendition.get("width")
    return width if isinstance(width, int) and width > 0 else 0
