"""The same input and options give byte-identical EPUB files, run after run."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from helpers import ARTICLES, EXAMPLES, run_cli

EDITION = [
    EXAMPLES / "csto-sco-afghanistan.txt",
    EXAMPLES / "election-explainer.md",
    EXAMPLES / "heatwave-update.json",
]


def convert_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str | Path
) -> tuple[bytes, bytes]:
    """Run the command twice in fresh processes, with other hash seeds, a second apart."""
    outputs = []
    for run, seed in enumerate(("1", "2")):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        outdir = tmp_path / f"run{run}"
        done = run_cli("convert", *args, "-o", outdir, "--to", "epub", "-q")
        assert done.code == 0, done.stderr
        (book,) = outdir.glob("*.epub")
        outputs.append(book.read_bytes())
        time.sleep(1.1)  # a clock-dependent timestamp would now differ
    return outputs[0], outputs[1]


@pytest.mark.parametrize("name", ["example", "persian", "no-caption"])
def test_two_runs_give_the_same_bytes(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = convert_twice(tmp_path, monkeypatch, ARTICLES[name])
    assert first == second


def test_two_runs_of_an_edition_give_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = convert_twice(tmp_path, monkeypatch, *EDITION, "--bundle", "Evening edition")
    assert first == second


def test_the_library_and_the_command_give_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, books: dict[str, Path]
) -> None:
    first, _ = convert_twice(tmp_path, monkeypatch, ARTICLES["russian"])
    assert first == books["russian"].read_bytes()


def test_a_date_beyond_the_zip_range_still_gives_a_book(tmp_path: Path) -> None:
    # A WordPress export dated "3013-07-07" failed with "ushort format requires …".
    story = tmp_path / "story.md"
    story.write_text(
        "---\nheadline: Far future\nlanguage: en\npublished: 3013-07-07T15:06:01Z\n---\nText.\n",
        encoding="utf-8",
    )
    done = run_cli("convert", story, "-o", tmp_path / "out", "--to", "epub", "-q")
    assert done.code == 0, done.stderr
    with zipfile.ZipFile(tmp_path / "out" / "story.epub") as book:
        assert {info.date_time[0] for info in book.infolist()} == {2107}
