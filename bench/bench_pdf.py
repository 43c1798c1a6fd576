"""Seconds per article for the PDF writer, and its overhead over plain WeasyPrint.

For each article: the whole writer (``convert(..., ["pdf"])``: document tree,
print page, rendering in this process, structure mends, XMP), then plain
WeasyPrint rendering the same print page to PDF/UA-1 in this process. The ratio
is what newsformats adds; CPU seconds are steadier than wall-clock ones on a
busy machine.

Run: ``.venv/bin/python bench/bench_pdf.py [ARTICLE...] [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsformats import convert, read
from newsformats.files import OutputSet
from newsformats.model import Article
from newsformats.options import ConvertOptions
from newsformats.pdf.page import print_page
from newsformats.resources import ResourcePolicy
from newsformats.writers import WriteJob
from newsformats.writers.pdf import print_document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLES = [
    path
    for path in sorted((ROOT / "examples").iterdir())
    if path.suffix in (".txt", ".md", ".json")
]


def median_seconds(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock seconds of ``work``, and its mean CPU seconds over all runs.

    CPU time is counted over the whole series: the clock ticks every 10 ms,
    too coarsely for one short run.
    """
    walls = []
    cpu_start = _cpu()
    for _ in range(runs):
        start = time.perf_counter()
        work()
        walls.append(time.perf_counter() - start)
    return statistics.median(walls), (_cpu() - cpu_start) / runs


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def plain_weasyprint(
    article: Article, source: Path, folder: str
) -> tuple[Callable[[], object], int]:
    """Plain WeasyPrint on the same page the writer renders; and its page count."""
    import weasyprint

    job = WriteJob(
        article,
        Path(folder),
        "plain",
        ResourcePolicy(base_dir=source.parent),
        ConvertOptions(),
        OutputSet(),
    )
    page = print_page(print_document(job))
    pages = len(weasyprint.HTML(string=page).render().pages)
    return lambda: weasyprint.HTML(string=page).write_pdf(pdf_variant="pdf/ua-1"), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(
        f"{'article':32} {'pages':>5} {'newsformats s':>14} {'WeasyPrint s':>13} {'ratio':>6}"
        f" {'CPU s':>6} {'WP CPU s':>8} {'CPU ratio':>9}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for source in args.articles:
            article = read(source)

            def ours(source: Path = source, article: Article = article) -> object:
                return convert(article, folder, ["pdf"], stem="bench", source_dir=source.parent)

            ours()  # warm: imports, fonts, caches
            plain, pages = plain_weasyprint(article, source, folder)
            plain()
            seconds, cpu = median_seconds(ours, args.runs)
            baseline, baseline_cpu = median_seconds(plain, args.runs)
            print(
                f"{source.name[:32]:32} {pages:>5} {seconds:>14.3f} {baseline:>13.3f} "
                f"{seconds / baseline:>6.2f} {cpu:>6.3f} {baseline_cpu:>8.3f} "
                f"{cpu / baseline_cpu:>9.2f}"
            )


if __name__ == "__main__":
    main()
