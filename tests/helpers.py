"""Paths to the examples and a real run of the command line, for every test folder."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsformats import Conversion, ConvertOptions, convert, read
from newsformats.model import Article, Paragraph, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all
from newsformats.validators import ValidatorUnavailable

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
EXAMPLE_TXT = EXAMPLES / "csto-sco-afghanistan.txt"

# The articles every writer is tested on: the examples and variants of the layout.
ARTICLES = {
    "example": EXAMPLE_TXT,
    "markdown": EXAMPLES / "election-explainer.md",
    "json": EXAMPLES / "heatwave-update.json",
    "russian": DATA / "ru-summit.txt",
    "persian": DATA / "fa-summit.txt",
    "no-caption": DATA / "en-no-caption-no-credit.txt",
}


@dataclass(frozen=True)
class CliRun:
    """What one run of ``newsformats`` did."""

    code: int
    stdout: str
    stderr: str


def run_cli(*args: str | Path, cwd: Path | None = None, stdin: bytes | None = None) -> CliRun:
    """Run the real command in a child process, as a user would."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "newsformats.cli", *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    return CliRun(done.returncode, done.stdout.decode(), done.stderr.decode())


def convert_articles(
    out: Path, formats: list[str], options: ConvertOptions | None = None
) -> dict[str, Conversion]:
    """Convert every test article into ``out`` (stems are the article names)."""
    return {
        name: convert(
            read(source), out, formats, stem=name, source_dir=source.parent, options=options
        )
        for name, source in ARTICLES.items()
    }


def require(ensure: Callable[[], None]) -> None:
    """Fail the test (not skip) when a validator is missing, with the install command."""
    try:
        ensure()
    except ValidatorUnavailable as exc:
        pytest.fail(f"validator not installed: {exc}", pytrace=False)


def convert_in_pool_worker(outdir: str) -> tuple[bool, list[str]]:
    """Convert the example to PDF and HTML; say whether this process is daemonic.

    It lives here, not in a test module, so that a spawned pool worker can import
    it: the test folders are not packages.
    """
    import multiprocessing

    source = ARTICLES["example"]
    done = convert(
        read(source),
        outdir,
        ["pdf", "html"],
        stem="pooled",
        source_dir=source.parent,
        options=ConvertOptions(use_cache=False),
    )
    return multiprocessing.current_process().daemon, [p.name for p in done.files]


def read_quietly(path: Path) -> tuple[list[Article], list[str]]:
    """Every article of an input, with the warnings the reading gave."""
    with collecting_notes() as notes:
        articles = read_all(path)
    return articles, [str(n) for n in notes]


def paragraph_texts(article: Article) -> list[str]:
    """The plain text of the article's paragraphs, in order."""
    return [plain_text(b.content) for b in article.body if isinstance(b, Paragraph)]
