"""Rules for EPUB 3 publications (the HTML rules also run on each content document)."""

from __future__ import annotations

import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from ...language import direction_of, is_well_formed_tag
from ..findings import Location
from ..loaders import Unreadable
from ..loaders.epub import DC, OPF, SMIL, EpubBook, Item, child_elements, parse_xml
from ..loaders.html import EPUB_PREFIX, EPUB_TYPE, XML_LANG, HtmlPage
from ..references import epub33, epub_a11y, epub_a11y_technique, wcag
from ..registry import Problem, rule
from ..tags import tag_problem
from .epub_collections import collections
from .epub_css import css_resources, may_be_remote
from .epub_dictionaries import dictionaries
from .epub_indexes import index_documents
from .epub_media import CORE_IMAGE_TYPES, data_item
from .epub_nav_schema import nav_schema
from .epub_ncx import ncx_checks
from .epub_overlays import overlays
from .epub_package import (
    external_identifiers,
    manifest_items,
    ocf_files,
    package_links,
    package_location,
    spine_links,
    xml_encodings,
)
from .epub_package_schema import package_schema
from .epub_references import content_references, srcset_urls
from .epub_renditions import renditions
from .epub_schema import (
    content_model,
    custom_attributes,
    global_attribute_values,
    html_content_models,
    mathml_annotations,
    required_attributes,
    xhtml_assertions,
)
from .epub_svg import svg_content
from .epub_xhtml_attributes import svg_documents_html, xhtml_attributes
from .html import disallowed_roles

ACCESS_MODES = {
    "auditory", "chartOnVisual", "chemOnVisual", "colorDependent", "diagramOnTactile",
    "diagramOnVisual", "mathOnAuditory", "mathOnVisual", "musicOnVisual", "tactile",
    "textOnVisual", "textual", "visual",
}  # fmt: skip
FEATURES = {
    "alternativeText", "annotations", "ARIA", "audioDescription", "bookmarks", "braille",
    "captions", "ChemML", "closedCaptions", "describedMath", "displayTransformability",
    "fullRubyAnnotations", "highContrastAudio", "highContrastDisplay", "horizontalWriting",
    "index", "largePrint", "latex", "longDescription", "MathML", "MathML-chemistry", "none",
    "openCaptions", "pageBreakMarkers", "pageNavigation", "printPageNumbers", "readingOrder",
    "rubyAnnotations", "signLanguage", "structuralNavigation", "synchronizedAudioText",
    "tableOfContents", "taggedPDF", "tactileGraphic", "tactileObject", "timingControl",
    "transcript", "ttsMarkup", "unlocked", "verticalWriting", "withAdditionalWordSegmentation",
    "withoutAdditionalWordSegmentation",
}  # fmt: skip
HAZARDS = {
    "flashing", "noFlashingHazard", "motionSimulation", "noMotionSimulationHazard", "sound",
    "noSoundHazard", "unknown", "none", "unknownFlashingHazard", "unknownMotionSimulationHazard",
    "unknownSoundHazard",
}  # fmt: skip
REQUIRED = ("schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard")
CLOCK = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d+(?:\.\d+)?)(h|min|s|ms)?$")
DURATION_TOLERANCE = 0.05


@rule(
    "epub-readable",
    target="epub",
    severity="error",
    summary="The file opens as an EPUB: a zip with a container and a package document",
    fix="Make the EPUB with a tool that writes META-INF/container.xml and a well-formed package.",
    references=[epub33("sec-ocf", "Open Container Format")],
    mirrors=["epubcheck/PKG-003", "epubcheck/PKG-008", "epubcheck/RSC-001", "epubcheck/RSC-002"],
)
def readable(book: EpubBook) -> Iterator[Problem]:
    """Reported when the file cannot be opened; the other rules need it open."""
    return iter(())


@rule(
    "epub-language",
    target="epub",
    severity="error",
    summary="The package names the publication's language (`dc:language`, BCP 47)",
    fix="Add <dc:language>en</dc:language> (the language of the text) to the package metadata.",
    references=[wcag("3.1.1"), epub33("sec-opf-dclanguage", "The DCMES language element")],
    mirrors=["ace/epub-lang", "epubcheck/OPF-092", "epubcheck/RSC-005"],
)
def language(book: EpubBook) -> Iterator[Problem]:
    """Reading systems choose the voice and the hyphenation from the package's language.

    The ``<package>`` element also carries the language in ``xml:lang`` (Ace's
    ``epub-lang``); tags must be in the IANA registry.
    """
    values = book.dc.get("language", [])
    if not values or not values[0]:
        yield Problem("the package has no dc:language", package_location(book))
    for value in values:
        problem = tag_problem(value) if value else None
        if problem:
            yield Problem(f"dc:language: {problem}", package_location(book))
    package_lang = (book.package.get(XML_LANG) or "").strip()
    epub3 = (book.package.get("version") or "3.0").startswith("3")
    if epub3 and not package_lang:
        yield Problem("the <package> element has no xml:lang", package_location(book))
    elif package_lang and tag_problem(package_lang):
        yield Problem(f"<package xml:lang>: {tag_problem(package_lang)}", package_location(book))
    if book.package.get("lang") is not None:
        yield Problem("<package> has lang=…; the OPF allows only xml:lang", package_location(book))


@rule(
    "epub-title",
    target="epub",
    severity="error",
    summary="The package has a non-empty `dc:title`",
    fix="Add <dc:title> with the headline or the edition's title.",
    references=[wcag("2.4.2"), epub33("sec-opf-dctitle", "The DCMES title element")],
    mirrors=["ace/epub-title", "epubcheck/RSC-005"],
)
def title(book: EpubBook) -> Iterator[Problem]:
    """The title is what a bookshelf and a screen reader announce."""
    if not any(book.dc.get("title", [])):
        yield Problem("the package has no dc:title", package_location(book))


@rule(
    "epub-a11y-metadata",
    target="epub",
    severity="error",
    summary="Accessibility metadata is present: accessMode, accessibilityFeature, "
    "accessibilityHazard",
    fix='Add <meta property="schema:accessMode">textual</meta> and the others; '
    "describe the book as it is.",
    references=[epub_a11y("sec-disc-package", "Discoverability: package metadata")],
    mirrors=[
        "ace/metadata-accessmode",
        "ace/metadata-accessibilityfeature",
        "ace/metadata-accessibilityhazard",
    ],
)
def a11y_metadata(book: EpubBook) -> Iterator[Problem]:
    """Readers and shops decide from this metadata whether a book will work for them."""
    for prop in REQUIRED:
        if not any(v.strip() for v in book.meta(prop)):
            yield Problem(f"the package has no {prop}", package_location(book))


@rule(
    "epub-a11y-metadata-recommended",
    target="epub",
    severity="warning",
    summary="The package has an accessibility summary and `accessModeSufficient`",
    fix='Add <meta property="schema:accessibilitySummary">…</meta> and '
    '<meta property="schema:accessModeSufficient">textual</meta>.',
    references=[epub_a11y("sec-disc-package", "Discoverability: package metadata")],
    mirrors=["ace/metadata-accessibilitysummary", "ace/metadata-accessmodesufficient"],
)
def a11y_metadata_recommended(book: EpubBook) -> Iterator[Problem]:
    """The summary tells a reader in one sentence what to expect.

    EPUB Accessibility 1.1 recommends both (it does not require them), as Ace does:
    a warning.
    """
    for prop in ("schema:accessibilitySummary", "schema:accessModeSufficient"):
        if not any(v.strip() for v in book.meta(prop)):
            yield Problem(f"the package has no {prop}", package_location(book))


