"""Which box made each structure element: a walk that mirrors WeasyPrint's tagging.

WeasyPrint 70 (``weasyprint.pdf.tags``) builds the structure tree page by page
from the laid-out boxes and keeps no link back to the HTML. This module walks the
same boxes in the same order and lists, for every structure element WeasyPrint
creates, its tag and the HTML element it came from. The fixes in
:mod:`newsformats.pdf.structure` pair this list with the structure elements in
the order they were created; a mismatch stops the writer (see ``pair_origins``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.pdf.tags import _get_pdf_tag

TEXT = "text"
"""The tag of the element WeasyPrint wraps around each run of text (written as /Span)."""


@dataclass(frozen=True)
class Origin:
    """Where one structure element came from.

    ``tag`` is WeasyPrint's tag (``P``, ``Span``…, or :data:`TEXT` for a run of
    text); ``element`` the HTML element (None for text runs); ``element_tag`` the
    box's tag (``li::marker`` for a pseudo-element); ``margin`` the at-keyword of
    the page-margin box it sits in (``@top-left``…), or None in the page body;
    ``page`` the page index; ``text`` the text of a run.
    """

    tag: str
    element: Any
    element_tag: str | None
    margin: str | None
    page: int
    text: str | None = None

    @property
    def key(self) -> tuple[int, str | None]:
        """Two structure elements with the same key are pieces of one box split by a page."""
        return id(self.element), self.element_tag


@dataclass
class Node:
    """A structure element (pydyf dictionary) with the box it came from."""

    element: Any
    origin: Origin


def walk_document(document: Any) -> list[Origin]:
    """List the origin of every structure element WeasyPrint makes for ``document``.

    ``document`` is a rendered ``weasyprint.document.Document``; the list is in
    the order WeasyPrint creates the elements (object-number order).
    """
    origins: list[Origin] = []
    for page_number, page in enumerate(document.pages):
        origins.extend(_walk(page._page_box, "Document", None, page_number))
    return origins


def _walk(box: Any, parent: str, margin: str | None, page: int) -> Iterator[Origin]:
    # Mirrors weasyprint.pdf.tags._build_box_tree (WeasyPrint 70): keep in step.
    if isinstance(box, AbsolutePlaceholder):
        box = box._box
    element_tag = None if box.element is None else box.element_tag
    tag = _get_pdf_tag(element_tag)

    if element_tag in ("html", "body") or isinstance(box, boxes.PageBox):
        if isinstance(box, boxes.ParentBox) and not isinstance(box, boxes.LineBox):
            for child in box.children:
                yield from _walk(child, parent, margin, page)
            return
    elif isinstance(box, boxes.MarginBox):
        for child in box.children:
            yield from _walk(child, parent, box.at_keyword, page)
        return
    elif tag in ("TD", "TH"):
        if parent in ("TD", "TH"):
            tag = "NonStruct"
    elif tag == "LI":
        no_bullet_li = box.element_tag == "li" and (
            "list-item" not in box.style["display"] or box.style["list_style_type"] == "none"
        )
        if parent == "LI":
            tag = "LBody"
        elif parent == "LBody":
            tag = "NonStruct"
        elif box.element_tag in ("dt", "dd") or no_bullet_li:
            yield Origin("LI", box.element, element_tag, margin, page)
            yield from _walk(box, "LI", margin, page)
            return

    yield Origin(tag, box.element, element_tag, margin, page)

    if tag == "Table" and box.is_table_wrapper:
        wrapper, table = box, box.get_wrapped_table()
        if table:
            box = table.copy_with_children([])
            for child in wrapper.children:
                box.children.extend(child.children if child is table else [child])
    if box.widget_annotation:
        yield Origin("Form", box.element, element_tag, margin, page)

    for line in box.children:
        for child in line.children if isinstance(line, boxes.LineBox) else [line]:
            if isinstance(child, boxes.TextBox):
                if tag != "Link":
                    yield Origin(TEXT, None, None, margin, page, child.text)
            elif child.element_tag in ("ul", "ol") and tag == "LI":
                yield from _walk(child, parent, margin, page)
            else:
                yield from _walk(child, tag, margin, page)
