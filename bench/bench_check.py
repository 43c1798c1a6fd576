"""Seconds to check one article's four outputs without --deep (target: under 2 s).

Converts the example once into a temporary folder (not timed), then times
``newsformats.check`` on its outputs in a fresh process, imports included, as
a CI step would run it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newsformats  # noqa: E402
from newsformats.options import DEFAULT_FORMATS  # noqa: E402

EXAMPLE = ROOT / "examples" / "csto-sco-afghanistan.txt"
TIMED = """
import sys, time
start = time.perf_counter()
from newsformats import check
report = check([sys.argv[1]])
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f} {len(report.files)} {len(report.findings)}")
"""


def main() -> None:
    formats = [f for f in DEFAULT_FORMATS if importlib.util.find_spec(f"newsformats.writers.{f}")]
    with tempfile.TemporaryDirectory() as folder:
        article = newsformats.read(EXAMPLE)
        newsformats.convert(article, folder, formats, stem=EXAMPLE.stem, source_dir=EXAMPLE.parent)
        runs = []
        for _ in range(3):
            done = subprocess.run(
                [sys.executable, "-c", TIMED, folder],
                capture_output=True,
                text=True,
                check=True,
                env={"PYTHONPATH": str(ROOT / "src")},
            )
            runs.append(done.stdout.split())
        best = min(float(r[0]) for r in runs)
        start = time.perf_counter()
        newsformats.check([folder])
        warm = time.perf_counter() - start
        print(
            f"check (no --deep), {runs[0][1]} files ({', '.join(formats)}) of one article: "
            f"{best:.2f} s in a fresh process (imports included), {warm:.2f} s warm; "
            f"{runs[0][2]} findings; target < 2 s"
        )


if __name__ == "__main__":
    main()
