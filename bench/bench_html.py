"""Seconds to read the example article and write its HTML page (no validators).

Run: .venv/bin/python bench/bench_html.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import newsformats

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "examples").glob("*.md"))
ROUNDS = 20


def main() -> None:
    started = time.perf_counter()
    newsformats.read(EXAMPLES[0])  # first call loads the language model and CLDR data
    print(f"first read (cold caches): {time.perf_counter() - started:.3f} s")
    with tempfile.TemporaryDirectory() as out:
        for path in EXAMPLES:
            reads, writes = [], []
            for _ in range(ROUNDS):
                t0 = time.perf_counter()
                article = newsformats.read(path)
                t1 = time.perf_counter()
                newsformats.convert(article, out, ["html"], source_dir=path.parent)
                t2 = time.perf_counter()
                reads.append(t1 - t0)
                writes.append(t2 - t1)
            print(
                f"{path.name}: read {statistics.median(reads) * 1000:.1f} ms, "
                f"html {statistics.median(writes) * 1000:.1f} ms (median of {ROUNDS})"
            )


if __name__ == "__main__":
    main()
