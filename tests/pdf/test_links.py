"""Links that WeasyPrint cuts into several boxes: one Link element holds all their annotations.

PDF/UA-1 7.18.1 and 7.18.5 (Matterhorn 28-002, 28-011): every link annotation is
nested in a Link structure element through an OBJR, and its /StructParent names
that element in the parent tree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pdf_articles import LONG_URL, linked_article
from pdf_read import Rendered, element_text, marked_text, squeeze, struct_elements

from conftest import render, write_inputs
from helpers import ROOT
from newsformats import check, convert, read

NTB = ROOT / "tests" / "data" / "inputs" / "agencies" / "nitf-ntb.xml"
"""An agency article with a long URL as link text (in ``span.nf-nowrap``: it has hyphens)."""


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    base = tmp_path_factory.mktemp("links")
    return render(write_inputs(base / "inputs", linked_article(), "links"), base / "out")


def _kids(element: Any) -> list[Any]:
    kids = element.get("/K", [])
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _objrs(element: Any) -> list[Any]:
    return [
        kid
        for kid in _kids(element)
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"
    ]


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, Any]:
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _link_annotations(pdf: pikepdf.Pdf) -> list[Any]:
    return [
        annotation
        for page in pdf.pages
        for annotation in page.get("/Annots", [])
        if annotation.get("/Subtype") == "/Link"
    ]


def _links(pdf: pikepdf.Pdf) -> list[Any]:
    return [e for e in struct_elements(pdf) if e.get("/S") == "/Link"]


def test_every_link_annotation_is_in_the_link_element_its_parent_tree_names(
    linked: Rendered,
) -> None:
    pdf = linked.open()
    tree = _parent_tree(pdf)
    in_tree = {element.objgen for element in struct_elements(pdf)}
    annotations = _link_annotations(pdf)
    assert len(annotations) > len(_links(pdf))  # links cut into several boxes are there
    for annotation in annotations:
        owner = tree[int(annotation.StructParent)]
        assert owner.S == "/Link"
        assert owner.objgen in in_tree
        assert annotation.objgen in [objr.Obj.objgen for objr in _objrs(owner)]


def test_each_link_is_one_link_element_with_its_text_from_every_line_and_page(
    linked: Rendered,
) -> None:
    article_links = _article_links(linked_article())
    pdf = linked.open()
    links = _links(pdf)
    hrefs = [{str(objr.Obj.A.URI) for objr in _objrs(link)} for link in links]
    assert sorted(h for uris in hrefs for h in uris) == sorted(a["href"] for a in article_links)
    assert all(len(uris) == 1 for uris in hrefs)
    text = marked_text(linked.pdf_path)
    page_of = {page.objgen: index for index, page in enumerate(pdf.pages)}
    spans = {}
    for link, link_href in zip(links, hrefs, strict=True):
        (href,) = link_href
        source = next(a for a in article_links if a["href"] == href)
        assert squeeze(element_text(pdf, link, text)) == squeeze(_text(source))
        spans[href] = (len(_objrs(link)), {page_of[objr.Pg.objgen] for objr in _objrs(link)})
    assert spans[LONG_URL][0] >= 2  # the URL wraps: one annotation per line
    assert len(spans["https://example.org/report"][1]) >= 2  # across a page break


def test_the_parent_tree_names_the_link_for_its_content_on_every_page(linked: Rendered) -> None:
    pdf = linked.open()
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    page_index = {page.objgen: index for index, page in enumerate(pdf.pages)}
    for link in _links(pdf):
        for kid in _kids(link):
            if isinstance(kid, int):
                page, mcid = page_index[link.Pg.objgen], kid
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                page, mcid = page_index[kid.Pg.objgen], int(kid.MCID)
            else:
                continue
            assert nums[2 * page + 1][mcid].objgen == link.objgen


def test_check_finds_no_error_in_the_links(linked: Rendered) -> None:
    report = check([linked.pdf_path])
    assert [f for f in report.findings if f.severity == "error"] == []


def test_the_ntb_article_with_a_url_in_a_span_checks_clean(tmp_path: Path) -> None:
    result = convert(read(NTB), tmp_path, ["pdf"], stem=NTB.stem, source_dir=NTB.parent)
    report = check(result.by_format["pdf"])
    assert [(f.rule, f.message) for f in report.findings if f.severity == "error"] == []


def _article_links(node: Any) -> list[dict[str, Any]]:
    """The links of an article given as JSON-ready dicts, in order."""
    found = []
    if isinstance(node, dict):
        found += [node] if node.get("type") == "link" else []
        node = list(node.values())
    for item in node if isinstance(node, list) else []:
        found += _article_links(item)
    return found


def _text(node: Any) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, dict):
        return _text(node.get("children", []))
    return "".join(_text(item) for item in node) if isinstance(node, list) else ""
