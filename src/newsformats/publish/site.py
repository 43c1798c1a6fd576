"""An edition website from a folder of outputs: index page, format links, sitemap.

The index lists every article (title, standfirst, date and a link to each of
its formats); each article page gets "Also available as" links after its
``<article>``; ``sitemap.xml`` lists the pages. Existing pages are changed by
parsing them, not by re-running the HTML writer, so any folder ``convert``
wrote will do.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from ..document.blocks import sub
from ..document.page import html_bytes, plain_page
from ..errors import UsageError
from ..files import OutputSet
from ..lang import messages_for
from ..language import direction_of
from ..themes import stylesheet
from .companions import write_transcript
from .feed import check_base_url
from .outputs import FEED_NAME, INDEX_NAME, SITEMAP_NAME, EditionArticle, scan_outputs
from .pages import PageChange, add_feed_link, add_formats_nav, format_links, rewrite_pages

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

# What the index adds to the bundled screen stylesheet: one card per article.
INDEX_CSS = """
.nf-edition-list { list-style: none; padding: 0; margin: 0; }
.nf-edition-item { border-block-end: 1px solid var(--nf-rule); padding-block: 1rem; }
.nf-edition-item h3 { margin: 0 0 0.5rem; font-size: 1.35rem; line-height: 1.3; }
.nf-edition-item .nf-standfirst { font-size: 1.05rem; margin: 0 0 0.5rem; }
.nf-format-list { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; margin: 0.5rem 0 0;
  list-style: none; font-family: system-ui, sans-serif; font-size: 0.95rem; }
.nf-format-list a { display: inline-block; padding-block: 0.35rem; }
.nf-formats { border-block-start: 1px solid var(--nf-rule); margin-block: 2rem; }
"""


@dataclass(frozen=True)
class SiteSettings:
    """Edition settings; without ``base_url`` no sitemap can be written (its URLs are absolute)."""

    base_url: str | None = None
    title: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class SiteResult:
    """What ``write_site`` wrote, and one line for each thing it left out and why."""

    index: Path
    written: list[Path]
    notes: list[str]


def write_site(outdir: str | Path, settings: SiteSettings | None = None) -> SiteResult:
    """Write ``index.html`` and ``sitemap.xml`` and link every article page to its formats.

    >>> write_site("out", SiteSettings(base_url="https://news.example/"))  # doctest: +SKIP
    SiteResult(index=PosixPath('out/index.html'), written=[...], notes=[])
    """
    settings = settings or SiteSettings()
    folder = Path(outdir)
    base = check_base_url(settings.base_url) if settings.base_url else None
    articles, notes = scan_outputs(folder)
    if not articles:
        raise UsageError("no article pages or MP3s to make an edition of", file=folder)
    if any(a.stem == "index" for a in articles):
        raise UsageError("an article is called index.html: the edition's index needs that name")
    publishers = Counter(a.publisher for a in articles if a.publisher)
    title = settings.title or (publishers.most_common(1)[0][0] if publishers else None)
    if not title:
        raise UsageError("the articles name no publisher: give the edition a --title")
    languages = Counter(a.language for a in articles if a.language)
    language = settings.language or (languages.most_common(1)[0][0] if languages else "und")
    feed = folder / FEED_NAME
    with OutputSet() as outputs:
        for article in articles:
            write_transcript(article, outputs, notes)
        index = folder / INDEX_NAME
        outputs.write_bytes(index, html_bytes(index_page(articles, title, language, feed)))
        changes: dict[Path, list[PageChange]] = {}
        for article in articles:
            if "html" not in article.files:
                notes.append(f"{article.files['audio']}: no HTML page; listed without one")
                continue
            page_changes = [add_formats_nav(article, INDEX_NAME)]
            if feed.is_file():
                page_changes.append(add_feed_link(feed.name, title))
            changes[article.files["html"]] = page_changes
        rewrite_pages(changes, outputs)
        if base:
            outputs.write_bytes(folder / SITEMAP_NAME, sitemap(articles, base))
        else:
            notes.append(f"{folder}: no sitemap.xml: its URLs must be absolute; give --base-url")
    return SiteResult(index, list(outputs.written), notes)


def index_page(
    articles: list[EditionArticle], title: str, language: str, feed: Path | None = None
) -> etree._Element:
    """The edition's index: a heading per article, its standfirst, date and formats."""
    messages = messages_for(language)
    page, head, main = plain_page(language, title, stylesheet("screen.css") + INDEX_CSS)
    if feed is not None and feed.is_file():
        sub(head, "link", rel="alternate", type="application/rss+xml", href=feed.name, title=title)
    sub(main, "h1", id="edition-title").text = title
    sub(main, "h2", id="edition-articles").text = messages("edition_articles")
    items = sub(main, "ul", cls="nf-edition-list", aria_labelledby="edition-articles")
    for number, article in enumerate(articles, 1):
        item = sub(items, "li", cls="nf-edition-item")
        if article.language and article.language != language:
            item.set("lang", article.language)
            item.set("dir", direction_of(article.language))
        heading = sub(item, "h3", id=f"a{number}")
        home = article.files.get("html") or article.files["audio"]
        sub(heading, "a", href=home.name).text = article.headline
        if article.description:
            sub(item, "p", cls="nf-standfirst").text = article.description
        if article.published:
            date = sub(item, "p", cls="nf-dateline")
            moment = sub(date, "time", datetime=article.published.isoformat())
            moment.text = messages_for(article.language or language).date(article.published)
        links = format_links(article, item, skip="html" if "html" in article.files else None)
        links.set("aria-labelledby", f"a{number}")
    return page


def sitemap(articles: list[EditionArticle], base: str) -> bytes:
    """A sitemaps.org ``urlset`` of the index and every article page, with their dates.

    >>> sitemap([], "https://news.example/").startswith(b"<?xml")
    True
    """
    urlset = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS})  # type: ignore[dict-item]
    url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
    etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = urljoin(base, INDEX_NAME)
    for article in articles:
        if "html" not in article.files:
            continue
        url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = urljoin(
            base, article.files["html"].name
        )
        moment = article.modified or article.published
        if moment:
            etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = moment.isoformat()
    data: bytes = etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data
