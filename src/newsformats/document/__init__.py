"""The one semantic tree: model → ``<article>`` element, shared by HTML, PDF and EPUB.

Structure, ids, alt text, language and heading levels are decided here and only
here. Writers wrap the tree in what their format needs (a page, a package, a
print stylesheet) and never change what it says.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from lxml import etree

from ..lang import Messages, messages_for
from ..model import Article, Image, plain_text
from .blocks import append_block, append_text, element, sub


@dataclass(frozen=True)
class ImageRef:
    """Where a writer put an image, and its size in pixels when known."""

    href: str
    width: int | None = None
    height: int | None = None


ImageHref = Callable[[Image, str], ImageRef]
"""Given an image and the id of its figure, say where the writer put it."""


@dataclass(frozen=True)
class DocumentOptions:
    """What a writer tells the builder about where things will live.

    ``sentence_spans`` wraps each sentence of the text in ``<span id="p3-s2"
    class="nf-s">`` with the speech script's ids, for read-along audio.
    """

    image_href: ImageHref | None = None
    sentence_spans: bool = False


SENTENCE_CLASS = "nf-s"


@dataclass(frozen=True)
class Document:
    """The built tree plus what writers need around it.

    Build it once per article (with sentence spans); each writer takes its own
    :meth:`view`, with the images where that writer puts them.
    """

    article: Article
    root: etree._Element
    messages: Messages
    figures: Mapping[str, Image] = field(default_factory=dict)
    """The images shown, by figure id (``lead-figure``, ``fig1``…), in reading order."""
    sentence_spans: bool = False

    def view(
        self, *, image_href: ImageHref | None = None, sentence_spans: bool = False
    ) -> Document:
        """A writer's own copy of the tree: its image references, with or without sentence spans.

        >>> doc = build_document(Article(headline="Hi", language="en", body=["One. Two."]),
        ...                      DocumentOptions(sentence_spans=True))
        >>> [s.get("id") for s in doc.root.iter("span")]
        ['headline-s1', 'p1-s1', 'p1-s2']
        >>> doc.view().root.find("div/p").text
        'One. Two.'
        """
        if sentence_spans and not self.sentence_spans:
            raise ValueError("this tree was built without sentence spans")
        root = copy.deepcopy(self.root)
        if self.sentence_spans and not sentence_spans:
            unwrap_sentences(root)
        if image_href is not None:
            for figure_id, image in self.figures.items():
                img = root.find(f".//figure[@id='{figure_id}']/img")
                if img is not None:
                    _place_image(img, image, image_href(image, figure_id))
        return replace(self, root=root, sentence_spans=sentence_spans)

    @property
    def title(self) -> str:
        """The page or document title: the headline."""
        return self.article.headline

    @property
    def description(self) -> str:
        """A one-paragraph summary: the standfirst, else the first paragraph."""
        if self.article.standfirst:
            return self.article.standfirst
        first = self.article.paragraphs[0] if self.article.paragraphs else None
        return _shorten(plain_text(first.content), 300) if first else self.article.headline

    @property
    def author_names(self) -> list[str]:
        """Authors' names, or the publisher's when nobody signed the piece."""
        names = [p.name for p in self.article.authors]
        if not names and self.article.publisher:
            names = [self.article.publisher.name]
        return names


def build_document(article: Article, options: DocumentOptions | None = None) -> Document:
    """Build the semantic ``<article>`` tree of an article.

    >>> doc = build_document(Article(headline="Hi", language="en", body=["Text."]))
    >>> doc.root.find("header/h1").text
    'Hi'
    """
    options = options or DocumentOptions()
    messages = messages_for(article.language)

    def href(image: Image, figure_id: str) -> ImageRef:
        if options.image_href is not None:
            return options.image_href(image, figure_id)
        return ImageRef(image.src or "", image.width, image.height)

    figures: dict[str, Image] = {}

    def placed(image: Image, figure_id: str) -> ImageRef:
        figures[figure_id] = image
        return href(image, figure_id)

    root = element("article", id="article", cls="nf-article", aria_labelledby="headline")
    spans = options.sentence_spans
    _header(root, article, messages, spans)
    if article.lead_image is not None:
        _figure(root, article.lead_image, "lead-figure", messages, placed, lead=True, spans=spans)
    body = sub(root, "div", id="article-body", cls="nf-body")
    for block in article.body:
        if block.type == "figure":
            _figure(body, block.image, block.id or "", messages, placed, lead=False, spans=spans)
        else:
            append_block(body, block, messages, spans=spans)
    _footer(root, article, messages, spans)
    return Document(article, root, messages, figures, spans)


def unwrap_sentences(root: etree._Element) -> None:
    """Remove the sentence spans, keeping their text and marks where they were."""
    for span in list(root.iter("span")):
        if span.get("class") == SENTENCE_CLASS:
            span.tag = "nf-unwrap"
    etree.strip_tags(root, "nf-unwrap")


def _header(parent: etree._Element, article: Article, messages: Messages, spans: bool) -> None:
    header = sub(parent, "header", cls="nf-article-header")
    if article.kicker or article.section:
        sub(header, "p", cls="nf-kicker").text = article.kicker or article.section
    language = article.language
    headline = sub(header, "h1", id="headline")
    append_text(headline, [article.headline], "headline" if spans else None, language)
    if article.standfirst:
        standfirst = sub(header, "p", id="standfirst", cls="nf-standfirst")
        append_text(standfirst, [article.standfirst], "standfirst" if spans else None, language)
    if article.authors:
        byline = sub(header, "p", id="byline", cls="nf-byline")
        before, _, after = messages.strings["by"].partition("{names}")
        byline.text = before
        names = [p.name for p in article.authors]
        joined = messages.names(names)
        # Put each name in its own span inside the localised list "A, B and C".
        position = 0
        last: etree._Element | None = None
        for name in names:
            start = joined.index(name, position)
            between = joined[position:start]
            if last is None:
                byline.text = (byline.text or "") + between
            else:
                last.tail = between
            last = sub(byline, "span", cls="nf-author")
            last.text = name
            position = start + len(name)
        if last is not None:
            last.tail = joined[position:] + after
    if article.dateline or article.published or article.updated:
        line = sub(header, "p", cls="nf-dateline")
        parts: list[etree._Element] = []
        if article.dateline:
            place = element("span", cls="nf-place")
            place.text = article.dateline
            parts.append(place)
        if article.published:
            parts.append(_time(article.published, messages, None))
        if article.updated and article.updated != article.published:
            parts.append(_time(article.updated, messages, messages("updated")))
        for index, part in enumerate(parts):
            if index:
                parts[index - 1].tail = " · "
            line.append(part)


def _time(moment: datetime, messages: Messages, label: str | None) -> etree._Element:
    wrapper = element("span", cls="nf-date")
    if label:
        wrapper.text = f"{label} "
    time = sub(wrapper, "time", datetime=moment.isoformat())
    time.text = messages.date(moment)
    return wrapper


def _figure(
    parent: etree._Element,
    image: Image,
    figure_id: str,
    messages: Messages,
    href: ImageHref,
    *,
    lead: bool,
    spans: bool = False,
) -> None:
    figure = sub(parent, "figure", id=figure_id, cls="nf-figure nf-lead" if lead else "nf-figure")
    img = sub(figure, "img", src="", alt=alt_text(image, messages))
    _place_image(img, image, href(image, figure_id))
    if image.caption or image.credit:
        caption = sub(figure, "figcaption")
        if image.caption:
            text = sub(caption, "span", cls="nf-caption")
            append_text(text, image.caption, figure_id if spans else None, messages.language)
        if image.credit:
            if image.caption:
                caption[-1].tail = " "
            credit = sub(caption, "span", cls="nf-photo-credit")
            credit.text = _labelled_credit(image, messages)


def _labelled_credit(image: Image, messages: Messages) -> str:
    """The credit with the source's own label ("Foto: dapd"), else the pack's ("Image: …")."""
    credit = str(image.credit)
    if image.credit_label:
        # a full-width colon ("写真：") takes no space after it
        return image.credit_label + ("" if image.credit_label.endswith("：") else " ") + credit
    return credit if CREDIT_LABEL.match(credit) else messages("image_credit", credit=credit)


# A credit that names itself ("사진: 연합뉴스", "Asalin hoton: AFP", "Фото: ТАСС"): a label
# of one or two words and a colon (CJK's full-width one, Armenian "՝", Ethiopic "፦")
# before a name. Shown as it is: the message's own label would say it twice.
CREDIT_LABEL = re.compile(r"^[^\W\d_][^\s:：՝፦]*(?:\s[^\W\d_][^\s:：՝፦]*)?\s*[:：՝፦]\s*\S")


def _place_image(img: etree._Element, image: Image, ref: ImageRef) -> None:
    img.set("src", ref.href)
    width, height = image.width or ref.width, image.height or ref.height
    if width and height:
        img.set("width", str(width))
        img.set("height", str(height))
    else:
        img.attrib.pop("width", "")
        img.attrib.pop("height", "")


def alt_text(image: Image, messages: Messages) -> str:
    """The alt text shown for an image.

    An image without a file is shown as a neutral placeholder picture. Unless a
    person wrote its alt text, it says that the photo is not available rather
    than repeat the caption, which still says what the photo was.
    """
    if image.decorative:
        return ""
    if image.src is None and image.alt_source == "derived":
        return messages("photo_unavailable")
    return image.alt


def _footer(parent: etree._Element, article: Article, messages: Messages, spans: bool) -> None:
    if not (article.credit_line or article.notes):
        return
    footer = sub(parent, "footer", cls="nf-article-footer")
    if article.credit_line:
        line = sub(footer, "p", id="credit-line", cls="nf-credit-line")
        owner = "credit-line" if spans else None
        append_text(line, [article.credit_line], owner, article.language)
    for index, note in enumerate(article.notes, start=1):
        box = sub(footer, "div", id=f"note{index}", role="note", cls=f"nf-note nf-{note.kind}")
        paragraph = sub(box, "p")
        label = sub(paragraph, "strong")
        label.text = messages("correction" if note.kind == "correction" else "editors_note")
        label.tail = ": "
        append_text(paragraph, note.text, None, article.language)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
