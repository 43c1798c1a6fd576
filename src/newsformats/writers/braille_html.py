"""The braille page writer: the BRF's pages in Unicode braille, as an HTML page for screens."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..braille.layout import BraillePages, article_pages
from ..document.blocks import sub
from ..document.page import html_bytes, plain_page
from ..lang import messages_for
from ..language import primary_language
from ..themes import stylesheet
from . import WriteJob

BRAILLE_CSS = """
:root { --nf-measure: 52rem; }  /* room for a line of 40 cells beside the page's margins */
.nf-braille-page { margin-block: 1.5rem; overflow-x: auto; }
.nf-braille-page pre {
  font-family: "DejaVu Sans", "Segoe UI Symbol", sans-serif;
  font-size: 1.25rem;
  line-height: 1.5;
  white-space: pre;
  width: max-content;
  padding: 0.75rem;
  border: 1px solid var(--nf-rule);
  background: var(--nf-accent-bg);
}
"""


def braille_page(headline: str, braille: BraillePages) -> etree._Element:
    """A page with the headline in print, then each braille page under a "Page N" heading."""
    messages = messages_for(braille.language)
    css = stylesheet("screen.css") + BRAILLE_CSS
    page, _, main = plain_page(braille.language, headline, css)
    sub(main, "h1", id="headline").text = headline
    braille_tag = f"{primary_language(braille.language)}-Brai"
    for number, lines in enumerate(braille.pages, 1):
        # The section scrolls on narrow screens, so it takes focus (and has a name).
        section = sub(
            main,
            "section",
            cls="nf-braille-page",
            aria_labelledby=f"page-{number}",
            tabindex="0",
        )
        sub(section, "h2", id=f"page-{number}").text = f"{messages('page')} {number}"
        # The braille is a picture of the embossed page: one <pre>, blank cells kept.
        block = sub(section, "pre", lang=braille_tag, dir="ltr")
        block.text = "\n".join(lines)
    return page


def write_braille_html(job: WriteJob) -> list[Path]:
    """Write ``<stem>.braille.html``; for a language without a braille table, nothing."""
    braille = article_pages(job.article)
    if braille is None:
        job.warn(
            f"{job.stem}: no braille table for language {job.article.language!r}; "
            "no braille page written"
        )
        return []
    page = braille_page(job.article.headline, braille)
    target = job.path(".braille.html")
    job.outputs.write_bytes(target, html_bytes(page))
    return [target]
