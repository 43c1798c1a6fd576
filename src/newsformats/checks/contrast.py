"""WCAG contrast of text against its background, computed from the page's own CSS.

A small cascade, enough for article pages: selectors matched with cssselect2,
specificity and order, ``!important``, inline ``style``, inheritance of
``color`` and custom properties, ``var()`` with fallbacks, backgrounds
composited up the ancestors onto the canvas, and the two colour schemes
(``@media (prefers-color-scheme: dark)``), and HTML's presentational attributes
(``bgcolor``, ``<font color>``) beneath all of them. Text whose background is an image
or gradient cannot be judged and is skipped; so is text moved off the page or
clipped to nothing (the "visually hidden" pattern), and, as axe-core, text that may
not be words: a single character, or punctuation and symbols only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import cssselect2
import tinycss2
import tinycss2.color3
from lxml import etree

Scheme = Literal["light", "dark"]
RGBA = tuple[float, float, float, float]

BLACK: RGBA = (0.0, 0.0, 0.0, 1.0)
WHITE: RGBA = (1.0, 1.0, 1.0, 1.0)
TRANSPARENT: RGBA = (0.0, 0.0, 0.0, 0.0)
DARK_CANVAS: RGBA = (0x12 / 255, 0x12 / 255, 0x12 / 255, 1.0)
PROPERTIES = {
    "color",
    "background",
    "background-color",
    "background-image",
    "font-size",
    "font-weight",
    "display",
    "visibility",
    "color-scheme",
    "position",
    "top",
    "left",
    "clip",
    "clip-path",
    # read by computed_styles (a link against its text block), not by the contrast
    "text-decoration",
    "text-decoration-line",
    "font-style",
    "outline",
    "outline-style",
    "outline-width",
    "content",
    "text-shadow",
    "opacity",
}
# Properties that change an element's box (its size, or where it stands against its
# neighbours): ``Rendered.layout`` names those the cascade declares on an element.
LAYOUT_PREFIXES = ("padding", "margin", "border", "flex", "grid", "inset", "column")
LAYOUT_NAMES = {
    "display", "height", "min-height", "max-height", "line-height", "width", "min-width",
    "max-width", "float", "position", "gap", "row-gap", "font", "font-family", "transform",
    "top", "bottom", "left", "right", "zoom", "writing-mode", "white-space", "text-indent",
    "box-sizing", "letter-spacing", "word-spacing", "vertical-align", "overflow",
}  # fmt: skip
# An element positioned this far (px) above or left of the page is off screen.
OFFSCREEN = -1000.0
# what browsers never show (their style sheet's display: none, and noscript's content
# when scripts run)
NOT_RENDERED = {
    "head", "script", "style", "template", "noscript", "title", "meta", "link", "base",
    "basefont", "datalist", "noembed", "noframes", "param", "rp",
}  # fmt: skip
UA_FONT_SCALE = {"h1": 2.0, "h2": 1.5, "h3": 1.17, "h5": 0.83, "h6": 0.67, "small": 0.833}
UA_BOLD = {"h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "th", "dt"}
FONT_KEYWORDS = {
    "xx-small": 9.0,
    "x-small": 10.0,
    "small": 13.0,
    "medium": 16.0,
    "large": 18.0,
    "x-large": 24.0,
    "xx-large": 32.0,
    "xxx-large": 48.0,
}
LENGTH = re.compile(r"^([0-9]*\.?[0-9]+)(px|pt|em|rem|%)$")


def luminance(color: RGBA) -> float:
    """Relative luminance of an sRGB colour (WCAG 2.2 definition)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue, _ = color
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(foreground: RGBA, background: RGBA) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21.

    >>> round(contrast_ratio((0, 0, 0, 1), (1, 1, 1, 1)), 1)
    21.0
    """
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(top: RGBA, bottom: RGBA) -> RGBA:
    """Composite ``top`` over an opaque ``bottom``."""
    alpha = top[3]
    return (
        top[0] * alpha + bottom[0] * (1 - alpha),
        top[1] * alpha + bottom[1] * (1 - alpha),
        top[2] * alpha + bottom[2] * (1 - alpha),
        1.0,
    )


def hex_color(color: RGBA) -> str:
    """``#rrggbb`` of a colour."""
    return "#" + "".join(f"{round(c * 255):02x}" for c in color[:3])


