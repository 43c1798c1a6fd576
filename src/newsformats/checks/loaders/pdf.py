"""A PDF and its structure tree, as the PDF rules read it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf

from . import Unreadable

MAX_DEPTH = 200
MAX_ELEMENTS = 200_000


@dataclass(frozen=True)
class StructElement:
    """One structure element: its standard type (after the role map), page, alt text."""

    type: str
    page: int | None
    alt: str | None
    actual_text: str | None
    path: str


@dataclass
class PdfFile:
    """An open PDF; :attr:`elements` is its structure tree in reading order."""

    file: str
    pdf: pikepdf.Pdf
    elements: list[StructElement] = field(default_factory=list)

    @property
    def catalog(self) -> Any:
        """The document catalog (``/Root``)."""
        return self.pdf.Root

    def close(self) -> None:
        """Close the file."""
        self.pdf.close()


def load_pdf(path: Path) -> PdfFile:
    """Open a PDF (no password) and walk its structure tree once."""
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise Unreadable("the PDF is encrypted with a password") from None
    except (pikepdf.PdfError, OSError, ValueError) as error:
        raise Unreadable(f"not a PDF: {' '.join(str(error).split())}") from None
    document = PdfFile(str(path), pdf)
    try:
        document.elements = list(_walk(pdf))
    except (pikepdf.PdfError, RecursionError, ValueError, TypeError) as error:
        pdf.close()
        raise Unreadable(f"the structure tree is broken: {error}") from None
    return document


def _text(value: object) -> str | None:
    if value is None:
        return None
    return str(value)


def _walk(pdf: pikepdf.Pdf) -> Iterator[StructElement]:
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    role_map = root.get("/RoleMap")
    page_numbers: dict[tuple[int, int], int] = {
        page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)
    }
    seen: set[tuple[int, int]] = set()
    count = 0

    def standard(name: str) -> str:
        hops = 0
        while role_map is not None and f"/{name}" in role_map and hops < 20:
            name = str(role_map[f"/{name}"])[1:]
            hops += 1
        return name

    def visit(node: object, path: str, depth: int) -> Iterator[StructElement]:
        nonlocal count
        if depth > MAX_DEPTH or not isinstance(node, pikepdf.Dictionary):
            return
        if node.is_indirect:
            if node.objgen in seen:
                return
            seen.add(node.objgen)
        count += 1
        if count > MAX_ELEMENTS:
            raise ValueError(f"more than {MAX_ELEMENTS} structure elements")
        here = path
        if "/S" in node:
            kind = standard(str(node["/S"])[1:])
            page = node.get("/Pg")
            here = f"{path}/{kind}"
            yield StructElement(
                kind,
                page_numbers.get(page.objgen) if isinstance(page, pikepdf.Dictionary) else None,
                _text(node.get("/Alt")),
                _text(node.get("/ActualText")),
                here,
            )
        kids = node.get("/K")
        if isinstance(kids, pikepdf.Array):
            for index, kid in enumerate(kids):
                yield from visit(kid, f"{here}[{index}]", depth + 1)
        elif kids is not None:
            yield from visit(kids, here, depth + 1)

    yield from visit(root, "", 0)