@rule(
    "epub-a11y-metadata-valid",
    target="epub",
    severity="warning",
    summary="Accessibility metadata uses the schema.org vocabularies",
    fix="Use only the values of schema.org's accessMode, accessibilityFeature and "
    "accessibilityHazard lists.",
    references=[epub_a11y_technique("sec-discovery", "Discovery metadata techniques")],
    mirrors=["newsformats"],
)
def a11y_metadata_valid(book: EpubBook) -> Iterator[Problem]:
    """A misspelt value (``alternativetext``) is as good as none to a reading system.

    A warning: Ace does not check the vocabularies. Items of
    ``accessModeSufficient`` are comma-separated; spaces and empty items are
    ignored, as Ace does (``" visual , , textual "`` is fine).
    """
    vocabularies = {
        "schema:accessMode": ACCESS_MODES,
        "schema:accessibilityFeature": FEATURES,
        "schema:accessibilityHazard": HAZARDS,
    }
    for prop, allowed in vocabularies.items():
        for value in book.meta(prop):
            if value not in allowed:
                yield Problem(f"{prop} {value!r} is not in the vocabulary", package_location(book))
    for value in book.meta("schema:accessModeSufficient"):
        for mode in value.split(","):
            if mode.strip() and mode.strip() not in ACCESS_MODES:
                yield Problem(
                    f"schema:accessModeSufficient names {mode.strip()!r}", package_location(book)
                )


@rule(
    "epub-a11y-access-mode",
    target="epub",
    severity="warning",
    summary="The visual access mode is declared exactly when the book has images",
    fix="Declare schema:accessMode visual when a content document shows an image, "
    "and not otherwise.",
    references=[epub_a11y_technique("meta-001", "Identify primary access modes")],
    mirrors=["newsformats"],
)
def a11y_access_mode(book: EpubBook) -> Iterator[Problem]:
    """Metadata that promises pictures (or hides them) misleads the reader choosing the book.

    A warning: stricter than Ace, which does not compare the metadata with the content.

    The cover and decorative images (``alt=""``) do not count: like the DAISY
    and W3C guidance on access modes, a book whose only picture is its cover is
    textual.
    """
    modes = set(book.meta("schema:accessMode"))
    if not modes:
        return
    images = [
        (p, i)
        for p in book.content_pages
        for i in p.root.iter("img", "svg", "image")
        if not _is_cover(book, p, i) and not _is_decorative(i)
    ]
    if images and "visual" not in modes:
        page, image = images[0]
        yield Problem("the book shows images but accessMode has no 'visual'", page.locate(image))
    if not images and "visual" in modes:
        yield Problem(
            "accessMode says 'visual' but no content document has an image", package_location(book)
        )
    if "textual" not in modes:
        yield Problem("the book has text but accessMode has no 'textual'", package_location(book))


@rule(
    "epub-a11y-alternative-text",
    target="epub",
    severity="error",
    summary="`alternativeText` is claimed only when every image has alt text",
    fix="Give every <img> alt text, or remove the alternativeText feature.",
    references=[wcag("1.1.1"), epub_a11y_technique("meta-002", "Identify accessibility features")],
    mirrors=["newsformats"],
)
def a11y_alternative_text(book: EpubBook) -> Iterator[Problem]:
    """The feature is a promise; one image without alt breaks it (``alt=""`` is decorative)."""
    if "alternativeText" not in book.meta("schema:accessibilityFeature"):
        return
    for page in book.content_pages:
        for image in page.root.iter("img"):
            if image.get("alt") is None and not _is_decorative(image):
                yield Problem(
                    "alternativeText is claimed but this image has none", page.locate(image)
                )


@rule(
    "epub-a11y-conformance",
    target="epub",
    severity="warning",
    summary="The package states its conformance (`dcterms:conformsTo` EPUB Accessibility 1.1)",
    fix='Add <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta> '
    "once the book passes.",
    references=[epub_a11y("sec-conf-reporting", "Reporting conformance")],
    mirrors=["newsformats"],
)
def a11y_conformance(book: EpubBook) -> Iterator[Problem]:
    """Without this statement a reading system cannot tell a checked book from any other."""
    statements = book.meta("dcterms:conformsTo") + book.dc.get("conformsTo", [])
    if not any("EPUB Accessibility" in s or "epub-a11y" in s for s in statements):
        yield Problem(
            "the package states no EPUB Accessibility conformance", package_location(book)
        )


@rule(
    "epub-nav-toc",
    target="epub",
    severity="error",
    summary="The navigation document has a table of contents with links",
    fix='Add <nav epub:type="toc"> with an <ol> of links to the content documents.',
    references=[wcag("2.4.5"), epub33("sec-nav-toc", "The toc nav element")],
    mirrors=["epubcheck/RSC-005"],
)
def nav_toc(book: EpubBook) -> Iterator[Problem]:
    """The table of contents is how a reader moves through a book."""
    nav = book.nav
    if nav is None:
        yield Problem(
            'the package lists no navigation document (properties="nav")', package_location(book)
        )
        return
    tocs = [n for n in nav.root.iter("nav") if "toc" in (n.get(EPUB_TYPE) or "").split()]
    if not tocs:
        yield Problem('the navigation document has no <nav epub:type="toc">', nav.locate(nav.root))
    elif not any(a.get("href") for a in tocs[0].iter("a")):
        yield Problem("the table of contents has no links", nav.locate(tocs[0]))


@rule(
    "epub-nav-landmarks",
    target="epub",
    severity="warning",
    summary="The navigation document has landmarks (where the text starts)",
    fix='Add <nav epub:type="landmarks"> with links such as epub:type="bodymatter".',
    references=[epub33("sec-nav-landmarks", "The landmarks nav element")],
    mirrors=["newsformats"],
)
def nav_landmarks(book: EpubBook) -> Iterator[Problem]:
    """Landmarks let a reading system open the book where the story begins."""
    nav = book.nav
    if nav is None:
        return
    found = [n for n in nav.root.iter("nav") if "landmarks" in (n.get(EPUB_TYPE) or "").split()]
    if not found:
        yield Problem(
            'the navigation document has no <nav epub:type="landmarks">', nav.locate(nav.root)
        )
    elif not any(a.get("href") for a in found[0].iter("a")):
        yield Problem("the landmarks list has no links", nav.locate(found[0]))


