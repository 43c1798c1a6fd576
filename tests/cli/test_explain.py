"""``newsformats convert --explain``: what each line of a scraped page was taken for."""

from __future__ import annotations

from pathlib import Path

from helpers import DATA, run_cli


def test_explain_prints_each_decision_with_its_line(tmp_path: Path) -> None:
    page = DATA / "scraped" / "en-section-label.txt"
    run = run_cli("convert", page, "--explain", "--to", "html", "-o", tmp_path, "-q")
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == f"{page}: language en"
    roles = {line.split()[1]: int(line.split()[0]) for line in lines[1:]}
    assert roles["section"] == 9 and roles["headline"] == 11 and roles["caption"] == 13
    assert roles["byline"] == 15 and roles["date"] == 17 and roles["credit"] == 37
    assert "Kazakhstan" in run.stdout
    assert list(tmp_path.glob("*.html"))


def test_a_doubt_is_one_warning_line(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Menu\n\nFarmers Count Losses After Hailstorm\n\n"
        "Hail destroyed apricot orchards across the Sughd region overnight.\n\n"
        "Farmers in several districts said they had lost most of this year's harvest and "
        "had no insurance.\n",
        encoding="utf-8",
    )
    run = run_cli("convert", page, "--to", "html", "-o", tmp_path / "out", "-q")
    assert run.code == 0, run.stderr
    warning_lines = [line for line in run.stderr.splitlines() if "warning" in line]
    assert len(warning_lines) == 1
    assert warning_lines[0].startswith("newsformats: ") and f"{page}:5: " in warning_lines[0]
    assert "may be a photo caption" in warning_lines[0]
