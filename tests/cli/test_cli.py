"""The command line: version, help, schema, stdin, outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import newsformats
from helpers import EXAMPLE_TXT, ROOT, run_cli
from newsformats.model import article_json_schema


def test_version() -> None:
    run = run_cli("--version")
    assert run.code == 0 and newsformats.__version__ in run.stdout


def test_help_has_examples() -> None:
    run = run_cli("convert", "--help")
    assert run.code == 0
    assert "examples:" in run.stdout and "--to" in run.stdout


def test_schema_is_valid_json_schema() -> None:
    import jsonschema

    run = run_cli("schema")
    schema = json.loads(run.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    example = json.loads((ROOT / "examples" / "heatwave-update.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(example)


def test_committed_schema_is_current() -> None:
    committed = json.loads((ROOT / "docs" / "article.schema.json").read_text())
    assert committed == article_json_schema(), "run: newsformats schema > docs/article.schema.json"


def test_stdin(tmp_path: Path) -> None:
    run = run_cli(
        "convert",
        "-",
        "--from",
        "json",
        "-o",
        tmp_path,
        "--to",
        "html",
        stdin=b'{"headline": "From Stdin", "language": "en", "body": ["Text."]}',
    )
    assert run.code == 0, run.stderr
    assert (tmp_path / "from-stdin.html").is_file()


def test_convert_example_to_html(tmp_path: Path) -> None:
    run = run_cli("convert", EXAMPLE_TXT, "-o", tmp_path, "--to", "html")
    assert run.code == 0, run.stderr
    assert (tmp_path / "csto-sco-afghanistan.html").is_file()
    assert (tmp_path / "csto-sco-afghanistan-lead-figure.jpg").is_file()
    assert not list(tmp_path.glob(".*.part"))


def test_library_convert_returns_what_it_wrote(tmp_path: Path) -> None:
    article = newsformats.read(EXAMPLE_TXT)
    result = newsformats.convert(
        article, tmp_path, ["html"], stem="x", source_dir=EXAMPLE_TXT.parent
    )
    assert result.by_format["html"] == [tmp_path / "x.html"]
    assert set(result.files) == {tmp_path / "x.html", tmp_path / "x-lead-figure.jpg"}


def test_python_dash_m_runs_the_same_command() -> None:
    """``python -m newsformats`` is the ``newsformats`` command (for a venv without scripts)."""
    done = subprocess.run(
        [sys.executable, "-m", "newsformats", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"newsformats {newsformats.__version__}"
