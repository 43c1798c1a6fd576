"""Print how long the EPUB writer takes: one article, and a three-article edition."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import newsformats
from newsformats.edition import write_edition

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    ROOT / "examples/csto-sco-afghanistan.txt",
    ROOT / "examples/election-explainer.md",
    ROOT / "examples/heatwave-update.json",
]


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``action()``, in seconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    articles = [newsformats.read(p) for p in EXAMPLES]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        first = best_of(
            1,
            lambda: newsformats.convert(articles[0], out, ["epub"], source_dir=EXAMPLES[0].parent),
        )
        warm = best_of(
            5,
            lambda: newsformats.convert(articles[0], out, ["epub"], source_dir=EXAMPLES[0].parent),
        )
        edition = best_of(
            5,
            lambda: write_edition(articles, out / "edition.epub", "Evening", sources=EXAMPLES),
        )
        size = (out / "edition.epub").stat().st_size
    print(f"epub: example first {first:.3f} s, warm {warm:.3f} s")
    print(f"epub: three-article edition {edition:.3f} s ({size} bytes)")


if __name__ == "__main__":
    main()
