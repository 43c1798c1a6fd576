"""Rules for HTML pages, also run on every content document of an EPUB."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from lxml import etree

from ...lang import all_packs
from ...language import is_well_formed_tag
from ..contrast import hex_color, text_contrasts
from ..loaders.html import EPUB_TYPE, HtmlPage, lang_of, text_of
from ..references import wcag
from ..registry import Problem, rule

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
)
def lang(page: HtmlPage) -> Iterator[Problem]:
    """Screen readers choose their voice and pronunciation from the page's language."""
    value = lang_of(page.root)
    if value is None or not value.strip():
        yield Problem("<html> has no lang attribute", page.locate(page.root))
    elif not is_well_formed_tag(value.strip()):
        yield Problem(f"lang={value!r} is not a BCP 47 language tag", page.locate(page.root))


@rule(
    "html-title",
    target="html",
    severity="error",
    summary="The page has a non-empty `<title>`",
    fix="Add <title> in <head> with the headline (and the publication's name).",
    references=[wcag("2.4.2")],
)
def title(page: HtmlPage) -> Iterator[Problem]:
    """The title is the first thing announced and the name of the tab or window."""
    titles = [t for t in page.find("title") if getattr(t.getparent(), "tag", None) == "head"]
    if not titles:
        yield Problem("the page has no <title>", page.locate(page.root))
    elif not text_of(titles[0]):
        yield Problem("the <title> is empty", page.locate(titles[0]))


@rule(
    "html-main",
    target="html",
    severity="error",
    summary="The page has exactly one `<main>` landmark",
    fix='Wrap the article in one <main id="main"> (and no other element with role=main).',
    references=[wcag("1.3.1"), wcag("2.4.1")],
    in_epub=False,
)
def main_landmark(page: HtmlPage) -> Iterator[Problem]:
    """Screen reader users jump to the main landmark to skip the page's chrome."""
    mains = [e for e in page.root.iter() if _role(e) == "main" and e.get("hidden") is None]
    if not mains:
        yield Problem("the page has no <main> landmark", page.locate(page.root))
    for extra in mains[1:]:
        yield Problem(f"a second main landmark ({len(mains)} in all)", page.locate(extra))


@rule(
    "html-skip-link",
    target="html",
    severity="error",
    summary="A skip link before the content leads to the main content",
    fix='Make the first link of <body> <a href="#main">Skip to main content</a>, '
    'pointing at <main id="main">.',
    references=[wcag("2.4.1")],
    in_epub=False,
)
def skip_link(page: HtmlPage) -> Iterator[Problem]:
    """Keyboard users need one key press to pass the banner and navigation."""
    mains = [e for e in page.root.iter() if _role(e) == "main"]
    if not mains:
        return
    main = mains[0]
    ids = {e.get("id"): e for e in page.root.iter() if isinstance(e.tag, str) and e.get("id")}
    before_main = []
    for element in page.root.iter("a"):
        if element is main or _is_inside(element, main):
            break
        if element.get("href"):
            before_main.append(element)
    for link in before_main:
        href = link.get("href") or ""
        if not href.startswith("#"):
            continue
        target = ids.get(unquote(href[1:]))
        if target is None:
            yield Problem(
                f"the skip link points at {href}, which is not in the page", page.locate(link)
            )
            return
        if target is main or _is_inside(target, main):
            return
    yield Problem("no link before <main> leads to it", page.locate(main))


