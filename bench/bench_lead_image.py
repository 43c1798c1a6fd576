"""Saved pages' lead picture and the start and end of their body, counted.

For each page: is there a lead picture, with a caption, with a credit; do the body's
first two paragraphs repeat the lead caption (a figure whose picture was dropped on
the way), do its first blocks hold a subheading that repeats the standfirst, is its
last paragraph only the byline. No set has a gold lead caption, so these are counts
to compare before and after a change, with the pages printed (``-v``) to look at.

Run: .venv/bin/python bench/bench_lead_image.py 'PATH/readability/test/test-pages/*/source.html'
     .venv/bin/python bench/bench_lead_image.py 'PATH/trafilatura/tests/eval/*.html'
"""

from __future__ import annotations

import glob
import sys
import warnings

from newsformats.model import Article, Paragraph, Subheading, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all

COUNTS = ("lead", "caption", "credit", "caption_repeated", "standfirst_heading", "byline_last")


def _key(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def counts(article: Article) -> dict[str, bool]:
    """What one page's article shows of its lead picture, and what its body repeats."""
    lead = article.lead_image
    caption = plain_text(lead.caption) if lead else ""
    paragraphs = [plain_text(b.content) for b in article.body if isinstance(b, Paragraph)]
    said = _key(caption)
    standfirst = _key(article.standfirst or "")
    names = _key(" ".join(p.name for p in article.authors))
    return {
        "lead": lead is not None,
        "caption": bool(caption),
        "credit": bool(lead and lead.credit),
        "caption_repeated": len(said) >= 20
        and any(
            _key(p) == said or (len(_key(p)) >= 20 and said.startswith(_key(p)))
            for p in paragraphs[:2]
        ),
        "standfirst_heading": bool(standfirst)
        and any(
            isinstance(b, Subheading) and _key(plain_text(b.content)) == standfirst
            for b in article.body[:4]
        ),
        "byline_last": bool(paragraphs and names) and _key(paragraphs[-1]) == names,
    }


def main(pattern: str, verbose: bool) -> None:
    totals = dict.fromkeys(COUNTS, 0)
    pages = failed = 0
    for path in sorted(glob.glob(pattern)):
        try:
            with warnings.catch_warnings(), collecting_notes():
                warnings.simplefilter("ignore")
                (article, *_) = read_all(path)
        except Exception:
            failed += 1
            continue
        pages += 1
        found = counts(article)
        for name, value in found.items():
            totals[name] += value
        if verbose:
            lead = article.lead_image
            print(path, [n for n in COUNTS if found[n]], lead and plain_text(lead.caption)[:80])
    shown = ", ".join(f"{name} {totals[name]}" for name in COUNTS)
    print(f"{pages} pages: {shown}; {failed} not read")


if __name__ == "__main__":
    main(sys.argv[1], "-v" in sys.argv)
