"""Links that only their colour tells apart from the text around them (``epub-link-in-text-block``).

Ace runs axe-core's ``link-in-text-block`` on every content document of the spine
(serious, WCAG 1.4.1). A link in a block of text fails it when nothing but colour
sets it apart: its style does not differ from the block's (underline or other
text decoration, a border or outline, a background image, the font's family,
weight, style or size), and neither its text colour nor its background contrasts
3:1 with the block's. The browser underlines links and colours them ``#0000ee``
unless a style sheet says otherwise, so a book fails only when its CSS takes the
underline away and sets no other difference. As axe-core, a link whose look
cannot be known (a background image or generated content) is not judged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator

from lxml import etree

from ..contrast import RGBA, Computed, computed_styles, contrast_ratio, hex_color
from ..loaders.epub import EpubBook
from ..loaders.html import HtmlPage
from ..references import wcag
from ..registry import Problem, rule

REQUIRED = 3.0
UA_LINK: RGBA = (0.0, 0.0, 0xEE / 255, 1.0)  # browsers' unvisited link colour
BLOCK_DISPLAYS = ("block", "list-item", "table", "flex", "grid", "inline-block", "flow-root")
INLINE_BLOCK_DISPLAYS = ("inline-block", "inline-table", "inline-flex", "inline-grid")
# Elements the browser shows inline (HTML, "Rendering", 15.3); any other starts a block.
INLINE_TAGS = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del",
        "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "q", "rp", "rt", "ruby",
        "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
        "var", "wbr", "svg", "math", "output", "meter", "progress", "picture",
    }
)  # fmt: skip
ITALIC_TAGS = frozenset({"em", "i", "cite", "var", "dfn", "address"})
MONOSPACE_TAGS = frozenset({"code", "kbd", "samp", "tt", "pre"})
WIDGET_TAGS = frozenset({"button", "input", "select", "textarea"})
WIDGET_ROLES = frozenset(
    {
        "button", "checkbox", "combobox", "link", "menuitem", "menuitemcheckbox", "option",
        "menuitemradio", "radio", "scrollbar", "searchbox", "slider", "spinbutton", "switch",
        "tab", "textbox", "treeitem", "gridcell",
    }
)  # fmt: skip
DECORATION_LINES = ("underline", "overline", "line-through")


@rule(
    "epub-link-in-text-block",
    target="epub",
    severity="error",
    summary="A link in a block of text differs from the text by more than its colour",
    fix="Keep the underline of links in running text (or give them a border, a weight or a "
    "colour that contrasts 3:1 with the text).",
    references=[wcag("1.4.1")],
    mirrors=["ace/link-in-text-block"],
)
def link_in_text_block(book: EpubBook) -> Iterator[Problem]:
    """Judged on the pages a reader is shown, in the light scheme, as axe-core judges them."""
    for page in book.rendered_pages:
        yield from _page_problems(page)


def _page_problems(page: HtmlPage) -> Iterator[Problem]:
    links = [
        e
        for e in page.root.iter("a")
        if e.get("href") is not None and (e.get("role") or "link").strip() == "link"
    ]
    if not links:
        return
    styles = computed_styles(page.root, page.css)
    failing: list[tuple[etree._Element, str]] = []
    for link in links:
        style = styles.get(link)
        if style is None or style.hidden or style.offscreen or not _text(link):
            continue
        if _display(link, style) in (*BLOCK_DISPLAYS, *INLINE_BLOCK_DISPLAYS):
            continue
        block = _block_of(link, styles)
        if block is None or not _in_text_block(link, block, styles):
            continue
        why = _only_colour(link, block, styles)
        if why:
            failing.append((link, why))
    if failing:
        link, why = failing[0]
        more = f" (and {len(failing) - 1} more links)" if len(failing) > 1 else ""
        yield Problem(
            f"the link {_text(link)[:40]!r} differs from its text only by colour: {why}{more}",
            page.locate(link),
        )


def _only_colour(
    link: etree._Element, block: etree._Element, styles: dict[etree._Element, Computed]
) -> str | None:
    """Why the link is told apart by colour alone, or None if it is not (or cannot be known)."""
    own, around = styles[link], styles[block]
    if own.generated or _distinct(link, block, styles):
        return None
    color = own.color if "color" in own.declared else UA_LINK
    text = math.floor(contrast_ratio(color, around.color) * 100) / 100
    if text >= REQUIRED:
        return None
    if own.background is None or around.background is None:
        return None  # over an image: axe-core asks for a review
    background = math.floor(contrast_ratio(own.background, around.background) * 100) / 100
    if background >= REQUIRED or (text == 1 and background == 1):
        return None  # the same colour as the text: nothing to tell apart (axe-core passes it)
    return (
        f"{hex_color(color)} against {hex_color(around.color)} is {text:.2f}:1, "
        f"needs {REQUIRED:g}:1, and no underline, border or font sets it apart"
    )


def _distinct(
    link: etree._Element, block: etree._Element, styles: dict[etree._Element, Computed]
) -> bool:
    """axe-core's ``elementIsDistinct``: a style of the link's that the block lacks."""
    own = styles[link].declared
    if any(
        _drawn(value)
        for name, value in own.items()
        if name.startswith(("border", "outline")) and not name.endswith(("-left", "-right"))
    ):
        return True
    if re.search(r"url\(|gradient\(", own.get("background-image", "") + own.get("background", "")):
        return True
    if _decoration(link, styles) != _decoration(block, styles):
        return True
    if styles[link].bold != styles[block].bold:
        return True
    if abs(styles[link].font_size - styles[block].font_size) > 0.01:
        return True
    if _inherited(link, styles, "font-style", _italic) != _inherited(
        block, styles, "font-style", _italic
    ):
        return True
    return _inherited(link, styles, "font-family", _family) != _inherited(
        block, styles, "font-family", _family
    )


def _drawn(value: str) -> bool:
    """Whether a border or outline declaration draws a line (a style and a width)."""
    words = value.lower().split()
    if not words or any(w in ("none", "hidden", "initial", "unset", "inherit") for w in words):
        return False
    return not all(re.fullmatch(r"0(\.0+)?[a-z%]*", w) for w in words if w[0].isdigit())


def _decoration(element: etree._Element, styles: dict[etree._Element, Computed]) -> str:
    """The element's text decoration lines (not inherited); links are underlined by default."""
    declared = styles[element].declared
    value = declared.get("text-decoration-line", declared.get("text-decoration"))
    if value is None:
        is_link = element.tag == "a" and element.get("href") is not None
        return "underline" if is_link or element.tag in ("u", "ins") else "none"
    lines = [w for w in value.lower().split() if w in DECORATION_LINES]
    return " ".join(sorted(lines)) or "none"


