"""bench/pdf_suites.py: suites made from veraPDF's regression tests, on a tiny repository."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench" / "pdf_suites.py"


def pdf_suites() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pdf_suites", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def schematron(compliant: bool, *rules: tuple[str, str]) -> str:
    listed = " or ".join(f"(@clause = '{c}' and @testNumber = '{n}')" for c, n in rules)
    return f"<sch:assert test=\"(@isCompliant = '{str(compliant).lower()}')\"/>" + (
        f'<sch:assert test="{listed}"/>' if rules else ""
    )


def regression_repo(root: Path) -> Path:
    files = {
        "LICENSE": "CC0 1.0 Universal",
        "WCAG_2_2/PDFUA-Ref-2-02_Invoice.pdf": "%PDF-1.7 invoice",
        "WCAG_2_2/PDFUA-Ref-2-02_Invoice.sch": schematron(True),
        "WCAG_2_2/PDFUA-in-a-Nutshell-PDFUA.pdf": "%PDF-1.7 nutshell",
        "WCAG_2_2/PDFUA-in-a-Nutshell-PDFUA.sch": schematron(
            False, ("1.3.1", "4"), ("7.18.1", "2"), ("7.21.4.2", "2")
        ),
        "WCAG_2_2/docs/wcag-only.pdf": "%PDF-1.4 contrast",
        "WCAG_2_2/docs/wcag-only.sch": schematron(False, ("1.4.3", "1")),
        "WCAG_2_2/docs/unnamed.pdf": "%PDF-1.4 unnamed",
        "WCAG_2_2/docs/unnamed.sch": schematron(False),
        "WCAG_2_2/docs/tagged.pdf": "%PDF-1.4 tagged",
        "WCAG_2_2/docs/tagged.sch": schematron(False, ("7.1", "3"), ("4.1.2", "1")),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "files"], check=True)
    return root / ".git"


def test_the_reference_suite_passes_and_keeps_verapdfs_clauses(tmp_path: Path) -> None:
    module = pdf_suites()
    git_dir = regression_repo(tmp_path / "repo")
    written, missing = module.reference_suite(git_dir, tmp_path / "suites")
    assert (written, missing) == (2, [])
    given = json.loads((tmp_path / "suites/pdfua-ref/reference.json").read_text())
    nutshell = given["PDFUA-in-a-Nutshell-PDFUA.pdf"]
    assert nutshell["fails"] is False  # the PDF Association's label
    assert nutshell["verapdf_ua1"] == ["7.18.1", "7.21.4.2"]  # WCAG's 1.3.1 is not PDF/UA-1
    assert given["PDFUA-Ref-2-02_Invoice.pdf"]["verapdf_ua1"] == []
    assert (tmp_path / "suites/pdfua-ref/NOTICE.md").is_file()


def test_the_wcag_suite_fails_a_file_on_a_pdfua_clause_only(tmp_path: Path) -> None:
    module = pdf_suites()
    git_dir = regression_repo(tmp_path / "repo")
    assert module.wcag_suite(git_dir, tmp_path / "suites") == 2
    given = json.loads((tmp_path / "suites/pdf-wcag/reference.json").read_text())
    assert given["docs/tagged.pdf"]["fails"] and given["docs/tagged.pdf"]["rules"] == ["7.1"]
    assert not given["docs/wcag-only.pdf"]["fails"]
    assert given["left_out"] == {"docs/unnamed.pdf": "expected to fail, no rule named"}
    assert (tmp_path / "suites/pdf-wcag/docs/tagged.pdf").read_text() == "%PDF-1.4 tagged"
