"""``newsformats convert`` on a folder: keep going, report, never overwrite, skip the unchanged."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import CliRun, run_cli
from newsformats.batch import Limits, Settings, run_batch


@pytest.fixture(scope="module")
def batch(
    tmp_path_factory: pytest.TempPathFactory, make_folder: Callable[[Path], Path]
) -> tuple[Path, Path, CliRun]:
    root = tmp_path_factory.mktemp("batch")
    folder = make_folder(root)
    out = root / "out"
    run = run_cli(
        "convert", folder, "-o", out, "--to", "html,epub", "-j", "2", "--json",
        "--manifest", root / "manifest.jsonl",
    )  # fmt: skip
    return folder, out, run


def lines(run: CliRun) -> list[dict[str, Any]]:
    return [json.loads(line) for line in run.stdout.splitlines()]


def test_bad_article_in_the_middle_keeps_going_and_exits_1(
    batch: tuple[Path, Path, CliRun],
) -> None:
    _folder, _out, run = batch
    assert run.code == 1, run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("newsformats:")]
    assert len(errors) == 1 and "m-broken.json" in errors[0]
    summary = run.stderr.strip().splitlines()[-1]
    assert summary.startswith("converted 8, failed 1 (") and "m-broken.json" in summary
    assert "Traceback" not in run.stderr


def test_json_lines_parse_and_describe_what_was_written(batch: tuple[Path, Path, CliRun]) -> None:
    _folder, out, run = batch
    results = lines(run)
    assert len(results) == 9
    assert {r["status"] for r in results} == {"converted", "failed"}
    for result in results:
        assert set(result) >= {"input", "outputs", "status", "error", "seconds"}
        for output in result["outputs"]:
            data = Path(output["path"]).read_bytes()
            assert output["size"] == len(data)
            assert output["sha256"] == hashlib.sha256(data).hexdigest()
    failed = [r for r in results if r["status"] == "failed"]
    assert failed[0]["input"].endswith("m-broken.json") and failed[0]["outputs"] == []
    manifest = (out.parent / "manifest.jsonl").read_text().splitlines()
    assert sorted(manifest) == sorted(run.stdout.splitlines())


def test_inputs_sharing_a_stem_get_their_own_folders(batch: tuple[Path, Path, CliRun]) -> None:
    _folder, out, _run = batch
    assert "Story A" in (out / "a" / "story.html").read_text()
    assert "Story B" in (out / "b" / "story.html").read_text()
    assert not (out / "story.html").exists()
    assert not list(out.rglob(".*.part"))


def test_second_run_converts_nothing_and_says_so(batch: tuple[Path, Path, CliRun]) -> None:
    folder, out, _run = batch
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    again = run_cli("convert", folder, "-o", out, "--to", "html,epub", "-j", "2")
    summary = again.stderr.strip().splitlines()[-1]
    assert summary.startswith("converted 0, failed 1"), again.stderr
    assert "skipped 8 (unchanged 8)" in summary
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.html")} == before


def test_a_changed_picture_converts_its_article_again(
    batch: tuple[Path, Path, CliRun], tmp_path: Path
) -> None:
    folder, _out, _ = batch
    copy = tmp_path / "in"
    copy.mkdir()
    for name in ("example.txt", "example.yaml", "csto-sco-afghanistan.jpg", "markdown.md"):
        (copy / name).write_bytes((folder / name).read_bytes())
    settings = Settings(str(tmp_path / "out"), ("html",))
    assert run_batch([str(copy)], settings, limits=Limits(jobs=1)).converted == 2
    picture = copy / "csto-sco-afghanistan.jpg"
    picture.write_bytes(picture.read_bytes() + b"\0")
    again = run_batch([str(copy)], settings, limits=Limits(jobs=1))
    assert (again.converted, again.unchanged) == (1, 1)
    forced = run_batch([str(copy)], settings, limits=Limits(jobs=1), force=True)
    assert forced.converted == 2


def test_jobs_2_writes_the_same_bytes_as_jobs_1(
    batch: tuple[Path, Path, CliRun], tmp_path: Path
) -> None:
    folder, out, _ = batch
    serial = tmp_path / "serial"
    summary = run_batch(
        [str(folder)], Settings(str(serial), ("html", "epub")), limits=Limits(jobs=1)
    )
    assert summary.converted == 8
    made = sorted(
        p.relative_to(serial) for p in serial.rglob("*") if p.suffix in (".html", ".epub")
    )
    assert len(made) == 16
    for name in made:
        assert (serial / name).read_bytes() == (out / name).read_bytes(), name


def test_output_folder_that_is_a_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("not a folder")
    run = run_cli("convert", tmp_path / "nothing.md", "-o", target, "--to", "html")
    assert run.code == 2
    assert run.stderr.strip() == f"newsformats: -o {target}: {target} is a file, not a folder"


def test_list_file_names_inputs(batch: tuple[Path, Path, CliRun], tmp_path: Path) -> None:
    folder, _, _ = batch
    listing = tmp_path / "list.txt"
    listing.write_text(f"# today's stories\n{folder / 'markdown.md'}\n\n{folder / 'json.json'}\n")
    run = run_cli("convert", f"@{listing}", "-o", tmp_path / "out", "--to", "html", "-q")
    assert run.code == 0 and run.stderr == ""
    assert sorted(p.name for p in (tmp_path / "out").glob("*.html")) == [
        "json.html",
        "markdown.html",
    ]


def test_replacing_a_file_another_input_wrote_is_said(tmp_path: Path) -> None:
    first, second = tmp_path / "x" / "story.md", tmp_path / "y" / "story.md"
    for path, text in ((first, "First"), (second, "Second")):
        path.parent.mkdir()
        path.write_text(f"---\nheadline: {text}\nlanguage: en\n---\n\nText.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("convert", first, "-o", out, "--to", "html", "-q").code == 0
    run = run_cli("convert", second, "-o", out, "--to", "html", "-q")
    assert run.code == 0
    assert run.stderr.strip() == (
        f"newsformats: warning: {second} replaces {out / 'story.html'} (written from {first})"
    )
    assert "Second" in (out / "story.html").read_text()