@dataclass(frozen=True)
class TextContrast:
    """The contrast of one element's own text in one colour scheme."""

    element: etree._Element
    scheme: Scheme
    foreground: RGBA
    background: RGBA
    ratio: float
    large: bool


@dataclass
class _Style:
    color: RGBA = BLACK
    background: RGBA = TRANSPARENT
    background_image: bool = False
    font_size: float = 16.0
    bold: bool = False
    hidden: bool = False
    # display: none (or never rendered): nothing inside can be shown again, unlike
    # visibility: hidden, which a child's visibility: visible undoes
    removed: bool = False
    offscreen: bool = False
    # text-shadow (inherited) blends into what axe-core takes for the background, by
    # its blur and the font size: not modelled, so such text is not judged
    shadowed: bool = False
    # position: fixed: the box stands over whatever scrolls beneath it, not its parent
    fixed: bool = False
    # opacity (not inherited): the element and all it holds are painted as one group,
    # then laid over what is behind with this alpha
    opacity: float = 1.0
    custom: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Declaration:
    name: str
    value: list[Any]
    important: bool


def text_contrasts(root: etree._Element, css: Iterable[str]) -> Iterator[TextContrast]:
    """Yield the contrast of every element with its own visible text, per colour scheme.

    The dark scheme is judged only when the page has rules for it or declares
    ``color-scheme: dark``; otherwise browsers show the light one.

    >>> from lxml import html
    >>> page = html.fromstring('<html><body><p>Hi</p></body></html>')
    >>> [round(c.ratio, 1) for c in text_contrasts(page, ["p { color: #767676 }"])]
    [4.5]
    """
    sheets = list(css)
    schemes: list[Scheme] = ["light"]
    if _supports_dark(root, sheets):
        schemes.append("dark")
    for scheme in schemes:
        yield from _scheme_contrasts(root, sheets, scheme)


@dataclass(frozen=True)
class Rendered:
    """What the cascade makes of one element: hidden, font size in px, moved off screen."""

    hidden: bool
    font_size: float
    offscreen: bool = False
    layout: frozenset[str] = frozenset()


def is_layout(name: str) -> bool:
    """True for a property that changes the element's box (see ``LAYOUT_NAMES``)."""
    return name in LAYOUT_NAMES or name.startswith(LAYOUT_PREFIXES)


def rendered_styles(root: etree._Element, css: Iterable[str]) -> dict[etree._Element, Rendered]:
    """Every element's computed visibility and font size (light scheme).

    >>> from lxml import html
    >>> page = html.fromstring('<html><body><p class="x">Hi</p><h1>Yo</h1></body></html>')
    >>> styles = rendered_styles(page, [".x { display: none }"])
    >>> [(e.tag, s.hidden, s.font_size) for e, s in styles.items() if e.tag in ("p", "h1")]
    [('p', True, 16.0), ('h1', False, 32.0)]
    """
    result: dict[etree._Element, Rendered] = {}
    for node, declared, style, _ in _styles(root, _matcher(list(css), "light"), _Style()):
        layout = frozenset(name for name in declared if is_layout(name))
        result[node.etree_element] = Rendered(
            style.hidden, style.font_size, style.offscreen, layout
        )
    return result


