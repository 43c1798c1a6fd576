"""The book's cover: the lead photo, or a title cover drawn as SVG from the text.

A generated cover shows only words the book already has as text (the title,
the publisher, the date), so its text alternative says exactly those words and
it adds nothing a reader could miss without sight.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from lxml import etree

SVG = "http://www.w3.org/2000/svg"
SVG_NSMAP: dict[Any, str] = {None: SVG}
WIDTH, HEIGHT = 1200, 1800
BACKGROUND = "#14213d"
FOREGROUND = "#ffffff"
ACCENT = "#f2c14e"


@dataclass(frozen=True)
class Cover:
    """A cover image: its bytes, type, file name inside the book, and text alternative."""

    data: bytes
    media_type: str
    file_name: str
    alt: str


def photo_cover(data: bytes, media_type: str, file_name: str, alt: str) -> Cover:
    """The lead photo as the cover, described by its own alt text.

    >>> photo_cover(b"...", "image/jpeg", "images/lead-figure.jpg", "Leaders pose.").alt
    'Leaders pose.'
    """
    return Cover(data, media_type, file_name, alt)


def title_cover(
    title: str,
    *,
    language: str,
    direction: str,
    lines_below: tuple[str, ...] = (),
    file_name: str = "cover.svg",
) -> Cover:
    """Draw a cover with the title and a few lines below it (publisher, date).

    The drawing depends only on the text, so it is the same every time.

    >>> cover = title_cover("Evening edition", language="en", direction="ltr")
    >>> cover.media_type, cover.alt
    ('image/svg+xml', 'Evening edition')
    """
    alt = " · ".join((title, *lines_below))
    svg = etree.Element(f"{{{SVG}}}svg", nsmap=SVG_NSMAP)
    for name, value in {
        "version": "1.1",
        "width": str(WIDTH),
        "height": str(HEIGHT),
        "viewBox": f"0 0 {WIDTH} {HEIGHT}",
        "role": "img",
        "aria-labelledby": "cover-title",
        "{http://www.w3.org/XML/1998/namespace}lang": language,
        "direction": direction,
    }.items():
        svg.set(name, value)
    etree.SubElement(svg, f"{{{SVG}}}title", id="cover-title").text = alt
    etree.SubElement(svg, f"{{{SVG}}}rect", width=str(WIDTH), height=str(HEIGHT), fill=BACKGROUND)
    bar_x = WIDTH - 360 if direction == "rtl" else 120  # the accent bar starts where lines do
    etree.SubElement(
        svg, f"{{{SVG}}}rect", x=str(bar_x), y="260", width="240", height="16", fill=ACCENT
    )

    lines = _wrap(title, size=96)
    y = 420
    for line in lines:
        _text(svg, line, y=y, size=96, weight="bold")
        y += 120
    y = max(y + 80, HEIGHT - 120 * len(lines_below) - 120)
    for line in lines_below:
        _text(svg, line, y=y, size=52, weight="normal")
        y += 80
    data = etree.tostring(svg, xml_declaration=True, encoding="utf-8") + b"\n"
    return Cover(data, "image/svg+xml", file_name, alt)


def _wrap(text: str, *, size: int) -> list[str]:
    # About 0.62 em per character of a bold serif face; at most eight lines.
    width = max(8, int((WIDTH - 240) / (size * 0.62)))
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [text]
    if len(lines) > 8:
        lines = [*lines[:7], lines[7].rstrip() + "…"]
    return lines


def _text(svg: etree._Element, line: str, *, y: int, size: int, weight: str) -> None:
    node = etree.SubElement(svg, f"{{{SVG}}}text")
    for name, value in {
        "x": str(WIDTH // 2),
        "y": str(y),
        "text-anchor": "middle",
        "font-family": "'Noto Serif', 'Noto Naskh Arabic', 'DejaVu Serif', serif",
        "font-size": str(size),
        "font-weight": weight,
        "fill": FOREGROUND,
    }.items():
        node.set(name, value)
    node.text = line
