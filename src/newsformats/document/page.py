"""The page shell around the article tree, shared by the HTML page and the print page.

Both the HTML writer and the PDF's print page wrap the same ``<article>`` in the
same landmarks (skip link, banner, ``<main>``, footer); only the stylesheet and
the extra ``<head>`` content differ.
"""

from __future__ import annotations

from lxml import etree

from ..lang import messages_for
from ..language import direction_of
from . import Document
from .blocks import sub


def build_page(
    document: Document,
    *,
    css: str,
    extra_head: list[etree._Element] | None = None,
) -> etree._Element:
    """Wrap the document's ``<article>`` in a complete page with landmarks and metadata.

    >>> from newsformats.document import build_document
    >>> from newsformats.model import Article
    >>> page = build_page(build_document(Article(headline="Hi", language="en", body=["x"])), css="")
    >>> page.find("body/main/article").get("id")
    'article'
    """
    article = document.article
    messages = document.messages
    page = etree.Element("html", lang=article.language, dir=article.text_direction)
    head = sub(page, "head")
    sub(head, "meta", charset="utf-8")
    sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    title = document.title
    if article.publisher:
        title = f"{title} – {article.publisher.name}"
    sub(head, "title").text = title
    sub(head, "meta", name="description", content=document.description)
    if document.author_names:
        sub(head, "meta", name="author", content=", ".join(document.author_names))
    if article.keywords:
        sub(head, "meta", name="keywords", content=", ".join(article.keywords))
    sub(head, "meta", name="color-scheme", content="light dark")
    if article.canonical_url:
        sub(head, "link", rel="canonical", href=str(article.canonical_url))
    sub(head, "style").text = css
    for extra in extra_head or []:
        head.append(extra)

    body = sub(page, "body")
    skip = sub(body, "a", href="#main", cls="nf-skip")
    skip.text = messages("skip_to_content")
    if article.publisher:
        banner = sub(body, "header", cls="nf-site-header")
        sub(banner, "p", cls="nf-publisher").text = article.publisher.name
    main = sub(body, "main", id="main", tabindex="-1")
    main.append(document.root)
    if article.publisher:
        footer = sub(body, "footer", cls="nf-site-footer")
        sub(footer, "p").text = messages("site_footer", publisher=article.publisher.name)
    return page


def html_bytes(page: etree._Element) -> bytes:
    """Serialise a page as HTML5 with its doctype, in UTF-8.

    >>> html_bytes(etree.fromstring("<html><p>Hi</p></html>"))
    b'<!DOCTYPE html>\\n<html><p>Hi</p></html>\\n'
    """
    text: str = etree.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
    return (text + "\n").encode("utf-8")


def plain_page(
    language: str, title: str, css: str
) -> tuple[etree._Element, etree._Element, etree._Element]:
    """An HTML page with ``lang``/``dir``, a title, the CSS and a skip link to ``<main>``.

    Returns the page, its ``<head>`` and its ``<main>`` (index, transcript and braille pages).

    >>> page, head, main = plain_page("ru", "Заголовок", "")
    >>> page.get("lang"), head.findtext("title"), main.get("id")
    ('ru', 'Заголовок', 'main')
    """
    page = etree.Element("html", lang=language, dir=direction_of(language))
    head = sub(page, "head")
    sub(head, "meta", charset="utf-8")
    sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    sub(head, "title").text = title
    sub(head, "meta", name="color-scheme", content="light dark")
    sub(head, "style").text = css
    body = sub(page, "body")
    sub(body, "a", href="#main", cls="nf-skip").text = messages_for(language)("skip_to_content")
    main = sub(body, "main", id="main", tabindex="-1")
    return page, head, main