@rule(
    "epub-page-source",
    target="epub",
    severity="error",
    summary="A book with a page list names the print edition its pages come from",
    fix='Add <dc:source id="src">urn:isbn:…</dc:source> with <meta refines="#src" '
    'property="source-of">pagination</meta>, or <meta property="pageBreakSource">…</meta>.',
    references=[epub_a11y_technique("pageSource", "Identify the source of the pagination")],
    mirrors=["ace/epub-pagesource"],
)
def page_source(book: EpubBook) -> Iterator[Problem]:
    """Page numbers are only useful when the reader knows which edition they count.

    As Ace reads it: a reflowable book whose navigation document has a page list
    states a ``pageBreakSource``, or a ``dc:source`` marked as the source of the
    pagination (``source-of`` ``pagination``; in EPUB 2, or in a book conforming to
    EPUB Accessibility 1.0, any ``dc:source``).
    """
    nav = book.nav
    if nav is None or not any(n.get(EPUB_TYPE) == "page-list" for n in nav.root.iter("nav")):
        return
    if "pre-paginated" in book.meta("rendition:layout") or any(book.meta("pageBreakSource")):
        return
    metadata = book.package.find(f"{OPF}metadata")
    sources = [e for e in (metadata if metadata is not None else []) if e.tag == f"{DC}source"]
    texts = [(e.get("id"), "".join(str(t) for t in e.itertext()).strip()) for e in sources]
    epub3 = (book.package.get("version") or "").startswith("3")
    conforms = book.meta("dcterms:conformsTo") + [
        link.get("href") or ""
        for link in book.package.iterfind(f"{OPF}metadata/{OPF}link")
        if "dcterms:conformsTo" in (link.get("rel") or "").split()
    ]
    any_source = not epub3 or any(c.startswith("http://www.idpf.org/epub/a11y/") for c in conforms)
    if any_source and any(text for _, text in texts):
        return
    pagination = {
        (m.refines or "").lstrip("#").strip()
        for m in book.metas
        if m.property == "source-of" and m.value == "pagination"
    }
    if any(text and ident and ident in pagination for ident, text in texts):
        return
    yield Problem(
        "the book has a page list but names no source of its pagination", package_location(book)
    )


@rule(
    "epub-page-direction",
    target="epub",
    severity="warning",
    summary="Right-to-left books say so in the spine (`page-progression-direction`)",
    fix='Set <spine page-progression-direction="rtl"> for Persian, Arabic, Pashto…',
    references=[
        wcag("1.3.2"),
        epub33("attrdef-spine-page-progression-direction", "Spine direction"),
    ],
    mirrors=["newsformats"],
)
def page_direction(book: EpubBook) -> Iterator[Problem]:
    """A right-to-left book turning pages left to right reads its pages in the wrong order."""
    languages = book.dc.get("language", [])
    if not languages or not is_well_formed_tag(languages[0]):
        return
    expected = _direction(languages[0])
    actual = book.page_progression or "default"
    if expected == "rtl" and actual != "rtl":
        yield Problem(
            f"dc:language {languages[0]} is right to left; the spine says {actual}",
            package_location(book),
        )


def _is_decorative(image: etree._Element) -> bool:
    hidden = image.get("aria-hidden") == "true" or image.get("role") in ("presentation", "none")
    return hidden or (image.tag == "img" and image.get("alt") == "")


def _is_cover(book: EpubBook, page: HtmlPage, image: etree._Element) -> bool:
    if "cover" in (image.get(EPUB_TYPE) or "").split() or image.get("role") == "doc-cover":
        return True
    source = image.get("src") or image.get("{http://www.w3.org/1999/xlink}href") or ""
    folder = posixpath.dirname(page.member or "")
    path = posixpath.normpath(posixpath.join(folder, unquote(urlsplit(source).path)))
    is_cover_image = any(
        i.path == path and "cover-image" in i.properties for i in book.items.values()
    )
    return is_cover_image and page.member in book.nonlinear


RTL_LANGUAGES = {"ar", "fa", "he", "iw", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", "prs", "pbt"}


def _direction(tag: str) -> str:
    # Babel's locale data (behind direction_of) costs 0.4 s to load; the usual
    # right-to-left languages are known, and a script subtag decides the rest.
    subtags = tag.split("-")
    if len(subtags) > 1 and len(subtags[1]) == 4 and subtags[1].isalpha():
        return direction_of(tag)
    return "rtl" if subtags[0].lower() in RTL_LANGUAGES else "ltr"


def clock_seconds(value: str) -> float:
    """Seconds of a SMIL clock value (``0:01:02.5``, ``62.5s``, ``1.5min``).

    >>> clock_seconds("0:01:02.500"), clock_seconds("250ms"), clock_seconds("3")
    (62.5, 0.25, 3.0)
    """
    match = CLOCK.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a clock value")
    hours, minutes, seconds, unit = match.groups()
    number = float(seconds)
    if hours is not None or minutes is not None:
        return int(hours or 0) * 3600 + int(minutes or 0) * 60 + number
    return number * {"h": 3600.0, "min": 60.0, "s": 1.0, "ms": 0.001, None: 1.0}[unit]


@rule(
    "epub-media-overlay-duration",
    target="epub",
    severity="error",
    summary="Media overlays state durations that match their clips and add up to the total",
    fix="Give each overlay a media:duration (refines) equal to its clips, "
    "and a total equal to their sum.",
    references=[epub33("sec-docs-package-mo", "Media overlays: package metadata")],
    mirrors=["epubcheck/MED-016"],
)
def media_overlay_duration(book: EpubBook) -> Iterator[Problem]:
    """Read-aloud players trust these durations to show progress and to seek."""
    overlays = [i for i in book.items.values() if i.media_type == "application/smil+xml"]
    if not overlays:
        return
    total = 0.0
    for overlay in overlays:
        where = Location(member=overlay.path)
        stated = book.meta("media:duration", refines=f"#{overlay.id}")
        clips = 0.0
        open_ended = False
        try:
            smil = parse_xml(book.read(overlay.path, 50 * 1024 * 1024), overlay.path)
        except Unreadable:
            # a missing or broken overlay is the overlay rules' finding; its stated
            # duration still counts towards the total
            smil = None
            open_ended = True
        for audio in smil.iter(f"{SMIL}audio") if smil is not None else ():
            if audio.get("clipEnd") is None:
                open_ended = True  # plays to the end of the audio file, whose length we do not read
                continue
            try:
                begin = clock_seconds(audio.get("clipBegin") or "0")
                end = clock_seconds(audio.get("clipEnd") or "")
            except ValueError as error:
                yield Problem(f"a clip has a bad time: {error}", where)
                continue
            if end < begin:
                yield Problem(f"a clip ends ({end:.3f} s) before it begins ({begin:.3f} s)", where)
            clips += max(0.0, end - begin)
        if not stated:
            yield Problem(f"overlay {overlay.id} has no media:duration", package_location(book))
            continue
        seconds = clock_seconds(stated[0])
        total += seconds
        if not open_ended and abs(seconds - clips) > DURATION_TOLERANCE + 0.001 * clips:
            yield Problem(
                f"overlay {overlay.id} states {seconds:.3f} s; its clips last {clips:.3f} s", where
            )
    stated_total = book.meta("media:duration")
    if not stated_total:
        yield Problem("the package has no total media:duration", package_location(book))
    elif abs(clock_seconds(stated_total[0]) - total) > DURATION_TOLERANCE:
        yield Problem(
            f"the total media:duration is {clock_seconds(stated_total[0]):.3f} s; "
            f"the overlays add up to {total:.3f} s",
            package_location(book),
        )


# First bytes of the image formats a manifest may name (EPUB 3.3 core media types).
MAGIC = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
}
MEDIA_TYPE = re.compile(
    r"^(application|audio|font|image|text|video|model)/[\w.+-]+(\s*;\s*[\w.+-]+=\S+)*$"
)


