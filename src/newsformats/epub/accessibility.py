"""EPUB Accessibility 1.1 metadata, computed from what the book contains.

Two pure functions over a :class:`BookSurvey` (what the content documents
hold, read from their XHTML trees): :func:`self_check` lists the problems that
stop the book from meeting EPUB Accessibility 1.1 at WCAG 2.2 AA as far as our
own checks can tell, and :func:`accessibility_metadata` describes the book as
it is, claiming conformance only when :func:`self_check` found nothing. The
``newsformats check`` rules can build a survey from any EPUB's documents and
reuse both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from lxml import etree

from ..lang import Messages
from .xhtml import EPUB, XHTML, XML_LANG

CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
CERTIFIER = "newsformats automated checks"
_HEADINGS = {f"{{{XHTML}}}h{level}": level for level in range(1, 7)}


@dataclass(frozen=True)
class DocumentSurvey:
    """What one content document holds, as far as accessibility metadata cares."""

    name: str
    language: str
    xml_language: str
    title: str
    heading_levels: tuple[int, ...]
    images: int
    images_with_alt: int
    images_without_alt: int
    informative_images: int
    """Images that carry information: not the cover, not decoration (``alt=""``)."""


@dataclass(frozen=True)
class BookSurvey:
    """What a whole book holds: its documents plus package-level facts."""

    documents: tuple[DocumentSurvey, ...]
    title: str
    language: str
    toc_entries: int
    landmarks: tuple[str, ...]
    reflowable: bool = True
    media_overlays: bool = False
    synthesized_voice: str = ""
    """The engine and voice that speak the read-along audio, if there is one."""

    @property
    def images(self) -> int:
        """Images that carry information (not the cover, not decoration)."""
        return sum(d.informative_images for d in self.documents)

    @property
    def every_image_has_alt(self) -> bool:
        """True when no image lacks an ``alt`` attribute."""
        return all(d.images_without_alt == 0 for d in self.documents)


def survey_document(name: str, root: etree._Element) -> DocumentSurvey:
    """Read what matters for accessibility metadata out of one XHTML content document.

    The cover image (``role="doc-cover"`` or ``epub:type="cover"``) and decoration
    (``alt=""``) do not make a book visual: a photo cover also appears in the
    article, and a title cover shows only words the book has as text.

    >>> page = etree.fromstring('<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><body>'
    ...     '<h1>Hi</h1><img src="a.jpg" alt="A cat."/></body></html>')
    >>> survey_document("a.xhtml", page).images_with_alt
    1
    """
    images = list(root.iter(f"{{{XHTML}}}img"))
    headings = tuple(_HEADINGS[str(e.tag)] for e in root.iter(*_HEADINGS) if isinstance(e.tag, str))
    title = root.findtext(f"{{{XHTML}}}head/{{{XHTML}}}title") or ""
    return DocumentSurvey(
        name=name,
        language=root.get("lang", ""),
        xml_language=root.get(XML_LANG, ""),
        title=title.strip(),
        heading_levels=headings,
        images=len(images),
        images_with_alt=sum(1 for i in images if (i.get("alt") or "").strip()),
        images_without_alt=sum(1 for i in images if i.get("alt") is None),
        informative_images=sum(1 for i in images if _informative(i)),
    )


def _informative(img: etree._Element) -> bool:
    cover = img.get("role") == "doc-cover" or "cover" in img.get(f"{{{EPUB}}}type", "").split()
    return img.get("alt") != "" and not cover


def survey_nav(root: etree._Element) -> tuple[int, tuple[str, ...]]:
    """Count the table-of-contents links and list the landmark types of a nav document."""
    toc_entries = 0
    landmarks: list[str] = []
    for nav in root.iter(f"{{{XHTML}}}nav"):
        kind = nav.get(f"{{{EPUB}}}type", "")
        links = list(nav.iter(f"{{{XHTML}}}a"))
        if kind == "toc":
            toc_entries += len(links)
        elif kind == "landmarks":
            landmarks.extend(a.get(f"{{{EPUB}}}type", "") for a in links)
    return toc_entries, tuple(landmarks)


def self_check(book: BookSurvey) -> list[str]:
    """The reasons the book would not meet EPUB Accessibility 1.1 (WCAG 2.2 AA); empty if none.

    >>> self_check(BookSurvey(documents=(), title="", language="en", toc_entries=0, landmarks=()))
    ['the book has no title', 'the table of contents is empty', 'the landmarks have no bodymatter']
    """
    problems: list[str] = []
    if not book.title.strip():
        problems.append("the book has no title")
    if not book.language.strip():
        problems.append("the book has no language")
    if book.toc_entries == 0:
        problems.append("the table of contents is empty")
    if "bodymatter" not in book.landmarks:
        problems.append("the landmarks have no bodymatter")
    for doc in book.documents:
        problems.extend(f"{doc.name}: {problem}" for problem in _document_problems(doc))
    return problems


def _document_problems(doc: DocumentSurvey) -> Iterable[str]:
    if not doc.language:
        yield "no lang on <html>"
    elif doc.language != doc.xml_language:
        yield "lang and xml:lang differ"
    if not doc.title:
        yield "no <title>"
    if doc.images_without_alt:
        yield f"{doc.images_without_alt} image(s) without alt"
    levels = doc.heading_levels
    if levels and levels.count(1) > 1:
        yield "more than one <h1>"
    for before, after in pairwise(levels):
        if after > before + 1:
            yield f"heading level jumps from h{before} to h{after}"
            break


def accessibility_metadata(book: BookSurvey, messages: Messages) -> list[tuple[str, str]]:
    """The EPUB Accessibility 1.1 ``<meta property>`` pairs that describe ``book``.

    ``visual`` is an access mode only when there are images; ``alternativeText``
    a feature only when every image has alt text; ``dcterms:conformsTo`` only
    when :func:`self_check` finds nothing.

    >>> from newsformats.lang import messages_for
    >>> book = BookSurvey(documents=(), title="T", language="en", toc_entries=1,
    ...                   landmarks=("bodymatter",))
    >>> [v for p, v in accessibility_metadata(book, messages_for("en")) if p == "schema:accessMode"]
    ['textual']
    """
    visual = book.images > 0
    pairs: list[tuple[str, str]] = [("schema:accessMode", "textual")]
    if visual:
        pairs.append(("schema:accessMode", "visual"))
    if book.media_overlays:
        pairs.append(("schema:accessMode", "auditory"))
    if not visual or book.every_image_has_alt:
        pairs.append(("schema:accessModeSufficient", "textual"))
    if visual:
        pairs.append(("schema:accessModeSufficient", "textual,visual"))
    pairs.extend(("schema:accessibilityFeature", f) for f in accessibility_features(book))
    pairs.append(("schema:accessibilityHazard", "none"))
    problems = self_check(book)
    pairs.append(("schema:accessibilitySummary", accessibility_summary(book, messages, problems)))
    if not problems:
        pairs.append(("dcterms:conformsTo", CONFORMANCE))
        pairs.append(("a11y:certifiedBy", CERTIFIER))
    return pairs


def accessibility_features(book: BookSurvey) -> list[str]:
    """The ``schema:accessibilityFeature`` values that are true of ``book``."""
    features: list[str] = []
    if any(d.heading_levels for d in book.documents):
        features.append("structuralNavigation")
    if book.toc_entries:
        features.append("tableOfContents")
    features.append("readingOrder")
    if book.images and book.every_image_has_alt:
        features.append("alternativeText")
    if book.reflowable:
        features.append("displayTransformability")
    if book.media_overlays:
        features.append("synchronizedAudioText")
    return features


def accessibility_summary(book: BookSurvey, messages: Messages, problems: Sequence[str]) -> str:
    """A few sentences, in the book's language, saying what the book offers a reader."""
    sentences: list[str] = []
    features = accessibility_features(book)
    if "tableOfContents" in features and "structuralNavigation" in features:
        sentences.append(messages("a11y_summary_navigation"))
    if not book.images:
        sentences.append(messages("a11y_summary_no_images"))
    elif book.every_image_has_alt:
        sentences.append(messages("a11y_summary_images_described"))
    if book.media_overlays:
        sentences.append(messages("a11y_summary_read_along"))
        if book.synthesized_voice:
            sentences.append(messages("synthesized_voice", voice=book.synthesized_voice))
    sentences.append(
        messages("a11y_summary_conforms" if not problems else "a11y_summary_not_checked")
    )
    return " ".join(sentences)
