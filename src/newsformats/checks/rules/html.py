"""Rules for HTML pages, also run on every content document of an EPUB."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from copy import deepcopy
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import tinycss2
from lxml import etree

from ...lang import all_packs
from ..contrast import Rendered, hex_color, rendered_styles, text_contrasts
from ..loaders.html import EPUB_TYPE, XML_LANG, HtmlPage, lang_of, text_of
from ..references import wcag
from ..registry import Problem, rule
from ..tags import tag_problem
from .epub_schema import HTML_ELEMENTS

ALT_MAX = 150
IMAGE_NAME = re.compile(
    r"(\.(jpe?g|png|gif|webp|svg|avif|tiff?|bmp|heic)$)|^(img|dsc|dscn|pxl|photo|image)[-_ ]?\d+$",
    re.IGNORECASE,
)
# Link text that says nothing about where the link goes, in every language pack.
GENERIC_LINK_TEXT = frozenset(w for pack in all_packs().values() for w in pack.generic_link_text)
SECTIONING = {"article", "aside", "main", "nav", "section"}


@rule(
    "html-lang",
    target="html",
    severity="error",
    summary="The page names its language in a valid `lang` on `<html>`",
    fix='Add lang="…" with a BCP 47 tag (en, ru, fa-AF) to the <html> element.',
    references=[wcag("3.1.1")],
    mirrors=["axe/html-has-lang", "axe/html-lang-valid"],
)
def lang(page: HtmlPage) -> Iterator[Problem]:
    """Screen readers choose their voice and pronunciation from the page's language.

    The language must be valid, not only well formed: it is looked up in the IANA
    Language Subtag Registry (``lang="klingon"`` and ``xx-QQ`` fail). So must an
    ``xml:lang`` on ``<html>`` be, and one of spaces only fails. As axe-core, the
    primary language decides; a wrong region, script or variant after a valid
    language is ``html-lang-subtags``'s, a warning.
    """
    value = lang_of(page.root)
    if value is None or not value.strip():
        yield Problem("<html> has no lang attribute", page.locate(page.root))
        return
    problem = _language_problem(value)
    if problem:
        yield Problem(f"lang: {problem}", page.locate(page.root))
    # an xml:lang beside it must be a language too (axe-core html-lang-valid): spaces
    # only name none; an empty one is left alone (browsers may write it)
    xml_value = page.root.get(XML_LANG, page.root.get("xml:lang"))
    if xml_value and xml_value != value:
        problem = _language_problem(xml_value)
        if problem:
            yield Problem(f"xml:lang: {problem}", page.locate(page.root))


def _language_problem(value: str) -> str | None:
    """What is wrong with a ``lang`` value's language (its primary subtag), as axe-core
    judges it: spaces only, a tag that is not well formed, or no language."""
    if not value.strip():
        return "only spaces"
    primary = value.strip().split("-")[0]
    return tag_problem(value.strip()) if tag_problem(primary) else None


def _lang_values(element: etree._Element) -> list[tuple[str, str]]:
    """The element's non-empty ``lang`` and ``xml:lang`` values, with their names (an
    HTML parser leaves ``xml:lang`` unprefixed, an XML one puts it in its namespace)."""
    xml_lang = element.get(XML_LANG, element.get("xml:lang"))
    return [(n, v) for n, v in (("lang", element.get("lang")), ("xml:lang", xml_lang)) if v]


@rule(
    "html-lang-parts",
    target="html",
    severity="error",
    level="AA",
    summary="Every other `lang` (and `xml:lang`) in the page is a valid language tag",
    fix='Correct the tag (lang="ru", lang="uz-Cyrl") or remove the attribute.',
    references=[wcag("3.1.2")],
    mirrors=["axe/valid-lang"],
)
def lang_parts(page: HtmlPage) -> Iterator[Problem]:
    """A quotation marked with a wrong tag is read in the wrong voice.

    As axe-core (``valid-lang``): the primary language decides (a wrong region or
    variant is ``html-lang-subtags``'s), a value of spaces only fails, and only where
    the tag reaches some text: an element whose own text, or that of a shown child
    without a ``lang`` of its own, is read in it; an empty one, or one whose text is
    all hidden or marked otherwise, is not judged.
    """
    for element in page.root.iter():
        if element is page.root or not isinstance(element.tag, str):
            continue
        for name, value in _lang_values(element):
            problem = _language_problem(value)
            if problem and not _hidden(page, element) and _has_lang_text(page, element):
                yield Problem(f"{name}: {problem}", page.locate(element))


@rule(
    "html-lang-subtags",
    target="html",
    severity="warning",
    summary="The regions, scripts and variants of every `lang` are in the IANA registry",
    fix='Correct the subtag after the language (lang="en-GB", lang="sr-Latn") or remove it.',
    references=[wcag("3.1.1"), wcag("3.1.2")],
    mirrors=["newsformats"],
)
def lang_subtags(page: HtmlPage) -> Iterator[Problem]:
    """A valid language with a region, script or variant the registry does not know.

    A warning, stricter than axe-core on purpose, which reads only the language
    (``en-US-foobar`` passes there): the voice is chosen from the language, but a
    wrong script or region may pick the wrong one, and the tag is not valid BCP 47.
    """
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in _lang_values(element):
            if value.strip() and not _language_problem(value):
                problem = tag_problem(value.strip())
                if problem:
                    yield Problem(f"{name}: {problem}", page.locate(element))


# what holds no text of the page's (axe-core's hasChildTextNodes)
NO_LANG_TEXT = ("head", "title", "template", "script", "style", "iframe", "object", "video",
                "audio", "noscript")  # fmt: skip
# content that is read by its name, not its text (axe-core's isVisualContent)
VISUAL_CONTENT = ("img", "iframe", "object", "video", "audio", "canvas", "svg", "math",
                  "button", "select", "textarea", "progress", "meter", "input")  # fmt: skip


def _has_lang_text(page: HtmlPage, element: etree._Element) -> bool:
    """Some text is read in the element's language (axe-core's hasLangText)."""
    tag = str(element.tag)
    if tag not in NO_LANG_TEXT and (
        (element.text or "").strip() or any((c.tail or "").strip() for c in element)
    ):
        return True
    if tag in VISUAL_CONTENT and (tag != "input" or element.get("type") != "hidden"):
        names = (_accessible_name(page, element), element.get("alt"), element.get("value"))
        return any(n and n.strip() for n in names)
    return any(
        isinstance(child.tag, str)
        and not child.get("lang")
        and not _not_shown(page, child)
        and _has_lang_text(page, child)
        for child in element
    )


@rule(
    "html-xml-lang-mismatch",
    target="html",
    severity="error",
    summary="`lang` and `xml:lang` on `<html>` name the same language",
    fix="Give lang and xml:lang the same value.",
    references=[wcag("3.1.1")],
    mirrors=["axe/html-xml-lang-mismatch"],
)
def xml_lang_mismatch(page: HtmlPage) -> Iterator[Problem]:
    """Assistive technology reads one of the two; they must not disagree."""
    lang_value = (page.root.get("lang") or "").strip()
    xml_value = (page.root.get(XML_LANG) or page.root.get("xml:lang") or "").strip()
    if not lang_value or not xml_value:
        return
    if _language_problem(lang_value) or _language_problem(xml_value):
        return  # an invalid language is html-lang's (axe-core judges valid pairs only)
    if lang_value.split("-")[0].lower() != xml_value.split("-")[0].lower():
        yield Problem(f"lang={lang_value!r} but xml:lang={xml_value!r}", page.locate(page.root))


@rule(
    "html-title",
    target="html",
    severity="error",
    summary="The page has a non-empty `<title>`",
    fix="Add <title> in <head> with the headline (and the publication's name).",
    references=[wcag("2.4.2")],
    mirrors=["axe/document-title"],
)
def title(page: HtmlPage) -> Iterator[Problem]:
    """The title is the first thing announced and the name of the tab or window.

    As browsers take ``document.title``: the first ``<title>`` of the page, in the
    head or not (an SVG's or MathML's own titles aside).
    """
    titles = [
        t
        for t in page.find("title")
        if not any(a.tag in ("svg", "math") for a in t.iterancestors())
    ]
    if not titles:
        yield Problem("the page has no <title>", page.locate(page.root))
    elif not text_of(titles[0]):
        yield Problem("the <title> is empty", page.locate(titles[0]))


@rule(
    "html-main",
    target="html",
    severity="warning",
    summary="The page has exactly one `<main>` landmark",
    fix='Wrap the article in one <main id="main"> (and no other element with role=main).',
    references=[wcag("1.3.1"), wcag("2.4.1")],
    in_epub=False,
    mirrors=["axe/landmark-one-main", "axe/landmark-no-duplicate-main"],
)
def main_landmark(page: HtmlPage) -> Iterator[Problem]:
    """Screen reader users jump to the main landmark to skip the page's chrome.

    A warning, as in axe-core (a best practice): WCAG 2.4.1 can be met by
    headings or a skip link instead.
    """
    mains = [e for e in page.root.iter() if _role(e) == "main" and e.get("hidden") is None]
    if not mains:
        yield Problem("the page has no <main> landmark", page.locate(page.root))
    for extra in mains[1:]:
        yield Problem(f"a second main landmark ({len(mains)} in all)", page.locate(extra))


@rule(
    "html-skip-link",
    target="html",
    severity="warning",
    summary="Links before the content can be bypassed: a main landmark, a heading or "
    "a working skip link",
    fix='Wrap the content in <main id="main">, or make the first link of <body> '
    '<a href="#main">Skip to main content</a>.',
    references=[wcag("2.4.1")],
    in_epub=False,
    mirrors=["axe/bypass", "axe/skip-link"],
)
def skip_link(page: HtmlPage) -> Iterator[Problem]:
    """Keyboard users need a way past the banner and navigation.

    As WCAG 2.4.1 (and axe-core's ``bypass``) allow, a main landmark or a heading
    is enough; a skip link is then not demanded. A skip link that points at
    nothing is reported. A warning: axe-core asks for a review, not a failure.
    """
    ids = {e.get("id"): e for e in page.root.iter() if isinstance(e.tag, str) and e.get("id")}
    for link in page.root.iter("a"):
        href = link.get("href") or ""
        broken = href.startswith("#") and len(href) > 1 and unquote(href[1:]) not in ids
        if broken and link.get("name") is None and text_of(link) and _is_skip_link(page, link):
            yield Problem(
                f"the skip link points at {href}, which is not in the page", page.locate(link)
            )
    links = [a for a in page.root.iter("a") if a.get("href")]
    if not links:
        return
    has_main = any(_role(e) == "main" for e in page.root.iter())
    has_heading = any(True for _ in page.root.iter("h1", "h2", "h3", "h4", "h5", "h6")) or any(
        _role(e) == "heading" for e in page.root.iter()
    )
    internal = any((a.get("href") or "").startswith("#") for a in links)
    if not (has_main or has_heading or internal):
        yield Problem(
            "the page has links but no main landmark, no heading and no skip link",
            page.locate(page.root),
        )


def _is_skip_link(page: HtmlPage, link: etree._Element) -> bool:
    first_links = [a for a in page.root.iter("a") if a.get("href")][:3]
    return link in first_links


@rule(
    "html-heading-order",
    target="html",
    severity="warning",
    summary="Headings start at `<h1>` and go down one level at a time",
    fix="Use <h1> for the headline and <h2>, <h3>… in order below it, never skipping a level.",
    references=[wcag("1.3.1"), wcag("2.4.6")],
    mirrors=["axe/heading-order"],
)
def heading_order(page: HtmlPage) -> Iterator[Problem]:
    """Screen reader users move by headings; a skipped level suggests a missing section.

    An EPUB content document may start below ``<h1>`` (a chapter of a book); a
    web page starts at ``<h1>``. A warning, as in axe-core: WCAG does not forbid
    a skipped level.
    """
    previous: int | None = None
    for element in page.root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        level = int(str(element.tag)[1])
        if previous is None:
            if level != 1 and not page.in_epub:
                yield Problem(f"the first heading is <h{level}>, not <h1>", page.locate(element))
        elif level > previous + 1:
            yield Problem(
                f"<h{level}> follows <h{previous}>: a level is skipped", page.locate(element)
            )
        previous = level


@rule(
    "html-img-alt",
    target="html",
    severity="error",
    summary="Every `<img>` has an `alt` attribute",
    fix='Describe the picture in alt="…" (or alt="" when it is purely decorative).',
    references=[wcag("1.1.1")],
    mirrors=["axe/image-alt"],
)
def img_alt(page: HtmlPage) -> Iterator[Problem]:
    """Without ``alt``, screen readers read the file name or say nothing useful.

    As in axe-core, ``aria-label``, ``aria-labelledby`` or ``title`` also name an
    image, and hidden images are left alone.
    """
    for image in page.find("img"):
        alt = image.get("alt")
        name = PurePosixPath(urlsplit(image.get("src") or "").path).name or "an image"
        if alt and not alt.strip() and not _hidden(page, image):
            # axe-core's alt-space-value: spaces are neither a text nor "decorative"
            yield Problem(f"<img> ({name}) has an alt of spaces only", page.locate(image))
            continue
        # role none or presentation does not hold on a focusable image or one with
        # global ARIA attributes (ARIA's conflict resolution)
        presentational = _explicit_role(image) in ("presentation", "none")
        if alt is None and not (presentational and not _conflicts(image)):
            if _label(page, image).strip() or (image.get("title") or "").strip():
                continue
            if _hidden(page, image):
                continue
            yield Problem(f"<img> ({name}) has no alt attribute", page.locate(image))


@rule(
    "html-img-alt-filename",
    target="html",
    severity="warning",
    summary="Alt text is not a file name",
    fix="Replace the file name with a description of what the picture shows.",
    references=[wcag("1.1.1")],
    mirrors=["newsformats"],
)
def img_alt_filename(page: HtmlPage) -> Iterator[Problem]:
    """``alt="DSC_0042.jpg"`` tells a listener nothing about the picture.

    A warning: stricter than axe-core, which passes any alt text, on purpose
    (WCAG's failure F30 is a file name as alt text), but a file name only
    suggests that the alt text describes nothing: a person must judge.

    The file name without its extension counts when it does not read as words
    (``DSC_0042``); ``alt="cover"`` for ``cover.svg`` may be a fair description.
    """
    for image in page.find("img"):
        alt = (image.get("alt") or "").strip()
        source = PurePosixPath(urlsplit(image.get("src") or "").path).name
        stem = PurePosixPath(source).stem
        machine_made = alt == stem and bool(re.search(r"[\d_]", stem))
        if alt and (IMAGE_NAME.search(alt) or alt == source or machine_made):
            yield Problem(f"the alt text {alt!r} is a file name", page.locate(image))


@rule(
    "html-img-alt-caption",
    target="html",
    severity="warning",
    summary="Alt text does not repeat the caption",
    fix="Say in the alt text what the picture shows; leave the news in the caption.",
    references=[wcag("1.1.1")],
    mirrors=["newsformats"],
)
def img_alt_caption(page: HtmlPage) -> Iterator[Problem]:
    """A screen reader reads both: the same sentence twice wastes the listener's time."""
    for figure in page.find("figure"):
        captions = [c for c in figure.iter("figcaption")]
        if not captions:
            continue
        caption = _normalise(text_of(captions[0]))
        for image in figure.iter("img"):
            alt = _normalise(image.get("alt") or "")
            if alt and alt == caption:
                yield Problem("the alt text repeats the caption word for word", page.locate(image))


@rule(
    "html-img-alt-long",
    target="html",
    severity="warning",
    summary=f"Alt text is at most {ALT_MAX} characters",
    fix="Keep the alt text short; put a longer description in the caption or the text.",
    references=[wcag("1.1.1")],
    mirrors=["newsformats"],
)
def img_alt_long(page: HtmlPage) -> Iterator[Problem]:
    """Long alt text cannot be paused or navigated by screen reader users."""
    for image in page.find("img"):
        alt = " ".join((image.get("alt") or "").split())
        if len(alt) > ALT_MAX:
            yield Problem(f"the alt text has {len(alt)} characters", page.locate(image))


# elements whose text alternative their own rules judge (axe-core's role-img-alt leaves them)
OWN_ALT_RULES = ("img", "area", "input", "object")


@rule(
    "html-svg-img-alt",
    target="html",
    severity="error",
    summary='Images made with `role="img"` (an `<svg>`, a `<div>`) have a text alternative',
    fix="Give the element a <title> (for an <svg>), an aria-label or aria-labelledby.",
    references=[wcag("1.1.1")],
    mirrors=["axe/svg-img-alt", "axe/role-img-alt", "ace/svg-img-alt"],
)
def svg_img_alt(page: HtmlPage) -> Iterator[Problem]:
    """An element announced as an image, with no name, is just "image"."""
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        role = _single_role(element)
        if role not in ("img", "graphics-document", "graphics-symbol") or not _image_role_judged(
            element, role
        ):
            continue
        if element.tag in OWN_ALT_RULES or _hidden(page, element):
            continue  # an img, area, input or object is judged by its own rule, as in axe-core
        named = _label(page, element).strip() or (element.get("title") or "").strip()
        named = named or _svg_title(element)
        if not named:
            yield Problem(
                f'<{element.tag} role="{role}"> has no text alternative', page.locate(element)
            )


def _image_role_judged(element: etree._Element, role: str) -> bool:
    """Whether axe-core asks this image role for a name: ``img`` anywhere, but the SVG
    graphics roles only in SVG (``graphics-symbol`` on an ``<svg>`` or inside one,
    ``graphics-document`` on an ``<svg>`` itself); on HTML elements they name nothing
    the rules know (svg-img-alt's selector and namespace test)."""
    if role == "img":
        return True
    if role == "graphics-document":
        return element.tag == "svg"
    return element.tag == "svg" or any(a.tag == "svg" for a in element.iterancestors())


@rule(
    "html-lists",
    target="html",
    severity="error",
    summary="Lists hold only list items, and list items stand in lists",
    fix="Put <li> only directly inside <ul>, <ol> or <menu>, and nothing else there.",
    references=[wcag("1.3.1")],
    mirrors=["axe/list", "axe/listitem", "axe/definition-list", "axe/dlitem"],
)
def lists(page: HtmlPage) -> Iterator[Problem]:
    """A screen reader announces "list, 3 items" from the markup; broken lists lose it."""
    for element in page.root.iter("ul", "ol", "li", "dl", "dt", "dd"):
        if element.get("role") is not None or _hidden(page, element):
            continue
        parent = element.getparent()
        if element.tag in ("ul", "ol", "dl"):
            problem = _list_content_problem(page, element)
            if problem:
                yield Problem(problem[0], page.locate(problem[1]))
        elif element.tag == "li":
            if parent is None or (
                parent.tag not in ("ul", "ol", "menu") and parent.get("role") != "list"
            ):
                yield Problem("<li> is not inside a list", page.locate(element))
        elif element.tag in ("dt", "dd"):
            if parent is not None and parent.tag == "div":
                parent = parent.getparent()
            if parent is None or parent.tag != "dl":
                yield Problem(f"<{element.tag}> is not inside a <dl>", page.locate(element))


def _list_content_problem(
    page: HtmlPage, element: etree._Element
) -> tuple[str, etree._Element] | None:
    """What a list holds that it may not, as axe-core's only-listitems and only-dlitems
    read it: text of its own, or a shown element that is no item (a ``dl``'s items may
    stand in ``div``s with no role, and be given the roles ``term``, ``definition``)."""
    for node, text in _list_content(element):
        if text.strip():
            return f"<{element.tag}> holds text outside its items", element
        if node is None or not isinstance(node.tag, str) or _hidden(page, node):
            continue
        if element.tag == "dl":
            role = _single_role(node)
            if (node.tag in ("dt", "dd") and role is None) or role in DL_ITEM_ROLES:
                continue
        elif node.tag == "li" or _any_role(page, node) == "listitem":
            continue
        return f"<{element.tag}> holds a <{node.tag}>", node
    return None


DL_ITEM_ROLES = ("definition", "term", "list")


def _list_content(
    element: etree._Element, flatten: bool = True
) -> Iterator[tuple[etree._Element | None, str]]:
    """The element's children and the text between them; a ``dl``'s ``div``s with no
    role give their own."""
    yield None, element.text or ""
    for kid in element:
        group = kid.tag == "div" and _single_role(kid) is None and kid.get("role") is None
        if flatten and element.tag == "dl" and group:
            yield from _list_content(kid, flatten=False)
        else:
            yield kid, ""
        yield None, kid.tail or ""


@rule(
    "html-form-labels",
    target="html",
    severity="error",
    summary="Form fields and buttons have names (a label, aria-label, or text)",
    fix="Tie each field to a <label for=…>, or give it aria-label; give buttons text.",
    references=[wcag("4.1.2"), wcag("1.3.1")],
    mirrors=[
        "axe/label",
        "axe/button-name",
        "axe/select-name",
        "axe/input-button-name",
        "axe/input-image-alt",
        "axe/summary-name",
    ],
)
def form_labels(page: HtmlPage) -> Iterator[Problem]:
    """A field announced only as "edit text" cannot be filled in knowingly."""
    # a label names its field when it is shown and has text (axe-core's explicit-label,
    # implicit-label and hidden-explicit-label)
    labelled = {
        label.get("for")
        for label in page.root.iter("label")
        if label.get("for") is not None and _naming_label(page, label)
    }
    for element in page.root.iter("input", "select", "textarea", "button", "summary"):
        kind = (element.get("type") or "").lower()
        if element.tag == "summary" and not _tabbable(page, element):
            continue  # only a details element's first summary is its button
        if kind == "hidden" or _hidden(page, element) or _in_shadow_host(page, element):
            continue  # a shadow tree may slot it into a label: that needs the script run
        presentational = _role(element) in ("none", "presentation")
        if presentational and element.get("disabled") is not None:
            continue  # a role none holds only where the control cannot take focus (ARIA's
            # conflict resolution: a field with tabindex="-1" still takes it, as axe-core reads)
        name = _label(page, element).strip() or (element.get("title") or "").strip()
        inside = next(element.iterancestors("label"), None)  # the nearest label around it
        wrapped = inside is not None and _naming_label(page, inside)
        if element.tag != "summary" and (element.get("id") in labelled or wrapped):
            name = name or "label"  # a <label> names buttons and selects too (axe-core)
        if element.tag in ("button", "summary"):
            name = name or _content_name(page, element)
        elif kind == "image":
            name = name or (element.get("alt") or "").strip()
        elif kind in ("submit", "reset", "button"):
            # a <button>'s value is its form data, an input button's value its text
            name = name or (element.get("value") or "").strip()
            if kind in ("submit", "reset") and element.get("value") is None:
                name = name or kind  # browsers name them "Submit", "Reset"
        elif element.tag != "select":
            name = name or (element.get("placeholder") or "").strip()
        if not name:
            yield Problem(f"<{element.tag}> has no name", page.locate(element))


def _naming_label(page: HtmlPage, label: etree._Element) -> bool:
    return not _not_shown(page, label) and bool(
        _label(page, label).strip() or _content_name(page, label).strip()
    )


@rule(
    "html-link-name",
    target="html",
    severity="error",
    summary="Every link has text (or a text alternative)",
    fix="Give the link visible text, or alt text on its image, or an aria-label.",
    references=[wcag("2.4.4"), wcag("4.1.2")],
    mirrors=["axe/link-name"],
)
def link_name(page: HtmlPage) -> Iterator[Problem]:
    """A link without a name is announced as just "link"."""
    for link in page.find("a"):
        if _hidden(page, link):
            continue
        if link.get("href") is not None and not _accessible_name(page, link):
            yield Problem(f"the link to {link.get('href')!r} has no text", page.locate(link))


@rule(
    "html-link-text",
    target="html",
    severity="warning",
    summary='Link text says where the link goes (not "click here")',
    fix='Use words that name the destination, e.g. "the full report" instead of "here".',
    references=[wcag("2.4.4")],
    mirrors=["newsformats"],
)
def link_text(page: HtmlPage) -> Iterator[Problem]:
    """Screen reader users often list a page's links out of context."""
    for link in page.find("a"):
        name = _normalise(_accessible_name(page, link))
        if link.get("href") is not None and name in GENERIC_LINK_TEXT:
            yield Problem(f"the link text {name!r} does not say where it goes", page.locate(link))


@rule(
    "html-landmark-labels",
    target="html",
    severity="warning",
    summary="Several landmarks of one kind carry distinct labels",
    fix='Give each one a distinct aria-label (or aria-labelledby), e.g. "Sections" and "Related".',
    references=[wcag("1.3.1"), wcag("2.4.1")],
    mirrors=["axe/landmark-unique"],
)
def landmark_labels(page: HtmlPage) -> Iterator[Problem]:
    """Two navigation landmarks both announced as "navigation" cannot be told apart.

    A warning, as in axe-core (a best practice).
    """
    groups: dict[str, list[etree._Element]] = defaultdict(list)
    for element in page.root.iter():
        role = _landmark_role(page, element)
        if role:
            groups[role].append(element)
    for role, elements in groups.items():
        if len(elements) < 2:
            continue
        seen: dict[str, etree._Element] = {}
        for element in elements:
            # In an EPUB navigation document, epub:type (toc, landmarks) tells navs apart.
            label = _normalise(_label(page, element) or element.get(EPUB_TYPE) or "")
            if label in seen:
                what = f"the label {label!r}" if label else "no label"
                yield Problem(
                    f"{len(elements)} {role} landmarks; this one has {what}, like another",
                    page.locate(element),
                )
            seen.setdefault(label, element)


@rule(
    "html-frame-title",
    target="html",
    severity="error",
    summary="Every `<iframe>` and `<frame>` has an accessible name (`title`)",
    fix='Give the frame a title="…" that says what it holds (e.g. "Map of the route").',
    references=[wcag("4.1.2")],
    mirrors=["axe/frame-title"],
)
def frame_title(page: HtmlPage) -> Iterator[Problem]:
    """A frame without a name is announced as "frame", with nothing to tell what is in it.

    Frames taken out of the tab order (``tabindex="-1"``) or marked
    presentational are skipped, as in axe-core.
    """
    for frame in page.root.iter("iframe", "frame"):
        tabindex = (frame.get("tabindex") or "").strip()
        if tabindex.lstrip("-").isdigit() and int(tabindex) < 0:
            continue
        if _role(frame) in ("presentation", "none") or _hidden(page, frame):
            continue
        if not ((frame.get("title") or "").strip() or _label(page, frame).strip()):
            yield Problem("the frame has no title", page.locate(frame))


@rule(
    "html-page-has-heading-one",
    target="html",
    severity="warning",
    summary="The page has a level-one heading",
    fix="Mark the headline up as <h1>.",
    references=[wcag("1.3.1"), wcag("2.4.6")],
    in_epub=False,
    mirrors=["axe/page-has-heading-one"],
)
def page_has_heading_one(page: HtmlPage) -> Iterator[Problem]:
    """Screen reader users jump to the first ``<h1>`` to reach the story.

    A warning, as in axe-core (a best practice).
    """
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "h1" and _role(element) in (None, "heading"):
            return
        if _role(element) == "heading" and element.get("aria-level", "").strip() == "1":
            return
    yield Problem("the page has no <h1>", page.locate(page.root))


TOP_LEVEL_LANDMARKS = ("banner", "contentinfo", "main", "complementary")


@rule(
    "html-landmark-top-level",
    target="html",
    severity="warning",
    summary="Banner, main, complementary and contentinfo landmarks are not inside another landmark",
    fix="Move the <header>, <main>, <aside> or <footer> out of the other landmark.",
    references=[wcag("1.3.1")],
    in_epub=False,
    mirrors=[
        "axe/landmark-banner-is-top-level",
        "axe/landmark-contentinfo-is-top-level",
        "axe/landmark-main-is-top-level",
        "axe/landmark-complementary-is-top-level",
    ],
)
def landmark_top_level(page: HtmlPage) -> Iterator[Problem]:
    """A landmark nested in another is hard to find in a screen reader's landmark list.

    A warning, as in axe-core (a best practice).
    """
    for element in page.root.iter():
        role = _landmark_role(page, element)
        if role not in TOP_LEVEL_LANDMARKS:
            continue
        outer = next((a for a in element.iterancestors() if _landmark_role(page, a)), None)
        if outer is not None:
            yield Problem(
                f"the {role} landmark is inside a {_landmark_role(page, outer)} landmark",
                page.locate(element),
            )


@rule(
    "html-region",
    target="html",
    severity="warning",
    summary="All text of the page is inside landmarks",
    fix="Put every part of the page in <header>, <nav>, <main>, <aside> or <footer>.",
    references=[wcag("1.3.1")],
    in_epub=False,
    mirrors=["axe/region"],
)
def region(page: HtmlPage) -> Iterator[Problem]:
    """Text outside every landmark is missed by those who move from landmark to landmark.

    A warning, as in axe-core (a best practice). Skip links and hidden content
    are allowed outside.
    """
    body = next(page.root.iter("body"), None)
    if body is None:
        return
    outside: list[etree._Element] = []

    def visit(element: etree._Element) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child.tag in ("script", "style", "template"):
                continue
            if child.get("hidden") is not None or child.get("aria-hidden") == "true":
                continue
            if _landmark_role(page, child) or (
                child.tag == "a" and (child.get("href") or "").startswith("#")
            ):
                continue
            if (child.text or "").strip() or any(
                (c.tail or "").strip() for c in child if isinstance(c.tag, str)
            ):
                outside.append(child)
                continue
            if child.tag in ("img", "iframe", "video", "audio", "svg", "canvas"):
                outside.append(child)
                continue
            visit(child)

    visit(body)
    if (body.text or "").strip():
        outside.insert(0, body)
    if outside:
        more = f" (and {len(outside) - 1} more)" if len(outside) > 1 else ""
        yield Problem(f"content outside every landmark{more}", page.locate(outside[0]))


# ARIA 1.2 roles (WAI-ARIA, DPUB-ARIA, Graphics ARIA) and the states they require.
ARIA_ROLES = {
    "alert", "alertdialog", "application", "article", "banner", "blockquote", "button",
    "caption", "cell", "checkbox", "code", "columnheader", "combobox", "complementary",
    "contentinfo", "definition", "deletion", "dialog", "directory", "document", "emphasis",
    "feed", "figure", "form", "generic", "grid", "gridcell", "group", "heading", "img",
    "insertion", "link", "list", "listbox", "listitem", "log", "main", "mark", "marquee",
    "math", "menu", "menubar", "menuitem", "menuitemcheckbox", "menuitemradio", "meter",
    "navigation", "none", "note", "option", "paragraph", "presentation", "progressbar",
    "radio", "radiogroup", "region", "row", "rowgroup", "rowheader", "scrollbar", "search",
    "searchbox", "separator", "slider", "spinbutton", "status", "strong", "subscript",
    "superscript", "switch", "tab", "table", "tablist", "tabpanel", "term", "textbox", "time",
    "timer", "toolbar", "tooltip", "tree", "treegrid", "treeitem", "graphics-document",
    "graphics-object", "graphics-symbol", "doc-abstract", "doc-acknowledgments",
    "doc-afterword", "doc-appendix", "doc-backlink", "doc-biblioentry", "doc-bibliography",
    "doc-biblioref", "doc-chapter", "doc-colophon", "doc-conclusion", "doc-cover",
    "doc-credit", "doc-credits", "doc-dedication", "doc-endnote", "doc-endnotes",
    "doc-epigraph", "doc-epilogue", "doc-errata", "doc-example", "doc-footnote",
    "doc-foreword", "doc-glossary", "doc-glossref", "doc-index", "doc-introduction",
    "doc-noteref", "doc-notice", "doc-pagebreak", "doc-pagefooter", "doc-pageheader",
    "doc-pagelist", "doc-part", "doc-preface", "doc-prologue", "doc-pullquote", "doc-qna",
    "doc-subtitle", "doc-tip", "doc-toc",
}  # fmt: skip
DEPRECATED_ROLES = {"directory", "doc-biblioentry", "doc-endnote"}
REQUIRED_STATES = {
    "checkbox": ("aria-checked",),
    "combobox": ("aria-expanded", "aria-controls"),
    "heading": ("aria-level",),
    "menuitemcheckbox": ("aria-checked",),
    "menuitemradio": ("aria-checked",),
    "meter": ("aria-valuenow",),
    "radio": ("aria-checked",),
    "scrollbar": ("aria-valuenow",),
    "separator": ("aria-valuenow",),
    "slider": ("aria-valuenow",),
    "switch": ("aria-checked",),
}
# the states HTML elements have natively, which need no attribute (axe-core's html-elms)
NATIVE_STATES = {
    "select": ("aria-valuenow",), "textarea": ("aria-valuenow",), "option": ("aria-selected",),
    "progress": ("aria-valuemax", "aria-valuemin", "aria-valuenow"),
}  # fmt: skip
# ARIA 1.2 roles whose children are presentational, and the roles of type widget (axe-core)
CHILDREN_PRESENTATIONAL = {
    "button", "checkbox", "img", "math", "menuitemcheckbox", "menuitemradio", "meter",
    "option", "progressbar", "radio", "scrollbar", "separator", "slider", "switch", "tab",
}  # fmt: skip
WIDGET_ROLES = {
    "button", "checkbox", "combobox", "gridcell", "link", "listbox", "menuitem",
    "menuitemcheckbox", "menuitemradio", "option", "progressbar", "radio", "scrollbar",
    "searchbox", "slider", "spinbutton", "switch", "tab", "textbox", "treeitem",
}  # fmt: skip


@rule(
    "html-aria-roles",
    target="html",
    severity="error",
    summary="Every `role` names an ARIA role that exists, and none is abstract",
    fix='Use a role of WAI-ARIA 1.2 or DPUB-ARIA (role="doc-chapter"), never an abstract '
    "one (widget, landmark), or remove it.",
    references=[wcag("4.1.2")],
    mirrors=["axe/aria-roles", "ace/aria-roles"],
)
def aria_roles(page: HtmlPage) -> Iterator[Problem]:
    """A misspelt role gives the element no role at all (the first known one counts)."""
    for element in page.root.iter():
        if not isinstance(element.tag, str) or element.get("role") is None:
            continue
        roles = (element.get("role") or "").lower().split()
        if not roles or _hidden(page, element):
            continue
        # as written: axe-core finds an abstract role in lower case only
        abstract = [r for r in (element.get("role") or "").split() if r in ABSTRACT_ROLES]
        if abstract:
            yield Problem(
                f"role={element.get('role')!r}: {abstract[0]!r} is an abstract ARIA role, "
                "for the specification's own use",
                page.locate(element),
            )
        elif not any(r in AUTHOR_ROLES for r in roles):
            known = [r for r in roles if r in BROWSER_ONLY_ROLES]
            why = "is a role for browsers, not authors" if known else "is not an ARIA role"
            yield Problem(f"role={element.get('role')!r} {why}", page.locate(element))


# ARIA 1.2 roles that authors should not write (the role a browser gives a <div> or a
# <span>); axe-core's aria-roles knows no such role
BROWSER_ONLY_ROLES = frozenset({"generic"})
# ARIA 1.3's new roles, which axe-core 4.14 knows: valid for html-aria-roles, and no
# other rule judges them yet
ARIA_1_3_ROLES = frozenset({"comment", "sectionfooter", "sectionheader", "suggestion", "text"})
AUTHOR_ROLES = (ARIA_ROLES | ARIA_1_3_ROLES) - BROWSER_ONLY_ROLES
# the roles that organise the ARIA taxonomy; an author who writes one fails even beside
# a valid role (axe-core's abstractrole)
ABSTRACT_ROLES = frozenset({
    "command", "composite", "input", "landmark", "range", "roletype", "section",
    "sectionhead", "select", "structure", "widget", "window",
})  # fmt: skip


BOOLEAN = ("true", "false")
# The values each ARIA 1.2 state and property takes (token lists and numbers); any
# value is allowed for the rest (strings and id references).
ARIA_VALUES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("aria-atomic", "aria-busy", "aria-disabled", "aria-modal", "aria-multiline",
         "aria-multiselectable", "aria-readonly", "aria-required"),
        BOOLEAN,
    ),
    **dict.fromkeys(("aria-expanded", "aria-hidden", "aria-selected", "aria-grabbed"),
                    (*BOOLEAN, "undefined")),
    **dict.fromkeys(("aria-checked", "aria-pressed"), (*BOOLEAN, "mixed", "undefined")),
    "aria-autocomplete": ("inline", "list", "both", "none"),
    "aria-current": ("page", "step", "location", "date", "time", *BOOLEAN),
    "aria-haspopup": (*BOOLEAN, "menu", "listbox", "tree", "grid", "dialog"),
    "aria-invalid": ("grammar", "spelling", *BOOLEAN),
    "aria-live": ("assertive", "off", "polite"),
    "aria-orientation": ("horizontal", "vertical", "undefined"),
    "aria-sort": ("ascending", "descending", "none", "other"),
}  # fmt: skip
ARIA_TOKEN_LISTS = {
    "aria-dropeffect": ("copy", "execute", "link", "move", "none", "popup"),
    "aria-relevant": ("additions", "all", "removals", "text"),
}
ARIA_NUMBERS = ("aria-valuemin", "aria-valuemax", "aria-valuenow")
# integers, and the least each may be
ARIA_INTEGERS = {
    "aria-level": 1, "aria-posinset": 1, "aria-setsize": -1, "aria-colcount": -1,
    "aria-colindex": 1, "aria-colspan": 1, "aria-rowcount": -1, "aria-rowindex": 1,
    "aria-rowspan": 0,
}  # fmt: skip
# id references judged (aria-labelledby, aria-describedby: review; aria-errormessage: skipped)
ARIA_ID_LISTS = ("aria-controls", "aria-owns", "aria-flowto")
ARIA_ID_REFERENCES = ("aria-activedescendant", "aria-details", *ARIA_ID_LISTS)
# every ARIA 1.2 state and property (with ARIA 1.3's braille and description ones, which
# axe-core knows)
ARIA_ATTRIBUTES = frozenset(
    (*ARIA_VALUES, *ARIA_TOKEN_LISTS, *ARIA_NUMBERS, *ARIA_INTEGERS, *ARIA_ID_REFERENCES,
     "aria-braillelabel", "aria-brailleroledescription", "aria-describedby",
     "aria-description", "aria-errormessage", "aria-keyshortcuts", "aria-label",
     "aria-labelledby", "aria-placeholder", "aria-roledescription", "aria-valuetext")
)  # fmt: skip
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


