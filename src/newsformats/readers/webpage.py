"""Saved web article pages: metadata from JSON-LD, Open Graph and ``<meta>``; body by extraction.

Metadata comes first from a schema.org ``NewsArticle`` (or ``Article``…) in
JSON-LD, then Open Graph and ``<meta>`` as fallbacks. The article body is found
by readability-lxml (see docs/inputs.md for the comparison with trafilatura),
which keeps the page's own markup, and then goes through the shared HTML body
converter, so page furniture, scripts and forms are left out.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from typing import Any

from lxml import etree, html

from ..model import Article
from ..notes import note
from .assemble import finish_article, parse_date
from .fields import split_names
from .html_body import (
    BodyOptions,
    drop_repeated_headline,
    html_to_blocks,
    parse_html_fragment,
    resolve_url,
)
from .source import Source
from .xmltree import text_of

# Class and id names CMSs give the byline (the ones Readability.js looks for too).
BYLINE_NAMES = re.compile(r"(^|[-_ ])(byline|author|writtenby|p-author)([-_ ]|$)")
ARTICLE_TYPES = frozenset(
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
        "LiveBlogPosting", "Report", "ScholarlyArticle", "SocialMediaPosting", "TechArticle",
    }
)  # fmt: skip


def read_web_page(source: Source) -> Article:
    """Read a saved news page: the headline, byline, dates, lead image and body paragraphs."""
    page = _parse_page(source)
    meta = _meta(page)
    ld = _json_ld(page, source)
    base = _base_url(page, ld, meta)
    headline = _first(
        ld.get("headline"), meta.get("og:title"), meta.get("twitter:title"), _title(page)
    )
    data: dict[str, Any] = {
        "headline": headline,
        "standfirst": _first(
            ld.get("description"), meta.get("og:description"), meta.get("description")
        ),
        "language": _first(
            ld.get("inLanguage"),
            page.get("lang"),
            page.get("{http://www.w3.org/XML/1998/namespace}lang"),
            meta.get("og:locale"),
            meta.get("content-language"),
        ),
        "authors": _authors(ld.get("author"))
        or _names(meta.get("author") or meta.get("article:author"))
        or _page_authors(page),
        "published": parse_date(
            _first(ld.get("datePublished"), meta.get("article:published_time")), source.name
        ),
        "updated": parse_date(
            _first(ld.get("dateModified"), meta.get("article:modified_time")), source.name
        ),
        "section": _first(ld.get("articleSection"), meta.get("article:section")),
        "publisher": _publisher(ld.get("publisher"), meta.get("og:site_name")),
        "keywords": _keywords(ld.get("keywords") or meta.get("keywords")),
        "canonical_url": base if base and base.startswith(("http://", "https://")) else None,
    }
    if isinstance(data["language"], str):
        data["language"] = data["language"].replace("_", "-")
    options = BodyOptions(base_url=base, where=source.name, folder=source.folder)
    body = html_to_blocks(_main_content(source, page), options)
    body = drop_repeated_headline(body, headline or "")
    data["lead_image"] = _lead_image(page, ld, meta, base, body, source.name)
    data["body"] = body
    return finish_article(data, source)


def _parse_page(source: Source) -> etree._Element:
    parser = html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        page: etree._Element = html.document_fromstring(source.text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise source.error(f"not a readable HTML page ({error})") from None
    return page


def _main_content(source: Source, page: etree._Element) -> etree._Element:
    """The article body found by readability-lxml: a fragment of the page's own markup."""
    from readability import Document

    try:
        summary = Document(source.text).summary(html_partial=True)
    except Exception as error:  # readability raises its own Unparseable and lxml errors
        raise source.error(f"no article body found in the page ({error})") from None
    return parse_html_fragment(summary)


def _meta(page: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in page.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("http-equiv") or "").lower()
        value = " ".join((node.get("content") or "").split())
        if key and value and key not in found:
            found[key] = value
    for node in page.iter("link"):
        if "canonical" in (node.get("rel") or "").lower().split() and node.get("href"):
            found.setdefault("canonical", node.get("href", ""))
    return found


def _json_ld(page: etree._Element, source: Source) -> dict[str, Any]:
    """The first schema.org article object of the page's JSON-LD, or ``{}``."""
    for script in page.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            note(f"{source.name}: a JSON-LD block is not valid JSON; it is skipped")
            continue
        for item in _ld_items(data):
            types = item.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t in ARTICLE_TYPES for t in names):
                return item
    return {}


def _ld_items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for entry in data for item in _ld_items(entry)]
    if isinstance(data, dict):
        return [data, *_ld_items(data.get("@graph", []))]
    return []