@rule(
    "epub-structure",
    target="epub",
    severity="error",
    summary="The publication is whole: every content document is well-formed XHTML, every "
    "resource it uses is in the zip and the manifest says what it is",
    fix="Add the missing files, fix the XHTML, and list each resource with its media type "
    "and properties (scripted, svg, mathml) in the manifest.",
    references=[
        epub33("sec-publication-resources", "Publication resources"),
        epub33("sec-contentdocs", "Content documents"),
    ],
    mirrors=[
        "epubcheck/RSC-001",
        "epubcheck/RSC-005",
        "epubcheck/RSC-006",
        "epubcheck/RSC-007",
        "epubcheck/RSC-012",
        "epubcheck/RSC-013",
        "epubcheck/RSC-014",
        "epubcheck/RSC-015",
        "epubcheck/RSC-029",
        "epubcheck/RSC-030",
        "epubcheck/RSC-016",
        "epubcheck/RSC-026",
        "epubcheck/RSC-032",
        "epubcheck/RSC-008",
        "epubcheck/RSC-010",
        "epubcheck/RSC-011",
        "epubcheck/OPF-012",
        "epubcheck/OPF-014",
        "epubcheck/OPF-015",
        "epubcheck/OPF-026",
        "epubcheck/OPF-027",
        "epubcheck/OPF-028",
        "epubcheck/OPF-029",
        "epubcheck/OPF-040",
        "epubcheck/OPF-073",
        "epubcheck/OPF-093",
        "epubcheck/OPF-094",
        "epubcheck/OPF-095",
        "epubcheck/OPF-098",
        "epubcheck/OPF-045",
        "epubcheck/OPF-074",
        "epubcheck/OPF-096",
        "epubcheck/OPF-099",
        "epubcheck/PKG-021",
        "epubcheck/PKG-025",
        "epubcheck/PKG-026",
        "epubcheck/HTM-046",
        "epubcheck/HTM-047",
        "epubcheck/HTM-056",
        "epubcheck/HTM-057",
        "epubcheck/HTM-059",
        "epubcheck/CSS-002",
        "epubcheck/CSS-004",
        "epubcheck/NCX-001",
        "epubcheck/RSC-028",
        "epubcheck/RSC-033",
        "epubcheck/HTM-001",
        "epubcheck/HTM-003",
        "epubcheck/HTM-004",
        "epubcheck/HTM-052",
        "epubcheck/HTM-058",
        "epubcheck/CSS-008",
        "epubcheck/OPF-007a",
        "epubcheck/OPF-007b",
        "epubcheck/OPF-007c",
        "epubcheck/OPF-060",
        "epubcheck/OPF-066",
        "epubcheck/OPF-071",
        "epubcheck/OPF-075",
        "epubcheck/OPF-076",
        "epubcheck/OPF-078",
        "epubcheck/OPF-081",
        "epubcheck/OPF-082",
        "epubcheck/OPF-083",
        "epubcheck/OPF-084",
        "epubcheck/PKG-005",
        "epubcheck/NAV-003",
        "epubcheck/PKG-009",
        "epubcheck/PKG-027",
        "epubcheck/RSC-020",
        "epubcheck/HTM-054",
        "epubcheck/HTM-061",
        "epubcheck/NAV-009",
        "epubcheck/RSC-021",
    ],
)
def structure(book: EpubBook) -> Iterator[Problem]:
    """A reading system shows a blank page, or none, where a resource is missing or broken.

    Found without ``--deep``: what EPUBCheck reports as missing resources (RSC-001,
    RSC-007), links to ids that are not there (RSC-012), XHTML that is not well-formed or
    uses undeclared entities (RSC-016), paths out of the container (RSC-026), media types
    that are not media types and foreign resources used without a fallback (RSC-032),
    missing manifest properties (OPF-014), images that are not what the manifest says
    (OPF-029, PKG-021), empty package metadata and the navigation document's list structure
    (RSC-005), ``epub:type`` prefixes that are not declared (OPF-026, OPF-028), fixed-layout
    documents without a viewport, or with a size stated twice (HTM-046, HTM-047, HTM-056,
    HTM-057, HTM-059); manifest items in ``META-INF``, listed twice or naming the package
    (PKG-025, OPF-074, OPF-099), with undefined or misplaced properties (OPF-027, OPF-012)
    or properties the document does not need (OPF-015), broken fallback chains (OPF-040,
    OPF-045), the OCF encryption and signature files (RSC-005, PKG-026), hyperlinks out of
    the spine (RSC-010, RSC-011) and non-linear items nothing links to (OPF-096); what style
    sheets use (RSC-007, RSC-008, RSC-030, OPF-014) and what EPUB forbids in them (CSS-001,
    CSS-008), empty URLs (CSS-002) and encodings other than UTF-8 (CSS-004); media overlays
    and the documents they read (MED-005, MED-010 to MED-014, RSC-012, CSS-030); a
    ``picture``'s image types (MED-003, MED-007), ``data:`` URLs of foreign types (RSC-032),
    what EPUBCheck's XHTML schema asserts (RSC-005: known elements in the parents that may
    hold them, global attribute values, required attributes, each element's attributes and
    their datatypes, references by id, EPUB's MathML) and DTDs named by an external
    identifier (OPF-073); package links without a
    media type, or to the package itself (OPF-093 to OPF-095, OPF-098); the NCX's schema and
    identifier (RSC-005, NCX-001); the schemas of the package, the navigation document,
    media overlays and ``container.xml`` (RSC-005). Every reference of the XHTML and SVG
    documents is judged as EPUBCheck judges it, by its kind (``epub_references``): remote
    where it may not be (RSC-006), missing (RSC-007, RSC-008), out of the container
    (RSC-026), a style sheet named with a fragment (RSC-013), an SVG paint or ``use``
    without one (RSC-015), fragments naming no element (RSC-012) or one of the wrong kind
    (RSC-014), ``data:`` hyperlinks (RSC-029), ``file:`` URLs (RSC-030), and the
    ``remote-resources``, ``scripted`` and ``mathml`` properties of SVG documents (OPF-014,
    OPF-015). Also: zip names unique after case folding (OPF-060), in UTF-8 (PKG-027) and
    without the characters OCF forbids (PKG-009), and no extra field in the ``mimetype``
    header (PKG-005); network URLs that do not parse (RSC-020); custom data attributes
    (HTM-061) and custom attribute namespaces (HTM-054); SVG document ids that are XML
    names, ``epub:case`` with its ``required-namespace``, ``epub:prefix`` only on ``<html>``
    (RSC-005); XML files in UTF-8 (RSC-028, HTM-058, RSC-016) and XML 1.0 (HTM-001); the
    XHTML DOCTYPE (HTM-004) and no external entity (HTM-003); prefix mappings (OPF-007a to
    OPF-007c); no query in relative URLs (RSC-033); CSS declarations EPUBCheck's parser
    accepts (CSS-008); SVG ``foreignObject`` and ``title`` content and ``epub:`` attributes
    (RSC-005); ``epub:switch`` and content MathML (RSC-005); ``region-based`` navigation
    only in the data navigation document (HTM-052); and the specialised specifications when
    the package declares them: collections and previews (RSC-005, OPF-075, OPF-076),
    dictionaries and search key maps (RSC-005, RSC-021, OPF-078, OPF-081 to OPF-084), indexes
    (RSC-005, OPF-071), EDUPUB (RSC-005, NAV-003, OPF-066) and multiple renditions
    (RSC-005).
    """
    for member, reason in book.broken:
        yield Problem(reason, Location(member=member))
    yield from _container(book)
    yield from ocf_files(book)
    yield from xml_encodings(book)
    epub3 = (book.package.get("version") or "").startswith("3")
    if epub3:
        yield from manifest_items(book)
        yield from package_links(book)
        yield from package_schema(book)
        yield from collections(book)
        yield from svg_content(book)
        yield from svg_documents_html(book)
        yield from renditions(book)
        yield from index_documents(book)
        yield from dictionaries(book)
        yield from external_identifiers(book)
        yield from spine_links(book, any(_is_scripted(p) for p in book.pages))
        yield from css_resources(book)
        yield from overlays(book)
    yield from content_references(book)
    yield from ncx_checks(book)
    yield from _package_basics(book)
    if (book.package.get("version") or "").startswith("3"):
        yield from _empty_metadata(book)
    if (book.package.get("version") or "").startswith("2"):
        opf = "{http://www.idpf.org/2007/opf}"
        for meta in book.package.iter(f"{opf}meta"):
            if meta.get("property") or (meta.text or "").strip():
                yield Problem(
                    "an EPUB 2 package (version 2.0) holds an EPUB 3 <meta property>",
                    package_location(book),
                )
                break
    by_path = {item.path: item for item in book.items.values()}
    for item in book.items.values():
        where = Location(member=item.path)
        if item.remote:
            # A remote spine item must be audio, video or a font (EPUB 3.3 3.6); other
            # remote items are judged where they are used (below).
            if not may_be_remote(item.media_type) and item.id in book.spine:
                yield Problem(f"{item.href} is a remote {item.media_type} resource", where)
            continue
        if not book.has(item.path):
            if (item.path, f"{item.path} is listed but missing from the zip") not in book.broken:
                yield Problem(f"{item.path} is in the manifest but not in the zip", where)
            continue
        if not MEDIA_TYPE.match(item.media_type):
            yield Problem(f"media-type {item.media_type!r} is not a media type", where)
        magic = MAGIC.get(item.media_type)
        if magic:
            head = book.read(item.path, 64 * 1024 * 1024)[:16]
            if not head.startswith(magic):
                yield Problem(f"{item.path} is not a {item.media_type} file", where)
    fixed = _fixed_layout(book)
    for page in book.pages:
        page_item = by_path.get(page.member or "")
        yield from _undeclared_entities(page, epub3)
        if epub3:
            yield from content_model(page)
            yield from mathml_annotations(page)
            yield from xhtml_assertions(page)
            yield from html_content_models(page)
            yield from global_attribute_values(page)
            yield from required_attributes(page)
            yield from custom_attributes(page)
            yield from xhtml_attributes(page)
        yield from _type_prefixes(page)
        yield from _picture_sources(book, page, by_path)
        if page.member in fixed:
            yield from _viewport(page)
        if page_item is not None:
            yield from _missing_properties(page, page_item, by_path)
            if epub3:
                yield from _region_based(page, page_item)
                if "data-nav" in page_item.properties:
                    yield from _data_nav(page, fixed)
    nav = book.nav
    if nav is not None:
        yield from _nav_structure(nav)