@rule(
    "html-aria-valid-attr",
    target="html",
    severity="error",
    summary="Every `aria-` attribute is a state or property of WAI-ARIA",
    fix="Correct the name (aria-labelledby, not aria-labeledby) or remove the attribute.",
    references=[wcag("4.1.2")],
    mirrors=["axe/aria-valid-attr", "ace/aria-valid-attr"],
)
def aria_valid_attr(page: HtmlPage) -> Iterator[Problem]:
    """A misspelt state is ignored: the control says nothing of it.

    As axe-core, hidden elements are not judged.
    """
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        unknown = [
            str(n)
            for n in element.attrib
            if str(n).startswith("aria-") and n not in ARIA_ATTRIBUTES
        ]
        if unknown and not _hidden(page, element):
            yield Problem(f"{', '.join(unknown)}: no such ARIA attribute", page.locate(element))


@rule(
    "html-aria-valid-attr-value",
    target="html",
    severity="error",
    summary='ARIA states and properties have values of their type (`aria-pressed="true"`, '
    "`aria-valuenow` a number)",
    fix="Use one of the values WAI-ARIA lists for the attribute, or a number where it asks "
    "for one.",
    references=[wcag("4.1.2")],
    mirrors=["axe/aria-valid-attr-value"],
)
def aria_valid_attr_value(page: HtmlPage) -> Iterator[Problem]:
    """An unknown value leaves a screen reader to guess, or to ignore the state.

    As axe-core: token lists, numbers (integers at least their minimum), and id
    references: ``aria-activedescendant`` and ``aria-details`` must name an element
    of the page, ``aria-controls``, ``aria-owns`` and ``aria-flowto`` at least one
    (``aria-controls`` of a closed or popup control, and ``aria-owns`` of a closed
    one, may name content not loaded yet); ``aria-labelledby`` and
    ``aria-describedby`` are left for review, as are empty values. Hidden elements
    are not judged.
    """
    ids: set[str] | None = None
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        for key, raw in element.attrib.items():
            name, written = str(key), str(raw)
            value = written.strip().lower()
            if not name.startswith("aria-") or not value:
                continue
            allowed = ARIA_VALUES.get(name)
            if allowed is not None:
                bad = value not in allowed
            elif name in ARIA_TOKEN_LISTS:
                bad = any(token not in ARIA_TOKEN_LISTS[name] for token in value.split())
            elif name in ARIA_NUMBERS:
                bad = not NUMBER.match(value)
            elif name in ARIA_INTEGERS:
                bad = not value.lstrip("+-").isdigit() or int(value) < ARIA_INTEGERS[name]
            elif name in ARIA_ID_REFERENCES and _references_judged(element, name):
                if ids is None:
                    ids = {str(e.get("id")) for e in page.root.iter() if e.get("id") is not None}
                refs = written.split() if name in ARIA_ID_LISTS else [written.strip()]
                bad = not any(ref in ids for ref in refs)
            else:
                continue
            if bad and not _hidden(page, element):
                yield Problem(f'{name}="{written}" is not a value it takes', page.locate(element))


