"""Page furniture and decoration as artifacts, outside the structure tree.

WeasyPrint 70 marks the text of page-margin boxes (running header, page numbers)
as tagged content whose structure elements hang nowhere, and tags an image with
empty alt text as a Figure without /Alt. PDF/UA-1 wants both as artifacts
(ISO 14289-1 7.1; Matterhorn 01-001, 13-004). This module rewrites their
marked-content sequences in the page content streams.
"""

from __future__ import annotations

from typing import Any

import pydyf  # type: ignore[import-untyped]

from ..errors import EngineError
from .objects import resolve

PAGINATION = {"top": "/Header", "bottom": "/Footer"}
REPEATED = "repeated"
"""Marks content repeated on each page (a table's header rows): a pagination artifact."""


def make_artifacts(pdf: Any, contents: dict[int, dict[int, str | None]]) -> None:
    """Turn marked content into artifacts: ``contents`` maps page index → MCID → margin keyword.

    A margin keyword such as ``@top-left`` makes a pagination artifact (header or
    footer), :data:`REPEATED` one without subtype (a table's header rows repeated
    on a new page); None makes a plain artifact (decoration).
    """
    parent_tree = resolve(pdf, resolve(pdf, pdf.catalog["StructTreeRoot"])["ParentTree"])
    for page_index, mcids in contents.items():
        page = resolve(pdf, pdf.page_references[page_index])
        stream = resolve(pdf, page["Contents"])
        found = _rewrite(stream.stream, mcids)
        if found != set(mcids):
            missing = ", ".join(str(m) for m in sorted(set(mcids) - found))
            raise EngineError(f"page {page_index + 1}: marked content {missing} not found")
        # The parent tree maps each MCID of the page to its structure element; an
        # artifact has none.
        numbers = parent_tree["Nums"][2 * page_index + 1]
        for mcid in mcids:
            numbers[mcid] = b"null"


def _rewrite(operations: list[Any], mcids: dict[int, str | None]) -> set[int]:
    found = set()
    for index in range(1, len(operations) - 1):
        properties = operations[index]
        if not (isinstance(properties, pydyf.Dictionary) and operations[index + 1] == b"BDC"):
            continue
        mcid = properties.get("MCID")
        if mcid not in mcids:
            continue
        operations[index - 1] = "/Artifact"
        operations[index] = _artifact_properties(mcids[mcid])
        found.add(mcid)
    return found


def _artifact_properties(margin: str | None) -> pydyf.Dictionary:
    if margin is None:
        return pydyf.Dictionary({})
    side = margin.lstrip("@").split("-")[0]
    properties = pydyf.Dictionary({"Type": "/Pagination"})
    if side in PAGINATION:
        properties["Subtype"] = PAGINATION[side]
    return properties
