"""Hostile or broken inputs: a correct page, or one line naming the file, exit 2, no output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import html

from helpers import run_cli

SMALL_ARTICLE = "A Headline Here\n\nSome body text that is long enough to read.\n"
CHROME_ONLY = "Accessibility links\n\nSkip to main content\n\nBreaking News\n\nShare\n\nPrint\n"


def _errors(stderr: str) -> list[str]:
    """The error lines (progress lines name the article, errors start with the program)."""
    return [line for line in stderr.splitlines() if line.startswith("newsformats:")]


def _refused(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    source = tmp_path / "in" / name
    source.parent.mkdir()
    source.write_bytes(data)
    out = tmp_path / "out"
    run = run_cli("convert", source, "-o", out, "--to", "html")
    assert run.code == 2, run.stderr
    lines = _errors(run.stderr)
    assert len(lines) == 1, run.stderr
    assert name in lines[0] and expected in lines[0]
    assert "Traceback" not in run.stderr
    assert not out.exists() or not any(out.iterdir())


def test_empty_file(tmp_path: Path) -> None:
    _refused(tmp_path, "empty.txt", b"", "empty")


def test_binary_bytes(tmp_path: Path) -> None:
    _refused(tmp_path, "noise.txt", os.urandom(4096) + b"\x00", "binary")


def test_control_characters(tmp_path: Path) -> None:
    _refused(tmp_path, "ctl.txt", bytes(range(1, 9)) * 200, "binary")


def test_page_chrome_only(tmp_path: Path) -> None:
    _refused(tmp_path, "chrome.txt", CHROME_ONLY.encode(), "no article text")


def test_invalid_json_names_line(tmp_path: Path) -> None:
    _refused(tmp_path, "bad.json", b'{"headline": "H",\n  "body": [,]}', "bad.json:2:")


def test_yaml_billion_laughs_is_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    _refused(tmp_path, "bomb.yaml", bomb.encode(), "aliases")


def test_deeply_nested_json(tmp_path: Path) -> None:
    _refused(tmp_path, "deep.json", b"[" * 100000 + b"]" * 100000, "deep.json")


def test_missing_image_in_sidecar(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "A Headline Here\n\nSome body text that is long enough to read.\n"
    )
    (folder / "a.yaml").write_text("language: en\nimage: {src: nowhere.jpg, alt: A thing}\n")
    run = run_cli("convert", folder / "a.txt", "-o", tmp_path / "out", "--to", "html")
    assert run.code == 2
    assert "nowhere.jpg" in run.stderr and "no such file" in run.stderr
    assert len(_errors(run.stderr)) == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.parametrize("src", ["/etc/passwd", "../outside.jpg", "http://127.0.0.1:9/x.jpg"])
def test_image_outside_the_folder_is_refused(tmp_path: Path, src: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "outside.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "a.txt").write_text(
        "A Headline Here\n\nSome body text that is long enough to read.\n"
    )
    (folder / "a.yaml").write_text(f"language: en\nimage: {{src: '{src}', alt: A thing}}\n")
    run = run_cli("convert", folder / "a.txt", "-o", tmp_path / "out", "--to", "html")
    assert run.code == 2, run.stderr
    assert src in run.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_legacy_8bit_encoding_gives_a_correct_page(tmp_path: Path) -> None:
    text = (
        "Срочные новости\n\nВ Душанбе прошли переговоры\n\n"
        "Лидеры стран Центральной Азии обсудили в столице Таджикистана положение в Афганистане "
        "и меры по укреплению границ.\n"
    )
    source = tmp_path / "cp1251.txt"
    source.write_bytes(text.encode("cp1251"))
    run = run_cli("convert", source, "-o", tmp_path / "out", "--to", "html")
    assert run.code == 0, run.stderr
    page = html.parse(str(tmp_path / "out" / "cp1251.html")).getroot()
    assert page.get("lang") == "ru"
    assert page.findtext(".//h1") == "В Душанбе прошли переговоры"


def test_html_tags_inside_text_are_shown_as_text(tmp_path: Path) -> None:
    source = tmp_path / "tags.txt"
    source.write_text(
        "A <b>Bold</b> Headline\n\n"
        "The text says <script>alert('x')</script> and <img src=x onerror=alert(1)> aloud.\n"
    )
    run = run_cli("convert", source, "-o", tmp_path / "out", "--to", "html")
    assert run.code == 0, run.stderr
    page = html.parse(str(tmp_path / "out" / "tags.html")).getroot()
    assert page.findtext(".//h1") == "A <b>Bold</b> Headline"
    assert not page.findall(".//script[@src]")
    assert [s.get("type") for s in page.iter("script")] == ["application/ld+json"]
    assert not page.xpath("//img[@onerror]")
    assert "<script>alert('x')</script>" in page.findtext(".//main//p")


def test_usage_error_exit_2(tmp_path: Path) -> None:
    run = run_cli("convert", tmp_path / "nope.txt", "--to", "html")
    assert run.code == 2
    assert "nope.txt" in run.stderr and "no such file" in run.stderr


def test_unknown_format_exit_2(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Headline\n\nBody text long enough to be detected as English text.\n")
    run = run_cli("convert", source, "--to", "docx", "-o", tmp_path / "out")
    assert run.code == 2
    assert "docx" in run.stderr


def test_bad_input_among_good_ones_is_reported_and_the_rest_written(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Headline Here\n\nBody text long enough to be detected as English text.\n")
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    run = run_cli("convert", bad, good, "-o", tmp_path / "out", "--to", "html")
    assert run.code == 1
    assert (tmp_path / "out" / "good.html").is_file()
    errors = _errors(run.stderr)
    assert len(errors) == 1 and "bad.json" in errors[0]
