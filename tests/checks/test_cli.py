"""``newsformats check`` as a user runs it: exit codes, selection, settings, rule docs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import ROOT, run_cli
from newsformats.checks.rulesdoc import rules_markdown


@pytest.mark.parametrize("kind", ["html", "epub", "pdf", "mp3"])
def test_each_broken_file_exits_1(broken: dict[str, Path], kind: str) -> None:
    run = run_cli("check", broken[kind])
    assert run.code == 1, run.stdout + run.stderr
    assert "error" in run.stdout


def test_good_file_exits_0(broken: dict[str, Path]) -> None:
    run = run_cli("check", broken["good-html"])
    assert run.code == 0
    assert "no findings" in run.stdout


def test_bad_usage_exits_2(tmp_path: Path, broken: dict[str, Path]) -> None:
    missing = run_cli("check", tmp_path / "missing.html")
    assert missing.code == 2 and "no such file" in missing.stderr
    typo = run_cli("check", broken["html"], "--select", "htlm-lang")
    assert typo.code == 2 and "names no rule" in typo.stderr
    assert run_cli("check", broken["html"], "--level", "B").code == 2
    assert "Traceback" not in missing.stderr + typo.stderr


def test_fail_on_warning(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        '<html lang="en"><head><title>T</title></head><body><a href="#main">Skip</a>'
        '<main id="main"><h1>T</h1><p><a href="https://example.org/">here</a></p></main></body></html>'
    )
    assert run_cli("check", page).code == 0
    assert run_cli("check", page, "--fail-on", "warning").code == 1


def test_select_and_ignore(broken: dict[str, Path]) -> None:
    run = run_cli("check", broken["html"], "--select", "html-lang,html-title", "--format", "json")
    assert {f["rule"] for f in json.loads(run.stdout)["findings"]} == {"html-lang", "html-title"}
    run = run_cli("check", broken["html"], "--ignore", "html", "--format", "json")
    assert run.code == 0 and json.loads(run.stdout)["findings"] == []


def test_settings_from_pyproject(tmp_path: Path, broken: dict[str, Path]) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newsformats.check]\nignore = ["html-lang"]\nfail-on = "warning"\nlevel = "AAA"\n'
    )
    run = run_cli("check", broken["html"], "--format", "json", cwd=tmp_path)
    data = json.loads(run.stdout)
    assert data["level"] == "AAA"
    assert "html-lang" not in {f["rule"] for f in data["findings"]}
    (tmp_path / "pyproject.toml").write_text('[tool.newsformats.check]\nlevel = "B"\n')
    assert run_cli("check", broken["html"], cwd=tmp_path).code == 2


def test_report_to_a_file(tmp_path: Path, broken: dict[str, Path]) -> None:
    target = tmp_path / "check.sarif"
    run = run_cli("check", broken["pdf"], "--format", "sarif", "-o", target)
    assert run.code == 1
    assert json.loads(target.read_text())["version"] == "2.1.0"


def test_folder_of_outputs(tmp_path: Path, broken: dict[str, Path]) -> None:
    run = run_cli("check", broken["html"].parent, "--format", "json")
    files = json.loads(run.stdout)["files"]
    assert len(files) == 5  # two pages, an EPUB, a PDF, an MP3


def test_committed_rules_doc_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    command = "newsformats check --list-rules --format markdown -o docs/rules.md"
    assert committed == rules_markdown() + "\n", f"docs/rules.md is stale: run {command}"
