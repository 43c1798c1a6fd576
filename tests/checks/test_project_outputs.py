"""The project's own outputs for every example pass every check (the CI gate)."""

from __future__ import annotations

from pathlib import Path

from checks.conftest import written_formats
from helpers import run_cli
from newsformats import check


def test_every_example_output_has_zero_findings(project_outputs: Path) -> None:
    report = check([project_outputs])
    assert len(report.files) >= len(written_formats()) * 3
    assert [f"{f.rule} {f.file} {f.location} {f.message}" for f in report.findings] == []


def test_zero_findings_at_aaa_too(project_outputs: Path) -> None:
    report = check([project_outputs], level="AAA")
    assert [f"{f.rule} {f.message}" for f in report.findings] == []


def test_deep_check_fails_on_nothing(project_outputs: Path) -> None:
    """What the project's CI runs: our rules and every public validator, zero findings."""
    run = run_cli("check", project_outputs, "--deep", "--fail-on", "warning")
    assert run.code == 0, run.stdout + run.stderr
    assert "no findings" in run.stdout
    # A validator that is not installed is named in the report; here it fails the test.
    assert "not run:" not in run.stdout, (
        f"{run.stdout}\ninstall with: bash scripts/install-tools.sh"
    )


def test_what_convert_wrote_can_be_checked_as_it_is(project_outputs: Path) -> None:
    # Transcripts and pictures written beside the outputs are judged with them.
    files = sorted(p for p in project_outputs.iterdir() if p.is_file())
    assert {p.suffix for p in files} >= {".html", ".vtt", ".jpg"}
    report = check(files)
    assert list(report.findings) == []
    assert {Path(f).suffix for f in report.files} <= {".html", ".pdf", ".epub", ".mp3"}
