"""Batch figures: N varied articles with -j 1 and -j 2, per article against pandoc, cold start.

Run: .venv/bin/python bench/bench_batch.py --n 1000   (--n 100 for a quick look,
--cold-only for the cold start alone)

Articles are the examples and tests/data articles, each copied N/6 times with
a numbered headline (and its sidecar and picture beside it). Every figure is a
fresh ``newsformats`` process, as a newsroom would run it. The machine's load
average is printed beside the figures: other work on the machine slows them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "examples" / "csto-sco-afghanistan.txt",
    ROOT / "examples" / "election-explainer.md",
    ROOT / "examples" / "heatwave-update.json",
    ROOT / "tests" / "data" / "ru-summit.txt",
    ROOT / "tests" / "data" / "fa-summit.txt",
    ROOT / "tests" / "data" / "en-no-caption-no-credit.txt",
]
# Bytecode is written and reused, as an installed package has it: without it every
# process would compile newsformats' modules again.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": str(ROOT / "src"),
}


def make_articles(folder: Path, n: int) -> list[Path]:
    """``n`` articles in ``folder``: the sources in turn, each headline numbered."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsformats import read

    headlines = {source: read(source).headline for source in SOURCES}
    made = []
    for i in range(n):
        source = SOURCES[i % len(SOURCES)]
        target = folder / f"{i // len(SOURCES):04d}" / f"{source.stem}-{i:04d}{source.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        headline = headlines[source]
        target.write_text(_numbered(source, headline, i), encoding="utf-8")
        sidecar = source.with_suffix(".yaml")
        if sidecar.is_file() and source.suffix == ".txt":
            target.with_suffix(".yaml").write_text(
                _numbered(sidecar, headline, i), encoding="utf-8"
            )
            for picture in source.parent.glob(f"{source.stem}.jpg"):
                shutil.copy(picture, target.parent / picture.name)
        made.append(target)
    return made


def _numbered(path: Path, headline: str, i: int) -> str:
    return path.read_text(encoding="utf-8").replace(headline, f"{headline} {i}", 1)


def run(*args: str | Path) -> float:
    """Seconds for one fresh ``newsformats`` process."""
    return timed(*args)[0]


