"""The EPUBCheck harness passes a valid EPUB 3 and fails a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsformats.validators import epubcheck


def test_valid_epub_has_no_message_of_any_severity(
    epubcheck_runner: epubcheck.EpubCheckRunner, sample_dir: Path
) -> None:
    assert epubcheck_runner.check(sample_dir / "good.epub") == []


def test_broken_epub_gives_the_expected_messages(
    epubcheck_runner: epubcheck.EpubCheckRunner, sample_dir: Path
) -> None:
    messages = epubcheck.check_epubs([sample_dir / "bad.epub"], runner=epubcheck_runner)
    assert {m.rule for m in messages} == {"RSC-005"}, messages
    texts = " ".join(m.message for m in messages)
    assert "dcterms:modified" in texts
    assert '"nav"' in texts
    assert all(m.severity == "error" for m in messages)
    assert all(m.location and m.location.startswith("EPUB/package.opf:") for m in messages)
    assert all(m.file == str(sample_dir / "bad.epub") for m in messages)


def test_one_runner_checks_many_epubs_in_order(
    epubcheck_runner: epubcheck.EpubCheckRunner, sample_dir: Path
) -> None:
    paths = [sample_dir / "bad.epub", sample_dir / "good.epub", sample_dir / "bad.epub"]
    messages = epubcheck_runner.check_many(paths)
    assert len(messages) == 4
    assert {m.file for m in messages} == {str(sample_dir / "bad.epub")}


def test_a_file_that_is_no_epub_fails(
    epubcheck_runner: epubcheck.EpubCheckRunner, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.epub"
    junk.write_bytes(b"this is not a zip file")
    messages = epubcheck_runner.check(junk)
    assert any(m.severity == "error" for m in messages), messages


def test_missing_epub_is_an_error(
    epubcheck_runner: epubcheck.EpubCheckRunner, tmp_path: Path
) -> None:
    with pytest.raises(FileNotFoundError):
        epubcheck_runner.check(tmp_path / "nowhere.epub")


def test_every_severity_counts() -> None:
    report = {
        "messages": [
            {"ID": "PKG-001", "severity": "FATAL", "message": "f", "locations": []},
            {
                "ID": "RSC-005",
                "severity": "ERROR",
                "message": "e",
                "locations": [
                    {"path": "EPUB/a.xhtml", "line": 3, "column": 7},
                    {"path": "EPUB/b.xhtml", "line": -1, "column": -1},
                ],
            },
            {"ID": "OPF-085", "severity": "WARNING", "message": "w", "locations": []},
            {"ID": "HTM-010", "severity": "INFO", "message": "i", "locations": []},
            {"ID": "ACC-009", "severity": "USAGE", "message": "u", "locations": []},
        ]
    }
    messages = epubcheck.parse_report(report, "x.epub")
    assert [m.severity for m in messages] == ["error", "error", "error", "warning", "info", "info"]
    assert [m.location for m in messages[:3]] == [None, "EPUB/a.xhtml:3:7", "EPUB/b.xhtml"]