def _references_judged(element: etree._Element, name: str) -> bool:
    """Whether the id references of ``name`` must already be in the page (axe-core)."""
    closed = element.get("aria-expanded") == "false"
    if name == "aria-controls":
        popup = element.get("aria-haspopup") not in (None, "false")
        return not (closed or popup or element.get("aria-selected") == "false")
    return not (name == "aria-owns" and closed)


@rule(
    "html-td-headers",
    target="html",
    severity="error",
    summary="A cell's `headers` names only other cells of its own table",
    fix="Point headers at the ids of the header cells of the same table.",
    references=[wcag("1.3.1")],
    mirrors=["axe/td-headers-attr"],
)
def td_headers(page: HtmlPage) -> Iterator[Problem]:
    """A header that is not in the table is never announced with the cell.

    Nor is a cell that is not a header (HTML: ``headers`` names ``th`` cells; axe-core
    and ACT: cells whose role is ``columnheader`` or ``rowheader``). A table made
    presentational (``role="none"``) is no table to judge.
    """
    for table in page.root.iter("table"):
        if _explicit_role(table) in ("none", "presentation") and not _conflicts(table):
            continue
        cells = [
            c for c in table.iter("td", "th")
            if next((a for a in c.iterancestors("table")), None) is table
        ]  # fmt: skip
        ids = {c.get("id") for c in cells if c.get("id")}
        headers = {c.get("id") for c in cells if c.get("id") and _header_cell(c)}
        for cell in cells:
            names = (cell.get("headers") or "").split()
            wrong = [n for n in names if n not in ids or n == cell.get("id")]
            if wrong and not _hidden(page, table):
                yield Problem(
                    f"headers names {', '.join(wrong[:3])}, not another cell of this table",
                    page.locate(cell),
                )
            elif [n for n in names if n not in headers] and not _hidden(page, table):
                plain = [n for n in names if n not in headers]
                yield Problem(
                    f"headers names {', '.join(plain[:3])}, a cell that is no header",
                    page.locate(cell),
                )