def _styles(
    root: etree._Element, matcher: cssselect2.Matcher, initial: _Style
) -> Iterator[tuple[Any, dict[str, list[Any]], _Style, dict[etree._Element, _Style]]]:
    """Each element (as cssselect2's node), its declarations and its computed style, the
    root inheriting from `initial`, with the styles computed so far (its ancestors' among
    them)."""
    styles: dict[etree._Element, _Style] = {}
    root_size = 16.0
    for node in cssselect2.ElementWrapper.from_html_root(root).iter_subtree():
        element = node.etree_element
        parent_element = element.getparent()
        parent = styles.get(parent_element, initial) if parent_element is not None else initial
        declared = _cascade(element, matcher.match(node))
        style = _compute(element, declared, parent, root_size)
        if parent_element is None:
            root_size = style.font_size
        styles[element] = style
        yield node, declared, style, styles


@dataclass(frozen=True)
class Computed:
    """An element's looks, as rules that compare one element with another need them."""

    color: RGBA
    background: RGBA | None  # composited on the canvas; None over an image or gradient
    bold: bool
    font_size: float
    hidden: bool
    offscreen: bool
    declared: dict[str, str]  # the element's own cascaded declarations, var() substituted
    generated: bool  # a ::before or ::after rule gives it content


def computed_styles(root: etree._Element, css: Iterable[str]) -> dict[etree._Element, Computed]:
    """Every element's computed looks in the light scheme (what browsers show by default).

    >>> from lxml import html
    >>> page = html.fromstring('<html><body><p>Hi <a href="x">you</a></p></body></html>')
    >>> styles = computed_styles(page, ["a { text-decoration: none; color: #00f }"])
    >>> link = styles[page.find(".//a")]
    >>> link.declared["text-decoration"], hex_color(link.color)
    ('none', '#0000ff')
    """
    sheets = list(css)
    pseudo = _matcher(sheets, "light", pseudo=True)
    result: dict[etree._Element, Computed] = {}
    for node, declared, style, styles in _styles(root, _matcher(sheets, "light"), _Style()):
        element = node.etree_element
        values = {k: _substitute(v, style.custom, 0).strip() for k, v in declared.items()}
        content = [
            _substitute(d.value, style.custom, 0).strip().lower()
            for *_, declarations in pseudo.match(node) or ()
            for d in declarations
            if d.name == "content"
        ]
        generated = any(c not in ("none", "normal", '""', "''") for c in content)
        background = _background(element, styles, WHITE)
        result[element] = Computed(
            style.color, background, style.bold, style.font_size, style.hidden,
            style.offscreen, values, generated,
        )  # fmt: skip
    return result


def hidden_elements(root: etree._Element, css: Iterable[str]) -> set[etree._Element]:
    """The elements the page's CSS and ``hidden`` attributes keep from being rendered.

    >>> from lxml import html
    >>> page = html.fromstring('<html><body><p class="x">Hi</p><p>Yo</p></body></html>')
    >>> sorted(e.text for e in hidden_elements(page, [".x { display: none }"]) if e.tag == "p")
    ['Hi']
    """
    return {e for e, style in rendered_styles(root, css).items() if style.hidden}


def _supports_dark(root: etree._Element, sheets: list[str]) -> bool:
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "color-scheme" and "dark" in (
            meta.get("content") or ""
        ):
            return True
    return any(re.search(r"prefers-color-scheme\s*:\s*dark", sheet) for sheet in sheets)


def _media_matches(query: str, scheme: Scheme) -> bool:
    query = re.sub(r"\s*:\s*", ":", " ".join(query.lower().split()))
    if "prefers-color-scheme" in query and f"prefers-color-scheme:{scheme}" not in query:
        return False
    if re.search(r"\bprint\b", query) and not re.search(r"\b(screen|all)\b", query):
        return False
    return not re.search(r"prefers-contrast|forced-colors|\bspeech\b", query)


