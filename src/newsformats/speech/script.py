"""The speech script: an article as an ordered list of utterances, built from the model.

Reading order: headline, standfirst, byline, dateline and date; the photo
("Photo:" + alt text, then the caption); the body; the credit line, notes and
publisher. Each utterance is one sentence with the id it has in the document
tree (``p3-s2``), so audio timings, WebVTT cues and EPUB media overlays meet
the text they speak.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from ..lang import Messages, messages_for
from ..language import primary_language
from ..model import (
    Article,
    BlockQuote,
    Embed,
    Endnotes,
    FigureBlock,
    ForeignSpan,
    Image,
    Inline,
    ListBlock,
    Paragraph,
    Subheading,
    Table,
    plain_text,
)
from ..sentences import sentence_id, split_inline
from .lexicon import Lexicon, built_in_lexicon

Part = Literal["headline", "photo", "story", "credits"]
PARTS: tuple[Part, ...] = ("headline", "photo", "story", "credits")

# Silence after an utterance, in milliseconds.
SENTENCE_PAUSE = 250
BLOCK_PAUSE = 600
PART_PAUSE = 1000


@dataclass(frozen=True)
class Utterance:
    """One sentence to say.

    ``text`` is what the transcript shows, ``spoken`` what the engine is given
    (the lexicon applied). ``target`` is the id of the element in the document
    tree that shows the sentence, or None when only the audio has it.
    """

    id: str
    text: str
    spoken: str
    part: Part
    target: str | None
    pause_after: int = SENTENCE_PAUSE
    segments: tuple[tuple[str, str], ...] = ()
    """``(language, spoken text)`` pieces when the sentence has words in another language."""


@dataclass(frozen=True)
class SpeechScript:
    """The utterances of one article, in reading order, in one language."""

    language: str
    utterances: tuple[Utterance, ...]

    def part_titles(self, messages: Messages, headline: str) -> dict[Part, str]:
        """The chapter title of each part that has utterances."""
        titles: dict[Part, str] = {
            "headline": headline,
            "photo": messages("photo"),
            "story": messages("article_text"),
            "credits": messages("credits"),
        }
        present = {u.part for u in self.utterances}
        return {part: titles[part] for part in PARTS if part in present}

    @property
    def other_languages(self) -> list[str]:
        """The languages of foreign-language passages, in order of first use."""
        seen: dict[str, None] = {}
        for utterance in self.utterances:
            for language, _ in utterance.segments:
                if language != self.language:
                    seen.setdefault(language, None)
        return list(seen)


def build_script(article: Article, lexicon: Lexicon | None = None) -> SpeechScript:
    """Build the speech script of an article.

    >>> script = build_script(Article(headline="CSTO Meets", language="en", body=["Hi. Bye."]))
    >>> [(u.id, u.spoken) for u in script.utterances]
    [('headline-s1', 'C S T O Meets'), ('p1-s1', 'Hi.'), ('p1-s2', 'Bye.')]
    """
    lexicon = lexicon if lexicon is not None else built_in_lexicon(article.language)
    messages = messages_for(article.language)
    raw = [
        *_headline(article, messages),
        *_photo(article.lead_image, "lead-figure", "photo", article.language, messages),
        *_body(article, messages),
        *_credits(article, messages),
    ]
    utterances: list[Utterance] = []
    for index, utterance in enumerate(raw):
        spoken = " ".join(lexicon.apply(utterance.text).split())
        segments = tuple(
            (
                language,
                " ".join((lexicon.apply(text) if language == article.language else text).split()),
            )
            for language, text in utterance.segments
        )
        if index + 1 < len(raw) and raw[index + 1].part != utterance.part:
            utterance = replace(utterance, pause_after=PART_PAUSE)
        utterances.append(replace(utterance, spoken=spoken, segments=segments))
    if utterances:
        utterances[-1] = replace(utterances[-1], pause_after=0)
    return SpeechScript(article.language, tuple(utterances))


def _say(
    uid: str, text: str, part: Part, target: str | None, pause: int = BLOCK_PAUSE
) -> Utterance:
    return Utterance(uid, " ".join(text.split()), "", part, target, pause)


def _sentences(
    owner: str, blocks: list[list[Inline]], language: str, part: Part
) -> Iterator[Utterance]:
    """Every sentence of ``blocks`` (paragraphs of one element), numbered across them."""
    number = 0
    for content in blocks:
        sentences = split_inline(content, language)
        for index, sentence in enumerate(sentences):
            number += 1
            uid = sentence_id(owner, number)
            last = index == len(sentences) - 1
            said = _say(uid, sentence.text, part, uid, BLOCK_PAUSE if last else SENTENCE_PAUSE)
            yield replace(said, segments=language_segments(sentence.content, language))


def language_segments(content: list[Inline], language: str) -> tuple[tuple[str, str], ...]:
    """The pieces of a sentence by language, when part of it is in another language; else ().

    >>> from newsformats.model import ForeignSpan
    >>> language_segments(["He said ", ForeignSpan(language="ru", children=["да"]), "."], "en")
    (('en', 'He said'), ('ru', 'да'), ('en', '.'))
    """
    pieces: list[tuple[str, str]] = []

    def add(piece_language: str, text: str) -> None:
        if pieces and pieces[-1][0] == piece_language:
            pieces[-1] = (piece_language, pieces[-1][1] + text)
        else:
            pieces.append((piece_language, text))

    def walk(items: list[Inline], current: str) -> None:
        for item in items:
            if isinstance(item, str):
                add(current, item)
            elif isinstance(item, ForeignSpan):
                walk(item.children, item.language)
            elif (children := getattr(item, "children", None)) is not None:
                walk(children, current)
            else:
                add(current, plain_text([item]))

    walk(content, language)
    pieces = [(lang, " ".join(text.split())) for lang, text in pieces if text.strip()]
    if all(primary_language(lang) == primary_language(language) for lang, _ in pieces):
        return ()
    return tuple(pieces)


def _headline(article: Article, messages: Messages) -> Iterator[Utterance]:
    language = article.language
    yield from _sentences("headline", [[article.headline]], language, "headline")
    if article.standfirst:
        yield from _sentences("standfirst", [[article.standfirst]], language, "headline")
    if article.authors:
        names = messages.names([p.name for p in article.authors])
        yield _say("byline", messages.full_stop(messages("by", names=names)), "headline", "byline")
    said = [article.dateline] if article.dateline else []
    if article.published:
        said.append(messages.date(article.published))
    if said:
        yield _say(
            "dateline", messages.full_stop(f"{messages.comma} ".join(said)), "headline", None
        )


def _photo(
    image: Image | None, figure_id: str, part: Part, language: str, messages: Messages
) -> Iterator[Utterance]:
    if image is None or image.decorative:
        return
    # An alt text derived from the caption says nothing the caption does not: say the
    # caption once, after the word "Photo".
    derived = image.alt_source == "derived" and bool(image.caption)
    said = (
        messages.full_stop(messages("photo"))
        if derived
        else f"{messages('photo')}: {messages.full_stop(image.alt)}"
    )
    yield _say(f"{figure_id}-alt", said, part, figure_id, SENTENCE_PAUSE)
    for utterance in _sentences(figure_id, [image.caption], language, part):
        if derived or utterance.text != image.alt:
            yield utterance


def _body(article: Article, messages: Messages) -> Iterator[Utterance]:
    language = article.language
    for block in article.body:
        owner = block.id or ""
        if isinstance(block, Paragraph | Subheading):
            yield from _sentences(owner, [block.content], language, "story")
        elif isinstance(block, ListBlock):
            yield from _sentences(owner, block.texts(), language, "story")
        elif isinstance(block, Table):
            cells = [cell.content for row in (*block.head, *block.rows) for cell in row]
            yield from _sentences(owner, [block.caption, *cells], language, "story")
        elif isinstance(block, Embed):
            shown: list[list[Inline]] = [[block.title]]
            if block.provider_note:
                shown.append([block.provider_note])
            yield from _sentences(owner, shown, language, "story")
        elif isinstance(block, Endnotes):
            yield from _sentences(owner, block.notes, language, "story")
        elif isinstance(block, BlockQuote):
            yield from _sentences(owner, block.paragraphs, language, "story")
            if block.attribution:
                said = messages("quote_by", name=block.attribution).lstrip("—– ")
                yield _say(f"{owner}-by", messages.full_stop(said), "story", None)
        elif isinstance(block, FigureBlock):
            yield from _photo(block.image, owner, "story", language, messages)


def _credits(article: Article, messages: Messages) -> Iterator[Utterance]:
    if article.credit_line:
        yield from _sentences("credit-line", [[article.credit_line]], article.language, "credits")
    for index, note in enumerate(article.notes, start=1):
        label = messages("correction" if note.kind == "correction" else "editors_note")
        text = f"{label}: {plain_text(note.text)}"
        yield _say(f"note{index}", messages.full_stop(text), "credits", f"note{index}")
    if article.publisher:
        said = messages("site_footer", publisher=article.publisher.name)
        yield _say("publisher", messages.full_stop(said), "credits", None)
