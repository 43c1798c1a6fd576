"""Peak memory of converting a 1 MB article, per format and to all four formats.

Makes a Markdown article of about 1 MB from the example's paragraphs, then
converts it in a fresh child process for each set of formats and reports the
child's peak resident memory (``ru_maxrss``, which includes any process it
started). Speech goes to a private cache folder that starts empty.

Run: ``.venv/bin/python bench/bench_memory.py [--size BYTES] [--formats html,pdf,...]``.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "csto-sco-afghanistan.txt"

CHILD = """
import sys
from pathlib import Path
from newsformats import convert, read
from newsformats.options import ConvertOptions
article = read(sys.argv[1])
options = ConvertOptions(cache_dir=Path(sys.argv[4]), max_audio_seconds=float(sys.argv[5]))
result = convert(article, sys.argv[2], sys.argv[3].split(","), stem="big", options=options)
for warning in result.warnings:
    print("warning:", warning)
"""


def big_article(folder: Path, size: int) -> Path:
    """A Markdown article of about ``size`` bytes: the example's paragraphs, numbered, repeated."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    paragraphs = [line for line in lines if len(line) > 120]
    parts = ["---", "language: en", "---", "", "# A very long article", ""]
    total, number = 0, 0
    while total < size:
        for paragraph in paragraphs:
            number += 1
            if number % 12 == 0:
                parts += [f"## Part {number // 12}", ""]
            text = f"{paragraph} (Paragraph {number}.)"
            parts += [text, ""]
            total += len(text.encode("utf-8")) + 2
    path = folder / "big.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def peak_mb(
    article: Path, outdir: Path, formats: str, cache: Path, limit: float
) -> tuple[float, float, str]:
    """Peak resident memory (MB) and seconds of one conversion in a fresh process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(article), str(outdir), formats, str(cache), str(limit)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    status = "ok" if done.returncode == 0 else done.stderr.strip().splitlines()[-1][:120]
    return peak, seconds, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--formats", default="html,epub,pdf,audio,html+pdf+epub+audio")
    parser.add_argument(
        "--max-audio-hours", type=float, default=30.0, help="audio length limit for the run"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        article = big_article(Path(folder), args.size)
        print(f"article: {article.stat().st_size:,} bytes")
        print(f"{'formats':24} {'peak MB':>8} {'seconds':>8}  status")
        for formats in args.formats.split(","):
            # ru_maxrss of children is the largest child so far: measure each in its own runner.
            runner = [sys.executable, __file__, "--one", str(article), formats.replace("+", ",")]
            runner.append(str(args.max_audio_hours * 3600))
            done = subprocess.run(runner, capture_output=True, text=True, check=False, cwd=folder)
            print(f"{formats:24} {done.stdout.strip() or done.stderr.strip()[-200:]}")


def one(article: Path, formats: str, limit: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / "cache"
        peak, seconds, status = peak_mb(article, Path(folder) / "out", formats, cache, limit)
        print(f"{peak:>8.0f} {seconds:>8.1f}  {status}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        one(Path(sys.argv[2]), sys.argv[3], float(sys.argv[4]))
    else:
        main()