def _rules(sheets: list[str], scheme: Scheme) -> Iterator[tuple[list[Any], list[_Declaration]]]:
    def walk(rules: list[Any]) -> Iterator[tuple[list[Any], list[_Declaration]]]:
        for node in rules:
            if node.type == "qualified-rule":
                declarations = [
                    _Declaration(
                        d.name if d.name.startswith("--") else d.lower_name, d.value, d.important
                    )
                    for d in tinycss2.parse_blocks_contents(
                        node.content, skip_comments=True, skip_whitespace=True
                    )
                    if d.type == "declaration"
                    and (
                        d.name.startswith("--")
                        or d.lower_name in PROPERTIES
                        or is_layout(d.lower_name)
                    )
                ]
                if declarations:
                    yield node.prelude, declarations
            elif node.type == "at-rule" and node.content is not None:
                keyword = node.lower_at_keyword
                if keyword == "media" and not _media_matches(
                    tinycss2.serialize(node.prelude), scheme
                ):
                    continue
                if keyword in ("media", "supports", "layer", "container"):
                    yield from walk(
                        tinycss2.parse_rule_list(
                            node.content, skip_comments=True, skip_whitespace=True
                        )
                    )

    for sheet in sheets:
        yield from walk(tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True))


def _matcher(sheets: list[str], scheme: Scheme, pseudo: bool = False) -> cssselect2.Matcher:
    """The rules of the elements themselves; with ``pseudo``, of their ::before and ::after."""
    matcher = cssselect2.Matcher()
    for prelude, declarations in _rules(sheets, scheme):
        try:
            selectors = cssselect2.compile_selector_list(prelude)
        except cssselect2.SelectorError:
            continue
        for selector in selectors:
            wanted = ("before", "after") if pseudo else (None,)
            if selector.pseudo_element in wanted:
                matcher.add_selector(selector, declarations)
    return matcher


def _scheme_contrasts(
    root: etree._Element, sheets: list[str], scheme: Scheme
) -> Iterator[TextContrast]:
    matcher = _matcher(sheets, scheme)
    canvas = DARK_CANVAS if scheme == "dark" else WHITE
    initial = _Style(color=WHITE if scheme == "dark" else BLACK)
    for node, _, style, styles in _styles(root, matcher, initial):
        element = node.etree_element
        if style.hidden or style.offscreen or style.shadowed or not _has_own_text(element):
            continue
        if not _may_be_words(element):
            continue
        seen = _painted(element, styles, canvas)
        if seen is None:
            continue
        foreground, background = seen
        large = style.font_size >= 24.0 or (style.bold and style.font_size >= 18.66)
        yield TextContrast(
            element, scheme, foreground, background, contrast_ratio(foreground, background), large
        )


# HTML's presentational attributes: (attribute, the elements that take it, the property
# it gives). A browser ranks them below every style sheet rule (HTML, "Rendering").
PRESENTATIONAL = (
    ("bgcolor", {"body", "table", "thead", "tbody", "tfoot", "tr", "td", "th"},
     "background-color"),
    ("background", {"body", "table", "thead", "tbody", "tfoot", "tr", "td", "th"},
     "background-image"),
    ("color", {"font"}, "color"),
    ("text", {"body"}, "color"),
)  # fmt: skip


def _presentational(element: etree._Element) -> list[_Declaration]:
    """The declarations that the element's presentational attributes stand for."""
    found = []
    for attribute, tags, name in PRESENTATIONAL:
        value = (element.get(attribute) or "").strip()
        if not value or element.tag not in tags:
            continue
        if name == "background-image":
            value = f"url({value!r})"  # an image URL, whatever it points to
        elif re.fullmatch(r"[0-9a-fA-F]{3}|[0-9a-fA-F]{6}", value):
            value = "#" + value  # the legacy colour syntax: hex digits without '#'
        found.append(_Declaration(name, tinycss2.parse_component_value_list(value), False))
    return found


def _may_be_words(element: etree._Element) -> bool:
    """False for text that axe-core does not judge as text: one character (perhaps an
    icon or a bullet), or only punctuation, symbols and emoji."""
    text = "".join("".join(str(t) for t in element.itertext()).split())
    if len(text) <= 1:
        return False
    return any(unicodedata.category(c)[0] not in "PS" for c in text)


