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
    """One structure element: its standard type (after the role map), page, alt text.

    ``raw_type`` is the type as written (before the role map); ``lang`` the
    element's own ``/Lang`` and ``inherited_lang`` the nearest one above it;
    ``kid_types`` the standard types of its element kids; ``annotations`` the
    object numbers of the annotations it holds (``OBJR`` kids).
    """

    type: str
    page: int | None
    alt: str | None
    actual_text: str | None
    path: str
    raw_type: str = ""
    parent_type: str | None = None
    kid_types: tuple[str, ...] = ()
    lang: str | None = None
    inherited_lang: str | None = None
    ident: str | None = None
    expansion: str | None = None
    annotations: tuple[tuple[int, int], ...] = ()
    has_content: bool = False
    table: dict[str, Any] = field(default_factory=dict)


@dataclass
class PdfFile:
    """An open PDF; :attr:`elements` is its structure tree in reading order."""

    file: str
    pdf: pikepdf.Pdf
    elements: list[StructElement] = field(default_factory=list)
    role_map: dict[str, str] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)

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
        document.role_map = _role_map(pdf)
        document.elements = list(_walk(pdf, document.role_map))
    except (pikepdf.PdfError, RecursionError, ValueError, TypeError) as error:
        pdf.close()
        raise Unreadable(f"the structure tree is broken: {error}") from None
    return document


def _text(value: object) -> str | None:
    if value is None:
        return None
    return str(value)


def _role_map(pdf: pikepdf.Pdf) -> dict[str, str]:
    root = pdf.Root.get("/StructTreeRoot")
    role_map = root.get("/RoleMap") if isinstance(root, pikepdf.Dictionary) else None
    if not isinstance(role_map, pikepdf.Dictionary):
        return {}
    return {str(k)[1:]: str(v)[1:] for k, v in role_map.items() if isinstance(v, pikepdf.Name)}


def standard_type(name: str, role_map: dict[str, str]) -> str:
    """Follow the role map from ``name`` to the type it stands for (at most 20 hops).

    >>> standard_type("Headline", {"Headline": "H1"})
    'H1'
    """
    hops = 0
    while name in role_map and hops < 20:
        name = role_map[name]
        hops += 1
    return name


TABLE_ATTRIBUTES = ("/Scope", "/Headers", "/ColSpan", "/RowSpan")


def _table_attributes(node: pikepdf.Dictionary) -> dict[str, Any]:
    """The table attributes of an element (``/A``: one dictionary or an array of them)."""
    owned = node.get("/A")
    found: dict[str, Any] = {}
    for item in owned if isinstance(owned, pikepdf.Array) else [owned]:
        if not isinstance(item, pikepdf.Dictionary):
            continue
        for key in TABLE_ATTRIBUTES:
            if key in item:
                value = item[key]
                if key == "/Headers" and isinstance(value, pikepdf.Array):
                    found[key[1:]] = [str(v) for v in value]
                elif key in ("/ColSpan", "/RowSpan"):
                    try:
                        found[key[1:]] = max(1, int(value))
                    except (TypeError, ValueError):
                        found[key[1:]] = 1
                else:
                    found[key[1:]] = str(value)
    return found


def _lang(node: pikepdf.Dictionary) -> str | None:
    value = node.get("/Lang")
    return str(value) if value is not None else None