def _container(book: EpubBook) -> Iterator[Problem]:
    """The zip starts with an uncompressed ``mimetype`` saying ``application/epub+zip``."""
    assert book.archive is not None
    entries = book.archive.infolist()
    first = entries[0] if entries else None
    if first is None or first.filename != "mimetype":
        yield Problem("the first file in the zip is not 'mimetype'", Location(member="mimetype"))
    elif first.compress_type != 0 or book.read("mimetype", 100) != b"application/epub+zip":
        yield Problem(
            "'mimetype' must be stored uncompressed and say application/epub+zip",
            Location(member="mimetype"),
        )
    elif first.header_offset == 0:
        # PKG-005: the zip's first local header (30 bytes, then the name) has no extra field
        with open(book.file, "rb") as stream:
            header = stream.read(30)
        if len(header) == 30 and int.from_bytes(header[28:30], "little"):
            yield Problem("'mimetype' has a zip extra field", Location(member="mimetype"))
    folded: set[str] = set()
    for entry in entries:
        if entry.is_dir():
            continue
        if not _utf8_name(entry):
            yield Problem(
                f"the zip name {entry.filename!r} is not UTF-8", Location(member=entry.filename)
            )  # PKG-027
        forbidden = _forbidden_characters(entry.filename)
        if forbidden:
            yield Problem(
                f"the file name {entry.filename!r} has characters OCF forbids: {forbidden}",
                Location(member=entry.filename),
            )  # PKG-009
        # OPF-060: names unique after canonical decomposition and full case folding
        name = unicodedata.normalize("NFD", entry.filename).casefold()
        if name in folded:
            yield Problem(
                f"{entry.filename!r} repeats another file name (same after case folding)",
                Location(member=entry.filename),
            )
        folded.add(name)


def _utf8_name(entry: zipfile.ZipInfo) -> bool:
    """Whether the name's bytes are UTF-8 (zipfile decodes a name without the flag as CP437)."""
    if entry.flag_bits & 0x800:
        return True
    try:
        entry.orig_filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return True


# What OCF 3.3 forbids in file names, as EPUBCheck's OCFFilenameChecker reads it (PKG-009):
# some ASCII punctuation, controls, private use, the Specials block and language tag U+E0001.
FORBIDDEN_NAME_RANGES = (
    (0x00, 0x1F), (0x22, 0x22), (0x2A, 0x2A), (0x3A, 0x3A), (0x3C, 0x3C), (0x3E, 0x3F),
    (0x5C, 0x5C), (0x7C, 0x7C), (0x7F, 0x9F), (0xE000, 0xF8FF), (0xFDD0, 0xFDEF),
    (0xFFF0, 0xFFFF), (0xE0001, 0xE0001), (0xF0000, 0x10FFFF),
)  # fmt: skip


def _forbidden_characters(name: str) -> str:
    """The characters of a zip name that OCF forbids, as ``U+003A`` codes (empty if none).

    >>> _forbidden_characters("EPUB/a:b.xhtml"), _forbidden_characters("EPUB/ñ.xhtml")
    ('U+003A', '')
    """
    found = [
        c
        for c in dict.fromkeys(name)
        if (ord(c) & 0xFFFE) == 0xFFFE  # a noncharacter of any plane
        or any(low <= ord(c) <= high for low, high in FORBIDDEN_NAME_RANGES)
    ]
    return ", ".join(f"U+{ord(c):04X}" for c in found)