def _italic(element: etree._Element, value: str | None) -> str | None:
    if value is not None:
        return "italic" if value.lower() in ("italic", "oblique") else "normal"
    return "italic" if element.tag in ITALIC_TAGS else None


def _family(element: etree._Element, value: str | None) -> str | None:
    if value is not None:
        return value.split(",")[0].strip().strip("'\"").lower()
    return "monospace" if element.tag in MONOSPACE_TAGS else None


def _inherited(
    element: etree._Element,
    styles: dict[etree._Element, Computed],
    name: str,
    own: Callable[[etree._Element, str | None], str | None],
) -> str:
    """An inherited property's value: the nearest of the element and its ancestors' that
    declares it (``own`` reads a declaration, or the browser's style of the tag)."""
    current: etree._Element | None = element
    while current is not None:
        declared = styles[current].declared.get(name) if current in styles else None
        value = own(current, declared) if declared not in ("inherit", "unset") else None
        if value is not None:
            return value
        current = current.getparent()
    return "normal"


def _display(element: etree._Element, style: Computed) -> str:
    declared = style.declared.get("display", "").lower()
    if declared and declared not in ("initial", "inherit", "unset", "revert"):
        return declared
    return "inline" if element.tag in INLINE_TAGS else "block"


def _block_of(
    link: etree._Element, styles: dict[etree._Element, Computed]
) -> etree._Element | None:
    current = link.getparent()
    while current is not None:
        if current in styles and _display(current, styles[current]).startswith(
            (*BLOCK_DISPLAYS, "table-")
        ):
            return current
        current = current.getparent()
    return None


def _in_text_block(
    link: etree._Element, block: etree._Element, styles: dict[etree._Element, Computed]
) -> bool:
    """axe-core's ``isInTextBlock``: on the link's line of the block (between line breaks
    and nested blocks), more text stands outside links and controls than inside them."""
    words: list[str] = []
    widgets: list[str] = []
    seen_link = False

    def walk(element: etree._Element) -> bool:  # False: stop the walk
        nonlocal seen_link
        for child in element:
            if not isinstance(child.tag, str):  # a comment or processing instruction
                words.append(child.tail or "")
                continue
            style = styles.get(child)
            breaks = child.tag in ("br", "hr") or (
                style is not None and _display(child, style).startswith((*BLOCK_DISPLAYS, "table-"))
            )
            if child is link:
                seen_link = True
            if breaks:
                if seen_link:
                    return False
                words.clear()
                widgets.clear()
            elif style is not None and style.hidden:
                pass
            elif _is_widget(child):
                widgets.append(_text(child))
            else:
                words.append(child.text or "")
                if not walk(child):
                    return False
            words.append(child.tail or "")
        return True

    words.append(block.text or "")
    walk(block)
    return len(_clean(" ".join(words))) > len(_clean(" ".join(widgets)))


def _is_widget(element: etree._Element) -> bool:
    role = (element.get("role") or "").strip().split()
    if role:
        return role[0] in WIDGET_ROLES
    return (element.tag == "a" and element.get("href") is not None) or element.tag in WIDGET_TAGS


def _text(element: etree._Element) -> str:
    return _clean("".join(str(t) for t in element.itertext()))


def _clean(text: str) -> str:
    return " ".join(text.split())