def _walk(pdf: pikepdf.Pdf, role_map: dict[str, str]) -> Iterator[StructElement]:
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    page_numbers: dict[tuple[int, int], int] = {
        page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)
    }
    seen: set[tuple[int, int]] = set()
    count = 0

    def kids_of(node: pikepdf.Dictionary) -> list[object]:
        kids = node.get("/K")
        if isinstance(kids, pikepdf.Array):
            return list(kids)
        return [] if kids is None else [kids]

    def visit(
        node: object, path: str, depth: int, parent: str | None, lang: str | None
    ) -> Iterator[StructElement]:
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
        kids = kids_of(node)
        if "/S" in node:
            raw = str(node["/S"])[1:]
            kind = standard_type(raw, role_map)
            page = node.get("/Pg")
            here = f"{path}/{kind}"
            own_lang = _lang(node)
            kid_types = tuple(
                standard_type(str(k["/S"])[1:], role_map)
                for k in kids
                if isinstance(k, pikepdf.Dictionary) and "/S" in k
            )
            annotations = tuple(
                k["/Obj"].objgen
                for k in kids
                if isinstance(k, pikepdf.Dictionary)
                and k.get("/Type") == pikepdf.Name.OBJR
                and isinstance(k.get("/Obj"), pikepdf.Dictionary)
            )
            content = any(
                isinstance(k, int | pikepdf.Object)
                and not (isinstance(k, pikepdf.Dictionary) and "/S" in k)
                for k in kids
            )
            yield StructElement(
                kind,
                page_numbers.get(page.objgen) if isinstance(page, pikepdf.Dictionary) else None,
                _text(node.get("/Alt")),
                _text(node.get("/ActualText")),
                here,
                raw_type=raw,
                parent_type=parent,
                kid_types=kid_types,
                lang=own_lang,
                inherited_lang=own_lang or lang,
                ident=_text(node.get("/ID")),
                expansion=_text(node.get("/E")),
                annotations=annotations,
                has_content=content,
                table=_table_attributes(node) if kind in ("TH", "TD") else {},
            )
            parent = kind
            lang = own_lang or lang
        for index, kid in enumerate(kids):
            yield from visit(kid, f"{here}[{index}]", depth + 1, parent, lang)

    yield from visit(root, "", 0, None, None)


PAINTING = {
    "Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do",
    "INLINE IMAGE",
}  # fmt: skip
MAX_OPERATORS = 2_000_000


@dataclass
class PageContent:
    """What one page's content stream does outside and inside marked content."""

    page: int
    untagged: int = 0
    artifact_in_tagged: int = 0
    tagged_in_artifact: int = 0
    mcids: set[int] = field(default_factory=set)
    lang_marked: bool = False
    forms: list[tuple[tuple[int, int], bool]] = field(default_factory=list)
    """Each form XObject drawn (nested ones too): its object id, and whether its own
    content stream marks content with an MCID."""
    shown: dict[object, tuple[Any, set[bytes], set[bytes]]] = field(default_factory=dict)
    """The strings text operators show, by font: key -> (font dictionary, strings
    shown, those of them shown only invisibly (text rendering mode 3))."""


def page_contents(document: PdfFile) -> list[PageContent]:
    """Scan every page's content stream once: painting outside tags and artifacts,
    the form XObjects drawn and the strings shown in each font.

    Content is *tagged* inside a marked-content sequence with an ``MCID``, an
    *artifact* inside ``/Artifact`` (PDF/UA-1 7.1). Form XObjects count as one
    painting operator where they are drawn. The result is cached on the file.
    """
    if "contents" in document.cache:
        cached: list[PageContent] = document.cache["contents"]
        return cached
    result: list[PageContent] = []
    counter = [0]
    for number, page in enumerate(document.pdf.pages, start=1):
        found = PageContent(number)
        _scan(page.obj, _operators(page), found, [], counter, 0, [(None, 0)])
        result.append(found)
    document.cache["contents"] = result
    return result