def _base_url(page: etree._Element, ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    bases = [b.get("href") for b in page.iter("base") if b.get("href")]
    main = ld.get("mainEntityOfPage")
    main_url = main.get("@id") if isinstance(main, dict) else main
    found: str | None = _first(meta.get("canonical"), meta.get("og:url"), ld.get("url"), main_url)
    if bases:
        return resolve_url(str(bases[0]), found)
    return found


def _title(page: etree._Element) -> str | None:
    """The page's ``h1`` when the ``<title>`` holds it (a title often adds the site's name)."""
    titles = [t for t in page.iter("title")]
    title = " ".join(str(titles[0].text).split()) if titles and titles[0].text else ""
    for heading in page.iter("h1"):
        text = text_of(heading)
        if text and (not title or text in title):
            return text
    return title or None


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, dict):
            value = value.get("name") or value.get("@value")
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _authors(value: Any) -> list[dict[str, Any]]:
    people = value if isinstance(value, list) else [value] if value else []
    found: list[dict[str, Any]] = []
    for person in people:
        name = person.get("name") if isinstance(person, dict) else person
        if isinstance(name, str) and name.strip() and not _is_address(name):
            entry: dict[str, Any] = {"name": " ".join(name.split())}
            url = person.get("url") if isinstance(person, dict) else None
            if isinstance(url, str) and url.startswith(("http://", "https://")):
                entry["url"] = url
            found.append(entry)
    return found


def _is_address(text: str) -> bool:
    return bool(re.match(r"\s*(https?://|www\.)", text, re.IGNORECASE))


def _names(value: str | None) -> list[dict[str, Any]]:
    if not value or _is_address(value):
        return []
    return [{"name": value}]


def _page_authors(page: etree._Element) -> list[dict[str, Any]]:
    """Authors the page marks: ``rel=author``, ``itemprop=author``, else a byline box."""
    nodes = [n for n in page.iter() if isinstance(n.tag, str)]
    marked = [
        n
        for n in nodes
        if "author" in (n.get("rel") or "").split() or "author" in (n.get("itemprop") or "").split()
    ]
    boxes = [
        n
        for n in nodes
        if BYLINE_NAMES.search(f"{n.get('class') or ''} {n.get('id') or ''}".lower())
    ]
    for node in marked + boxes:
        text = text_of(node) or node.get("content") or ""
        if 0 < len(text) <= 100 and not _is_address(text):
            return [{"name": name} for name in split_names(text)]
    return []


def _publisher(value: Any, site_name: str | None) -> dict[str, Any] | None:
    name = _first(value) or site_name
    if not name:
        return None
    publisher: dict[str, Any] = {"name": name}
    url = value.get("url") if isinstance(value, dict) else None
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        publisher["url"] = url
    return publisher


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    return [" ".join(str(k).split()) for k in value if str(k).strip()][:50]


def _lead_image(
    page: etree._Element,
    ld: dict[str, Any],
    meta: dict[str, str],
    base: str | None,
    body: list[dict[str, Any]],
    where: str,
) -> dict[str, Any] | None:
    """The lead image that JSON-LD or Open Graph names; the page's ``<img>`` adds alt and caption.

    When the body already shows that picture as a figure, the figure becomes the
    lead image; a picture with neither alt text nor caption is left out, with a warning.
    """
    image = ld.get("image")
    if isinstance(image, list) and image:
        image = image[0]
    url = image.get("url") or image.get("contentUrl") if isinstance(image, dict) else image
    url = _first(url, meta.get("og:image"), meta.get("twitter:image"))
    if not url:
        # No picture named in the metadata: a figure before any text leads the story.
        return dict(body.pop(0)["image"]) if body and body[0]["type"] == "figure" else None
    url = resolve_url(url, base)
    for index, block in enumerate(body):
        if block["type"] == "figure" and _same_picture(block["image"].get("src"), url):
            if index == 0 or all(b["type"] != "paragraph" for b in body[:index]):
                return dict(body.pop(index)["image"])
            return None  # shown further down: not repeated at the top
    lead: dict[str, Any] = {"src": url}
    caption = (
        _first(image.get("caption"), image.get("description")) if isinstance(image, dict) else None
    )
    alt = _first(meta.get("og:image:alt"), meta.get("twitter:image:alt"))
    for img in page.iter("img"):
        if _same_picture(resolve_url(img.get("src") or img.get("data-src") or "", base), url):
            alt = alt or _first(img.get("alt"))
            figure = next((f for f in img.iterancestors("figure")), None)
            captions = [c for c in figure.iter("figcaption")] if figure is not None else []
            if captions and not caption:
                caption = text_of(captions[0]) or None
            break
    if caption:
        lead["caption"] = caption
    if alt:
        lead["alt"] = alt
    if isinstance(image, dict) and _first(image.get("creditText"), image.get("copyrightHolder")):
        lead["credit"] = _first(image.get("creditText"), image.get("copyrightHolder"))
    if not alt and not caption:
        if body and body[0]["type"] == "figure":
            return dict(body.pop(0)["image"])
        note(
            f"{where}: the page's lead image {url[:100]} has no alt text or caption; it is left out"
        )
        return None
    return lead


def _same_picture(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    path_a, path_b = urllib.parse.urlsplit(a).path, urllib.parse.urlsplit(b).path
    return a == b or (bool(path_a) and path_a.rsplit("/", 1)[-1] == path_b.rsplit("/", 1)[-1])
