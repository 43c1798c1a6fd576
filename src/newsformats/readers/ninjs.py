"""ninjs (IPTC's news in JSON), versions 1.x to 3.x → an article.

Version 1 names (``headline``, ``byline``, ``body_html``, ``description_text``,
associations and renditions as objects) and version 2 names (``headlines``,
``bylines``, ``bodies``, ``descriptions``, associations and renditions as
lists) are both read. HTML bodies go through the shared HTML body converter;
the ``featuremedia`` (or first picture) association is the lead image, its
descriptions giving the caption and alt text and its largest web rendition the
picture; other picture associations follow the text as figures.
"""

from __future__ import annotations

from typing import Any

from ..model import Article
from ..notes import note
from .assemble import finish_article, parse_date
from .fields import byline_people, split_names
from .html_body import BodyOptions, drop_repeated_headline, html_to_blocks
from .source import Source
from .structured import load_json

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
    if data.get("type") in (*PICTURES, "video", "audio", "event", "planning"):
        raise source.error(f"this ninjs item is a {data['type']}, which holds no article text")
    headline = _role_value(data.get("headlines"), ("main", "")) or _text(data.get("headline"))
    options = BodyOptions(
        base_url=_web_uri(data.get("uri")), where=source.name, folder=source.folder
    )
    body = drop_repeated_headline(_body(data, options), headline)
    pictures = _pictures(data.get("associations"))
    fields: dict[str, Any] = {
        "id": _text(data.get("guid") or data.get("uri")),
        "headline": headline,
        "standfirst": _role_value(data.get("headlines"), ("sub", "subheadline", "subtitle"))
        or _role_value(data.get("descriptions"), ("summary", "abstract", "teaser", "lead"))
        or _text(data.get("description_text")),
        "language": _text(data.get("language")),
        "authors": _authors(data),
        "dateline": _text(data.get("located")),
        "published": parse_date(
            data.get("firstcreated") or data.get("contentcreated") or data.get("firstpublished"),
            source.name,
        ),
        "updated": parse_date(data.get("versioncreated"), source.name),
        "keywords": [str(k) for k in data.get("keywords") or [] if str(k).strip()],
        "credit_line": _credit_line(data, source.name),
    }
    if fields["published"] and fields["updated"] and fields["updated"] < fields["published"]:
        fields["updated"] = None
    if pictures:
        fields["lead_image"] = pictures.pop(0)
    fields["body"] = body + [{"type": "figure", "image": p} for p in pictures]
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


def _body(data: dict[str, Any], options: BodyOptions) -> list[dict[str, Any]]:
    """The richest body: HTML first (``body_html``, ``body_xhtml``, an HTML ``bodies`` entry),
    else plain text split at blank lines."""
    html_text = _text_raw(data.get("body_html")) or _text_raw(data.get("body_xhtml"))
    plain = _text_raw(data.get("body_text"))
    for body in data.get("bodies") or []:
        if not isinstance(body, dict):
            continue
        kind = str(body.get("contenttype") or body.get("mimetype") or "").lower()
        if not html_text and ("html" in kind or "xhtml" in kind):
            html_text = _text_raw(body.get("value"))
        elif not plain and (kind.startswith("text/plain") or not kind):
            plain = _text_raw(body.get("value"))
    if html_text:
        return html_to_blocks(html_text, options)
    paragraphs = [" ".join(p.split()) for p in plain.replace("\r", "").split("\n\n")]
    if len(paragraphs) == 1:
        paragraphs = [" ".join(p.split()) for p in plain.split("\n")]
    return [{"type": "paragraph", "content": p} for p in paragraphs if p]


def _text_raw(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _authors(data: dict[str, Any]) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    for entry in data.get("bylines") or []:
        if isinstance(entry, dict) and _text(entry.get("byline")):
            role = _text(entry.get("role")) or None
            for name in split_names(_text(entry.get("byline"))):
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