def _header_cell(cell: etree._Element) -> bool:
    """A ``th``, or a cell whose ARIA role makes it a column or row header."""
    role = _explicit_role(cell)
    if role in ("columnheader", "rowheader"):
        return True
    return cell.tag == "th" and role in (None, "columnheader", "rowheader")


@rule(
    "html-aria-deprecated-role",
    target="html",
    severity="warning",
    summary="No deprecated ARIA role (`directory`, `doc-biblioentry`, `doc-endnote`)",
    fix="Use list/listitem for bibliography entries and endnotes instead.",
    references=[wcag("4.1.2")],
    mirrors=["axe/aria-deprecated-role", "ace/aria-deprecated-role"],
)
def aria_deprecated_role(page: HtmlPage) -> Iterator[Problem]:
    """Deprecated roles may not be announced by newer screen readers. A warning, as in axe."""
    for element in page.root.iter():
        role = _role(element) if isinstance(element.tag, str) and element.get("role") else None
        if role in DEPRECATED_ROLES:
            yield Problem(f"role={role!r} is deprecated", page.locate(element))


@rule(
    "html-aria-required-attr",
    target="html",
    severity="error",
    summary="Elements with an ARIA role have the states the role requires",
    fix='Add the state, e.g. aria-level="2" on role="heading", aria-checked on role="checkbox".',
    references=[wcag("4.1.2")],
    mirrors=["axe/aria-required-attr"],
)
def aria_required_attr(page: HtmlPage) -> Iterator[Problem]:
    """Without its required state, a widget cannot say what it is (checked? which level?).

    As axe-core: the role is the ``role`` attribute when it names one role (a list
    of fallbacks gives none); a state the element has natively counts (a heading's
    level, a checkbox input's ``checked``), an empty value does not; a combobox that
    says it is closed (``aria-expanded="false"``), a separator that takes no focus and
    a slider with ``aria-valuetext`` need nothing more; hidden elements are not judged.
    """
    for element in page.root.iter():
        role = _single_role(element)
        if role not in REQUIRED_STATES or _hidden(page, element):
            continue
        if role == "separator" and not _takes_focus(element):
            continue  # a focusable separator is a widget (ARIA 1.2), a static one is not
        if role == "combobox" and element.get("aria-expanded") == "false":
            continue
        if role == "slider" and (element.get("aria-valuetext") or "").strip():
            continue  # a seek slider may say its value in words only (axe-core)
        native = _native_states(element)
        missing = [a for a in REQUIRED_STATES[role] if not element.get(a) and a not in native]
        if missing:
            yield Problem(f"role={role!r} without {', '.join(missing)}", page.locate(element))


def _native_states(element: etree._Element) -> tuple[str, ...]:
    """The ARIA states an HTML element has of itself (axe-core's implicit attributes)."""
    tag = str(element.tag)
    if re.fullmatch(r"h[1-6]", tag):
        return ("aria-level",)
    if tag == "input":
        kind = (element.get("type") or "").lower()
        return ("aria-checked",) if kind in ("checkbox", "radio") else ("aria-valuenow",)
    return NATIVE_STATES.get(tag, ())


def _single_role(element: etree._Element) -> str | None:
    """The role as axe-core reads ``role`` for most rules: one ARIA role, or none at all
    (a list of fallbacks, ``role="tab menuitem"``, gives no role)."""
    if not isinstance(element.tag, str):
        return None
    role = (element.get("role") or "").strip().lower()
    return role if role in ARIA_ROLES else None


@rule(
    "html-aria-hidden-body",
    target="html",
    severity="error",
    summary='`<body>` is not `aria-hidden="true"`',
    fix="Remove aria-hidden from <body>.",
    references=[wcag("4.1.2"), wcag("1.3.1")],
    mirrors=["axe/aria-hidden-body"],
)
def aria_hidden_body(page: HtmlPage) -> Iterator[Problem]:
    """A hidden body hides the whole page from screen readers."""
    for body in page.root.iter("body"):
        if (body.get("aria-hidden") or "").strip().lower() == "true":
            yield Problem('<body aria-hidden="true"> hides the page', page.locate(body))


@rule(
    "html-nested-interactive",
    target="html",
    severity="error",
    summary="Links and buttons do not contain other focusable controls",
    fix="Move the inner link or control out of the outer one.",
    references=[wcag("4.1.2")],
    mirrors=["axe/nested-interactive"],
)
def nested_interactive(page: HtmlPage) -> Iterator[Problem]:
    """A control inside a control is announced as one, and the inner one cannot be reached.

    As axe-core reads ARIA 1.2: only roles whose children are presentational (a
    ``button``, a ``checkbox``, a ``tab``; not a ``link``, ``textbox`` or ``combobox``)
    may hold no control, and only a focusable element with a widget role counts as
    one (a ``div`` with ``tabindex`` and no role does not; what it holds may).
    """
    for element in page.root.iter():
        if _any_role(page, element) not in CHILDREN_PRESENTATIONAL or _hidden(page, element):
            continue
        inner = next(_focusable_widgets(page, element), None)
        if inner is not None:
            yield Problem(
                f"<{element.tag}> contains the focusable <{inner.tag}>", page.locate(element)
            )


