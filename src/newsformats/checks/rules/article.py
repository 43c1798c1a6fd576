"""Rules for article inputs: what a newsroom can fix before converting."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import FigureBlock
from ..findings import Location
from ..loaders.article import ArticleInput
from ..references import newsformats_guide, wcag
from ..registry import Problem, rule


def _images(item: ArticleInput) -> Iterator[tuple[str, object]]:
    article = item.article
    if article is None:
        return
    if article.lead_image is not None:
        yield "lead_image", article.lead_image
    for block in article.body:
        if isinstance(block, FigureBlock):
            yield f"body.{block.id}", block.image


@rule(
    "article-readable",
    target="article",
    severity="error",
    summary="The input reads as an article",
    fix="Fix the input at the place the message names.",
    references=[newsformats_guide("article-readable", "Readable input")],
    mirrors=["newsformats"],
)
def readable(item: ArticleInput) -> Iterator[Problem]:
    """Reported when the reader refuses the input; the message says where and why."""
    return iter(())


@rule(
    "article-language",
    target="article",
    severity="error",
    summary="The input names its language",
    fix="Add language: with a BCP 47 tag (en, ru, fa-AF) to the front matter or data.",
    references=[wcag("3.1.1")],
    mirrors=["newsformats"],
)
def language(item: ArticleInput) -> Iterator[Problem]:
    """Every output's language comes from here: without it nothing can be converted."""
    if item.article is None:
        yield Problem("the input has no language", Location(element="language"))


@rule(
    "article-language-guessed",
    target="article",
    severity="warning",
    summary="The language of a plain-text input is stated, not guessed from the text",
    fix="Add language: with a BCP 47 tag to the sidecar .yaml beside the text file.",
    references=[wcag("3.1.1")],
    mirrors=["newsformats"],
)
def language_guessed(item: ArticleInput) -> Iterator[Problem]:
    """A guess can be wrong for short or mixed-language texts, and every output inherits it."""
    if item.article is not None and not item.language_stated:
        yield Problem(
            f"the language was guessed ({item.article.language!r}); state it in a sidecar",
            Location(element="language"),
        )


@rule(
    "article-alt-derived",
    target="article",
    severity="warning",
    summary="Image alt text is written by a person, not derived from the caption",
    fix="Write alt text that says what the picture shows (alt: in the input).",
    references=[wcag("1.1.1")],
    mirrors=["newsformats"],
)
def alt_derived(item: ArticleInput) -> Iterator[Problem]:
    """A caption tells the news; alt text tells what the picture shows. Derived alt is a stopgap."""
    for where, image in _images(item):
        if getattr(image, "alt_source", "") == "derived":
            yield Problem(
                f"the alt text was derived from the caption: {getattr(image, 'alt', '')!r}",
                Location(element=f"{where}.alt"),
            )


@rule(
    "article-image-caption",
    target="article",
    severity="warning",
    summary="A photo has a caption and a credit",
    fix="Add caption: and credit: to the image.",
    references=[wcag("1.1.1"), newsformats_guide("article-image-caption", "Captions and credits")],
    mirrors=["newsformats"],
)
def image_caption(item: ArticleInput) -> Iterator[Problem]:
    """Everyone reads the caption; the credit is owed to the photographer."""
    for where, image in _images(item):
        if getattr(image, "decorative", False):
            continue
        if not getattr(image, "caption", None):
            yield Problem("the image has no caption", Location(element=f"{where}.caption"))
        if not getattr(image, "credit", None):
            yield Problem("the image has no credit", Location(element=f"{where}.credit"))


@rule(
    "article-headline-caps",
    target="article",
    severity="warning",
    summary="The headline is not written in capitals",
    fix="Write the headline in sentence or title case; use CSS text-transform for capitals.",
    references=[newsformats_guide("article-headline-caps", "Headlines in capitals")],
    mirrors=["newsformats"],
)
def headline_caps(item: ArticleInput) -> Iterator[Problem]:
    """Screen readers may spell capitals letter by letter; capitals are also slower to read."""
    if item.article is None:
        return
    letters = [c for c in item.article.headline if c.isalpha()]
    cased = [c for c in letters if c.isupper() or c.islower()]
    if len(cased) >= 8 and all(c.isupper() for c in cased):
        yield Problem(
            f"the headline is in capitals: {item.article.headline!r}", Location("headline")
        )