def _package_basics(book: EpubBook) -> Iterator[Problem]:
    """What every EPUB 3 package has: its identifier, one dcterms:modified, a spine of items."""
    if not (book.package.get("version") or "").startswith("3"):
        return
    unique = book.package.get("unique-identifier") or ""
    identifiers = [e for e in book.package.iter("{http://purl.org/dc/elements/1.1/}identifier")]
    if not identifiers:
        yield Problem("the package has no dc:identifier", package_location(book))
    elif not any(e.get("id") == unique for e in identifiers):
        yield Problem(
            f"unique-identifier {unique!r} names no dc:identifier", package_location(book)
        )
    for message in prefix_mapping_problems(book.package.get("prefix") or "", PACKAGE_VOCABS):
        yield Problem(message, package_location(book))
    if len(book.meta("dcterms:modified")) != 1:
        yield Problem("the package needs exactly one dcterms:modified", package_location(book))
    if not book.spine:
        yield Problem("the spine lists no content document", package_location(book))
    for idref in book.spine:
        if idref not in book.items:
            yield Problem(
                f"the spine names {idref!r}, which the manifest lacks", package_location(book)
            )
    for page in book.pages:
        seen: set[str] = set()
        for element in page.root.iter():
            ident = element.get("id") if isinstance(element.tag, str) else None
            if ident is not None and ident in seen:
                yield Problem(f"the id {ident!r} is used twice", page.locate(element))
                break
            if ident is not None:
                seen.add(ident)
        yield from _doctype(page)


def _empty_metadata(book: EpubBook) -> Iterator[Problem]:
    """EPUB 3 package metadata elements are never empty (RSC-005 in EPUBCheck's schema)."""
    metadata = book.package.find(f"{OPF}metadata")
    for element in metadata if metadata is not None else []:
        if not isinstance(element.tag, str) or "".join(str(t) for t in element.itertext()).strip():
            continue
        if element.tag.startswith(DC):
            yield Problem(f"<dc:{element.tag[len(DC) :]}> is empty", package_location(book))
        elif element.tag == f"{OPF}meta" and element.get("property"):
            yield Problem(
                f'<meta property="{element.get("property")}"> is empty', package_location(book)
            )


# Prefixes an epub:type may use undeclared in a content document (EPUB 3.3 D.3;
# as EPUBCheck reads them); others need the root's epub:prefix.
RESERVED_TYPE_PREFIXES = {"msv", "prism"}
PREFIX_DECLARATION = re.compile(r"([\w.-]+):\s+(\S+)")


def _region_based(page: HtmlPage, item: Item) -> Iterator[Problem]:
    """HTM-052: ``epub:type="region-based"`` only on a ``nav`` of a data navigation document."""
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        if "region-based" in (element.get(EPUB_TYPE) or "").split() and (
            element.tag != "nav" or "data-nav" not in item.properties
        ):
            yield Problem(
                '"region-based" is only for a nav of the data navigation document',
                page.locate(element),
            )
            return


def _data_nav(page: HtmlPage, fixed: set[str]) -> Iterator[Problem]:
    """The data navigation document as EPUBCheck's ``datanav-xhtml.sch`` wants it (RSC-005).

    Each outer ``nav`` says what it is (``epub:type``); a region-based ``nav`` holds one
    ``ol``, whose items start with an ``a`` or a ``span`` of two ``a``, then at most
    one ``ol``; its links lead to fixed-layout documents (NAV-009).
    """
    folder = posixpath.dirname(page.member or "")
    for nav in page.root.iter("nav"):
        if next(nav.iterancestors("nav"), None) is None and not (nav.get(EPUB_TYPE) or "").strip():
            yield Problem(
                "a nav of the data navigation document needs an epub:type", page.locate(nav)
            )
        if "region-based" not in (nav.get(EPUB_TYPE) or "").split():
            continue
        problem = _region_nav_problem(nav)
        if problem:
            yield Problem(problem, page.locate(nav))
        for link in nav.iter("a"):
            parts = urlsplit((link.get("href") or "").strip())
            target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            if not (parts.scheme or parts.netloc) and parts.path and target not in fixed:
                yield Problem(
                    "a region-based navigation link leads to a document that is not fixed layout",
                    page.locate(link),
                )
                break


def _region_nav_problem(nav: etree._Element) -> str | None:
    if [c.tag for c in child_elements(nav)] != ["ol"]:
        return "a region-based nav holds exactly one ol"
    for item in nav.iter("li"):
        kids = [c.tag for c in child_elements(item)]
        if not kids or kids[0] not in ("a", "span"):
            return "an item of a region-based nav starts with an a or a span"
        if len(kids) > 1 and kids[1:] != ["ol"]:
            return "an item of a region-based nav has at most one ol after its a or span"
    for span in nav.iter("span"):
        if [c.tag for c in child_elements(span)] != ["a", "a"]:
            return "a span of a region-based nav holds exactly two a elements"
    return None


DC_ELEMENTS_URI = "http://purl.org/dc/elements/1.1/"
PACKAGE_VOCABS = frozenset(
    f"http://idpf.org/epub/vocab/package/{name}/#" for name in ("item", "itemref", "link", "meta")
)
STRUCTURE_VOCAB = "http://www.idpf.org/epub/vocab/structure/#"


def prefix_mapping_problems(value: str, default_vocabs: frozenset[str]) -> Iterator[str]:
    """EPUBCheck's OPF-007a/b/c: a prefix declaration maps no ``_``, no default vocabulary
    and not Dublin Core's elements namespace."""
    for match in PREFIX_DECLARATION.finditer(value):
        prefix, uri = match.group(1), match.group(2)
        if prefix == "_":
            yield 'the prefix "_" may not be declared'
        elif uri in default_vocabs:
            yield f"the prefix {prefix!r} re-declares the default vocabulary {uri}"
        elif uri == DC_ELEMENTS_URI:
            yield f"the prefix {prefix!r} maps Dublin Core's /elements/1.1/ namespace"


def _type_prefixes(page: HtmlPage) -> Iterator[Problem]:
    misplaced = next(
        (e for e in page.root.iterdescendants() if e.get(EPUB_PREFIX) is not None), None
    )
    if misplaced is not None:  # RSC-005: the XHTML schema has it on <html> only
        yield Problem("epub:prefix is allowed on the root <html> only", page.locate(misplaced))
    for message in prefix_mapping_problems(
        page.root.get(EPUB_PREFIX) or "", frozenset({STRUCTURE_VOCAB})
    ):
        yield Problem(message, page.locate(page.root))
    declared = RESERVED_TYPE_PREFIXES | {
        m.group(1) for m in PREFIX_DECLARATION.finditer(page.root.get(EPUB_PREFIX) or "")
    }
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        for token in (element.get(EPUB_TYPE) or "").split():
            prefix, colon, name = token.partition(":")
            if not colon:
                continue
            if not prefix or not name:
                yield Problem(f"epub:type {token!r} is malformed", page.locate(element))
                return
            if prefix not in declared:
                yield Problem(
                    f"epub:type {token!r} uses the undeclared prefix {prefix!r}",
                    page.locate(element),
                )
                return