def _focusable_widgets(page: HtmlPage, element: etree._Element) -> Iterator[etree._Element]:
    """The outermost focusable descendants with a widget role (axe-core's no-focusable-content)."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if _any_role(page, child) in WIDGET_ROLES and _focus_possible(page, child):
            yield child
        else:
            yield from _focusable_widgets(page, child)


def _focus_possible(page: HtmlPage, element: etree._Element) -> bool:
    """Focusable by keyboard or by a script, and neither disabled nor hidden from everyone."""
    area = element.tag == "area" and element.get("href") is not None
    if not (_takes_focus(element) or area) or _disabled(element, aria=False):
        return False
    return not _not_shown(page, element)


@rule(
    "html-meta-refresh",
    target="html",
    severity="error",
    summary="The page does not refresh or redirect itself after a delay",
    fix='Remove <meta http-equiv="refresh">, or redirect at once (content="0; url=…").',
    references=[wcag("2.2.1")],
    mirrors=["axe/meta-refresh"],
)
def meta_refresh(page: HtmlPage) -> Iterator[Problem]:
    """A timed refresh moves a screen reader user away while reading.

    As axe-core, only ``http-equiv="refresh"`` as written here; another spelling
    (``Refresh``) is ``html-meta-refresh-any-case``'s, a warning.
    """
    yield from _timed_refreshes(page, lambda value: value == "refresh")


@rule(
    "html-meta-refresh-any-case",
    target="html",
    severity="warning",
    summary='No delayed refresh or redirect whatever the case of `http-equiv` ("Refresh")',
    fix='Remove <meta http-equiv="Refresh">, or redirect at once (content="0; url=…").',
    references=[wcag("2.2.1")],
    mirrors=["newsformats"],
)
def meta_refresh_any_case(page: HtmlPage) -> Iterator[Problem]:
    """``http-equiv`` is matched in any case by browsers, which refresh on ``Refresh``.

    A warning: stricter than axe-core on purpose, whose selector
    (``meta[http-equiv="refresh"]``) matches the lower-case value only.
    """
    yield from _timed_refreshes(page, lambda value: value.strip().lower() == "refresh" != value)


def _timed_refreshes(page: HtmlPage, refresh: Callable[[str], bool]) -> Iterator[Problem]:
    """``<meta>`` refreshes after a delay (more than none, at most 20 hours, as axe-core)."""
    for meta in page.root.iter("meta"):
        if not refresh(meta.get("http-equiv") or ""):
            continue
        match = re.match(r"\s*(\d+(?:\.\d*)?)", meta.get("content") or "")
        if match and 0 < float(match.group(1)) <= 72000:
            yield Problem(f"the page refreshes after {match.group(1)} seconds", page.locate(meta))


@rule(
    "html-moving-text",
    target="html",
    severity="error",
    summary="No `<marquee>` or `<blink>` element",
    fix="Show the text still; if it must move, use a script with a pause button.",
    references=[wcag("2.2.2")],
    mirrors=["axe/marquee", "axe/blink"],
)
def moving_text(page: HtmlPage) -> Iterator[Problem]:
    """Text that scrolls or blinks cannot be paused, and cannot be read by many.

    As axe-core judges them, only the ones shown on screen count.
    """
    for element in page.root.iter("marquee", "blink"):
        rendered = _rendered(page, element)
        if rendered is not None and (rendered.hidden or rendered.offscreen):
            continue
        yield Problem(f"<{element.tag}> moves its text", page.locate(element))


@rule(
    "html-area-alt",
    target="html",
    severity="error",
    summary="Every link area of an image map has a text alternative",
    fix='Give each <area href=…> an alt="…" that says where it leads.',
    references=[wcag("2.4.4"), wcag("4.1.2")],
    mirrors=["axe/area-alt"],
)
def area_alt(page: HtmlPage) -> Iterator[Problem]:
    """An image map's area with no name is announced as a bare link.

    As axe-core: ``alt``, ``aria-label``, ``aria-labelledby`` or ``title`` name it,
    hidden or not.
    """
    for area in page.root.iter("area"):
        if area.get("href") is None or not any(a.tag == "map" for a in area.iterancestors()):
            continue
        if (area.get("alt") or "").strip() or (area.get("title") or "").strip():
            continue
        if not _label(page, area).strip():
            yield Problem(
                f"the area linking to {area.get('href')!r} has no text", page.locate(area)
            )


# Attributes ARIA 1.2 gives a row only in a tree grid.
TREEGRID_ROW_ATTRIBUTES = ("aria-posinset", "aria-setsize", "aria-expanded", "aria-level")


@rule(
    "html-aria-conditional-attr",
    target="html",
    severity="error",
    summary="ARIA states agree with their element: `aria-checked` with a checkbox's own "
    "state, tree-grid attributes only on rows of a tree grid",
    fix="Drop aria-checked from native checkboxes (or keep it equal to checked); use "
    "aria-level, aria-expanded, aria-posinset and aria-setsize on rows of a treegrid only.",
    references=[wcag("4.1.2")],
    in_epub=False,
    mirrors=["axe/aria-conditional-attr"],
)
def aria_conditional_attr(page: HtmlPage) -> Iterator[Problem]:
    """A screen reader says "checked" of a box that is not, or a level a table row lacks."""
    for element in page.root.iter():
        if not isinstance(element.tag, str) or _hidden(page, element):
            continue
        role = _any_role(page, element)
        checked = (element.get("aria-checked") or "").strip().lower()
        native = (element.get("type") or "").lower() == "checkbox" and element.tag == "input"
        if role == "checkbox" and native and checked:
            state = "true" if element.get("checked") is not None else "false"
            said = checked if checked in ("true", "mixed") else "false"
            if said != state:
                yield Problem(
                    f'aria-checked="{checked}" on a checkbox whose own state is {state}',
                    page.locate(element),
                )
        wrong = [a for a in TREEGRID_ROW_ATTRIBUTES if element.get(a) is not None]
        if role == "row" and wrong:
            owner = next(
                (
                    a
                    for a in [element, *element.iterancestors()]
                    if (a.tag == "table" and a.get("role") is None)
                    or {"treegrid", "table", "grid"} & set((a.get("role") or "").split())
                ),
                None,
            )
            owner_role = _any_role(page, owner) if owner is not None else None
            if owner_role is not None and owner_role != "treegrid":
                yield Problem(
                    f"{', '.join(wrong)} on a row of a {owner_role}, not of a treegrid",
                    page.locate(element),
                )


# The role-specific states and properties of WAI-ARIA 1.2 (own and inherited) for the
# attributes that belong to a few roles only; any other attribute is left alone.
# the elements of HTML (not SVG, MathML or EPUB's own)
HTML_TAGS = HTML_ELEMENTS - {"svg", "math", "switch", "case", "default", "trigger"}
_RANGE = ("meter", "progressbar", "scrollbar", "separator", "slider", "spinbutton")
_CELLS = ("cell", "columnheader", "gridcell", "rowheader")
_SELECTS = ("combobox", "listbox", "menu", "menubar", "radiogroup", "tree", "treegrid")
ROLE_ATTRIBUTES: dict[str, frozenset[str]] = {
    name: frozenset(roles)
    for name, roles in {
        "aria-checked": ("checkbox", "menuitemcheckbox", "menuitemradio", "option", "radio",
                         "switch", "treeitem"),
        "aria-pressed": ("button",),
        "aria-selected": ("columnheader", "gridcell", "option", "row", "rowheader", "tab",
                          "treeitem"),
        "aria-valuenow": _RANGE, "aria-valuemin": _RANGE, "aria-valuemax": _RANGE,
        "aria-valuetext": _RANGE,
        "aria-multiline": ("textbox", "searchbox"),
        "aria-placeholder": ("textbox", "searchbox"),
        "aria-multiselectable": ("grid", "listbox", "tablist", "tree", "treegrid"),
        "aria-sort": ("columnheader", "rowheader"),
        "aria-modal": ("alertdialog", "dialog"),
        "aria-colcount": ("grid", "table", "treegrid"),
        "aria-rowcount": ("grid", "table", "treegrid"),
        "aria-colspan": _CELLS, "aria-rowspan": _CELLS,
        "aria-colindex": (*_CELLS, "row"), "aria-rowindex": (*_CELLS, "row"),
        "aria-autocomplete": ("combobox", "searchbox", "textbox"),
        "aria-level": ("comment", "grid", "heading", "listitem", "row", "tablist", "treegrid",
                       "treeitem"),
        "aria-readonly": ("checkbox", "columnheader", "combobox", "grid", "gridcell",
                          "listbox", "menuitemcheckbox", "menuitemradio", "radiogroup",
                          "rowheader", "searchbox", "slider", "spinbutton", "switch",
                          "textbox", "treegrid"),
        "aria-required": ("checkbox", "columnheader", "combobox", "gridcell", "listbox",
                          "radio", "radiogroup", "rowheader", "searchbox", "slider",
                          "spinbutton", "switch", "textbox", "tree", "treegrid"),
        "aria-orientation": (*_SELECTS, "scrollbar", "separator", "slider", "tablist",
                             "toolbar"),
    }.items()
}  # fmt: skip


@rule(
    "html-aria-allowed-attr",
    target="html",
    severity="error",
    summary="Role-specific ARIA states and properties stand only on roles that have them "
    "(`aria-checked` on a checkbox, not a button)",
    fix="Give the element the role the attribute belongs to, or drop the attribute.",
    references=[wcag("4.1.2")],
    in_epub=False,
    mirrors=["axe/aria-allowed-attr"],
)
def aria_allowed_attr(page: HtmlPage) -> Iterator[Problem]:
    """A state that the role does not have is not announced, so its meaning is lost.

    Judged for the attributes of ``ROLE_ATTRIBUTES``, on the element's ARIA role
    (its own, or the implicit role of ``button``, ``input``, lists, tables…); an HTML
    element with no role (a ``div``, a ``br``) or a presentational one takes none of
    them, as axe-core reads it; an element of no HTML kind (a custom element) with no
    role and no focus is left alone (axe-core asks for a review).
    """
    for element in page.root.iter():
        if not isinstance(element.tag, str) or _hidden(page, element):
            continue
        names = [str(n) for n in element.attrib if str(n) in ROLE_ATTRIBUTES]
        if element.get("aria-required") == "false":
            names = [n for n in names if n != "aria-required"]  # ignored by screen readers
        if not names:
            continue
        role = _any_role(page, element)
        if role == "checkbox" and element.tag == "input":
            continue  # a native checkbox's aria-checked: html-aria-conditional-attr
        if role is None and element.tag not in HTML_TAGS and not _takes_focus(element):
            continue
        wrong = [n for n in names if role not in ROLE_ATTRIBUTES[n]]
        if wrong:
            on = f"role={role!r}" if role else f"<{element.tag}>, which has no role"
            yield Problem(f"{', '.join(wrong)} on {on}", page.locate(element))


# ARIA 1.2's required context roles and required owned elements, as axe-core lists them.
REQUIRED_CONTEXT: dict[str, tuple[str, ...]] = {
    "caption": ("figure", "table", "grid", "treegrid"),
    **dict.fromkeys(("cell", "columnheader", "gridcell", "rowheader"), ("row",)),
    "listitem": ("list",),
    **dict.fromkeys(
        ("menuitem", "menuitemcheckbox", "menuitemradio"), ("menu", "menubar", "group")
    ),
    "option": ("group", "listbox"),
    "row": ("grid", "rowgroup", "table", "treegrid"),
    "rowgroup": ("grid", "table", "treegrid"),
    "tab": ("tablist",),
    "treeitem": ("group", "tree"),
}  # fmt: skip
REQUIRED_OWNED: dict[str, tuple[str, ...]] = {
    "feed": ("article",),
    **dict.fromkeys(("grid", "table", "treegrid"), ("rowgroup", "row")),
    "list": ("listitem",),
    "listbox": ("group", "option"),
    **dict.fromkeys(
        ("menu", "menubar"),
        ("group", "menuitemradio", "menuitem", "menuitemcheckbox", "menu", "separator"),
    ),
    "row": ("cell", "columnheader", "gridcell", "rowheader"),
    "rowgroup": ("row",),
    "tablist": ("tab",),
    "tree": ("group", "treeitem"),
}  # fmt: skip
# Roles whose owned group may hold their own role (a treeitem in a tree's group).
OWN_GROUP_ROLES = ("listitem", "treeitem")
# Roles axe-core only asks to review, not fails, when they own nothing at all.
REVIEW_EMPTY = {
    "grid", "list", "listbox", "menu", "menubar", "table", "tablist", "tree", "treegrid",
    "rowgroup",
}  # fmt: skip
# Roles whose items a script adds as the reader goes (ARIA: a feed's articles are added
# and removed as the user scrolls): an empty one on a page that runs scripts is the
# markup before its script, which axe-core judges after it; left for review.
SCRIPT_FILLED = {"feed"}
GLOBAL_ARIA = (
    "aria-atomic", "aria-braillelabel", "aria-brailleroledescription", "aria-busy",
    "aria-controls", "aria-current", "aria-describedby", "aria-description", "aria-details",
    "aria-disabled", "aria-dropeffect", "aria-errormessage", "aria-flowto", "aria-grabbed",
    "aria-haspopup", "aria-hidden", "aria-invalid", "aria-keyshortcuts", "aria-label",
    "aria-labelledby", "aria-live", "aria-owns", "aria-relevant", "aria-roledescription",
)  # fmt: skip
# The implicit roles (HTML-AAM) that ARIA's ownership rules meet in practice.
IMPLICIT_ROLES = {
    "article": "article", "button": "button", "datalist": "listbox", "dd": "definition",
    "details": "group", "dialog": "dialog", "dt": "term", "fieldset": "group",
    "figure": "figure", "hr": "separator", "li": "listitem", "main": "main", "menu": "list",
    "meter": "meter", "nav": "navigation", "ol": "list", "optgroup": "group",
    "option": "option", "output": "status", "progress": "progressbar", "summary": "button",
    "table": "table", "tbody": "rowgroup", "textarea": "textbox", "tfoot": "rowgroup",
    "thead": "rowgroup", "tr": "row", "ul": "list", "body": "document", "dfn": "term",
    "math": "math", "search": "search",
}  # fmt: skip


@rule(
    "html-aria-required-context",
    target="html",
    severity="error",
    summary="ARIA roles stand in the roles they need (a `tab` in a `tablist`) and own the "
    "children theirs require (a `list` its `listitem`s)",
    fix='Put the element in its parent role (role="list" around role="listitem"), or give '
    "the container the children its role requires; do not put other roles between.",
    references=[wcag("1.3.1")],
    in_epub=False,
    mirrors=["axe/aria-required-parent", "axe/aria-required-children"],
)
def aria_required_context(page: HtmlPage) -> Iterator[Problem]:
    """A menu item outside a menu, or a list of no items, is announced without its place.

    As axe-core reads ARIA 1.2: only explicit roles are judged; elements with no
    role (a ``div``, a ``span``) between the two are passed over, a ``group``
    where the context allows one too; ``aria-owns`` counts as a parent. A
    container that owns nothing at all is left for review, as axe-core does, and so
    is an element whose ``role`` lists fallbacks (``role="tree navigation"``):
    axe-core takes no role from such a list here, and assistive technologies differ
    in which they take. An empty ``feed`` on a page that runs scripts is left for
    review too: a feed's script adds its articles, and axe-core judges the page after
    its scripts have run.
    """
    owners = {
        ident: element
        for element in page.root.iter()
        if isinstance(element.tag, str)
        for ident in (element.get("aria-owns") or "").split()
    }
    for element in page.root.iter():
        role = _explicit_role(element)
        if role not in REQUIRED_CONTEXT and role not in REQUIRED_OWNED:
            continue
        if (element.get("role") or "").strip().lower() != role:
            continue  # a list of fallback roles: axe-core judges one role alone
        if _hidden(page, element):
            continue
        if role in REQUIRED_CONTEXT and not _in_shadow_host(page, element):
            missing = _missing_context(page, element, role, owners)
            if missing:
                yield Problem(
                    f"role={role!r} is not inside {' or '.join(missing)}", page.locate(element)
                )
        if role in REQUIRED_OWNED and element not in _shadow_hosts(page):
            problem = _owned_problem(page, element, role)
            if problem:
                yield Problem(f"role={role!r} {problem}", page.locate(element))


def _explicit_role(element: etree._Element) -> str | None:
    """The ARIA role ``role`` names (``none`` and ``presentation`` too), as axe-core
    reads it for all but its role rules: a list of fallback roles names none."""
    return _single_role(element)


# Where a presentational parent makes its required children presentational (axe-core's
# reading of ARIA 1.2's conflict resolution): the parents each element inherits from.
PRESENTATION_CHAIN = {
    "td": ("tr",), "th": ("tr",), "tr": ("thead", "tbody", "tfoot", "table"),
    "thead": ("table",), "tbody": ("table",), "tfoot": ("table",), "li": ("ol", "ul"),
    "dt": ("dl", "div"), "dd": ("dl", "div"), "div": ("dl",),
}  # fmt: skip
INPUT_ROLES = {
    "checkbox": "checkbox", "number": "spinbutton", "radio": "radio", "range": "slider",
    "search": "searchbox", "button": "button", "image": "button", "reset": "button",
    "submit": "button",
}  # fmt: skip


def _any_role(page: HtmlPage, element: etree._Element) -> str | None:
    """The element's role as axe-core resolves it, or None for none, presentation or none
    at all: the explicit one, else (or when a presentational role is overridden by a
    global ARIA attribute or focus) the implicit one, unless inherited presentation."""
    if not isinstance(element.tag, str):
        return None
    explicit = _explicit_role(element)
    if explicit not in (None, "none", "presentation"):
        return explicit
    if explicit is not None and not _conflicts(element):
        return None
    implicit = _implicit_role(page, element)
    if implicit is None or _inherits_presentation(element):
        return None
    return implicit


def _conflicts(element: etree._Element) -> bool:
    return any(element.get(a) is not None for a in GLOBAL_ARIA) or _takes_focus(element)


def _inherits_presentation(element: etree._Element) -> bool:
    node = element
    while str(node.tag) in PRESENTATION_CHAIN:
        parent = node.getparent()
        if parent is None or str(parent.tag) not in PRESENTATION_CHAIN[str(node.tag)]:
            return False
        role = _explicit_role(parent)
        if role in ("none", "presentation") and not _conflicts(parent):
            return True
        if role is not None:
            return False
        node = parent
    return False


def _implicit_role(page: HtmlPage, element: etree._Element) -> str | None:
    tag = str(element.tag)
    if tag in ("td", "th"):
        table = next(element.iterancestors("table"), None)
        grid = table is not None and _explicit_role(table) in ("grid", "treegrid")
        if tag == "th":
            return "rowheader" if element.get("scope") == "row" else "columnheader"
        return "gridcell" if grid else "cell"
    if tag in ("a", "area"):
        return "link" if element.get("href") is not None else None
    if tag == "select":
        many = element.get("multiple") is not None or (element.get("size") or "1") not in "01"
        return "listbox" if many else "combobox"
    if tag == "input":
        return INPUT_ROLES.get((element.get("type") or "").lower(), "textbox")
    if tag == "img":
        empty = element.get("alt") is not None and not element.get("alt")
        return "presentation" if empty and not _conflicts(element) else "img"
    if re.fullmatch(r"h[1-6]", tag):
        return "heading"
    if tag == "aside":
        scoped = any(
            (a.get("role") is None and a.tag in SECTIONING - {"main"})
            or _explicit_role(a) in ("article", "complementary", "navigation", "region")
            for a in element.iterancestors()
        )
        named = _label(page, element).strip() or (element.get("title") or "").strip()
        return None if scoped and not named else "complementary"
    return IMPLICIT_ROLES.get(tag) or _landmark_role(page, element)


def _missing_context(
    page: HtmlPage, element: etree._Element, role: str, owners: dict[str, etree._Element]
) -> list[str]:
    """The context roles the element lacks (axe-core's aria-required-parent), or []."""
    wanted = list(REQUIRED_CONTEXT[role])
    # from the parent, then from each element that owns it or an ancestor (aria-owns)
    starts = [element.getparent()]
    starts += [owners[n.get("id") or ""] for n in [element, *element.iterancestors()]
               if (n.get("id") or "") in owners]  # fmt: skip
    for start in starts:
        node = start
        context = list(wanted)
        while node is not None:
            found = _any_role(page, node)
            if found is None:
                node = node.getparent()
            elif found == "group" and "group" in REQUIRED_CONTEXT[role]:
                context = [r for r in context if r != "group"]
                if role in OWN_GROUP_ROLES:
                    context.append(role)
                node = node.getparent()
            elif found in context:
                return []
            else:
                break
        wanted = context
    return wanted


def _owned_problem(page: HtmlPage, element: etree._Element, role: str) -> str | None:
    """What the element owns wrongly or lacks (axe-core's aria-required-children), or None."""
    required = REQUIRED_OWNED[role]
    by_id = {e.get("id"): e for e in page.root.iter() if isinstance(e.tag, str) and e.get("id")}
    queue = [*element, *(by_id[i] for i in (element.get("aria-owns") or "").split() if i in by_id)]
    owned: list[str | None] = []
    has_text = bool((element.text or "").strip())
    while queue:
        node = queue.pop(0)
        has_text = has_text or bool((node.tail or "").strip())
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "template"):
            continue
        if _hidden(page, node):
            continue
        found = _any_role(page, node)
        marked = any(node.get(a) is not None for a in GLOBAL_ARIA) or _takes_focus(node)
        if (found is None and not marked) or (found in ("group", "rowgroup") and found in required):
            has_text = has_text or bool((node.text or "").strip())
            queue[0:0] = list(node)
        else:
            owned.append(found)
    unallowed = sorted({r or "an element with no role" for r in owned if r not in required})
    if unallowed:
        return f"owns {', '.join(unallowed)}, which it may not"
    if any(r in required for r in owned):
        return None
    if (element.get("aria-busy") or "").strip().lower() == "true":
        return None
    if role in REVIEW_EMPTY and not owned and not has_text:
        return None  # axe-core asks for a review
    if role in SCRIPT_FILLED and not owned and not has_text and _runs_scripts(page):
        return None  # its script adds the items; what they will be is for review
    return f"owns no {' or '.join(required)}"


def _takes_focus(element: etree._Element) -> bool:
    """Focusable at all, by the keyboard or by a script (``tabindex="-1"``)."""
    if element.get("disabled") is not None:
        return False
    tabindex = (element.get("tabindex") or "").strip()
    return tabindex.lstrip("-").isdigit() or _is_focusable(element)


# WCAG 2.5.8: a target at least 24 by 24 px, or one whose 24 px circle meets no other's.
TARGET_MIN = 24.0
# What a browser's default sans-serif font gives an inline link, as shares of the font
# size: the height of its box, the mean width of a character, the width of a space.
LINE_BOX, CHAR_WIDTH, SPACE_WIDTH = 1.15, 0.55, 0.28
# Blocks the browser stacks with no margin between them.
UNSPACED_BLOCKS = ("li", "div", "dt")
# axe-core's own margin of error is 0.05 px; ours, for the estimated glyphs, is larger.
TARGET_MARGIN = 2.0


@rule(
    "html-target-size",
    target="html",
    severity="error",
    level="AA",
    summary="Small plain links are not packed together: each is 24 px high, or its 24 px "
    "circle meets no other link's",
    fix="Give the links room (padding, margin, a line of their own with space between), or "
    "put them in a sentence.",
    references=[wcag("2.5.8")],
    in_epub=False,
    mirrors=["axe/target-size"],
)
def target_size(page: HtmlPage) -> Iterator[Problem]:
    """A finger or a shaking hand hits the neighbour of a small link.

    Without a layout engine, only the two cases whose geometry the page's markup
    tells are judged, and only for plain text links (no CSS that changes their box,
    their block's or its parent's): links side by side on a line of links alone
    (a space apart), and links alone in blocks stacked with no space between
    (``<li>``, ``<div>``). As axe-core, links in a line of text are left alone
    (WCAG's inline exception), and so is every other target.
    """
    for link in page.root.iter("a"):
        if not _plain_link(page, link):
            continue
        size = _rendered(page, link)
        font = size.font_size if size else 16.0
        height = LINE_BOX * font
        if height + TARGET_MARGIN >= TARGET_MIN:
            continue
        neighbour = _packed_neighbour(page, link, font, height)
        if neighbour is not None:
            yield Problem(
                f"the link {text_of(link)!r} is about {height:.0f} px high and {neighbour}",
                page.locate(link),
            )


