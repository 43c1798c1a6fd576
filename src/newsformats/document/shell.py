"""A plain page shell for pages that are not an article page (index, transcript, braille)."""

from __future__ import annotations

from lxml import etree

from ..i18n import messages_for
from ..language import direction_of
from .blocks import sub


def plain_page(
    language: str, title: str, css: str
) -> tuple[etree._Element, etree._Element, etree._Element]:
    """An HTML page with ``lang``/``dir``, a title, the CSS and a skip link to ``<main>``.

    Returns the page, its ``<head>`` and its ``<main>``.

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
