"""Article-body extraction on saved news pages: readability-lxml against trafilatura.

Each page of Readability.js' test set has the text a person expects
(``expected.html``); the score is the word-level precision, recall and F1 of each
extractor's text against it, and its time.

Run: .venv/bin/pip install trafilatura   (not a dependency: only for this comparison)
     .venv/bin/python bench/bench_extractors.py PATH/TO/readability/test/test-pages [NAME...]
"""

from __future__ import annotations

import collections
import re
import sys
import time
import warnings
from pathlib import Path

import lxml.html

NEWS_PAGES = [
    "aktualne",
    "bbc-1",
    "cnn",
    "engadget",
    "folha",
    "gmw",
    "guardian-1",
    "heise",
    "herald-sun-1",
    "la-nacion",
    "lemonde-1",
    "liberation-1",
    "nytimes-1",
    "nytimes-2",
    "pixnet",
    "qq",
    "rtl-1",
    "salon-1",
    "seattletimes-1",
    "telegraph",
    "theverge",
    "wapo-1",
    "wapo-2",
    "yahoo-1",
]


def words(markup: str | None) -> list[str]:
    """Lower-case words of an HTML fragment."""
    if not markup or not markup.strip():
        return []
    return re.findall(r"\w+", lxml.html.fromstring(markup).text_content().lower())


def scores(got: list[str], want: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of two bags of words."""
    common = sum((collections.Counter(got) & collections.Counter(want)).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / len(got), common / len(want)
    return precision, recall, 2 * precision * recall / (precision + recall)


def article_words(page: Path) -> list[str]:
    """Words of the body (and lead picture) newsformats reads from a saved page."""
    from newsformats.document import build_document
    from newsformats.readers import read_all

    root = build_document(read_all(page)[0]).root
    parts = [root.find("div"), root.find("figure")]
    text = " ".join(" ".join(p.itertext()) for p in parts if p is not None)
    return re.findall(r"\w+", text.lower())


def main(folder: Path, names: list[str]) -> None:
    import trafilatura
    from readability import Document

    warnings.simplefilter("ignore")
    totals: dict[str, list[tuple[float, float, float]]] = {
        "readability-lxml": [],
        "trafilatura": [],
        "newsformats (readability-lxml + body converter)": [],
    }
    for name in names:
        page = (folder / name / "source.html").read_text(encoding="utf-8")
        want = words((folder / name / "expected.html").read_text(encoding="utf-8"))
        start = time.perf_counter()
        found = Document(page).summary(html_partial=True)
        middle = time.perf_counter()
        other = trafilatura.extract(
            page,
            output_format="html",
            include_images=True,
            include_links=True,
            include_tables=True,
            include_formatting=True,
            include_comments=False,
        )
        end = time.perf_counter()
        a, b = scores(words(found), want), scores(words(other), want)
        totals["readability-lxml"].append(a)
        totals["trafilatura"].append(b)
        totals["newsformats (readability-lxml + body converter)"].append(
            scores(article_words(folder / name / "source.html"), want)
        )
        print(
            f"{name:16} readability-lxml F1 {a[2]:.2f} ({middle - start:.2f} s)"
            f"  trafilatura F1 {b[2]:.2f} ({end - middle:.2f} s)"
        )
    for tool, found_scores in totals.items():
        mean = [sum(s[i] for s in found_scores) / len(found_scores) for i in range(3)]
        print(f"{tool}: precision {mean[0]:.3f} recall {mean[1]:.3f} F1 {mean[2]:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:] or NEWS_PAGES)