def _plain_link(page: HtmlPage, element: etree._Element) -> bool:
    """A text link in the tab order whose box no CSS changes, shown on screen, and not
    marked inactive (``aria-disabled``: in the tab order, but no target to activate)."""
    if element.tag != "a" or element.get("href") is None or len(element) or _disabled(element):
        return False
    if element.get("role") is not None or not text_of(element) or not _tabbable(page, element):
        return False
    rendered = _rendered(page, element)
    return rendered is None or not (rendered.hidden or rendered.offscreen or rendered.layout)


def _unstyled(page: HtmlPage, element: etree._Element | None) -> bool:
    rendered = _rendered(page, element) if element is not None else None
    return element is not None and (rendered is None or not rendered.layout)


def _packed_neighbour(
    page: HtmlPage, link: etree._Element, font: float, height: float
) -> str | None:
    """How another plain link comes closer than axe-core's 24 px circle allows, or None."""
    block = link.getparent()
    if block is None or not _unstyled(page, block) or not _unstyled(page, block.getparent()):
        return None
    if _only_links(page, block) and len(block) > 1:
        # side by side, a space apart: the offset from this link's centre to the next
        width = CHAR_WIDTH * font * len(text_of(link))
        before, after = link.getprevious(), link.getnext()
        for other, between in (
            (before, before.tail if before is not None else ""),
            (after, link.tail),
        ):
            if other is None:
                continue
            gap = SPACE_WIDTH * font if between else 0.0  # only spaces: _only_links
            other_width = CHAR_WIDTH * font * len(text_of(other))
            offset = min(width / 2 + gap, width / 2 + gap + other_width / 2 - TARGET_MIN / 2)
            if 2 * offset + TARGET_MARGIN < TARGET_MIN:
                return f"{2 * offset:.0f} px from the link beside it"
    if block.tag in UNSPACED_BLOCKS and len(block) == 1 and _only_links(page, block):
        # alone in a block, with another such block straight above or below
        for other in (block.getprevious(), block.getnext()):
            if other is None or other.tag != block.tag or not _unstyled(page, other):
                continue
            if len(other) == 1 and _only_links(page, other) and _plain_link(page, other[0]):
                offset = min(height / 2, height - TARGET_MIN / 2)
                return f"{2 * offset:.0f} px from the link above or below it"
    return None


def _only_links(page: HtmlPage, block: etree._Element) -> bool:
    """The block holds plain links and spaces only (no text of its own)."""
    texts = [block.text or ""] + [child.tail or "" for child in block]
    return not "".join(texts).strip() and all(_plain_link(page, child) for child in block)


# Roles whose name only the author can give (ARIA 1.2 "name from author"): axe-core's
# aria-input-field-name, aria-progressbar-name and aria-meter-name.
NAMED_BY_AUTHOR = {
    "combobox", "listbox", "searchbox", "slider", "spinbutton", "textbox", "progressbar",
    "meter",
}  # fmt: skip


@rule(
    "html-aria-widget-name",
    target="html",
    severity="error",
    summary="ARIA fields, progress bars and meters have a name (`aria-label`, "
    "`aria-labelledby` or `title`)",
    fix='Give the element aria-label="…" or aria-labelledby pointing at its visible label.',
    references=[wcag("4.1.2"), wcag("1.1.1")],
    mirrors=["axe/aria-input-field-name", "axe/aria-progressbar-name", "axe/aria-meter-name"],
)
def aria_widget_name(page: HtmlPage) -> Iterator[Problem]:
    """A role such as ``textbox`` on a ``div`` is not labelled by a ``<label>`` around it.

    A combobox's popup list (controlled, owned or held by it) is named by the
    combobox, and a combobox that holds an ``<input>`` by the input's label; the
    role is the ``role`` attribute when it names one role (as axe-core reads them).
    """
    popups = {
        ident
        for e in page.root.iter()
        if isinstance(e.tag, str) and _role(e) == "combobox"
        for ident in f"{e.get('aria-controls') or ''} {e.get('aria-owns') or ''}".split()
    }
    for element in page.root.iter():
        if not isinstance(element.tag, str) or _has_naming_method(element):
            continue  # named its own way (a <label> names a <button role="combobox">)
        role = _single_role(element)
        if role not in NAMED_BY_AUTHOR or _hidden(page, element):
            continue
        if role == "listbox" and (element.get("id") in popups or _in_combobox(page, element)):
            continue
        if role == "combobox" and any(
            (i.get("type") or "").lower() != "hidden" for i in element.iterdescendants("input")
        ):
            continue  # named by the field it holds (ARIA 1.1's pattern), as axe-core reads it
        if not (_label(page, element).strip() or (element.get("title") or "").strip()):
            yield Problem(f'role="{role}" has no name', page.locate(element))


# ARIA roles named by their content or by the author (axe-core's aria-command-name,
# aria-toggle-field-name, aria-tab-name, aria-tooltip-name), and the HTML elements that
# name themselves another way, which those rules leave to their own
NAMED_BY_CONTENT = {
    "button", "link", "menuitem", "checkbox", "menuitemcheckbox", "menuitemradio", "radio",
    "switch", "option", "tab", "tooltip",
}  # fmt: skip
NAMING_ELEMENTS = {
    "a", "area", "br", "button", "fieldset", "figure", "hr", "img", "input", "output",
    "select", "svg", "summary", "table", "textarea",
}  # fmt: skip


def _has_naming_method(element: etree._Element) -> bool:
    """An HTML element named its own way whatever its role (its label, alt text, content,
    caption…: axe-core's namingMethods, which its no-naming-method-matches leaves to the
    element's own rules); a link only with an ``href``."""
    if element.tag == "a":
        return element.get("href") is not None
    return element.tag in NAMING_ELEMENTS


@rule(
    "html-aria-control-name",
    target="html",
    severity="error",
    summary="Elements given a control's role (`button`, `link`, `menuitem`, `checkbox`, "
    "`radio`, `switch`, `option`, `tab`, `tooltip`) have a name",
    fix='Give the element text, or aria-label="…" or aria-labelledby pointing at its label.',
    references=[wcag("4.1.2")],
    mirrors=[
        "axe/aria-command-name",
        "axe/aria-toggle-field-name",
        "axe/aria-tab-name",
        "axe/aria-tooltip-name",
    ],
)
def aria_control_name(page: HtmlPage) -> Iterator[Problem]:
    """A ``div`` made a radio button, with no text, is announced as "radio button" alone.

    As axe-core: the role is the ``role`` attribute when it names one role; HTML
    elements that name themselves (a link, a button, an input) are left to their own
    rules; the name comes from ``aria-labelledby``, ``aria-label``, the content (what
    is hidden from assistive technology aside) or ``title``.
    """
    for element in page.root.iter():
        role = _single_role(element)
        if role not in NAMED_BY_CONTENT or element.tag in NAMING_ELEMENTS:
            continue
        if _hidden(page, element) or _accessible_name(page, element).strip():
            continue
        yield Problem(f'role="{role}" has no name', page.locate(element))


def _in_combobox(page: HtmlPage, element: etree._Element) -> bool:
    """Inside a combobox, the nearest ancestor with a role (ARIA 1.1's popup)."""
    for ancestor in element.iterancestors():
        role = _any_role(page, ancestor)
        if role not in (None, "none", "presentation"):
            return role == "combobox"
    return False


# widget roles named from their content (axe-core's label-content-name-mismatch)
CONTENT_NAMED_WIDGETS = {
    "button", "checkbox", "gridcell", "link", "menuitem", "menuitemcheckbox",
    "menuitemradio", "option", "radio", "switch", "tab", "treeitem",
}  # fmt: skip
# what a name is compared without: ASCII and general punctuation, symbols (emoji among
# them), characters beyond the basic plane and format characters (axe-core's curation)
UNCOMPARED = re.compile(
    "[!-/:-@\\[-`{-~\u2000-\u206f\u2e00-\u2e7f\U00010000-\U0010ffff\u2190-\u2bff\u00a9\u00ae]"
)


@rule(
    "html-label-content-name",
    target="html",
    severity="error",
    summary="A control named by `aria-label` or `aria-labelledby` has its visible text in "
    "that name",
    fix="Start the aria-label with the words shown on the control, or remove it.",
    references=[wcag("2.5.3")],
    in_epub=False,
    mirrors=["axe/label-content-name-mismatch"],
)
def label_content_name(page: HtmlPage) -> Iterator[Problem]:
    """A speech user says what they see ("Send"); a name without it ("Submit form")
    does not answer.

    As axe-core 4.14.1: widgets named from their content that also have ``aria-label``
    or ``aria-labelledby`` and text shown on screen; that text must stand in the name,
    both compared in lower case without punctuation, symbols or emoji; a name or text
    of one letter, or of symbols only, is left for review, and so is a toggle's text (it
    may be its state). The text is what the screen shows (its ``visibleVirtual``), not
    the name content gives: text hidden from assistive technology only and the text an
    ``<svg>``, ``<object>`` or ``<canvas>`` holds count, an image's ``alt`` does not.
    """
    for element in page.root.iter():
        role = _any_role(page, element)
        if role not in CONTENT_NAMED_WIDGETS:
            continue
        name = " ".join(_label(page, element).split()).lower()
        if not name or _hidden(page, element):
            continue
        text = " ".join(_text_on_screen(page, element).split()).lower()
        if not text:
            continue  # no text shown (an image, an icon): nothing to compare
        if not _interpretable(name) or not _interpretable(text):
            continue
        if _curated(text) not in _curated(name) and role not in VALUE_TEXT_ROLES:
            yield Problem(
                f"the name {name!r} does not hold the text {text!r}", page.locate(element)
            )


# toggles whose shown text may be their state ("On", "Off") rather than their label:
# a name without it is left for review (axe-core 4.14's valueTextRoles)
VALUE_TEXT_ROLES = {"switch", "checkbox", "radio", "menuitemcheckbox", "menuitemradio"}


def _curated(text: str) -> str:
    return " ".join(UNCOMPARED.sub("", text).split())


def _interpretable(text: str) -> bool:
    """Words a person reads as such (axe-core's isHumanInterpretable): not one letter,
    not "aA" or "abc" (icons), not symbols and punctuation only."""
    single = len(text) == 1 and not text.isdigit()
    return not single and text not in ("aa", "abc") and bool(_curated(text))


def _text_on_screen(page: HtmlPage, element: etree._Element) -> str:
    """The element's text shown on screen: not hidden, moved off screen or clipped away
    (axe-core's visibleVirtual; no alt text, no labels)."""
    copy = deepcopy(element)
    twins = list(zip(element.iterdescendants(), copy.iterdescendants(), strict=True))
    for node, twin in twins:
        rendered = _rendered(page, node) if isinstance(node.tag, str) else None
        if rendered is not None and (rendered.hidden or rendered.offscreen):
            _drop_keeping_tail(twin)
    return text_of(copy)


@rule(
    "html-object-alt",
    target="html",
    severity="error",
    summary="Every `<object>` has a text alternative",
    fix='Give the object aria-label="…" or title="…", or a text fallback inside it.',
    references=[wcag("1.1.1")],
    mirrors=["axe/object-alt"],
)
def object_alt(page: HtmlPage) -> Iterator[Problem]:
    """An embedded object without a name is announced as nothing at all.

    As axe-core reads it: an object whose resource the browser shows (an image,
    SVG, a page, text) hides its fallback content, so its name must come from
    ``aria-label``, ``aria-labelledby`` or ``title``; an object the browser cannot
    show, or whose file is not there (a page read from disk), displays its fallback
    content instead, and is then not judged if that content takes any room on the
    page (``object-is-loaded-matches``: its children have boxes), whether or not
    assistive technology reads it.
    """
    for element in page.root.iter("object"):
        if element.get("data") is None or _hidden(page, element):
            continue
        if _role(element) in ("none", "presentation"):
            continue
        if _label(page, element).strip() or (element.get("title") or "").strip():
            continue
        shown = _object_shown(element) and not _missing_locally(page, element.get("data") or "")
        if not shown and _fallback_rendered(page, element):
            continue  # the fallback content is shown instead
        yield Problem("<object> has no text alternative", page.locate(element))


def _fallback_rendered(page: HtmlPage, element: etree._Element) -> bool:
    """True when an element's children take room on the page: text that is not all
    white space, or a child element CSS does not take out (``display: none``)."""
    if (element.text or "").strip():
        return True
    return any(
        (child.tail or "").strip() or (isinstance(child.tag, str) and not _not_shown(page, child))
        for child in element
    )


# Media types a browser shows in an <object> itself (not by a plug-in).
SHOWN_IN_OBJECT = ("image/", "text/", "application/xhtml+xml", "application/xml")
OBJECT_EXTENSIONS = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".svg": "image/svg+xml", ".webp": "image/webp", ".html": "text/html", ".htm": "text/html",
    ".xhtml": "application/xhtml+xml", ".txt": "text/plain",
}  # fmt: skip


def _object_shown(element: etree._Element) -> bool:
    """True when the browser shows the object's resource, by its type or file extension."""
    declared = (element.get("type") or "").split(";")[0].strip().lower()
    data = (element.get("data") or "").strip()
    parts = urlsplit(data)
    if not declared and parts.scheme == "data":
        declared = parts.path.split(",")[0].split(";")[0].strip().lower() or "text/plain"
    if not declared:
        declared = OBJECT_EXTENSIONS.get(PurePosixPath(unquote(parts.path)).suffix.lower(), "")
    return declared.startswith(SHOWN_IN_OBJECT)


def _missing_locally(page: HtmlPage, url: str) -> bool:
    """A local file the page points at that is not on disk (a web page's, not a book's)."""
    parts = urlsplit(url.strip())
    if page.member is not None or parts.scheme not in ("", "file") or parts.netloc:
        return False
    path = unquote(parts.path)
    if not path:
        return False
    return not (Path(page.file).parent / path).exists()  # an absolute path stays absolute


