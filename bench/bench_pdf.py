"""Seconds per article for the PDF writer, and its overhead over plain WeasyPrint.

For each article, in turns (so that a change of the machine's load touches
every figure alike): the whole writer (``convert(..., ["pdf"])``: document
tree, print page, rendering in this process, structure mends, XMP, the file
written), then plain WeasyPrint rendering the same print page (the same HTML,
with the same bundled fonts in its ``@font-face`` rules) to PDF/UA-1 in this
process, twice: as it is called by default (a new ``FontConfiguration`` per
page) and with one ``FontConfiguration`` reused for every page, as the writer
does. Figures are medians of the CPU seconds of each run (``time.process_time``):
steadier than wall-clock ones on a busy machine.

Run: ``.venv/bin/python bench/bench_pdf.py [ARTICLE...] [--runs N]``.
"""

from __future__ import annotations

import argparse
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


def cpu_medians(works: list[Callable[[], object]], runs: int) -> list[float]:
    """Median CPU seconds of each of ``works``, run in turns ``runs`` times after one warm run."""
    times: list[list[float]] = [[] for _ in works]
    for work in works:
        work()  # warm: imports, fonts, caches
    for _ in range(runs):
        for work, taken in zip(works, times, strict=True):
            start = time.process_time()
            work()
            taken.append(time.process_time() - start)
    return [statistics.median(taken) for taken in times]


def plain_weasyprint(article: Article, source: Path, folder: str) -> tuple[str, int]:
    """The print page the writer renders, and its page count."""
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
    return page, len(weasyprint.HTML(string=page).render().pages)


def main() -> None:
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(
        f"{'article':32} {'pages':>5} {'newsformats':>11} {'WeasyPrint':>10} {'ratio':>5}"
        f" {'WP, fonts reused':>16} {'ratio':>5}   (median CPU s)"
    )
    reused = FontConfiguration()
    with tempfile.TemporaryDirectory() as folder:
        for source in args.articles:
            article = read(source)
            page, pages = plain_weasyprint(article, source, folder)

            def ours(source: Path = source, article: Article = article) -> object:
                return convert(article, folder, ["pdf"], stem="bench", source_dir=source.parent)

            def plain(page: str = page) -> object:
                return weasyprint.HTML(string=page).write_pdf(pdf_variant="pdf/ua-1")

            def plain_reused(page: str = page) -> object:
                return weasyprint.HTML(string=page).write_pdf(
                    pdf_variant="pdf/ua-1", font_config=reused
                )

            cpu, baseline, warm = cpu_medians([ours, plain, plain_reused], args.runs)
            print(
                f"{source.name[:32]:32} {pages:>5} {cpu:>11.3f} {baseline:>10.3f} "
                f"{cpu / baseline:>5.2f} {warm:>16.3f} {cpu / warm:>5.2f}"
            )


if __name__ == "__main__":
    main()