def timed(*args: str | Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one fresh ``newsformats`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsformats.cli", *map(str, args)],
        env=ENV,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


SPLIT = """
import resource, sys
from newsformats.cli import main
try:
    code = main(sys.argv[1:])
finally:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime, file=sys.stderr)
sys.exit(code)
"""


def batch(*args: str | Path) -> tuple[float, float, float]:
    """Wall-clock seconds of one ``newsformats`` batch, and the CPU seconds of the
    process itself and of its workers."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", SPLIT, *map(str, args)],
        env=ENV,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - started
    own, workers = (float(x) for x in done.stderr.split()[-2:])
    return wall, own, workers


def cold_start(folder: Path, runs: int = 7) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU seconds of ``convert story.txt --to html`` in a fresh process.

    The CPU time is what the figure would be on an idle machine, near enough.
    """
    story = folder / "story.txt"
    shutil.copy(SOURCES[0], story)
    shutil.copy(SOURCES[0].with_suffix(".yaml"), folder / "story.yaml")
    shutil.copy(SOURCES[0].with_suffix(".jpg"), folder / SOURCES[0].with_suffix(".jpg").name)
    detect = folder / "detect.txt"
    shutil.copy(SOURCES[3], detect)  # no sidecar: the language model is loaded
    figures = {}
    for name, path in (("story.txt (language in its sidecar)", story), ("detect.txt", detect)):
        args = ("convert", path, "-o", folder / "cold", "--to", "html", "-q", "--force")
        times = [timed(*args) for _ in range(runs)]
        figures[name] = (
            statistics.median(t[0] for t in times),
            statistics.median(t[1] for t in times),
        )
    pandoc = _pandoc()
    if pandoc is None:
        return figures
    pandoc_times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([pandoc, str(story), "-f", "markdown", "-s", "--metadata", "title=T",
                        "-o", str(folder / "p.html")], check=False)  # fmt: skip
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        pandoc_times.append((time.perf_counter() - started, cpu))
    figures["pandoc 3.9, story.txt to HTML"] = (
        statistics.median(t[0] for t in pandoc_times),
        statistics.median(t[1] for t in pandoc_times),
    )
    return figures


def _pandoc() -> str | None:
    try:
        import pypandoc
    except ImportError:
        print("pandoc comparison skipped: pip install 'newsformats[bench]' (pypandoc-binary)")
        return None
    return str(pypandoc.get_pandoc_path())


def pandoc_per_article(articles: list[Path], folder: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds per article for pandoc run once per article and format."""
    pandoc = _pandoc()
    if pandoc is None:
        return float("nan"), float("nan")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    for i, article in enumerate(articles):
        source = article
        if article.suffix == ".json":  # pandoc reads no article JSON: give it the text
            import json

            data = json.loads(article.read_text(encoding="utf-8"))
            body = [b if isinstance(b, str) else str(b.get("text", "")) for b in data["body"]]
            source = folder / f"{i}.md"
            source.write_text(f"# {data['headline']}\n\n" + "\n\n".join(body), encoding="utf-8")
        for ending in ("html", "epub"):
            subprocess.run(
                [pandoc, str(source), "-f", "markdown", "-s", "--metadata", f"title={article.stem}",
                 "-o", str(folder / f"{i}.{ending}")],
                check=False, stderr=subprocess.DEVNULL,
            )  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall / len(articles), cpu / len(articles)


def html_epub_per_article(
    inputs: str | Path, count: int, out: Path
) -> dict[int, tuple[float, float]]:
    """Wall-clock and CPU seconds per article of one HTML + EPUB batch, with -j 2 and -j 1."""
    figures = {}
    for jobs in (2, 1):
        wall, cpu = timed(
            "convert", inputs, "-o", out / f"j{jobs}", "--to", "html,epub", "-j", str(jobs), "-q"
        )
        figures[jobs] = (wall / count, cpu / count)
    return figures


def batches(root: Path, args: argparse.Namespace) -> None:
    """Cold start, the batch of every article to every format with -j 2 and -j 1, a re-run."""
    for name, (wall, cpu) in cold_start(root).items():
        print(f"cold start, {name}: {wall:.3f} s wall, {cpu:.3f} s CPU (medians of 7)")
    command = ("convert", root / "in", "--to", args.formats, "-q")
    walls = {}
    for jobs in [2] if args.skip_serial else [2, 1]:
        wall, own, workers = batch(*command, "-o", root / f"j{jobs}", "-j", str(jobs))
        walls[jobs] = wall
        print(
            f"{args.n} articles to {args.formats}, -j {jobs}: {wall:.1f} s "
            f"({own + workers:.1f} s CPU: {own:.1f} s the process, {workers:.1f} s its workers)"
        )
    if not args.skip_serial:
        print(f"speed-up of -j 2 over -j 1: {walls[1] / walls[2]:.2f}x")
    again = run("convert", root / "in", "-o", root / "j2", "--to", args.formats, "-j", "2", "-q")
    print(f"second run (everything unchanged): {again:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--formats", default="html,epub,pdf")
    parser.add_argument("--skip-serial", action="store_true", help="no -j 1 run (no speed-up)")
    parser.add_argument("--make", type=Path, metavar="DIR", help="only write the articles into DIR")
    parser.add_argument(
        "--html-epub-only", action="store_true", help="only HTML + EPUB per article against pandoc"
    )
    parser.add_argument("--cold-only", action="store_true", help="only the cold start")
    args = parser.parse_args()
    if args.make:
        print(f"{len(make_articles(args.make, args.n))} articles in {args.make}")
        return
    if args.cold_only:
        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
            for name, (wall, cpu) in cold_start(Path(tmp)).items():
                print(f"cold start, {name}: {wall:.3f} s wall, {cpu:.3f} s CPU (medians of 7)")
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
        return
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        root = Path(tmp)
        articles = make_articles(root / "in", args.n)
        if not args.html_epub_only:
            batches(root, args)
        sample = articles[: min(len(articles), 60)]
        listing = root / "sample.txt"
        listing.write_text("\n".join(map(str, sample)), encoding="utf-8")
        (root / "pandoc").mkdir()
        theirs, theirs_cpu = pandoc_per_article(sample, root / "pandoc")
        print(
            f"pandoc 3.9, HTML + EPUB, one run per article and format ({len(sample)} articles): "
            f"{theirs * 1000:.1f} ms wall, {theirs_cpu * 1000:.1f} ms CPU per article"
        )
        # The batch's whole process per article (start-up included), the default -j 2
        # (the number of cores here) first: wall-clock against pandoc's wall-clock.
        runs: list[tuple[str | Path, int, str]] = [
            (root / "in", len(articles), f"the batch of {len(articles)}")
        ]
        if len(sample) < len(articles):
            runs.append((f"@{listing}", len(sample), f"a batch of its first {len(sample)}"))
        for inputs, count, name in runs:
            he = html_epub_per_article(inputs, count, root / f"he{count}")
            for jobs, (wall, cpu) in he.items():
                print(
                    f"HTML + EPUB per article, {name}, -j {jobs}: {wall * 1000:.1f} ms wall, "
                    f"{cpu * 1000:.1f} ms CPU: {theirs / wall:.1f}x pandoc's wall-clock, "
                    f"{theirs_cpu / cpu:.1f}x its CPU"
                )
        # One input alone: the whole process, as pandoc is run.
        alone = statistics.median(
            run("convert", path, "-o", root / "alone", "--to", "html,epub", "-q", "--force")
            for path in sample[:6]
        )
        print(f"newsformats in a process of its own per article: {alone * 1000:.0f} ms")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
