"""Changes to pages ``convert`` already wrote: format links, the feed link, the index link.

Pages are parsed safely, changed as trees, and replaced atomically only when
something changed, so running ``site`` or ``feed`` twice changes nothing more.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lxml import etree

from ..document.blocks import element, sub
from ..document.page import html_bytes
from ..files import OutputSet
from ..lang import messages_for
from ..safe_xml import safe_xml_parser
from .outputs import EditionArticle, parse_page, scan_outputs

FORMATS_NAV_ID = "nf-formats"

# The formats offered beside a page, in the order they are listed, with their label key
# and media type.
SIBLING_FORMATS: dict[str, tuple[str, str]] = {
    "html": ("format_html", "text/html"),
    "pdf": ("format_pdf", "application/pdf"),
    "epub": ("format_epub", "application/epub+zip"),
    "audio": ("format_audio", "audio/mpeg"),
    "transcript": ("format_transcript", "text/html"),
    "brf": ("format_brf", "application/x-brf"),
    "braille-html": ("format_braille_html", "text/html"),
}

PageChange = Callable[[etree._Element], bool]


def format_links(
    article: EditionArticle, parent: etree._Element, *, skip: str | None = None
) -> etree._Element:
    """Append a list of links to the article's formats (all but ``skip``) to ``parent``."""
    messages = messages_for(article.language or "en")
    items = sub(parent, "ul", cls="nf-format-list")
    for kind, (label, media_type) in SIBLING_FORMATS.items():
        if kind == skip or kind not in article.files:
            continue
        link = sub(sub(items, "li"), "a", href=article.files[kind].name, type=media_type)
        link.text = messages(label)
    return items


def add_formats_nav(article: EditionArticle, index: str | None) -> PageChange:
    """A change that puts "Also available as" after the page's ``<article>``."""

    def change(root: etree._Element) -> bool:
        old = root.find(f".//nav[@id='{FORMATS_NAV_ID}']")
        messages = messages_for(article.language or "en")
        nav = element("nav", id=FORMATS_NAV_ID, cls="nf-formats", aria_labelledby="nf-formats-h")
        sub(nav, "h2", id="nf-formats-h").text = messages("also_available")
        format_links(article, nav, skip="html")
        if index:
            sub(sub(nav, "p"), "a", href=index).text = messages("all_articles")
        if old is not None:
            if etree.tostring(old) == etree.tostring(nav):
                return False
            old.getparent().replace(old, nav)  # type: ignore[union-attr]
            return True
        anchor = root.find(".//main/article")
        if anchor is None:
            return False
        anchor.addnext(nav)
        return True

    return change


def add_feed_link(feed: str, title: str | None) -> PageChange:
    """A change that adds ``<link rel="alternate" type="application/rss+xml">`` to the head."""

    def change(root: etree._Element) -> bool:
        head = root.find("head")
        if head is None:
            return False
        for link in head.iter("link"):
            if link.get("rel") == "alternate" and link.get("type") == "application/rss+xml":
                if link.get("href") == feed:
                    return False
                link.set("href", feed)
                return True
        attributes = {"rel": "alternate", "type": "application/rss+xml", "href": feed}
        if title:
            attributes["title"] = title
        sub(head, "link", **attributes)
        return True

    return change


def rewrite_pages(changes: dict[Path, list[PageChange]], outputs: OutputSet) -> list[Path]:
    """Apply each page's changes; stage only the pages that changed. Returns their paths."""
    changed = []
    for path, page_changes in changes.items():
        root = parse_page(path)
        if any([change(root) for change in page_changes]):
            outputs.write_bytes(path, html_bytes(root))
            changed.append(path)
    return changed


def link_feed_from_pages(outdir: Path, feed: Path) -> list[Path]:
    """Link ``feed`` from every article page, transcript page and the index in ``outdir``.

    >>> link_feed_from_pages(Path("out"), Path("out/feed.xml"))  # doctest: +SKIP
    [PosixPath('out/story.html'), ...]
    """
    articles, _ = scan_outputs(outdir)
    title = _feed_title(feed)
    pages = [outdir / "index.html"] + [
        a.files[kind] for a in articles for kind in ("html", "transcript") if kind in a.files
    ]
    change = add_feed_link(feed.name, title)
    with OutputSet() as outputs:
        changed = rewrite_pages({p: [change] for p in pages if p.is_file()}, outputs)
    return changed


def _feed_title(feed: Path) -> str | None:
    parser = safe_xml_parser()
    try:
        title = etree.parse(str(feed), parser).findtext("channel/title")
    except (OSError, etree.XMLSyntaxError):
        return None
    return title