def _scan(
    owner: Any,
    operations: list[tuple[list[Any], str]],
    found: PageContent,
    stack: list[str],
    counter: list[int],
    depth: int,
    texts: list[tuple[Any, int]],
) -> None:
    """Walk one content stream; ``stack`` holds "tagged", "artifact" or "other" per open
    sequence, ``texts`` the text font and rendering mode per saved graphics state.
    Form XObjects are walked where they are drawn, inside the same stack and state."""
    for operands, name in operations:
        counter[0] += 1
        if counter[0] > MAX_OPERATORS:
            raise ValueError(f"more than {MAX_OPERATORS} content operators")
        if name == "q":
            texts.append(texts[-1])
        elif name == "Q" and len(texts) > 1:
            texts.pop()
        elif name == "Tf" and operands:
            texts[-1] = (_font(owner, operands[0]), texts[-1][1])
        elif name == "Tr" and operands:
            texts[-1] = (texts[-1][0], _mode(operands[0]))
        elif name in TEXT_SHOWING and texts[-1][0] is not None:
            _shown(found, *texts[-1], operands)
        if name in ("BDC", "BMC"):
            tag = str(operands[0]) if operands else ""
            properties = _properties(owner, operands[1] if len(operands) > 1 else None)
            if isinstance(properties, pikepdf.Dictionary) and "/Lang" in properties:
                found.lang_marked = True
            mcid = _mcid(properties)
            if tag == "/Artifact":
                if "tagged" in stack:
                    found.artifact_in_tagged += 1
                stack.append("artifact")
            elif mcid is not None:
                if "artifact" in stack:
                    found.tagged_in_artifact += 1
                found.mcids.add(mcid)
                stack.append("tagged")
            else:
                stack.append("other")
        elif name == "EMC":
            if stack:
                stack.pop()
        elif name == "Do" and operands:
            form = _xobject(owner, operands[0])
            if form is not None and form.get("/Subtype") == pikepdf.Name.Form and depth < 10:
                try:
                    inner = [
                        (list(i.operands), str(i.operator))
                        if not isinstance(i, pikepdf.ContentStreamInlineImage)
                        else ([], "INLINE IMAGE")
                        for i in pikepdf.parse_content_stream(form)
                    ]
                except pikepdf.PdfError:
                    inner = []
                # a form without resources uses its caller's (ISO 32000-1 7.8.3)
                inner_owner = form if _resources(form) is not None else owner
                marks = any(
                    op in ("BDC", "BMC")
                    and len(args) > 1
                    and _mcid(_properties(inner_owner, args[1])) is not None
                    for args, op in inner
                )
                found.forms.append((form.objgen, marks))
                _scan(inner_owner, inner, found, list(stack), counter, depth + 1, [texts[-1]])
            elif not ({"tagged", "artifact"} & set(stack)):
                found.untagged += 1
        elif name in PAINTING and not ({"tagged", "artifact"} & set(stack)):
            found.untagged += 1


TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
INVISIBLE = 3  # text rendering mode: neither fill nor stroke


def _font(owner: Any, name: object) -> Any:
    found = _named_resource(owner, "/Font", name)
    return found if isinstance(found, pikepdf.Dictionary) else None


def _mode(operand: object) -> int:
    try:
        return int(str(operand).split(".")[0])
    except (TypeError, ValueError):
        return 0


def _shown(found: PageContent, font: Any, mode: int, operands: list[Any]) -> None:
    strings = [o for o in operands if isinstance(o, pikepdf.String)]
    for operand in operands:
        if isinstance(operand, pikepdf.Array):
            strings += [o for o in operand if isinstance(o, pikepdf.String)]
    key: object = font.objgen if font.objgen != (0, 0) else id(font)
    entry = found.shown.setdefault(key, (font, set(), set()))
    entry[1 if mode != INVISIBLE else 2].update(bytes(s) for s in strings)


def _resources(owner: Any) -> Any:
    resources = (
        owner.get("/Resources") if isinstance(owner, pikepdf.Dictionary | pikepdf.Stream) else None
    )
    return resources if isinstance(resources, pikepdf.Dictionary) else None


def _named_resource(owner: Any, category: str, name: object) -> Any:
    """The resource ``name`` of ``category`` (``/Font``, ``/XObject``…) in owner's resources."""
    resources = _resources(owner)
    named = resources.get(category) if resources is not None else None
    if isinstance(named, pikepdf.Dictionary) and isinstance(name, pikepdf.Name):
        return named.get(str(name))
    return None


def _xobject(owner: Any, name: object) -> Any:
    found = _named_resource(owner, "/XObject", name)
    return found if isinstance(found, pikepdf.Stream) else None


def _properties(owner: Any, properties: object) -> object:
    if isinstance(properties, pikepdf.Name):
        return _named_resource(owner, "/Properties", properties)
    return properties


def _operators(page: pikepdf.Page) -> list[tuple[list[Any], str]]:
    operations: list[tuple[list[Any], str]] = []
    for item in pikepdf.parse_content_stream(page):
        if isinstance(item, pikepdf.ContentStreamInlineImage):
            operations.append(([], "INLINE IMAGE"))
        else:
            operations.append((list(item.operands), str(item.operator)))
    return operations


def _mcid(properties: object) -> int | None:
    if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
        try:
            return int(properties["/MCID"])
        except (TypeError, ValueError):
            return None
    return None