def _cascade(element: etree._Element, matches: list[Any]) -> dict[str, list[Any]]:
    normal: list[_Declaration] = _presentational(element)
    important: list[_Declaration] = []
    for *_, declarations in matches:
        for declaration in declarations:
            (important if declaration.important else normal).append(declaration)
    inline = element.get("style")
    if inline:
        for item in tinycss2.parse_blocks_contents(
            inline, skip_comments=True, skip_whitespace=True
        ):
            if item.type == "declaration":
                name = item.name if item.name.startswith("--") else item.lower_name
                target = important if item.important else normal
                target.append(_Declaration(name, item.value, item.important))
    result: dict[str, list[Any]] = {}
    for declaration in normal + important:
        result[declaration.name] = declaration.value
    return result


def _compute(
    element: etree._Element, declared: dict[str, list[Any]], parent: _Style, root_size: float
) -> _Style:
    tag = element.tag if isinstance(element.tag, str) else ""
    custom = dict(parent.custom)
    for name, tokens in declared.items():
        if name.startswith("--"):
            custom[name] = _substitute(tokens, custom, 0).strip()

    def value_of(name: str) -> str | None:
        tokens = declared.get(name)
        return None if tokens is None else _substitute(tokens, custom, 0).strip()

    style = _Style(
        color=parent.color,
        font_size=parent.font_size * UA_FONT_SCALE.get(tag, 1.0),
        bold=parent.bold or tag in UA_BOLD,
        hidden=parent.hidden or tag in NOT_RENDERED or _in_closed_details(element),
        removed=parent.removed or tag in NOT_RENDERED or _in_closed_details(element),
        offscreen=parent.offscreen,
        shadowed=parent.shadowed,
        custom=custom,
    )
    shadow = value_of("text-shadow")
    if shadow is not None:
        style.shadowed = _shadow_shows(shadow, style.font_size, root_size)
    color = value_of("color")
    if color is not None:
        style.color = _parse_color(color, parent.color) or style.color
    for name in ("background", "background-color"):
        value = value_of(name)
        if value is None:
            continue
        if name == "background" and re.search(r"url\(|gradient\(", value):
            style.background_image = True
        found = _color_in(value, style.color)
        if found is not None:
            style.background = found
        elif name == "background-color" or value.lower() in ("none", "transparent", "initial"):
            style.background = TRANSPARENT
    image = value_of("background-image")
    if image is not None and image.lower() != "none":
        style.background_image = True
    size = value_of("font-size")
    if size is not None:
        style.font_size = _font_size(size.lower(), parent.font_size, root_size)
    weight = (value_of("font-weight") or "").lower()
    if weight:
        style.bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 700)
    display = (value_of("display") or "").lower()
    visibility = (value_of("visibility") or "").lower()
    if visibility in ("hidden", "collapse"):
        style.hidden = True
    elif visibility == "visible" and not style.removed:
        style.hidden = False  # shown again inside an invisible parent (visibility inherits)
    if display == "none":
        style.hidden = style.removed = True
    if element.get("hidden") is not None and not display:
        # the browser's [hidden] { display: none }, below any CSS display
        style.hidden = style.removed = True
    position = (value_of("position") or "").lower()
    style.fixed = position == "fixed"
    style.opacity = _opacity(value_of("opacity"))
    if position in ("absolute", "fixed"):
        for side in ("top", "left"):
            offset = _font_size_or_none(value_of(side), style.font_size, root_size)
            if offset is not None and offset <= OFFSCREEN:
                style.offscreen = True  # the "visually hidden" pattern: read, not shown
    if _clipped_away(value_of, style.font_size, root_size):
        style.offscreen = True  # the same pattern, clipped to nothing
    return style


def _in_closed_details(element: etree._Element) -> bool:
    """A child of a closed ``<details>`` other than its first ``<summary>``: not shown."""
    parent = element.getparent()
    if parent is None or parent.tag != "details" or parent.get("open") is not None:
        return False
    return element is not next((c for c in parent if c.tag == "summary"), None)


