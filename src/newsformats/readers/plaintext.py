"""The plain text of a scraped news page → an article.

The layout, as copied from a news site: page chrome, the headline, the photo
caption (when there is a photo), body paragraphs separated by blank lines, and
at the end a credit line ("With reporting by …"). Nothing here is written for
one article: the rules are the layout's, and the words they look for
(:mod:`.chrome`) come in many languages. An optional sidecar beside the file
(``article.yaml`` for ``article.txt``) adds what plain text cannot carry.
"""

from __future__ import annotations

import re
from typing import Any

from ..language import detect_language, primary_language
from ..model import Article
from .chrome import BYLINE, PHOTO_WORDS, is_chrome, is_credit_line, is_end_marker
from .fields import split_names
from .source import Source
from .structured import article_from_data, load_yaml

MAX_HEADLINE = 300
TERMINAL = tuple(".!?…:;\"'»”’؟۔")


def read_plain_text(source: Source) -> Article:
    """Read the plain text of a news page, plus its sidecar when there is one.

    >>> from newsformats import read
    >>> read("examples/csto-sco-afghanistan.txt").headline  # doctest: +SKIP
    'Leaders Of Russia, China-Led Security Blocs Meet To Discuss Afghanistan'
    """
    sidecar, node, sidecar_source = _sidecar(source)
    data = parse_layout(source, language=sidecar.get("language") or sidecar.get("lang"))
    merged = _merge(data, sidecar)
    if sidecar_source is not None:
        return article_from_data(merged, sidecar_source, node)
    return article_from_data(merged, source)


def parse_layout(source: Source, language: str | None = None) -> dict[str, Any]:
    """Find headline, caption, byline, body and credit line in scraped text."""
    paragraphs = _article_paragraphs(_paragraphs(source.text))
    if not paragraphs:
        raise source.error("no article text found (only page chrome or empty lines)")
    headline = paragraphs.pop(0)
    if len(headline) > MAX_HEADLINE:
        raise source.error(
            "no headline found: the first line of text is a whole paragraph "
            f"({len(headline)} characters)",
            line=1,
        )
    data: dict[str, Any] = {"headline": headline}
    text = "\n".join(paragraphs)
    language = language or detect_language(f"{headline}\n{text}")
    if language is None:
        raise source.error(
            "cannot tell the language of the text; name it in a sidecar (language: xx)"
        )
    data["language"] = language
    if paragraphs and BYLINE.match(paragraphs[0]):
        match = BYLINE.match(paragraphs.pop(0))
        data["authors"] = split_names(match.group("names") if match else "")
    if len(paragraphs) >= 2 and looks_like_caption(paragraphs[0], paragraphs[1], language):
        data["caption"] = paragraphs.pop(0)
    if paragraphs and is_credit_line(paragraphs[-1]):
        data["credit_line"] = paragraphs.pop()
    if not paragraphs:
        raise source.error("the article has a headline but no body text")
    data["body"] = [_block(p, i, len(paragraphs)) for i, p in enumerate(paragraphs)]
    return data


def looks_like_caption(text: str, following: str, language: str) -> bool:
    """Say whether the paragraph after the headline is a photo caption.

    A caption names the photo ("pose for a photograph", "Фото:", a credit in
    brackets), or is one short sentence that dates the picture and is shorter
    than the paragraph that follows it.
    """
    words = len(text.split())
    if words > 50 or is_credit_line(text) or text.startswith(('"', "“", "«", "'")):
        return False
    if PHOTO_WORDS.search(text):
        return True
    sentences = len(re.findall(r"[.!?؟۔](\s|$)", text))
    return (
        words <= 30
        and sentences <= 1
        and _mentions_date(text, language)
        and words < 0.8 * len(following.split())
    )


def _mentions_date(text: str, language: str) -> bool:
    if re.search(r"\b(19|20)\d\d\b", text):
        return True
    from babel.dates import get_month_names

    try:
        names = {
            name.casefold()
            for width in ("wide", "abbreviated")
            for context in ("format", "stand-alone")
            for name in get_month_names(width, context, locale=primary_language(language)).values()
        }
    except (ValueError, LookupError):
        return False
    folded = text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", folded) for n in names if len(n) > 2)


def _paragraphs(text: str) -> list[str]:
    """Split on blank lines; a text with none has one paragraph per line."""
    blocks = re.split(r"\n\s*\n", text.strip())
    if len(blocks) == 1 and text.count("\n") >= 2:
        blocks = text.split("\n")
    return [" ".join(b.split()) for b in blocks if b.strip()]


def _article_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drop page chrome, and everything from the furniture after the article on."""
    kept: list[str] = []
    for paragraph in paragraphs:
        if kept and len(kept) > 1 and is_end_marker(paragraph):
            break
        if not is_chrome(paragraph) and not is_end_marker(paragraph):
            kept.append(paragraph)
    return kept


def _block(text: str, index: int, count: int) -> dict[str, Any]:
    words = len(text.split())
    if 0 < index < count - 1 and words <= 10 and not text.endswith(TERMINAL):
        return {"type": "subheading", "content": text}
    return {"type": "paragraph", "content": text}


def _sidecar(source: Source) -> tuple[dict[str, Any], Any, Source | None]:
    if source.path is None:
        return {}, None, None
    for suffix in (".yaml", ".yml"):
        candidate = source.path.with_suffix(suffix)
        if candidate.is_file():
            from .source import open_source

            sidecar_source = open_source(candidate)
            data, node = load_yaml(sidecar_source.text, sidecar_source)
            if data is None:
                return {}, None, None
            if not isinstance(data, dict):
                raise sidecar_source.error("the sidecar must be a mapping of article fields")
            return data, node, sidecar_source
    return {}, None, None


def _merge(detected: dict[str, Any], sidecar: dict[str, Any]) -> dict[str, Any]:
    """Sidecar fields win; the caption found in the text joins the sidecar's image."""
    merged = dict(detected)
    caption = merged.pop("caption", None)
    merged.update(sidecar)
    if caption is None:
        return merged
    image = sidecar.get("image")
    if isinstance(image, dict):
        merged["image"] = {"caption": caption, **image}
    elif "caption" not in sidecar:
        merged["caption"] = caption
    return merged
