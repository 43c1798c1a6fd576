"""PDF rules on an untagged PDF drawn by hand and on WeasyPrint's tagged and untagged output."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from newsformats import check
from newsformats.checks import Finding

DOT = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQ"
    "DwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Tagged test</title></head>
<body><h1>Headline</h1><p>Body text.</p><h2>Section</h2><p>More.</p>
<img src="{DOT}" alt="A dot">
</body></html>"""


@pytest.fixture(scope="module")
def weasyprint_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same page rendered by WeasyPrint as tagged PDF/UA-1 and as a plain PDF."""
    import weasyprint

    folder = tmp_path_factory.mktemp("pdf")
    document = weasyprint.HTML(string=PAGE)
    tagged, plain = folder / "tagged.pdf", folder / "plain.pdf"
    document.write_pdf(tagged, pdf_variant="pdf/ua-1")
    document.write_pdf(plain)
    return {"tagged": tagged, "plain": plain}


def by_rule(path: Path) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for finding in check([path]).findings:
        found.setdefault(finding.rule, []).append(finding)
    return found


def test_hand_drawn_pdf_fails_the_basics(broken: dict[str, Path]) -> None:
    found = by_rule(broken["pdf"])
    for rule in (
        "pdf-tagged",
        "pdf-lang",
        "pdf-title",
        "pdf-fonts-embedded",
        "pdf-text-extractable",
    ):
        assert rule in found, rule
    matterhorn = [r.id for f in found["pdf-fonts-embedded"] for r in f.references]
    assert "31-009" in matterhorn
    assert found["pdf-fonts-embedded"][0].location.page == 1


def test_weasyprint_without_pdf_ua_is_untagged(weasyprint_pdfs: dict[str, Path]) -> None:
    found = by_rule(weasyprint_pdfs["plain"])
    assert "pdf-tagged" in found
    assert found["pdf-tagged"][0].references[1].standard == "PDF/UA-1"


def test_weasyprint_pdf_ua_passes(weasyprint_pdfs: dict[str, Path]) -> None:
    assert by_rule(weasyprint_pdfs["tagged"]) == {}


def test_figure_without_alt_and_skipped_heading(
    weasyprint_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    edited = tmp_path / "edited.pdf"
    with pikepdf.open(weasyprint_pdfs["tagged"]) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == pikepdf.Name.Figure:
                del obj["/Alt"]
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == pikepdf.Name.H2:
                obj.S = pikepdf.Name.H4
        pdf.save(edited)
    found = by_rule(edited)
    assert found["pdf-figure-alt"][0].references[1].id == "13-004"
    assert "H4 follows H1" in found["pdf-heading-order"][0].message


def test_garbage_is_one_finding(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"%PDF-1.7\nnot really")
    assert [f.rule for f in check([path]).findings] == ["pdf-readable"]
