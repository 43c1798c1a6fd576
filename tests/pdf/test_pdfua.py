"""Our own PDF/UA-1 checks on every test PDF (veraPDF is not installable here: docs/pdf.md).

Each test names the Matterhorn Protocol checkpoints it covers.
"""

from __future__ import annotations

import re
from itertools import pairwise

import pikepdf
from pdf_read import Rendered, struct_elements

PAINTING = {"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh"}
STANDARD_TYPES = {
    "/Document", "/Part", "/Art", "/Sect", "/Div", "/BlockQuote", "/Caption", "/TOC", "/TOCI",
    "/Index", "/NonStruct", "/Private", "/P", "/H", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6",
    "/L", "/LI", "/Lbl", "/LBody", "/Table", "/TR", "/TH", "/TD", "/THead", "/TBody", "/TFoot",
    "/Span", "/Quote", "/Note", "/Reference", "/BibEntry", "/Code", "/Link", "/Annot", "/Ruby",
    "/RB", "/RT", "/RP", "/Warichu", "/WT", "/WP", "/Figure", "/Formula", "/Form",
}  # fmt: skip


def marked_sequences(page: pikepdf.Page) -> list[tuple[str, list[str]]]:
    """Each painting operator with the stack of marked-content tags around it."""
    found, stack = [], []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ("BDC", "BMC"):
            mcid = operands[1].get("/MCID") if name == "BDC" and len(operands) > 1 else None
            stack.append(str(operands[0]) if mcid is None else f"MCID {mcid}")
        elif name == "EMC":
            stack.pop()
        elif name in PAINTING:
            found.append((name, list(stack)))
    return found


def test_all_content_is_tagged_or_an_artifact(each_language: Rendered) -> None:
    """Matterhorn 01-005 (neither tagged nor artifact), 01-004 (tagged inside an artifact)."""
    pdf = each_language.open()
    for page in pdf.pages:
        for operator, stack in marked_sequences(page):
            assert stack, f"{operator} outside marked content"
            if "/Artifact" in stack:
                assert not any(s.startswith("MCID") for s in stack), stack


def test_only_standard_structure_types(each_language: Rendered) -> None:
    """Matterhorn 02-001/02-003: no role map needed."""
    pdf = each_language.open()
    assert "/RoleMap" not in pdf.Root.StructTreeRoot
    assert {str(e.S) for e in struct_elements(pdf) if "/S" in e} <= STANDARD_TYPES


def test_parent_links_and_parent_tree_agree_with_the_tree(each_language: Rendered) -> None:
    """Every kid points back at its parent; each MCID's parent-tree entry holds that MCID."""
    pdf = each_language.open()
    for element in struct_elements(pdf):
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") is None:
                assert kid.P.objgen == element.objgen
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    for page_index, page in enumerate(pdf.pages):
        assert int(page.StructParents) == page_index
        entries = nums[2 * page_index + 1]
        for _, stack in marked_sequences(page):
            for mcid in {int(s.split()[1]) for s in stack if s.startswith("MCID")}:
                owner = entries[mcid]
                assert mcid in _mcids(owner, page)


def _mcids(element: pikepdf.Dictionary, page: pikepdf.Page) -> list[int]:
    """The MCIDs an element holds on ``page``: bare on its own /Pg, or in MCRs (a link
    across a page break)."""
    kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
    own = element.Pg.objgen == page.obj.objgen
    return [kid for kid in kids if isinstance(kid, int) and own] + [
        int(kid.MCID)
        for kid in kids
        if isinstance(kid, pikepdf.Dictionary)
        and kid.get("/Type") == "/MCR"
        and kid.Pg.objgen == page.obj.objgen
    ]


def test_heading_levels_do_not_skip(each_language: Rendered) -> None:
    """Matterhorn 14-002 (first heading H1), 14-003 (no skipped level)."""
    pdf = each_language.open()
    headings = [re.fullmatch(r"/H([1-6])", str(e.get("/S", ""))) for e in struct_elements(pdf)]
    levels = [int(match[1]) for match in headings if match]
    assert levels[0] == 1
    for previous, level in pairwise(levels):
        assert level <= previous + 1


def test_fonts_map_to_unicode(each_language: Rendered) -> None:
    """Matterhorn 10-001: every glyph can be mapped to Unicode (ToUnicode on each font)."""
    pdf = each_language.open()
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            assert "/ToUnicode" in font, font.get("/BaseFont")


def test_annotations_are_tagged_described_and_in_tab_order(each_language: Rendered) -> None:
    """Matterhorn 28-002/28-004 (Link annotation in a Link tag, with /Contents), 28-010 (/Tabs)."""
    pdf = each_language.open()
    tagged = {
        kid.Obj.objgen
        for element in struct_elements(pdf)
        if element.get("/S") == "/Link"
        for kid in element.K
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"
    }
    for page in pdf.pages:
        annotations = page.get("/Annots", [])
        if annotations:
            assert page.Tabs == "/S"
        for annotation in annotations:
            assert annotation.objgen in tagged
            assert str(annotation.Contents).strip()


def test_document_identifies_itself_as_pdf_ua_1(each_language: Rendered) -> None:
    """Matterhorn 06-002 (PDF/UA identifier), 06-003 (dc:title), 07-001 (DisplayDocTitle)."""
    pdf = each_language.open()
    meta = pdf.open_metadata()
    assert meta["pdfuaid:part"] == "1"
    assert meta["dc:title"] == each_language.article.headline
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
