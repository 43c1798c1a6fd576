"""A table split across pages stays one table: one THead, its rows in one TBody, in order.

WeasyPrint repeats a table's header rows on each page the table continues on,
and tags each page's piece on its own. PDF/UA-1 (ISO 14289-1 7.5, ISO 32000-1
14.8.4.3.4; ``newsformats check``'s ``pdf-structure-nesting`` and ``pdf-tables``):
a Table has at most one THead, and a header repeated on a later page is a
pagination artifact, not content read again.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pdf_articles import split_table_article
from pdf_read import Rendered, element_text, marked_text, squeeze, struct_elements

from conftest import render, write_inputs
from newsformats import check

ROWS = 70


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    base = tmp_path_factory.mktemp("tables")
    article = split_table_article(ROWS)
    return render(write_inputs(base / "inputs", article, "tables"), base / "out", ("pdf",))


def _kids(element: Any) -> list[Any]:
    kids = element.get("/K", [])
    return [
        kid
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids])
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid
    ]


def _pages_of(pdf: pikepdf.Pdf, element: Any) -> set[int]:
    """The pages an element's content is drawn on."""
    index = {page.objgen: number for number, page in enumerate(pdf.pages)}
    found = set()
    for node in [element, *_descendants(element)]:
        if "/Pg" in node:
            found.add(index[node.Pg.objgen])
    return found


def _descendants(element: Any) -> list[Any]:
    return [d for kid in _kids(element) for d in (kid, *_descendants(kid))]


def _table(pdf: pikepdf.Pdf) -> Any:
    tables = [e for e in struct_elements(pdf) if e.get("/S") == "/Table"]
    assert len(tables) == 1
    return tables[0]


def test_the_table_spans_pages_and_its_header_is_drawn_on_each(split: Rendered) -> None:
    pdf = split.open()
    assert len(_pages_of(pdf, _table(pdf))) >= 3
    # The header row is drawn on every page the table spans; the copies are artifacts.
    artifacts = marked_text(split.pdf_path).get("artifact", "")
    assert squeeze(artifacts).count("VillageShareSupply") == len(_pages_of(pdf, _table(pdf))) - 1
    repeated = [
        number
        for number, page in enumerate(pdf.pages)
        for operands, operator in pikepdf.parse_content_stream(page)
        if str(operator) == "BDC"
        and operands[0] == "/Artifact"
        and operands[1].get("/Type") == "/Pagination"
        and "/Subtype" not in operands[1]
    ]
    assert repeated and 0 not in repeated


def test_one_thead_and_one_tbody_hold_the_rows_in_order(split: Rendered) -> None:
    pdf = split.open()
    table = _table(pdf)
    assert [str(kid.S) for kid in _kids(table)] == ["/Caption", "/THead", "/TBody"]
    assert sum(1 for e in struct_elements(pdf) if e.get("/S") == "/THead") == 1
    head, body = _kids(table)[1:]
    text = marked_text(split.pdf_path)
    rows = _kids(body)
    assert len(_kids(head)) == 1
    assert [squeeze(element_text(pdf, cell, text)) for cell in _kids(_kids(head)[0])] == [
        "Village",
        "Share",
        "Supply",
    ]
    assert [squeeze(element_text(pdf, _kids(row)[0], text)) for row in rows] == [
        f"Village{number}" for number in range(1, ROWS + 1)
    ]
    assert Counter(tuple(str(cell.S) for cell in _kids(row)) for row in rows) == {
        ("/TH", "/TD", "/TD"): ROWS
    }


def test_the_header_text_is_in_the_structure_once(split: Rendered) -> None:
    pdf = split.open()
    table_text = squeeze(element_text(pdf, _table(pdf), marked_text(split.pdf_path)))
    assert table_text.count("VillageShareSupply") == 1
    assert table_text.count("Share") == 1


def test_a_row_cut_by_the_page_break_is_one_row_with_its_cells(split: Rendered) -> None:
    pdf = split.open()
    body = _kids(_table(pdf))[2]
    row = _kids(body)[ROWS // 3]
    assert len(_pages_of(pdf, row)) >= 2  # the long cell was cut by the page break
    cells = _kids(row)
    assert len(cells) == 3
    article_row = split_table_article(ROWS)["body"][1]["rows"][ROWS // 3]
    assert squeeze(element_text(pdf, cells[2], marked_text(split.pdf_path))) == squeeze(
        article_row[2]
    )


def test_cells_name_the_header_cells_of_the_one_thead(split: Rendered) -> None:
    pdf = split.open()
    table = _table(pdf)
    head, body = _kids(table)[1:]
    column_ids = [str(cell.ID) for cell in _kids(_kids(head)[0])]
    ids = [str(e.ID) for e in _descendants(table) if "/ID" in e]
    assert len(ids) == len(set(ids)) == 3 + ROWS
    for row in _kids(body):
        row_header, *cells = _kids(row)
        for column, cell in enumerate(cells, start=1):
            assert [str(h) for h in cell.A.Headers] == [str(row_header.ID), column_ids[column]]


def test_a_link_in_the_repeated_header_is_one_link_with_every_annotation(
    split: Rendered,
) -> None:
    pdf = split.open()
    links = [e for e in struct_elements(pdf) if e.get("/S") == "/Link"]
    assert len(links) == 1
    annotations = [
        annotation
        for page in pdf.pages
        for annotation in page.get("/Annots", [])
        if annotation.get("/Subtype") == "/Link"
    ]
    assert len(annotations) == len(_pages_of(pdf, _table(pdf)))
    objrs = [kid.Obj for kid in links[0].K if isinstance(kid, pikepdf.Dictionary) and "/Obj" in kid]
    assert sorted(a.objgen for a in objrs) == sorted(a.objgen for a in annotations)
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    assert {parents[int(a.StructParent)].objgen for a in annotations} == {links[0].objgen}


def test_check_finds_no_error_in_the_split_table(split: Rendered) -> None:
    report = check([split.pdf_path])
    assert [(f.rule, f.message) for f in report.findings if f.severity == "error"] == []


def test_an_empty_corner_cell_keeps_its_place_and_headers_keep_their_scope(tmp_path: Path) -> None:
    """A league table: the header row starts with an empty cell. Before: the empty TD was
    dropped from the structure tree (rows of 3 and 4 columns) and, the TH having no Scope, the
    corner had no header (pdf-tables). Every cell stays a TD/TH; each TH has its HTML scope."""
    article = {
        "headline": "League Table",
        "language": "en",
        "body": [
            "The table after ten rounds.",
            {
                "type": "table",
                "head": [["", *({"content": h, "header": True} for h in ("P", "W", "Pts"))]],
                "rows": [["Bath", "10", "8", "41"], ["Sale", "10", "7", "37"]],
            },
        ],
    }
    done = render(write_inputs(tmp_path / "in", article, "league"), tmp_path / "out", ("pdf",))
    pdf = done.pdf_path
    found = [f for f in check([pdf]).findings if f.rule == "pdf-tables"]
    assert found == []
    with pikepdf.open(pdf) as document:
        rows = [e for e in struct_elements(document) if e.get("/S") == "/TR"]
        assert [len(_kids(row)) for row in rows] == [4, 4, 4]
        scopes = [
            str(e["/A"].get("/Scope")) for e in struct_elements(document) if e.get("/S") == "/TH"
        ]
        assert scopes == ["/Column"] * 3
