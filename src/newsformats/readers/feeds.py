"""RSS 2.0, RSS 1.0 and Atom feeds → one article per entry, in the feed's order.

feedparser reads every feed dialect (and resolves relative links against the
feed's base). An entry's full text is its ``content:encoded`` (RSS) or
``content`` (Atom), through the shared HTML body converter; an entry that
carries only a summary is still converted, from the summary, with a warning.
The entry's title, link, authors, dates, categories and language (else the
feed's) fill the article; the feed's title (without the section or tagline after
a dash, bar or colon) is the publisher; an image
enclosure or ``media:content`` with a description becomes the lead image.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..language import detect_language
from ..model import Article
from ..notes import note
from .assemble import finish_article, keep_going
from .datelines import find_dates, moment_of
from .excerpts import repeats_the_text
from .fields import take_leading_byline
from .html_body import BodyOptions, drop_repeated_headline, html_to_blocks, inline_text
from .source import Source

SHORT_SUMMARY = 400


def read_feed(source: Source) -> list[Article]:
    """Read every entry of an RSS or Atom feed as an article."""
    import feedparser

    parsed = feedparser.parse(
        source.xml_data,
        response_headers={"content-location": str(source.path or source.name)},
        resolve_relative_uris=True,
        sanitize_html=False,  # the shared body converter keeps only what the model can say
    )
    if parsed.get("bozo") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise source.error(f"not a readable feed ({problem})")
    feed = parsed.feed
    if not parsed.entries:
        raise source.error("the feed has no entries")
    publisher = _site_name(_text(feed.get("title")))
    feed_language = _text(feed.get("language"))
    site = _text(feed.get("link"))
    articles: list[Article] = []
    problems: list[InputError] = []
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"entry {number}"
        place = f"{source.name} ({where})"
        fields = _entry(entry, place, publisher, feed_language, source.folder, site)
        try:
            articles.append(finish_article(fields, source, where))
        except InputError as problem:
            problems.append(problem)
    return keep_going(articles, problems, source)


def _site_name(title: str) -> str:
    """The site's name in a feed's title, without the section or tagline after it.

    >>> _site_name("BBC News - World"), _site_name("Sample Feed")
    ('BBC News', 'Sample Feed')
    >>> _site_name("Все для Nokia 5800 : Программы, игры, темы, свежие новости и советы")
    'Все для Nokia 5800'
    """
    name = re.split(r"\s+[-–—|:·]\s+", title, maxsplit=1)[0].strip()
    return name or title


def _entry(
    entry: Any, place: str, publisher: str, feed_language: str, folder: Path, site: str = ""
) -> dict[str, Any]:
    link = _text(entry.get("link"))
    options = BodyOptions(base_url=link or None, where=place, folder=folder)
    contents = [c for c in entry.get("content") or [] if _text(c.get("value"))]
    html_content = next((c for c in contents if "html" in str(c.get("type", ""))), None)
    content = html_content or (contents[0] if contents else None)
    summary = entry.get("summary") or ""
    if html_content is None and content is not None and _is_picture_description(entry, summary):
        content = None  # a media:description, which feedparser files among the contents
    headline = _title(entry, options)
    if content is not None:
        text = content.get("value", "")
        body = html_to_blocks(
            _without_trailing_pictures(text, place)
            if "html" in str(content.get("type"))
            else _escape(text),
            options,
        )
    else:
        body = html_to_blocks(_without_trailing_pictures(summary, place), options)
        if body:
            note(f"{place}: the entry holds only a summary; the article is that summary")
    language = (content or {}).get("language") or entry.get("language") or feed_language
    data: dict[str, Any] = {
        "id": _text(entry.get("id")),
        "headline": headline,
        "standfirst": _summary_as_standfirst(summary, content, options),
        "language": _text(language) or None,
        "authors": [
            {"name": _text(a.get("name"))}
            for a in entry.get("authors") or []
            if _text(a.get("name"))
        ],
        # dict.get: feedparser's own get() passes one date off as the other, with a warning.
        "published": _moment(dict.get(entry, "published_parsed"))
        or _local_date(dict.get(entry, "published"), language, headline, summary),
        "updated": _moment(dict.get(entry, "updated_parsed"))
        or _local_date(dict.get(entry, "updated"), language, headline, summary),
        "keywords": [_text(t.get("term")) for t in entry.get("tags") or [] if _text(t.get("term"))],
        "canonical_url": link if link.startswith(("http://", "https://")) else None,
        "publisher": {"name": publisher} if publisher else None,
        "lead_image": _lead_image(entry, place, contents, content),
        "body": _without_self_links(drop_repeated_headline(body, headline), link, site),
    }
    data["body"] = _without_dangling_label(
        _without_lead_again(data["body"], data["lead_image"]), place
    )
    if data["standfirst"] and repeats_the_text(data["standfirst"], data["body"]):
        data["standfirst"] = None  # the text's first words, cut: an excerpt
    # A summary that is only "Por Matt Spetalnick e Jason Szep" (UOL's Reuters entry): the
    # byline, and no text (the entry is then skipped, with a warning).
    take_leading_byline(data)
    if data["published"] is None and data["updated"] is not None:
        data["published"], data["updated"] = data["updated"], None
    if data["published"] and data["updated"] and data["updated"] < data["published"]:
        data["updated"] = None
    return data


def _is_picture_description(entry: Any, summary: str) -> bool:
    """A plain-text "content" beside the entry's media, shorter than its HTML summary, is
    the picture's ``media:description`` (HuffPost Canada's entries: a 131-character caption
    beside a 4,161-character ``description`` holding the whole text)."""
    contents = [c for c in entry.get("content") or [] if _text(c.get("value"))]
    has_media = bool(entry.get("media_content") or entry.get("media_thumbnail"))
    described = max((len(_text(c.get("value"))) for c in contents), default=0)
    return has_media and len(_text(_plain(summary))) > described


def _plain(markup: str) -> str:
    from lxml import html

    if not markup.strip():
        return ""
    try:
        found = html.fromstring(f"<div>{markup}</div>").itertext()
        return "".join(t for t in found if isinstance(t, str))
    except (ValueError, TypeError):
        return markup


def _without_trailing_pictures(markup: str, place: str) -> str:
    """The entry's HTML without what follows its last words when that is only pictures
    without alt text and empty links: a feed service's advertising units, share buttons
    ("feedflare") and view counter, which FeedBurner and WordPress append to every entry.

    >>> _without_trailing_pictures('<p>Text.</p><p><a href="ad"><img src="ad.gif"></a></p>'
    ...     '<img src="pixel" width="1">', "x")
    '<p>Text.</p>'
    >>> _without_trailing_pictures('<p>Text.</p><img src="map.png" alt="The route">', "x")
    '<p>Text.</p><img src="map.png" alt="The route">'
    """
    from lxml import etree, html

    if "<img" not in markup.lower():
        return markup
    try:
        holder = html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return markup
    dropped = 0
    for element in reversed(list(holder)):
        if (element.tail or "").strip() or "".join(element.itertext()).strip():
            break
        pictures = [element] if element.tag == "img" else list(element.iter("img"))
        if any((img.get("alt") or "").strip() for img in pictures) or element.tag in (
            "iframe",
            "video",
            "audio",
            "table",
        ):
            break
        if element.find(".//iframe") is not None or element.find(".//video") is not None:
            break
        dropped += len(pictures)
        holder.remove(element)
    if not dropped:
        return markup
    note(
        f"{place}: {dropped} picture(s) without alt text after the entry's last words "
        "(advertising, share buttons, a view counter) are left out",
        level="info",
    )
    inner = (holder.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in holder
    )
    return inner


def _without_lead_again(
    body: list[dict[str, Any]], lead: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """Leave out a first picture of the text that the entry's lead picture already shows:
    its alt text or caption is the lead's caption (HuffPost's entries carry the picture
    both as ``media:content`` and, resized, at the top of the text)."""
    if not lead or not body or body[0]["type"] != "figure":
        return body
    image = body[0]["image"]
    said = {
        " ".join(str(image.get("alt") or "").split()),
        _text(inline_text(image.get("caption") or [])),
    }
    return body[1:] if _text(str(lead.get("caption") or "")) in said else body


def _without_dangling_label(body: list[dict[str, Any]], place: str = "") -> list[dict[str, Any]]:
    """Leave out a last paragraph that ends with a colon: it introduces what the feed did
    not carry (HuffPost's "Also on HuffPost:" above a slideshow).

    >>> text = {"type": "paragraph", "content": ["The story."]}
    >>> label = {"type": "paragraph", "content": [{"type": "strong", "children": ["Also on X:"]}]}
    >>> _without_dangling_label([text, label]) == [text]
    True
    """
    if len(body) < 2 or body[-1]["type"] != "paragraph":
        return body
    said = _text(inline_text(body[-1]["content"]))
    if not said.endswith((":", "：")) or len(said.split()) > 8:
        return body
    note(f"{place}: a last paragraph that introduces nothing ({said!r}) is left out", level="info")
    return body[:-1]


def _without_self_links(
    body: list[dict[str, Any]], link: str, site: str = ""
) -> list[dict[str, Any]]:
    """Leave out a first or last paragraph that is only a short link to the entry itself
    or to another page of the feed's own site (a link blog's "∞ Permalink", "Continue
    reading", a comments link): it leads to the article, it is not part of it.

    >>> text = {"type": "paragraph", "content": ["The story."]}
    >>> own = {"type": "link", "href": "https://x.org/?p=1", "children": ["∞ Permalink"]}
    >>> body = [text, {"type": "paragraph", "content": [own]}]
    >>> _without_self_links(body, "https://elsewhere.org/", "https://x.org/") == [text]
    True
    """

    def leads_back(block: dict[str, Any]) -> bool:
        parts = [p for p in block.get("content", []) if not (isinstance(p, str) and not p.strip())]
        if block["type"] != "paragraph" or len(parts) != 1 or not isinstance(parts[0], dict):
            return False
        target = str(parts[0].get("href", ""))
        words = len(inline_text(parts).split())
        return (
            parts[0].get("type") == "link"
            and words <= 3
            and any(_same_site(target, own) for own in (link, site) if own)
        )

    edges = {0, len(body) - 1} if len(body) > 1 else set()
    return [
        b
        for index, b in enumerate(body)
        if not (index in edges and (leads_back(b) or _note_to_readers(b, link, site)))
    ]


# A note to the feed's readers is short: "[If the formatting looks odd in your feed
# reader, visit the original article]".
NOTE_WORDS = 30


def _note_to_readers(block: dict[str, Any], link: str, site: str = "") -> bool:
    """A paragraph wholly in square brackets that links to the entry itself or its site:
    the feed's note to its readers ("[If the formatting looks odd in your feed reader,
    visit the original article]"), not text of the article.

    >>> own = {"type": "link", "href": "https://x.org/a/", "children": ["visit the article"]}
    >>> _note_to_readers({"type": "paragraph", "content": ["[Odd? ", own, "]"]}, "https://x.org/a/")
    True
    >>> _note_to_readers({"type": "paragraph", "content": ["Odd? ", own]}, "https://x.org/a/")
    False
    """
    parts = block.get("content") or []
    text = inline_text(parts).strip()
    if block.get("type") != "paragraph" or not (text.startswith("[") and text.endswith("]")):
        return False
    if "[" in text[1:-1] or "]" in text[1:-1] or len(text.split()) > NOTE_WORDS:
        return False
    links = [
        str(p.get("href", "")) for p in parts if isinstance(p, dict) and p.get("type") == "link"
    ]
    return any(_same_site(href, own) for href in links for own in (link, site) if own)


def _same_site(href: str, own: str) -> bool:
    from urllib.parse import urlsplit

    return (
        urlsplit(href).netloc.lower().removeprefix("www.")
        == (urlsplit(own).netloc.lower().removeprefix("www."))
        != ""
    )


def _summary_as_standfirst(summary: str, content: Any, options: BodyOptions) -> str | None:
    """A short summary beside the full text is the standfirst."""
    if content is None or not summary:
        return None
    blocks = html_to_blocks(summary, BodyOptions(base_url=options.base_url, where=options.where))
    texts = [b for b in blocks if b["type"] == "paragraph"]
    if len(texts) != 1:
        return None
    text = inline_text(texts[0]["content"]).strip()  # with its links' words
    full = str(content.get("value", ""))
    return text if 0 < len(text) <= SHORT_SUMMARY and text[:60] not in full else None


def _lead_image(entry: Any, place: str, contents: list[Any], body: Any) -> dict[str, Any] | None:
    """An image enclosure or ``media:content``, captioned by its ``media:description``.

    feedparser files a ``media:description`` among the entry's contents, as plain text.
    """
    candidates = [
        m
        for m in (entry.get("media_content") or [])
        if str(m.get("medium") or m.get("type") or "image").startswith("image")
    ]
    candidates += [
        e for e in entry.get("enclosures") or [] if str(e.get("type") or "").startswith("image/")
    ]
    if not candidates:
        return None
    url = _text(candidates[0].get("url") or candidates[0].get("href"))
    described = [c for c in contents if c is not body and "plain" in str(c.get("type"))]
    caption = _text(described[0].get("value")) if described else ""
    credit = entry.get("media_credit")
    if not url:
        return None
    if not caption:
        note(f"{place}: the entry's picture {url[:80]} has no description; it is left out")
        return None
    image: dict[str, Any] = {"src": url, "caption": caption}
    if isinstance(credit, list) and credit and _text(credit[0].get("content")):
        image["credit"] = _text(credit[0].get("content"))
    return image


def _local_date(raw: Any, language: Any, *texts: str) -> datetime | None:
    """A date feedparser cannot read: RFC 822 with the day and month in the feed's
    language ("Seg, 24 Set 2018 19:42:40 -0300", UOL's), read with that language's
    month names (the language of the entry's words when the feed names none)."""
    raw = _text(raw)
    if not raw:
        return None
    tag = _text(language) or detect_language(" ".join(texts))
    found = find_dates(raw, tag) if tag else []
    return moment_of(found[0], raw) if found else None


def _moment(parsed: Any) -> datetime | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def _title(entry: Any, options: BodyOptions) -> str:
    """The entry's title as text: an HTML title (Atom's type="html", RSS titles with
    markup) is read by the body converter, so its tags and character references
    ("That&#8217;s") become text."""
    title = _text(entry.get("title"))
    if "html" not in str((entry.get("title_detail") or {}).get("type", "")):
        return title
    blocks = html_to_blocks(f"<p>{title}</p>", options)
    return (
        " ".join(
            _text(inline_text(block["content"])) for block in blocks if block["type"] == "paragraph"
        )
        or title
    )


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _escape(text: str) -> str:
    from html import escape

    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