def _picture_sources(book: EpubBook, page: HtmlPage, by_path: dict[str, Item]) -> Iterator[Problem]:
    """The images a ``picture`` offers (MED-003, MED-007); other fallbacks are judged with
    the references (``epub_references``)."""
    folder = posixpath.dirname(page.member or "")

    def item_of(value: str | None) -> Item | None:
        parts = urlsplit((value or "").strip())
        if parts.scheme == "data":
            return data_item(parts.path)
        if not parts.path or parts.scheme or parts.netloc:
            return None
        return by_path.get(posixpath.normpath(posixpath.join(folder, unquote(parts.path))))

    for picture in page.root.iter("picture"):
        for element in picture:
            if isinstance(element.tag, str) and element.tag in ("img", "source"):
                yield from _picture_source(page, element, item_of)


def _picture_source(
    page: HtmlPage, element: etree._Element, item_of: Callable[[str | None], Item | None]
) -> Iterator[Problem]:
    """In ``picture``, the ``img`` is a core image type; a ``source`` of another type says so.

    EPUBCheck MED-003 and MED-007: a manifest fallback does not count here.
    """
    urls = srcset_urls(element.get("srcset") or "")
    if element.tag == "img":
        urls.insert(0, element.get("src") or "")
    for item in map(item_of, urls):
        if item is None or item.media_type.split(";")[0].strip() in CORE_IMAGE_TYPES:
            continue
        if element.tag == "img":
            yield Problem(
                f"{item.path} ({item.media_type}) is the img of a picture but no core image type",
                page.locate(element),
            )
        elif not (element.get("type") or "").strip():
            yield Problem(
                f"{item.path} ({item.media_type}) is offered by a picture source without a type",
                page.locate(element),
            )


def _fixed_layout(book: EpubBook) -> set[str]:
    """The content documents laid out as fixed pages (``rendition:layout``)."""
    globally = "pre-paginated" in book.meta("rendition:layout")
    fixed = set()
    for idref in book.spine:
        item = book.items.get(idref)
        properties = book.itemref_properties.get(idref, frozenset())
        if item is None:
            continue
        if "rendition:layout-pre-paginated" in properties or (
            globally and "rendition:layout-reflowable" not in properties
        ):
            fixed.add(item.path)
    return fixed


# EPUB 3.3 appendix C: viewport = property, { sep, property }; property = name, [ assign,
# value ]: a property may have no value (``width=900, height=600, shrink-to-fit``)
VIEWPORT_ITEM = r"[^\s=,;]+(?:\s*=\s*[^\s=,;]+)?"
VIEWPORT = re.compile(rf"^\s*{VIEWPORT_ITEM}(?:[\s,;]+{VIEWPORT_ITEM})*\s*$")
VIEWPORT_SIZE = {
    "width": re.compile(r"^(\d+(\.\d+)?|device-width)$"),
    "height": re.compile(r"^(\d+(\.\d+)?|device-height)$"),
}


def _viewport(page: HtmlPage) -> Iterator[Problem]:
    """A fixed-layout XHTML page states its size in its first viewport ``meta``."""
    viewports = [m for m in page.root.iter("meta") if (m.get("name") or "").strip() == "viewport"]
    if not viewports:
        yield Problem("a fixed-layout document has no viewport meta", Location(member=page.member))
        return
    content = viewports[0].get("content") or ""
    where = page.locate(viewports[0])
    if not VIEWPORT.match(content):
        yield Problem(f"the viewport {content!r} is not a list of name=value", where)
        return
    values: dict[str, list[str]] = {}
    for pair in re.findall(VIEWPORT_ITEM, content):
        name, _, value = pair.partition("=")
        values.setdefault(name.strip(), []).append(value.strip())
    for name, pattern in VIEWPORT_SIZE.items():
        if name not in values:
            yield Problem(f"the viewport has no {name}", where)
            continue
        if len(values[name]) > 1:
            yield Problem(f"the viewport states {name} {len(values[name])} times", where)
        if not pattern.match(values[name][0]):
            yield Problem(f"the viewport's {name} {values[name][0]!r} is not valid", where)


def _ids(page: HtmlPage) -> set[str]:
    return {str(e.get("id")) for e in page.root.iter() if isinstance(e.tag, str) and e.get("id")}


def _doctype(page: HtmlPage) -> Iterator[Problem]:
    """EPUBCheck's HTM-004: an EPUB 3 XHTML document's DOCTYPE has no public identifier,
    and no system identifier but ``about:legacy-compat``."""
    docinfo: Any = page.root.getroottree().docinfo  # lxml-stubs lack doctype, system_url
    if not docinfo.doctype:
        return
    if docinfo.public_id is not None or docinfo.system_url not in (None, "about:legacy-compat"):
        yield Problem(f"irregular DOCTYPE {docinfo.doctype!r}", Location(member=page.member))


def _undeclared_entities(page: HtmlPage, epub3: bool) -> Iterator[Problem]:
    """Entities the internal DTD subset does not declare (RSC-005); EPUB 3 allows no
    external entity (HTM-003)."""
    declared: set[str] = set()
    subset: Any = page.root.getroottree().docinfo.internalDTD  # stubs lack iterentities
    for entity in subset.iterentities() if subset is not None else ():
        if entity.system_url is not None and epub3:
            yield Problem(
                f"the external entity {entity.name} is declared (EPUB 3 allows none)",
                page.locate(page.root),
            )
        else:
            declared.add(str(entity.name))
    for node in page.root.iter(etree.Entity):
        if getattr(node, "name", None) not in declared:
            yield Problem(
                f"the entity {node.text} is not declared (XHTML has no DTD)",
                page.locate(page.root),
            )
            return


EVENT_HANDLER = re.compile(r"^on[a-z]+$", re.IGNORECASE)


def _is_scripted(page: HtmlPage) -> bool:
    """A form, a script that runs, or an event handler attribute (``onclick``…)."""
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name == "form" or (name == "script" and _executable(element)):
            return True
        if any(EVENT_HANDLER.match(str(a)) for a in element.attrib):
            return True
    return False


def _refers_to_svg(page: HtmlPage, by_path: dict[str, Item]) -> bool:
    """True when an attribute of the document names an SVG resource of the manifest."""
    folder = posixpath.dirname(page.member or "")
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        for value in element.attrib.values():
            parts = urlsplit(str(value).strip())
            if not parts.path or parts.scheme or parts.netloc:
                continue
            target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            found = by_path.get(target)
            if found is not None and found.media_type == "image/svg+xml":
                return True
    return False


def _missing_properties(page: HtmlPage, item: Item, by_path: dict[str, Item]) -> Iterator[Problem]:
    """Manifest properties the document needs (OPF-014) and those it does not (OPF-015).

    ``svg`` may also be declared by a document that refers to an SVG image.
    """
    names = {etree.QName(e).localname for e in page.root.iter() if isinstance(e.tag, str)}
    uses = {
        "scripted": _is_scripted(page),
        "svg": "svg" in names,
        "mathml": "math" in names,
        # the loader drops namespaces: epub:switch is a switch outside SVG
        "switch": any(next(e.iterancestors("svg"), None) is None for e in page.root.iter("switch")),
    }
    for prop, used in uses.items():
        if used and prop not in item.properties:
            yield Problem(
                f'the document uses {prop} content but its manifest item lacks properties="{prop}"',
                Location(member=page.member),
            )
    if "svg" in item.properties and not uses["svg"]:
        uses["svg"] = _refers_to_svg(page, by_path)
    for prop, used in uses.items():
        if prop in item.properties and not used:
            yield Problem(
                f'the manifest item declares properties="{prop}" but the document has no '
                f"{prop} content",
                Location(member=page.member),
            )