@rule(
    "html-aria-hidden-focus",
    target="html",
    severity="error",
    summary='Content hidden with `aria-hidden="true"` holds nothing that takes focus',
    fix='Remove aria-hidden, or take the controls inside out of the tab order (tabindex="-1").',
    references=[wcag("4.1.2"), wcag("1.3.1")],
    mirrors=["axe/aria-hidden-focus"],
)
def aria_hidden_focus(page: HtmlPage) -> Iterator[Problem]:
    """Keyboard users land on a control that screen readers say nothing about."""
    for element in page.root.iter():
        if not isinstance(element.tag, str) or element.tag == "body":
            continue
        if (element.get("aria-hidden") or "").strip().lower() != "true":
            continue
        parent = element.getparent()
        if parent is not None and _hidden(page, parent):
            continue  # reported on the outermost hidden element
        for inner in [element, *element.iterdescendants()]:
            if _tabbable(page, inner) and not _browser_focusable_only(inner):
                yield Problem(
                    f"aria-hidden content holds the focusable <{inner.tag}>", page.locate(element)
                )
                break


# focusable in browsers, but not natively focusable as axe-core's aria-hidden-focus reads
# it: a frame (its content is judged in its own document) and media with controls
BROWSER_FOCUSABLE = ("iframe", "audio", "video")


def _browser_focusable_only(element: etree._Element) -> bool:
    """A frame or player with no ``tabindex`` of its own (axe-core's isNativelyFocusable
    knows links, areas, fields, buttons, summaries and details only)."""
    tabindex = (element.get("tabindex") or "").strip()
    return element.tag in BROWSER_FOCUSABLE and not tabindex.lstrip("-").isdigit()


def _tabbable(page: HtmlPage, element: etree._Element) -> bool:
    """In the sequential focus order: focusable, enabled, rendered, no negative tabindex
    (``aria-disabled`` takes nothing out of it)."""
    if not isinstance(element.tag, str) or _disabled(element, aria=False):
        return False
    tabindex = (element.get("tabindex") or "").strip()
    if tabindex.lstrip("-").isdigit() and int(tabindex) < 0:
        return False
    if _not_shown(page, element):
        return False
    if element.tag == "summary":
        parent = element.getparent()
        return (
            parent is not None
            and parent.tag == "details"
            and next(parent.iter("summary"), None) is element
        )
    if (element.get("contenteditable") or "").strip().lower() in ("", "true") and (
        element.get("contenteditable") is not None
    ):
        return True
    if element.tag in ("audio", "video") and element.get("controls") is not None:
        return True
    return _is_focusable(element)


AUTOFILL_FIELDS = {
    "name", "honorific-prefix", "given-name", "additional-name", "family-name",
    "honorific-suffix", "nickname", "username", "new-password", "current-password",
    "one-time-code", "organization-title", "organization", "street-address", "address-line1",
    "address-line2", "address-line3", "address-level4", "address-level3", "address-level2",
    "address-level1", "country", "country-name", "postal-code", "cc-name", "cc-given-name",
    "cc-additional-name", "cc-family-name", "cc-number", "cc-exp", "cc-exp-month",
    "cc-exp-year", "cc-csc", "cc-type", "transaction-currency", "transaction-amount",
    "language", "bday", "bday-day", "bday-month", "bday-year", "sex", "url", "photo",
}  # fmt: skip
AUTOFILL_CONTACT_FIELDS = {
    "tel", "tel-country-code", "tel-national", "tel-area-code", "tel-local",
    "tel-local-prefix", "tel-local-suffix", "tel-extension", "email", "impp",
}  # fmt: skip
AUTOFILL_CONTACT_KINDS = {"home", "work", "mobile", "fax", "pager"}


def autocomplete_problem(value: str) -> str | None:
    """Why an ``autocomplete`` value is not a valid autofill detail token list, or None.

    >>> autocomplete_problem("section-a shipping work email"), autocomplete_problem("work photo")
    (None, "'work' goes only with a contact field (tel…, email, impp)")
    """
    tokens = value.lower().split()
    if tokens in (["on"], ["off"]) or not tokens:
        return None
    if tokens[-1] == "webauthn":
        tokens = tokens[:-1]
    if tokens and tokens[0].startswith("section-"):
        tokens = tokens[1:]
    if tokens and tokens[0] in ("shipping", "billing"):
        tokens = tokens[1:]
    kind = tokens.pop(0) if tokens and tokens[0] in AUTOFILL_CONTACT_KINDS else None
    if len(tokens) != 1:
        return f"{value!r} does not end in one autofill field name"
    field_name = tokens[0]
    if kind is not None and field_name not in AUTOFILL_CONTACT_FIELDS:
        return f"{kind!r} goes only with a contact field (tel…, email, impp)"
    if field_name not in AUTOFILL_FIELDS | AUTOFILL_CONTACT_FIELDS:
        return f"{field_name!r} is not an autofill field name"
    return None


@rule(
    "html-autocomplete-valid",
    target="html",
    severity="error",
    level="AA",
    summary="`autocomplete` values are valid autofill field names",
    fix='Use the HTML autofill names: autocomplete="email", "shipping postal-code", "tel"…',
    references=[wcag("1.3.5")],
    mirrors=["axe/autocomplete-valid"],
)
def autocomplete_valid(page: HtmlPage) -> Iterator[Problem]:
    """Browsers and assistive tools fill in and mark fields by these names (HTML autofill)."""
    for element in page.root.iter("input", "select", "textarea"):
        value = element.get("autocomplete")
        if value is None or (element.get("type") or "").lower() == "hidden":
            continue
        if _disabled(element) or _hidden(page, element):
            continue
        problem = autocomplete_problem(value)
        if problem:
            yield Problem(f"autocomplete: {problem}", page.locate(element))


# Roles an element may take (ARIA in HTML); elements not listed take any role.
ALLOWED_ROLES: dict[str, frozenset[str]] = {
    "header": frozenset({"banner", "group", "none", "presentation", "doc-footnote"}),
    "footer": frozenset({"contentinfo", "group", "none", "presentation", "doc-footnote"}),
    "aside": frozenset({
        "complementary", "doc-dedication", "doc-example", "doc-footnote", "doc-glossary",
        "doc-pullquote", "doc-tip", "feed", "none", "note", "presentation", "region", "search",
    }),
    "main": frozenset({"main"}),
    "nav": frozenset({
        "navigation", "doc-index", "doc-pagelist", "doc-toc", "menu", "menubar", "none",
        "presentation", "tablist",
    }),
    "h1": frozenset({"heading", "none", "presentation", "tab", "doc-subtitle"}),
    "ul": frozenset({
        "list", "directory", "group", "listbox", "menu", "menubar", "none", "presentation",
        "radiogroup", "tablist", "toolbar", "tree",
    }),
    "li": frozenset({
        "listitem", "menuitem", "menuitemcheckbox", "menuitemradio", "option", "none",
        "presentation", "radio", "separator", "tab", "treeitem", "doc-biblioentry",
        "doc-endnote",
    }),
    "body": frozenset(),
    "html": frozenset(),
}  # fmt: skip
for _same, _as in (("h2", "h1"), ("h3", "h1"), ("h4", "h1"), ("h5", "h1"), ("h6", "h1")):
    ALLOWED_ROLES[_same] = ALLOWED_ROLES[_as]
ALLOWED_ROLES["ol"] = ALLOWED_ROLES["ul"]


def disallowed_roles(page: HtmlPage) -> Iterator[Problem]:
    """Roles that ARIA in HTML does not allow on their element (``<header role="main">``)."""
    for element in page.root.iter():
        if not isinstance(element.tag, str) or element.get("role") is None:
            continue
        allowed = ALLOWED_ROLES.get(str(element.tag))
        role = (element.get("role") or "").split()[:1]
        if allowed is not None and role and role[0] in ARIA_ROLES and role[0] not in allowed:
            yield Problem(f"<{element.tag}> may not have role={role[0]!r}", page.locate(element))


@rule(
    "html-aria-allowed-role",
    target="html",
    severity="warning",
    summary="Roles are allowed on their element (ARIA in HTML)",
    fix="Move the role to an element that may carry it (a <section> or <div>), or drop it.",
    references=[wcag("4.1.2")],
    in_epub=False,
    mirrors=["axe/aria-allowed-role", "nu/error"],
)
def aria_allowed_role(page: HtmlPage) -> Iterator[Problem]:
    """A role that contradicts the element confuses assistive technology.

    A warning on web pages, as in axe-core (a best practice); in an EPUB it is
    an error (``epub-aria-allowed-role``), as EPUBCheck's schema makes it.
    """
    yield from disallowed_roles(page)


def _is_focusable(element: etree._Element) -> bool:
    if not isinstance(element.tag, str) or element.get("disabled") is not None:
        return False
    tabindex = (element.get("tabindex") or "").strip()
    if tabindex.lstrip("-").isdigit():
        return int(tabindex) >= 0
    if element.tag in ("button", "select", "textarea", "iframe"):
        return True
    if element.tag == "input":
        return (element.get("type") or "").lower() != "hidden"
    return element.tag == "a" and element.get("href") is not None


def _contrast_problems(page: HtmlPage, normal: float, large: float) -> Iterator[Problem]:
    failing: dict[tuple[str, str, str, bool], list[etree._Element]]
    failing = defaultdict(list)
    ratios: dict[tuple[str, str, str, bool], float] = {}
    for found in text_contrasts(page.root, page.css):
        if found.foreground == found.background or _inactive(page, found.element):
            continue  # invisible text asks for a review (axe-core); inactive controls are exempt
        required = large if found.large else normal
        if found.ratio + 1e-9 < required:
            key = (
                str(found.scheme),
                hex_color(found.foreground),
                hex_color(found.background),
                found.large,
            )
            failing[key].append(found.element)
            ratios[key] = found.ratio
    for key, elements in failing.items():
        scheme, fg, bg, is_large = key
        required = large if is_large else normal
        more = f" (and {len(elements) - 1} more elements)" if len(elements) > 1 else ""
        size = "large text" if is_large else "text"
        yield Problem(
            f"{scheme} scheme: {size} {fg} on {bg} has contrast {ratios[key]:.2f}:1, "
            f"needs {required:g}:1{more}",
            page.locate(elements[0]),
        )


@rule(
    "html-contrast",
    target="html",
    severity="error",
    level="AA",
    summary="Text contrast is at least 4.5:1 (3:1 for large text), in light and dark schemes",
    fix="Darken the text or lighten the background (or the reverse in the dark scheme) in the CSS.",
    references=[wcag("1.4.3")],
    mirrors=["axe/color-contrast"],
)
def contrast(page: HtmlPage) -> Iterator[Problem]:
    """Computed from the page's own CSS, including custom properties and dark-mode rules."""
    yield from _contrast_problems(page, 4.5, 3.0)


@rule(
    "html-contrast-enhanced",
    target="html",
    severity="error",
    level="AAA",
    summary="Text contrast is at least 7:1 (4.5:1 for large text); checked at `--level AAA`",
    fix="Raise the contrast of the colours the CSS gives to text and its background.",
    references=[wcag("1.4.6")],
    mirrors=["axe/color-contrast-enhanced"],
)
def contrast_enhanced(page: HtmlPage) -> Iterator[Problem]:
    """The AAA threshold of the same computation as ``html-contrast``."""
    yield from _contrast_problems(page, 7.0, 4.5)


# --- helpers ----------------------------------------------------------------------


def _normalise(text: str) -> str:
    return " ".join(text.split()).strip(" .!?:;,…").casefold()


def _role(element: etree._Element) -> str | None:
    if not isinstance(element.tag, str):
        return None
    explicit = (element.get("role") or "").lower().split()
    if explicit:
        return explicit[0]
    return {"main": "main", "nav": "navigation", "aside": "complementary"}.get(element.tag)


def _is_inside(element: etree._Element, ancestor: etree._Element) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


def _label(page: HtmlPage, element: etree._Element) -> str:
    """The name ``aria-labelledby`` gives, or when it gives none, ``aria-label``'s
    (accname 1.2, steps 2B and 2C)."""
    labelledby = element.get("aria-labelledby")
    if labelledby:
        ids = set(labelledby.split())
        found = [e for e in page.root.iter() if isinstance(e.tag, str) and e.get("id") in ids]
        text = " ".join(text_of(e) for e in found)
        if text.strip():
            return text
    return element.get("aria-label") or ""


def _landmark_role(page: HtmlPage, element: etree._Element) -> str | None:
    if not isinstance(element.tag, str):
        return None
    role = _role(element)
    if role in (
        "main",
        "navigation",
        "complementary",
        "banner",
        "contentinfo",
        "search",
        "region",
        "form",
    ):
        return role
    if role is not None:
        return None
    scoped = any(a.tag in SECTIONING for a in element.iterancestors() if isinstance(a.tag, str))
    if element.tag == "header" and not scoped:
        return "banner"
    if element.tag == "footer" and not scoped:
        return "contentinfo"
    if element.tag in ("section", "form") and _label(page, element):
        return "region" if element.tag == "section" else "form"
    if element.tag == "search":
        return "search"
    return None


def _accessible_name(page: HtmlPage, element: etree._Element) -> str:
    label = _label(page, element)
    if label.strip():
        return label
    return _content_name(page, element) or element.get("title") or ""


# form fields: inside a name they give their own name, else their value (axe-core)
EMBEDDED_FIELDS = ("input", "select", "textarea")
# embedded content (HTML's content category, as axe-core's subtreeText reads it): inside
# a name it gives its own label or title, never the fallback or text it holds
EMBEDDED = ("audio", "canvas", "embed", "iframe", "math", "object", "svg", "video")


def _content_name(page: HtmlPage, element: etree._Element) -> str:
    """The name an element gets from its content: its text and its parts' names.

    Content hidden from assistive technology (``aria-hidden``, CSS, ``hidden``)
    names nothing (accname 1.2, step 2A). A part inside gives its own name instead of
    its content where it has one (``_part_name``): its ``aria-label`` or
    ``aria-labelledby`` (step 2C, as for ``<span role="img" aria-label="…">`` in a
    link), what HTML names it by (an ``<area>``'s or image button's ``alt``, a field's
    label, placeholder or value; step 2D, 2E), its ``title`` when its content says
    nothing (step 2I). Embedded content (an ``<svg>``, ``<object>``, ``<canvas>``…)
    gives only such a name (an ``<svg>`` its ``<title>``), never what it holds.
    """
    hidden, named = [], {}
    for node in element.iterdescendants():
        if not isinstance(node.tag, str) or node.tag == "img":
            continue
        if _hidden_itself(page, node) or _input_type(node) == "hidden":
            hidden.append(node)
            continue
        name = _part_name(page, node)
        if name is not None:
            named[node] = name
    shown = element
    if hidden or named:
        shown = deepcopy(element)
        twins = dict(zip(element.iter(), shown.iter(), strict=True))
        for node, name in named.items():
            twins[node].text = name
            for child in list(twins[node]):
                twins[node].remove(child)  # its tail, inside the node, goes with it
        for node in hidden:
            _drop_keeping_tail(twins[node])
    images = [
        image.get("alt")
        if image.get("alt") is not None
        else _label(page, image) or image.get("title")
        for image in shown.iter("img")
    ]
    return " ".join(p for p in [text_of(shown), *images] if p and p.strip())