def _shadow_shows(value: str, font_size: float, root_size: float) -> bool:
    """Whether a ``text-shadow`` has a shadow that axe-core blends into the background:
    one offset no further than it is blurred (a sharper, further one adds nothing)."""
    value = re.sub(r"[\w-]+\([^)]*\)", " ", value.lower())  # colour functions
    for shadow in value.split(","):
        lengths = [
            0.0 if token in ("0", "-0") else _font_size_or_none(token, font_size, root_size)
            for token in shadow.split()
        ]
        sizes = [size for size in lengths if size is not None]
        if len(sizes) >= 2:
            blur = sizes[2] if len(sizes) > 2 else 0.0
            if sizes[0] <= blur and sizes[1] <= blur:
                return True
    return False


def _clipped_away(value_of: Any, font_size: float, root_size: float) -> bool:
    """True for text shown in no space at all: clipped to an empty rectangle or to 1 px,
    or indented out of the page (``text-indent: -9999px``)."""
    rect = re.fullmatch(r"\s*rect\((.*)\)\s*", (value_of("clip") or "").lower())
    edges = re.findall(r"-?\d*\.?\d+", rect.group(1)) if rect else []
    positioned = (value_of("position") or "").lower() in ("absolute", "fixed")
    if positioned and len(edges) == 4:  # top, right, bottom, left; clips positioned boxes
        top, right, bottom, left = (float(e) for e in edges)
        if bottom <= top or right <= left:
            return True
    clip_path = re.sub(r"\s+", "", (value_of("clip-path") or "").lower())
    if clip_path in ("inset(50%)", "inset(100%)", "circle(0)", "circle(0px)", "polygon(0000)"):
        return True
    indent = _font_size_or_none(value_of("text-indent"), font_size, root_size)
    if indent is not None and indent <= OFFSCREEN:
        return True
    overflow = (value_of("overflow") or "").lower()
    sizes = [_font_size_or_none(value_of(n), font_size, root_size) for n in ("width", "height")]
    return overflow in ("hidden", "clip") and any(v is not None and v <= 1.0 for v in sizes)


def _font_size_or_none(value: str | None, parent: float, root: float) -> float | None:
    """A length in px (em against ``parent``, rem against ``root``); None if not a length."""
    match = re.match(r"^(-?\d*\.?\d+)(px|em|rem)$", (value or "").strip().lower())
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    return number * {"px": 1.0, "em": parent, "rem": root}[unit]


def _substitute(tokens: list[Any], custom: dict[str, str], depth: int) -> str:
    if depth > 20:
        return ""
    parts: list[str] = []
    for token in tokens:
        if token.type == "function" and token.lower_name == "var":
            arguments = [t for t in token.arguments if t.type not in ("whitespace", "comment")]
            name = arguments[0].value if arguments and arguments[0].type == "ident" else ""
            if name in custom:
                parts.append(custom[name])
            else:
                raw = token.arguments
                comma = next(
                    (i for i, t in enumerate(raw) if t.type == "literal" and t.value == ","), None
                )
                if comma is not None:
                    parts.append(_substitute(raw[comma + 1 :], custom, depth + 1))
        elif token.type == "function":
            parts.append(f"{token.name}({_substitute(token.arguments, custom, depth + 1)})")
        else:
            parts.append(tinycss2.serialize([token]))
    return "".join(parts)


def _parse_color(text: str, current: RGBA) -> RGBA | None:
    lowered = text.strip().lower()
    if lowered in ("inherit", "unset"):
        return None
    if lowered == "initial":
        return BLACK
    parsed = tinycss2.color3.parse_color(text)
    if parsed == "currentColor":
        return current
    if parsed is None:
        return None
    return (parsed.red, parsed.green, parsed.blue, parsed.alpha)