JAVASCRIPT_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "text/ecmascript", "application/x-javascript", "text/x-javascript",
}  # fmt: skip


def _executable(script: etree._Element) -> bool:
    """A script that runs; other types are data blocks (JSON-LD…), not scripted content."""
    kind = (script.get("type") or "").split(";")[0].strip().lower()
    return kind in JAVASCRIPT_TYPES


def _nav_structure(nav: HtmlPage) -> Iterator[Problem]:
    yield from nav_schema(nav)
    for element in nav.root.iter("nav"):
        if "landmarks" not in (element.get(EPUB_TYPE) or "").split():
            continue
        for link in element.iter("a"):
            if not link.get(EPUB_TYPE):
                yield Problem("a landmarks link has no epub:type", nav.locate(link))


@rule(
    "epub-nav-order",
    target="epub",
    severity="error",
    summary="The table of contents and the page list follow the reading order",
    fix="List the toc and page-list entries in the order of the spine and of the text.",
    references=[wcag("1.3.2"), epub33("sec-nav-toc", "The toc nav element")],
    mirrors=["ace/epub-toc-order", "ace/epub-pagelist-broken"],
)
def nav_order(book: EpubBook) -> Iterator[Problem]:
    """A table of contents out of order sends a reader to the wrong place in the book.

    As in Ace, each entry of the table of contents must lead to an XHTML content
    document of the spine (or an element of one, by its id); not to an SVG page, a
    document outside the spine, or another site. As in Ace, an ``itemref`` names a
    manifest item only by its id as written: spaces around it lose the document.
    """
    nav = book.nav
    if nav is None:
        return
    spine_paths = [book.items[i].path for i in book.spine_as_written if i in book.items]
    order = {path: index for index, path in enumerate(spine_paths)}
    positions = {
        page.member: {
            str(e.get("id")): n
            for n, e in enumerate(page.root.iter())
            if isinstance(e.tag, str) and e.get("id")
        }
        for page in book.pages
        if page.member in order
    }
    folder = posixpath.dirname(nav.member or "")
    for element in nav.root.iter("nav"):
        kinds = (element.get(EPUB_TYPE) or "").split()
        if not ({"toc", "page-list"} & set(kinds)):
            continue
        previous: tuple[int, int] | None = None
        for link in element.iter("a"):
            parts = urlsplit(link.get("href") or "")
            remote = bool(parts.scheme or parts.netloc)
            if remote and "toc" not in kinds:
                continue
            target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            missing_id = parts.fragment and unquote(parts.fragment) not in positions.get(target, {})
            if "toc" in kinds and (remote or target not in positions or missing_id):
                yield Problem(
                    f"the table of contents points at {link.get('href')!r}, which is no XHTML "
                    "content document of the spine (or no element of one)",
                    nav.locate(link),
                )
                break
            if target not in order:
                continue
            place = positions.get(target, {}).get(unquote(parts.fragment), 0)
            here = (order[target], place)
            if previous is not None and here < previous:
                name = "page list" if "page-list" in kinds else "table of contents"
                yield Problem(f"the {name} goes back in the reading order", nav.locate(link))
                break
            previous = here


@rule(
    "epub-type-has-matching-role",
    target="epub",
    severity="warning",
    summary="Elements with an `epub:type` that has an ARIA equivalent also carry that role",
    fix='Add the matching role: epub:type="toc" → role="doc-toc", "footnote" → '
    '"doc-footnote", "pagebreak" → "doc-pagebreak".',
    references=[
        wcag("4.1.2"),
        epub_a11y_technique("sec-aria", "Use ARIA roles with epub:type"),
    ],
    mirrors=["ace/epub-type-has-matching-role"],
)
def type_has_matching_role(book: EpubBook) -> Iterator[Problem]:
    """Reading systems ignore ``epub:type``; assistive technology reads the role.

    A warning, as in Ace (a moderate finding). The navigation document's
    ``<nav>`` elements count too.
    """
    for page in book.pages:
        for element in page.root.iter():
            if not isinstance(element.tag, str) or element.get(EPUB_TYPE) is None:
                continue
            if element.tag == "a" and any(
                "landmarks" in (n.get(EPUB_TYPE) or "").split()
                for n in element.iterancestors("nav")
            ):
                continue  # a landmarks link names where it leads, not what it is
            roles = (element.get("role") or "").split()
            for kind in (element.get(EPUB_TYPE) or "").split():
                wanted = EPUB_TYPE_ROLES.get(kind)
                if wanted and wanted not in roles:
                    yield Problem(
                        f'epub:type="{kind}" has no role="{wanted}"', page.locate(element)
                    )


# epub:type values with a DPUB-ARIA role (EPUB Accessibility Techniques, DPUB-ARIA 1.1)
EPUB_TYPE_ROLES = {
    "abstract": "doc-abstract", "acknowledgments": "doc-acknowledgments",
    "afterword": "doc-afterword", "appendix": "doc-appendix", "backlink": "doc-backlink",
    "bibliography": "doc-bibliography", "biblioref": "doc-biblioref",
    "chapter": "doc-chapter", "colophon": "doc-colophon", "conclusion": "doc-conclusion",
    "cover": "doc-cover", "credit": "doc-credit", "credits": "doc-credits",
    "dedication": "doc-dedication", "endnotes": "doc-endnotes", "epigraph": "doc-epigraph",
    "epilogue": "doc-epilogue", "errata": "doc-errata", "footnote": "doc-footnote",
    "foreword": "doc-foreword", "glossary": "doc-glossary", "glossref": "doc-glossref",
    "index": "doc-index", "introduction": "doc-introduction", "noteref": "doc-noteref",
    "notice": "doc-notice", "pagebreak": "doc-pagebreak", "page-list": "doc-pagelist",
    "part": "doc-part", "preface": "doc-preface", "prologue": "doc-prologue",
    "pullquote": "doc-pullquote", "qna": "doc-qna", "subtitle": "doc-subtitle",
    "tip": "doc-tip", "toc": "doc-toc",
}  # fmt: skip


@rule(
    "epub-aria-allowed-role",
    target="epub",
    severity="error",
    summary="Roles in content documents are allowed on their element",
    fix="Move the role to an element that may carry it (a <section> or <div>), or drop it.",
    references=[wcag("4.1.2"), epub33("sec-xhtml", "XHTML content documents")],
    mirrors=["epubcheck/RSC-005", "ace/aria-allowed-role"],
)
def aria_allowed_role(book: EpubBook) -> Iterator[Problem]:
    """EPUBCheck's schema refuses ``<aside role="doc-epilogue">``: the book is not valid."""
    for page in book.pages:
        yield from disallowed_roles(page)


# registered after the rules above, so that docs/rules.md lists it among the content rules
from .epub_links import link_in_text_block  # noqa: E402, F401