def _part_name(page: HtmlPage, node: etree._Element) -> str | None:
    """The name a part of a name gives in place of its content, or None to read its
    content (axe-core's accessibleTextVirtual on a descendant)."""
    label = _label(page, node).strip()
    if label:
        return label
    title = (node.get("title") or "").strip()
    if node.tag in EMBEDDED:
        return _svg_title(node) or title
    if node.tag == "area" or _button_input(node):
        return _native_name(node)
    if node.tag in EMBEDDED_FIELDS:
        return _field_name(page, node) or title
    # the title only when the content gives nothing, not even a space: a space is a
    # name, which stops the computation there (axe-core's accessibleTextVirtual)
    if title and _role(node) not in ("none", "presentation") and not _holds_text(page, node):
        return title if not _content_name(page, node) else None
    return None


def _holds_text(page: HtmlPage, node: etree._Element) -> bool:
    """Whether any text, a space too, stands in the element outside its hidden parts."""
    if node.text:
        return True
    return any(
        child.tail
        or (
            isinstance(child.tag, str)
            and not _hidden_itself(page, child)
            and _holds_text(page, child)
        )
        for child in node
    )


# the types of <input> whose value is its name inside another's (roles textbox,
# spinbutton, slider: axe-core's controlValueRoles); an unknown type is a text field
VALUE_INPUTS = ("text", "email", "tel", "url", "number", "range")
OTHER_INPUTS = ("checkbox", "radio", "file", "color", "date", "datetime-local", "month",
                "password", "search", "time", "week")  # fmt: skip


def _input_type(element: etree._Element) -> str | None:
    return (element.get("type") or "text").strip().lower() if element.tag == "input" else None


def _field_name(page: HtmlPage, field: etree._Element) -> str:
    """A form field's name inside another's: its ``<label for>``, its placeholder,
    then its value where it shows one (a text field, a number, a ``<select>``'s
    chosen option, a ``<textarea>``'s text), as axe-core computes it."""
    ident = field.get("id")
    if ident:
        labels = [text_of(x) for x in page.root.iter("label") if x.get("for") == ident]
        if any(t.strip() for t in labels):
            return " ".join(labels)
    if (field.get("placeholder") or "").strip():
        return field.get("placeholder") or ""
    if field.tag == "textarea":
        return text_of(field)
    if field.tag == "select":
        options = list(field.iter("option"))
        chosen = [o for o in options if o.get("selected") is not None]
        chosen = chosen or options[:1]  # none chosen: the first (axe-core's nativeSelectValue)
        return " ".join(text_of(o) for o in chosen)
    kind = _input_type(field)
    if kind in VALUE_INPUTS or kind not in OTHER_INPUTS:
        return field.get("value") or ""
    return ""


# the types of <input> that are buttons, with the name a browser gives them by default
# (HTML-AAM 5.2, 5.3; axe-core's buttonDefaultText): a plain button has none
BUTTON_INPUTS = {"image": "Submit", "submit": "Submit", "reset": "Reset", "button": ""}


def _button_input(element: etree._Element) -> bool:
    return element.tag == "input" and (element.get("type") or "").lower() in BUTTON_INPUTS


def _native_name(element: etree._Element) -> str:
    """The name HTML gives an image map's ``<area>`` (its ``alt``) or a button
    ``<input>`` inside a name (HTML-AAM 5.2, 5.3: an image's ``alt``, then the
    ``value``, the ``title``, then the browser's default word), as axe-core computes
    it for a link or button that holds one."""
    if element.tag == "area":
        return element.get("alt") or ""
    kind = (element.get("type") or "").lower()
    own = [element.get("alt") if kind == "image" else None, element.get("value")]
    return next((v for v in [*own, element.get("title")] if v), BUTTON_INPUTS.get(kind, ""))


def _svg_title(element: etree._Element) -> str:
    """An ``<svg>``'s name from its ``<title>`` child (SVG-AAM), or ""."""
    if element.tag != "svg":
        return ""
    title = next((t for t in element if isinstance(t.tag, str) and t.tag == "title"), None)
    return text_of(title).strip() if title is not None else ""


# a page script that gives an element a shadow tree: by its id, through a variable, or
# as the tag name of a custom element whose class attaches one
SHADOW_BY_ID = re.compile(
    r"""getElementById\(\s*(['"])([^'"]+)\1\s*\)\s*\.\s*attachShadow"""
    r"""|querySelector\(\s*(['"])#([\w-]+)\3\s*\)\s*\.\s*attachShadow"""
)
SHADOW_VARIABLE = re.compile(
    r"""(\w+)\s*=\s*document\s*\.\s*(?:getElementById\(\s*(['"])([^'"]+)\2|"""
    r"""querySelector\(\s*(['"])#([\w-]+)\4)\s*\)"""
)
CUSTOM_ELEMENT = re.compile(r"""customElements\s*\.\s*define\(\s*(['"])([a-z][\w.-]*-[\w.-]*)\1""")


def _shadow_hosts(page: HtmlPage) -> set[etree._Element]:
    """The elements the page's scripts give a shadow tree. What such a host holds is
    shown only where the shadow tree's slots put it (inside a label, a list, or nowhere),
    which needs the scripts run: rules that judge an element by what stands around it
    leave it alone there."""
    hosts: set[etree._Element] | None = page.cache.get("shadow hosts")
    if hosts is not None:
        return hosts
    hosts = page.cache["shadow hosts"] = set()
    script = "\n".join(_script_source(s) for s in page.root.iter("script"))
    if "attachShadow" not in script:
        return hosts
    ids = {m.group(2) or m.group(4) for m in SHADOW_BY_ID.finditer(script)}
    for found in SHADOW_VARIABLE.finditer(script):
        if re.search(rf"\b{re.escape(found.group(1))}\s*\.\s*attachShadow", script):
            ids.add(found.group(3) or found.group(5))
    tags = {m.group(2) for m in CUSTOM_ELEMENT.finditer(script)}
    for element in page.root.iter():
        if isinstance(element.tag, str) and (element.tag in tags or element.get("id") in ids):
            hosts.add(element)
    return hosts


def _script_source(script: etree._Element) -> str:
    """A ``<script>``'s source, as written."""
    return "".join(str(part) for part in script.itertext())


def _runs_scripts(page: HtmlPage) -> bool:
    """Whether the page has a JavaScript ``<script>``, from a file or written in it."""
    for script in page.root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        javascript = not kind or "javascript" in kind or kind == "module"
        if javascript and (script.get("src") or _script_source(script).strip()):
            return True
    return False


def _in_shadow_host(page: HtmlPage, element: etree._Element) -> bool:
    """Whether the element stands in a shadow host (see ``_shadow_hosts``)."""
    hosts = _shadow_hosts(page)
    return bool(hosts) and any(a in hosts for a in element.iterancestors())


def _hidden_itself(page: HtmlPage, element: etree._Element) -> bool:
    aria_hidden = (element.get("aria-hidden") or "").strip().lower() == "true"
    if element.tag == "area":
        return aria_hidden or _area_unused(page, element)
    return aria_hidden or _not_shown(page, element)


def _area_unused(page: HtmlPage, area: etree._Element) -> bool:
    """Whether an ``<area>`` is shown by no image: its ``<map>`` has no ``name``, no
    ``<img usemap="#name">`` points to it, or such an image is hidden. An area is
    shown (or not) only where its image is, whatever stands around the area itself
    (axe-core's ``areaHidden``)."""
    map_ = next((a for a in area.iterancestors() if a.tag == "map"), None)
    name = map_.get("name") if map_ is not None else None
    if not name:
        return True
    images = [i for i in page.root.iter("img") if i.get("usemap") == f"#{name}"]
    return not images or any(_hidden(page, i) for i in images)


def _not_shown(page: HtmlPage, element: etree._Element) -> bool:
    """Hidden from everyone: by CSS, ``hidden``, or an element browsers never show."""
    rendered = _rendered(page, element)
    return rendered is not None and rendered.hidden


def _drop_keeping_tail(element: etree._Element) -> None:
    """Take an element out of its tree (if still in one), keeping the text after it."""
    parent = element.getparent()
    if parent is None:
        return
    tail, previous = element.tail or "", element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _hidden(page: HtmlPage, element: etree._Element) -> bool:
    """Hidden from everyone (CSS, ``hidden``) or from assistive technology (``aria-hidden``);
    an image map's ``<area>`` where its image is (``_area_unused``)."""
    if element.tag == "area":
        return _hidden_itself(page, element)
    return _not_shown(page, element) or any(
        (node.get("aria-hidden") or "").strip().lower() == "true"
        for node in [element, *element.iterancestors()]
    )


def _rendered(page: HtmlPage, element: etree._Element) -> Rendered | None:
    """The element's computed visibility and font size, computed once per page."""
    styles = page.cache.get("rendered")
    if styles is None:
        styles = page.cache["rendered"] = rendered_styles(page.root, page.css)
    found: Rendered | None = styles.get(element)
    return found


# WCAG 1.4.12: the spacing users may set, as a share of the font size. Line height
# counts only for text that wraps (axe-core), which needs the layout: not judged here.
TEXT_SPACING = {"letter-spacing": 0.12, "word-spacing": 0.16}
LENGTH = re.compile(r"^(-?\d*\.?\d+)(px|em|rem|%)?$")


@rule(
    "html-inline-spacing",
    target="html",
    severity="error",
    level="AA",
    summary="Inline styles do not lock letter or word spacing below what WCAG 1.4.12 lets "
    "users set (`!important`)",
    fix="Drop !important from the style attribute, or use at least letter-spacing 0.12em "
    "and word-spacing 0.16em.",
    references=[wcag("1.4.12")],
    mirrors=["axe/avoid-inline-spacing"],
)
def inline_spacing(page: HtmlPage) -> Iterator[Problem]:
    """A user's own style sheet cannot override an inline ``!important`` declaration.

    As axe-core judges it: the value that reaches the text (a descendant may set
    its own), relative to that text's font size; ``normal`` counts as 0.
    """
    for element in page.root.iter():
        if not isinstance(element.tag, str) or not element.get("style"):
            continue
        important = {k: v for k, (v, flag) in _inline_declarations(element).items() if flag}
        for name, minimum in TEXT_SPACING.items():
            value = important.get(name)
            if value is None or value in ("inherit", "unset", "revert", "revert-layer"):
                continue
            rendered = _rendered(page, element)
            if _hidden(page, element) or (rendered is not None and rendered.offscreen):
                break  # axe-core judges only text shown on screen
            for container in [element, *element.iterdescendants()]:
                if not _reaches(container, element, name) or not _has_own_text(container):
                    continue
                rendered = _rendered(page, container)
                share = _spacing_share(value, rendered.font_size if rendered else 16.0)
                if share is not None and share + 1e-9 < minimum:
                    yield Problem(
                        f"{name}: {value} !important is below {minimum:g}em", page.locate(element)
                    )
                    break


def _inline_declarations(element: etree._Element) -> dict[str, tuple[str, bool]]:
    """The element's ``style`` declarations: the last of each property, and its !important."""
    found: dict[str, tuple[str, bool]] = {}
    for item in tinycss2.parse_blocks_contents(
        element.get("style") or "", skip_comments=True, skip_whitespace=True
    ):
        if item.type == "declaration":
            value = tinycss2.serialize(item.value).strip().lower()
            if item.important or not found.get(item.lower_name, ("", False))[1]:
                found[item.lower_name] = (value, item.important)
    return found


def _reaches(container: etree._Element, source: etree._Element, name: str) -> bool:
    """True when no element between ``container`` and ``source`` sets ``name`` itself."""
    node: etree._Element | None = container
    while node is not None and node is not source:
        if isinstance(node.tag, str) and name in _inline_declarations(node):
            return False
        node = node.getparent()
    return node is source


def _has_own_text(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    texts = [element.text or ""] + [child.tail or "" for child in element]
    return any(t.strip() for t in texts)


def _spacing_share(value: str, font_size: float) -> float | None:
    """A spacing value as a share of the font size; None when it cannot be told."""
    if value in ("normal", "initial"):
        return 0.0
    match = LENGTH.match(value)
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if unit == "em":
        return number
    if unit == "px":
        return number / font_size
    if unit == "rem":
        return number * 16.0 / font_size
    return 0.0 if number == 0 else None


DISABLEABLE = {"button", "input", "select", "textarea", "fieldset", "optgroup", "option"}
LABELABLE = ("input", "select", "textarea", "button", "meter", "output", "progress")


def _disabled(element: etree._Element, aria: bool = True) -> bool:
    """Disabled itself or by an ancestor (a disabled fieldset, and with ``aria``,
    ``aria-disabled``, which tells but leaves the control in the focus order)."""
    for node in [element, *element.iterancestors()]:
        if aria and (node.get("aria-disabled") or "").strip().lower() == "true":
            return True
        if node.tag in DISABLEABLE and node.get("disabled") is not None:
            return True
    return False


def _inactive(page: HtmlPage, element: etree._Element) -> bool:
    """Part of an inactive control, or its label: WCAG 1.4.3 exempts its text."""
    if _disabled(element):
        return True
    disabled_labels = page.cache.get("disabled-labels")
    if disabled_labels is None:
        disabled_labels = page.cache["disabled-labels"] = _labels_of_disabled(page)
    return any(node in disabled_labels for node in [element, *element.iterancestors()])


def _labels_of_disabled(page: HtmlPage) -> set[etree._Element]:
    by_id = {e.get("id"): e for e in page.root.iter() if isinstance(e.tag, str) and e.get("id")}
    labels: set[etree._Element] = set()
    for label in page.root.iter("label"):
        target = by_id.get(label.get("for")) if label.get("for") else None
        if target is None:
            target = next(label.iter(*LABELABLE), None)
        if target is not None and _disabled(target):
            labels.add(label)
    for element in page.root.iter():
        if isinstance(element.tag, str) and element.get("aria-labelledby") and _disabled(element):
            labels |= {by_id[i] for i in element.get("aria-labelledby", "").split() if i in by_id}
    return labels