@rule(
    "html-heading-order",
    target="html",
    severity="error",
    summary="Headings start at `<h1>` and go down one level at a time",
    fix="Use <h1> for the headline and <h2>, <h3>… in order below it, never skipping a level.",
    references=[wcag("1.3.1"), wcag("2.4.6")],
)
def heading_order(page: HtmlPage) -> Iterator[Problem]:
    """Screen reader users move by headings; a skipped level suggests a missing section.

    An EPUB content document may start below ``<h1>`` (a chapter of a book); a
    web page starts at ``<h1>``.
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
)
def img_alt(page: HtmlPage) -> Iterator[Problem]:
    """Without ``alt``, screen readers read the file name or say nothing useful."""
    for image in page.find("img"):
        if image.get("alt") is None and _role(image) not in ("presentation", "none"):
            name = PurePosixPath(urlsplit(image.get("src") or "").path).name or "an image"
            yield Problem(f"<img> ({name}) has no alt attribute", page.locate(image))


@rule(
    "html-img-alt-filename",
    target="html",
    severity="error",
    summary="Alt text is not a file name",
    fix="Replace the file name with a description of what the picture shows.",
    references=[wcag("1.1.1")],
)
def img_alt_filename(page: HtmlPage) -> Iterator[Problem]:
    """``alt="DSC_0042.jpg"`` tells a listener nothing about the picture."""
    for image in page.find("img"):
        alt = (image.get("alt") or "").strip()
        source = PurePosixPath(urlsplit(image.get("src") or "").path).name
        if alt and (IMAGE_NAME.search(alt) or alt == source or alt == PurePosixPath(source).stem):
            yield Problem(f"the alt text {alt!r} is a file name", page.locate(image))


@rule(
    "html-img-alt-caption",
    target="html",
    severity="warning",
    summary="Alt text does not repeat the caption",
    fix="Say in the alt text what the picture shows; leave the news in the caption.",
    references=[wcag("1.1.1")],
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
)
def img_alt_long(page: HtmlPage) -> Iterator[Problem]:
    """Long alt text cannot be paused or navigated by screen reader users."""
    for image in page.find("img"):
        alt = " ".join((image.get("alt") or "").split())
        if len(alt) > ALT_MAX:
            yield Problem(f"the alt text has {len(alt)} characters", page.locate(image))


@rule(
    "html-link-name",
    target="html",
    severity="error",
    summary="Every link has text (or a text alternative)",
    fix="Give the link visible text, or alt text on its image, or an aria-label.",
    references=[wcag("2.4.4"), wcag("4.1.2")],
)
def link_name(page: HtmlPage) -> Iterator[Problem]:
    """A link without a name is announced as just "link"."""
    for link in page.find("a"):
        if link.get("href") is not None and not _accessible_name(page, link):
            yield Problem(f"the link to {link.get('href')!r} has no text", page.locate(link))


@rule(
    "html-link-text",
    target="html",
    severity="warning",
    summary='Link text says where the link goes (not "click here")',
    fix='Use words that name the destination, e.g. "the full report" instead of "here".',
    references=[wcag("2.4.4")],
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
    severity="error",
    summary="Several landmarks of one kind carry distinct labels",
    fix='Give each one a distinct aria-label (or aria-labelledby), e.g. "Sections" and "Related".',
    references=[wcag("1.3.1"), wcag("2.4.1")],
)
def landmark_labels(page: HtmlPage) -> Iterator[Problem]:
    """Two navigation landmarks both announced as "navigation" cannot be told apart."""
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


def _contrast_problems(page: HtmlPage, normal: float, large: float) -> Iterator[Problem]:
    failing: dict[tuple[str, str, str, bool], list[etree._Element]]
    failing = defaultdict(list)
    ratios: dict[tuple[str, str, str, bool], float] = {}
    for found in text_contrasts(page.root, page.css):
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
    explicit = (element.get("role") or "").split()
    if explicit:
        return explicit[0]
    return {"main": "main", "nav": "navigation", "aside": "complementary"}.get(element.tag)


def _is_inside(element: etree._Element, ancestor: etree._Element) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


def _label(page: HtmlPage, element: etree._Element) -> str:
    labelledby = element.get("aria-labelledby")
    if labelledby:
        ids = set(labelledby.split())
        found = [e for e in page.root.iter() if isinstance(e.tag, str) and e.get("id") in ids]
        return " ".join(text_of(e) for e in found)
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
    alts = [image.get("alt") or "" for image in element.iter("img")]
    name = " ".join(p for p in [text_of(element), *alts] if p.strip())
    return name or element.get("title") or ""
