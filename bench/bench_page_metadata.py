"""Saved pages' metadata against Readability.js' expected metadata (title, language, byline, date).

Run: .venv/bin/python bench/bench_page_metadata.py PATH/TO/readability/test/test-pages
"""

from __future__ import annotations

import json
import sys
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

from newsformats.model import Article
from newsformats.readers import read_all

FIELDS = ("title", "lang", "byline", "date")


def agreement(article: Article, expected: dict[str, Any]) -> dict[str, bool]:
    """Which of the expected fields the article agrees with (only those the page has)."""
    found: dict[str, bool] = {}
    if expected.get("title"):
        found["title"] = article.headline == expected["title"]
    if expected.get("lang"):
        want = expected["lang"].lower().split("-")[0]
        found["lang"] = article.language.lower().split("-")[0] == want
    if expected.get("byline"):
        byline = expected["byline"].lower()
        found["byline"] = any(
            p.name.lower() in byline or byline in p.name.lower() for p in article.authors
        )
    if expected.get("publishedTime"):
        try:
            want_date = datetime.fromisoformat(expected["publishedTime"].replace("Z", "+00:00"))
        except ValueError:
            return found
        found["date"] = (
            article.published is not None and article.published.date() == want_date.date()
        )
    return found


def main(folder: Path) -> None:
    warnings.simplefilter("ignore")
    right = dict.fromkeys(FIELDS, 0)
    asked = dict.fromkeys(FIELDS, 0)
    for page in sorted(folder.iterdir()):
        expected = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        article = read_all(page / "source.html")[0]
        for name, ok in agreement(article, expected).items():
            asked[name] += 1
            right[name] += ok
            if not ok:
                print(f"{page.name}: {name} differs")
    print(", ".join(f"{name} {right[name]}/{asked[name]}" for name in FIELDS))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
