"""Small helpers over WeasyPrint's pydyf objects (what the finisher is handed)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def resolve(pdf: Any, reference: Any) -> Any:
    """The pydyf object an indirect reference (``b"12 0 R"``) points at."""
    if isinstance(reference, bytes) and reference.endswith(b" R"):
        return pdf.objects[int(reference.split()[0])]
    return reference


def marked_content(element: Any) -> Iterable[int]:
    """The MCIDs a structure element holds directly."""
    return [kid for kid in element.get("K", []) if isinstance(kid, int)]
