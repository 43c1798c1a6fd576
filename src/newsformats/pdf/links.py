"""One Link structure element per link, holding every annotation WeasyPrint wrote for it.

WeasyPrint 70 writes a link annotation for each box of an ``<a>`` but its text:
one per line the link is laid out on, one per page it crosses, and one for each
element inside it (the ``span.nf-nowrap`` around a URL with a hyphen, an
``em``). It tags each annotation (an ``OBJR``) in the structure element of its
box, so the annotation of an element inside the link sits in a ``Span`` or
``NonStruct``, not in a ``Link``, against PDF/UA-1 7.18.1 and 7.18.5 (Matterhorn
28-011, ``newsformats check``'s ``pdf-annotations``).

:func:`join_links` gathers each link into its first ``Link`` element: the
content of its other pieces (marked content from another page as an ``MCR``),
every annotation, and the parent-tree entries of both, so assistive technology
meets one link with one alternate description.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pydyf  # type: ignore[import-untyped]

from .objects import resolve
from .origins import Node


def join_links(pdf: Any, nodes: Sequence[Node]) -> None:
    """Move the pieces and annotations of each link into the link's first ``Link`` element.

    ``nodes`` are the structure elements paired with the boxes they came from
    (:func:`newsformats.pdf.structure.pair_origins`). Links in page-margin boxes,
    which hang outside the tree, are left alone.
    """
    pieces = _link_pieces(nodes)
    if not pieces:
        return
    links: dict[bytes, Any] = {}
    for first, *rest in pieces.values():
        for piece in (first, *rest):
            links[piece.element.reference] = first.element
        for piece in rest:
            _move_content(pdf, piece.element, first.element)
    for node in nodes:
        link = _link_of(pdf, node.element, links)
        if link is None or node.element is link or node.origin.margin is not None:
            continue
        moved = _move_annotations(pdf, node.element, link)
        if moved and node.element["S"] == "/Link":
            node.element["S"] = "/Span"  # a piece of the link (``a::before``), not another link
    _point_parent_tree(pdf, [first.element for first, *_ in pieces.values()])


def _link_pieces(nodes: Sequence[Node]) -> dict[Any, list[Node]]:
    """The ``Link`` elements of each link's own boxes, in creation (reading) order."""
    pieces: dict[Any, list[Node]] = {}
    for node in nodes:
        origin = node.origin
        own_box = origin.element_tag is not None and "::" not in origin.element_tag
        if (
            origin.tag == "Link"
            and origin.margin is None
            and origin.element is not None
            and own_box
        ):
            pieces.setdefault(origin.element, []).append(node)
    return pieces


def _link_of(pdf: Any, element: Any, links: dict[bytes, Any]) -> Any:
    """The first ``Link`` element of the link ``element`` is part of (itself or an ancestor)."""
    while element.get("Type") == "/StructElem":
        if element.reference in links:
            return links[element.reference]
        element = resolve(pdf, element["P"])
    return None


def _move_content(pdf: Any, piece: Any, link: Any) -> None:
    """Move every kid of ``piece`` to the end of ``link`` and take ``piece`` out of the tree."""
    for kid in piece["K"]:
        if isinstance(kid, int) and piece["Pg"] != link["Pg"]:
            kid = pydyf.Dictionary({"Type": "/MCR", "Pg": piece["Pg"], "MCID": kid})
        elif isinstance(kid, bytes) and "S" in resolve(pdf, kid):
            resolve(pdf, kid)["P"] = link.reference
        link["K"].append(kid)
    piece["K"] = pydyf.Array()
    parent = resolve(pdf, piece["P"])
    parent["K"] = pydyf.Array(kid for kid in parent["K"] if kid != piece.reference)


def _move_annotations(pdf: Any, holder: Any, link: Any) -> bool:
    """Move the link annotations ``holder`` holds to ``link``; say whether there were any."""
    moved = [kid for kid in holder["K"] if _is_link_annotation(pdf, kid)]
    if moved:
        holder["K"] = pydyf.Array(kid for kid in holder["K"] if kid not in moved)
        link["K"].extend(moved)
    return bool(moved)


def _is_link_annotation(pdf: Any, kid: Any) -> bool:
    reference = resolve(pdf, kid) if isinstance(kid, bytes) else None
    return (
        reference is not None
        and reference.get("Type") == "/OBJR"
        and resolve(pdf, reference["Obj"]).get("Subtype") == "/Link"
    )


def _point_parent_tree(pdf: Any, links: Iterable[Any]) -> None:
    """Point the parent-tree entries of each link's content and annotations at the link."""
    parent_tree = resolve(pdf, resolve(pdf, pdf.catalog["StructTreeRoot"])["ParentTree"])
    numbers = parent_tree["Nums"]
    pages = {reference: index for index, reference in enumerate(pdf.page_references)}
    keys = {numbers[index]: index + 1 for index in range(2 * len(pages), len(numbers), 2)}
    for link in links:
        for kid in link["K"]:
            if isinstance(kid, int):
                numbers[2 * pages[link["Pg"]] + 1][kid] = link.reference
            elif isinstance(kid, pydyf.Dictionary) and kid.get("Type") == "/MCR":
                numbers[2 * pages[kid["Pg"]] + 1][kid["MCID"]] = link.reference
            elif _is_link_annotation(pdf, kid):
                annotation = resolve(pdf, resolve(pdf, kid)["Obj"])
                numbers[keys[annotation["StructParent"]]] = link.reference