def _color_in(value: str, current: RGBA) -> RGBA | None:
    for token in tinycss2.parse_component_value_list(value):
        if token.type in ("whitespace", "comment"):
            continue
        if token.type == "ident" and token.lower_value in ("inherit", "unset", "initial", "none"):
            continue
        parsed = tinycss2.color3.parse_color(token)
        if parsed == "currentColor":
            return current
        if parsed is not None:
            return (parsed.red, parsed.green, parsed.blue, parsed.alpha)
    return None


def _font_size(value: str, parent: float, root: float) -> float:
    if value in FONT_KEYWORDS:
        return FONT_KEYWORDS[value]
    if value == "smaller":
        return parent / 1.2
    if value == "larger":
        return parent * 1.2
    match = LENGTH.match(value)
    if not match:
        return parent
    number, unit = float(match.group(1)), match.group(2)
    return {
        "px": number,
        "pt": number * 4 / 3,
        "em": number * parent,
        "rem": number * root,
        "%": number * parent / 100,
    }[unit]


def _has_own_text(element: etree._Element) -> bool:
    if element.text and element.text.strip():
        return True
    return any(child.tail and child.tail.strip() for child in element)


def _background(
    element: etree._Element, styles: dict[etree._Element, _Style], canvas: RGBA
) -> RGBA | None:
    """What is painted behind the element's text (see ``_painted``), or None."""
    seen = _painted(element, styles, canvas)
    return None if seen is None else seen[1]


def _opacity(value: str | None) -> float:
    """A CSS ``opacity`` (a number or a percentage) from 0 to 1; 1 if none or unreadable."""
    match = re.fullmatch(r"(\d*\.?\d+)(%?)", (value or "").strip())
    if not match:
        return 1.0
    number = float(match.group(1)) / (100.0 if match.group(2) else 1.0)
    return min(1.0, number)


# a colour with its alpha multiplied in (premultiplied), which groups composite simply
Premultiplied = tuple[float, float, float, float]


def _premultiplied(color: RGBA) -> Premultiplied:
    return (color[0] * color[3], color[1] * color[3], color[2] * color[3], color[3])


def _over(top: Premultiplied, bottom: Premultiplied) -> Premultiplied:
    keep = 1.0 - top[3]
    return (
        top[0] + bottom[0] * keep,
        top[1] + bottom[1] * keep,
        top[2] + bottom[2] * keep,
        top[3] + bottom[3] * keep,
    )


def _faded(color: Premultiplied, opacity: float) -> Premultiplied:
    return (color[0] * opacity, color[1] * opacity, color[2] * opacity, color[3] * opacity)


def _painted(
    element: etree._Element, styles: dict[etree._Element, _Style], canvas: RGBA
) -> tuple[RGBA, RGBA] | None:
    """The opaque colours of the element's text and of what is behind it, as painted:
    each box's background under what it holds, and a box with ``opacity`` painted as
    one group laid over what is behind it (CSS Compositing; axe-core's stacking
    contexts). None when what is behind cannot be known: a background image, or a
    ``position: fixed`` box with no background of its own (it shows what scrolls
    beneath it, not its parent)."""
    text = _premultiplied(styles[element].color)
    behind: Premultiplied = (0.0, 0.0, 0.0, 0.0)
    seen = text
    current: etree._Element | None = element
    while current is not None:
        style = styles[current]
        if behind[3] < 1:
            if style.background_image:
                return None
            layer = _premultiplied(style.background)
            behind, seen = _over(behind, layer), _over(seen, layer)
            if style.fixed and behind[3] < 1:
                return None
        if style.opacity < 1:
            behind, seen = _faded(behind, style.opacity), _faded(seen, style.opacity)
        current = current.getparent()
    ground = _premultiplied(canvas)
    behind, seen = _over(behind, ground), _over(seen, ground)
    return (seen[0], seen[1], seen[2], 1.0), (behind[0], behind[1], behind[2], 1.0)
