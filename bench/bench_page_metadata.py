"""Saved pages' metadata and body against other projects' expectations.

Four sets of public saved pages, each with what a person expects:

- ``readability``: mozilla/readability's ``test/test-pages`` (``expected-metadata.json``:
  title, lang, byline, publishedTime), the 24 news pages of ``bench_extractors.py``;
- ``trafilatura``: adbar/trafilatura's ``tests`` folder (``evaldata.json``: title,
  author, date, and sentences the body must hold (``with``) or leave out
  (``without``), for the pages of ``tests/eval`` and ``tests/cache``);
- ``aeb``: scrapinghub/article-extraction-benchmark (``ground-truth.json``:
  ``articleBody``; ``html/*.html.gz``): word-level F1 of the article's text;
- ``fundus``: flairNLP/fundus' parser test pages (``tests/resources/parser/test_data``:
  ``<country>/<Publisher>_<date>.html.gz`` and ``<Publisher>.json``, one entry per parser
  version, in the order of the pages' dates): title, authors, publishing date, the
  summary (compared with the standfirst) and the body's paragraphs (F1). 258 pages
  of 40 countries. Each page falls in a "tuned" or "held-out" half by a hash of its
  name (as in ``bench_agreement.py``); ``-v`` prints the misses of the tuned half only.
- ``mercury``: postlight/parser's (Mercury's) ``fixtures`` and the tests of its custom
  extractors (``src/extractors/custom/*/index.test.js``, MIT or Apache-2.0): per saved
  page, the title, author, date_published, dek, lead_image_url and the body's first
  words that a person wrote down from the article. About 170 pages of 150 sites
  (US and UK news and magazines, Japanese and German sites, blogs). Split in halves
  like fundus'.

Run: .venv/bin/python bench/bench_page_metadata.py readability PATH/readability/test/test-pages
     .venv/bin/python bench/bench_page_metadata.py trafilatura PATH/trafilatura/tests [N]
     .venv/bin/python bench/bench_page_metadata.py aeb PATH/article-extraction-benchmark [N]
     .venv/bin/python bench/bench_page_metadata.py fundus PATH/fundus/tests/resources/parser/\
       test_data
     .venv/bin/python bench/bench_page_metadata.py mercury PATH/parser
(N: only every N-th page, for a quicker sample). Add ``-v`` to print each miss.

Titles agree when equal with white space collapsed, typographic quotes as plain ones,
soft hyphens and zero-width spaces left out, or when the kicker and headline together
are the expected title. The article's text is what the outputs show under the
headline: the standfirst, the lead picture's caption and the body.
"""

from __future__ import annotations

import collections
import gzip
import hashlib
import html
import json
import re
import sys
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from bench_extractors import NEWS_PAGES  # the same 24 news pages

from newsformats.model import Article
from newsformats.readers import read_source_all
from newsformats.readers.source import Source, decode, open_source
from newsformats.readers.webpage import page_titles

FIELDS = (
    "title",
    "lang",
    "byline",
    "date",
    "standfirst",
    "lead",
    "lead_described",
    "start",
    "with",
    "without",
    "body_f1",
)
COUNTED = ("title", "lang", "byline", "date", "standfirst", "lead", "lead_described", "start")
VERBOSE = "-v" in sys.argv
POLICY = "--policy" in sys.argv  # print each page where the h1 and the metadata disagree


# Typographic quotes and invisible characters: one title whichever a page uses.
FOLD = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "\u200b": None, "\u00ad": None}
)


def _norm(text: str) -> str:
    # NFC: the reader composes every text, while a page (and its expectation) may write
    # its accents decomposed (Tageszeitung's and Vogue's "ä" as "a" + U+0308).
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.replace("\u00a0", " ").translate(FOLD).split()).casefold()


def _key(text: str) -> str:
    return "".join(c for c in _norm(text) if c.isalnum())


def title_agrees(article: Article, gold: str) -> bool:
    """The headline is the expected title, or is it with its kicker ("Kicker: Headline")."""
    if _norm(article.headline) == _norm(gold):
        return True
    return bool(article.kicker) and _key(f"{article.kicker} {article.headline}") == _key(gold)


def _names(value: str | list[str]) -> list[str]:
    """The people a gold byline names ("A; B", "A und B", "A, B", a list)."""
    text = "; ".join(value) if isinstance(value, list) else value
    parts = re.split(r"\s*(?:;|,|\||\band\b|\bund\b|\bet\b|\by\b|&)\s*", text)
    return [_norm(p) for p in parts if p.strip()]


def byline_agrees(article: Article, gold: str | list[str]) -> bool:
    """Every person the gold byline names is one of the article's authors (or inside one)."""
    got = [_norm(p.name) for p in article.authors]
    if not got:
        return False
    wanted = _names(gold)
    joined = _norm("; ".join(gold) if isinstance(gold, list) else gold)
    if any(g == joined or (g in joined and len(g) > 3) for g in got) and len(got) == 1:
        return True
    return all(any(w == g or w in g or g in w for g in got) for w in wanted)


def _date_agrees(article: Article, want: str, instant: bool = False) -> bool:
    """The article's publication day is the expected one; an expected ``instant`` (a moment
    in UTC, as Mercury gives) is read on the article's own clock."""
    try:
        wanted = datetime.fromisoformat(want.replace("Z", "+00:00"))
    except ValueError:
        return False
    got = article.published
    if got is None:
        return False
    if instant and wanted.tzinfo and got.tzinfo:
        if got.timetz() == time(0, tzinfo=got.tzinfo) and got.utcoffset() == timedelta(0):
            # A day the page shows without a time or zone: the instant's day somewhere.
            days = {(wanted + timedelta(hours=h)).date() for h in (-12, 0, 14)}
            return got.date() in days
        wanted = wanted.astimezone(got.tzinfo)
    return got.date() == wanted.date()


def _file_stem(url: str) -> str:
    """A picture's file name without its extension and size ("hero5-640x215.jpg" → "hero5")."""
    name = url.split("?")[0].rstrip("/").rsplit("/")[-1].rsplit(".", 1)[0]
    return re.sub(r"[-_.]?\d{2,4}x\d{2,4}$", "", name)


def lead_agrees(article: Article, want: str) -> bool:
    """The article has a lead picture, and it is the expected one (the same file, any size)."""
    lead = article.lead_image
    if lead is None:
        return False
    return not lead.src or _file_stem(lead.src) == _file_stem(want)


PICTURE_ATTRIBUTES = ("src", "data-src", "data-original", "srcset", "data-srcset")
FILE_NAME = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|avif)$", re.I)


def lead_shown(markup: bytes, want: str) -> str:
    """How the page shows the expected lead picture, read apart from the reader: "described"
    (an ``<img>`` of the same file, any size, with alt text that is no file name or inside a
    ``figure`` with a ``figcaption``), "bare" (shown with neither), or "absent" (not shown:
    only the metadata names it)."""
    from lxml import html as lxml_html

    stem = _file_stem(want)
    if not stem:
        return "absent"
    found = "absent"
    page = lxml_html.document_fromstring(markup)
    for img in page.iter("img", "source"):
        urls = " ".join(img.get(a) or "" for a in PICTURE_ATTRIBUTES).replace(",", " ").split()
        if not any(_file_stem(u) == stem for u in urls if "/" in u or "." in u):
            continue
        found = "bare"
        alt = " ".join((img.get("alt") or "").split())
        figure = next(img.iterancestors("figure"), None)
        if (alt and not FILE_NAME.search(alt)) or (
            figure is not None and figure.find(".//figcaption") is not None
        ):
            return "described"
    return found


def start_agrees(article: Article, want: str) -> bool:
    """The expected first words of the body are in the text the outputs show, in order."""
    return " ".join(_words(html.unescape(want))) in " ".join(_words(body_text(article)))


def body_text(article: Article) -> str:
    """The words of the article as the outputs show them under the headline: the standfirst,
    the lead picture's caption and the body."""
    from newsformats.document import build_document

    root = build_document(article).root
    parts = [root.find(".//p[@id='standfirst']"), root.find("div"), root.find("figure")]
    return " ".join(_shown_text(p) for p in parts if p is not None)


# Elements a browser lays out apart; the text of any other (a link, a mark) runs on.
INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark"}
    | {"q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}
)


def _shown_text(element: Any) -> str:
    """An element's text as it reads: blocks apart, a mark's or link's words run on with the
    words around them ("<strong>Guatemala</strong>, la" is "Guatemala, la", not
    "Guatemala , la" as a space between every text node would make it)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        parts.append(node.text or "")
        for child in node:
            apart = not (isinstance(child.tag, str) and child.tag in INLINE)
            parts.append(" " if apart else "")
            walk(child)
            parts.append(" " if apart else "")
            parts.append(child.tail or "")

    walk(element)
    return "".join(parts)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def f1(got: list[str], want: list[str]) -> float:
    """Word-bag F1 of two texts' words."""
    common = sum((collections.Counter(got) & collections.Counter(want)).values())
    if not common:
        return 0.0
    precision, recall = common / len(got), common / len(want)
    return 2 * precision * recall / (precision + recall)


def readability_cases(folder: Path) -> Iterator[tuple[str, Path | bytes, dict[str, Any]]]:
    """Readability.js' 24 news pages and their expected metadata."""
    for name in NEWS_PAGES:
        expected = json.loads((folder / name / "expected-metadata.json").read_text("utf-8"))
        gold = {
            "title": expected.get("title"),
            "lang": expected.get("lang"),
            "byline": expected.get("byline"),
            "date": expected.get("publishedTime"),
        }
        yield name, folder / name / "source.html", gold


def trafilatura_cases(
    folder: Path, step: int
) -> Iterator[tuple[str, Path | bytes, dict[str, Any]]]:
    """trafilatura's evaluation pages with their title, author, date, with and without."""
    data = json.loads((folder / "evaldata.json").read_text("utf-8"))
    for index, item in enumerate(data.values()):
        if index % step:
            continue
        path = next(
            (
                folder / d / item["file"]
                for d in ("eval", "cache")
                if (folder / d / item["file"]).exists()
            ),
            None,
        )
        if path is None:
            continue
        gold = {
            "title": item.get("title"),
            "byline": item.get("author"),
            "date": item.get("date"),
            "with": item.get("with"),
            "without": item.get("without"),
        }
        yield item["file"], path, gold


def aeb_cases(folder: Path, step: int) -> Iterator[tuple[str, Path | bytes, dict[str, Any]]]:
    """The article-extraction-benchmark's pages and their article bodies."""
    data = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    for index, (key, item) in enumerate(sorted(data.items())):
        if index % step:
            continue
        page = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        yield key[:12], page, {"body": item["articleBody"]}


def held_out(name: str) -> bool:
    """Half the pages, chosen by a hash of the name, are held out from tuning."""
    return hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 1


def _version_key(version: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", version)]


def fundus_cases(folder: Path) -> Iterator[tuple[str, Path | bytes, dict[str, Any]]]:
    """fundus' test pages: each publisher's pages by date, its expectations by parser version."""
    for expected in sorted(folder.glob("*/*.json")):
        publisher = expected.stem
        pages = sorted(
            p
            for p in expected.parent.glob(f"{publisher}_*.html.gz")
            if re.fullmatch(re.escape(publisher) + r"_\d{4}_\d\d_\d\d\.html\.gz", p.name)
        )
        versions = json.loads(expected.read_text("utf-8"))
        for page, version in zip(pages, sorted(versions, key=_version_key), strict=True):
            item = versions[version]
            body = item.get("body") or {}
            paragraphs = [
                text
                for section in body.get("sections", [])
                for text in (*section.get("headline", []), *section.get("paragraphs", []))
            ]
            gold = {
                "title": item.get("title"),
                "byline": item.get("authors"),
                "date": (item.get("publishing_date") or "").replace(" ", "T"),
                "standfirst": " ".join(body.get("summary", [])),
                "body": " ".join(paragraphs),
            }
            name = f"{expected.parent.name}/{page.name.removesuffix('.html.gz')}"
            yield name, gzip.decompress(page.read_bytes()), gold


JS_STRING = re.compile(r"""'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`""")
MERCURY_FIELDS = {
    "title": "title",
    "author": "byline",
    "date_published": "date",
    "dek": "standfirst",
    "lead_image_url": "lead",
    "first13": "start",
}


def _js_strings(text: str) -> str:
    """The value of a JavaScript string literal, or of several joined with ``+``."""
    escapes = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}

    def unescape(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "ux":
            return chr(int(code[1:].strip("{}"), 16))
        return escapes.get(code, code)

    escape = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
    return "".join(escape.sub(unescape, s[1:-1]) for s in JS_STRING.findall(text))


def mercury_cases(folder: Path) -> Iterator[tuple[str, Path | bytes, dict[str, Any]]]:
    """Mercury's saved pages, each with the values its test writes down for it."""
    assertion = re.compile(
        rf"assert\.equal\(\s*(\w+)\s*,\s*((?:{JS_STRING.pattern})"
        rf"(?:\s*\+\s*(?:{JS_STRING.pattern}))*)\s*\)"
    )
    for test in sorted(folder.glob("src/extractors/custom/*/index.test.js")):
        code = test.read_text("utf-8")
        pieces = re.split(r"""readFileSync\(\s*['"]\./fixtures/([^'"]+)['"]""", code)
        for fixture, piece in zip(pieces[1::2], pieces[2::2], strict=True):
            gold: dict[str, Any] = {}
            for variable, literal in assertion.findall(piece):
                field = MERCURY_FIELDS.get(variable)
                if field and field not in gold:
                    gold[field] = _js_strings(literal)
            page = folder / "fixtures" / fixture
            if gold and page.exists():
                gold["instant"] = gold["network"] = True
                # Mercury saved its fixtures after moving each <meta>'s content to "value":
                # put it back, as the pages were published.
                markup = re.sub(
                    rb"<meta\b(?![^>]*\bcontent=)([^>]*?)\bvalue=",
                    rb"<meta\1content=",
                    page.read_bytes(),
                    flags=re.I,
                )
                yield fixture.removesuffix(".html"), markup, gold


def _source(name: str, page: Path | bytes, network: bool = False) -> Source:
    if isinstance(page, Path):
        return replace(open_source(page), allow_network=True)
    source = decode(page, name=f"{name}.html", folder=Path.cwd())
    return replace(source, allow_network=True) if network else source


def _read(name: str, page: Path | bytes, network: bool = False) -> Article:
    return read_source_all(_source(name, page, network))[0]


def headline_choice(
    article: Article, titles: list[tuple[str, str]], gold: str
) -> tuple[str, list[str]] | None:
    """Where the headline read (the page's ``h1``) and the metadata's first title differ:
    which of the two the expected title is ("h1", "metadata", "neither"), and the
    metadata sources that give the expected title."""
    if not titles or _key(titles[0][1]) in (
        _key(article.headline),
        _key(f"{article.kicker} {article.headline}"),
    ):
        return None
    agreeing = [label for label, title in titles if _norm(title) == _norm(gold)]
    if title_agrees(article, gold):
        return "h1", agreeing
    return ("metadata" if _norm(titles[0][1]) == _norm(gold) else "neither"), agreeing


def agreement(article: Article, gold: dict[str, Any]) -> dict[str, float]:
    """Each field the gold has: 1.0 when the article agrees, else 0.0 (body: its F1)."""
    found: dict[str, float] = {}
    if gold.get("title"):
        found["title"] = float(title_agrees(article, gold["title"]))
    if gold.get("lang"):
        want = gold["lang"].lower().split("-")[0]
        found["lang"] = float(article.language.lower().split("-")[0] == want)
    if gold.get("byline"):
        found["byline"] = float(byline_agrees(article, gold["byline"]))
    if gold.get("date"):
        found["date"] = float(_date_agrees(article, gold["date"], instant=gold.get("instant")))
    if gold.get("lead"):
        found["lead"] = float(lead_agrees(article, gold["lead"]))
        if gold.get("lead_shown") == "described":
            found["lead_described"] = found["lead"]
    if gold.get("start"):
        found["start"] = float(start_agrees(article, gold["start"]))
    if gold.get("standfirst"):
        found["standfirst"] = float(_norm(article.standfirst or "") == _norm(gold["standfirst"]))
    if gold.get("with") or gold.get("without") or gold.get("body"):
        text = _norm(body_text(article))
        if gold.get("with"):
            found["with"] = sum(_norm(s) in text for s in gold["with"]) / len(gold["with"])
        if gold.get("without"):
            found["without"] = sum(_norm(s) not in text for s in gold["without"]) / len(
                gold["without"]
            )
        if gold.get("body"):
            found["body_f1"] = f1(_words(text), _words(gold["body"]))
    return found


def _summary(right: dict[str, float], asked: dict[str, int], failed: int) -> str:
    parts = [
        f"{field} {right[field]:.0f}/{asked[field]}"
        if field in COUNTED
        else f"{field} {right[field] / asked[field]:.3f} (mean of {asked[field]})"
        for field in FIELDS
        if asked[field]
    ]
    return ", ".join(parts) + f"; {failed} not read"


def main(kind: str, folder: Path, step: int) -> None:
    warnings.simplefilter("ignore")
    cases = {
        "readability": lambda: readability_cases(folder),
        "trafilatura": lambda: trafilatura_cases(folder, step),
        "aeb": lambda: aeb_cases(folder, step),
        "fundus": lambda: fundus_cases(folder),
        "mercury": lambda: mercury_cases(folder),
    }[kind]()
    halves = kind in ("fundus", "mercury")
    right: dict[str, dict[str, float]] = collections.defaultdict(
        lambda: collections.defaultdict(float)
    )
    asked: dict[str, dict[str, int]] = collections.defaultdict(lambda: collections.defaultdict(int))
    failed: dict[str, int] = collections.defaultdict(int)
    choices: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    lead_misses: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for name, page, gold in cases:
        group = ("held-out" if held_out(name) else "tuned") if halves else "all"
        show = VERBOSE and group != "held-out"
        if gold.get("lead"):
            markup = page.read_bytes() if isinstance(page, Path) else page
            gold["lead_shown"] = lead_shown(markup, gold["lead"])
        try:
            article = _read(name, page, bool(gold.get("network")))
        except Exception as error:  # a page that fails counts against every field
            failed[group] += 1
            if group != "held-out":
                print(f"{name}: not read ({str(error)[:120]})")
            for key in COUNTED:
                asked[group][key] += bool(gold.get(key))
            continue
        if gold.get("title"):
            titles = page_titles(_source(name, page, bool(gold.get("network"))))
            choice = headline_choice(article, titles, gold["title"])
            if choice:
                choices[group][choice[0]] += 1
                choices[group].update(f"  {label}" for label in choice[1])
                if POLICY and group != "held-out":
                    print(f"{name}: {choice}: h1 {article.headline!r}, expected {gold['title']!r}")
        for field, score in agreement(article, gold).items():
            asked[group][field] += 1
            right[group][field] += score
            if field == "lead" and score < 1:
                lead_misses[group][gold["lead_shown"]] += 1
            if score < 1 and show and field not in ("body_f1", "lead_described"):
                got = {
                    "title": article.headline,
                    "lang": article.language,
                    "byline": [p.name for p in article.authors],
                    "date": article.published,
                    "standfirst": article.standfirst,
                    "lead": article.lead_image and article.lead_image.src,
                    "start": body_text(article)[:100],
                }.get(field, "")
                shown = f" ({gold['lead_shown']})" if field == "lead" else ""
                print(f"{name}: {field}{shown}: got {got!r}, expected {gold[field]!r}"[:300])
            elif field == "body_f1" and show and score < 0.8:
                print(f"{name}: body F1 {score:.2f}")
    for group in sorted(asked, key=lambda g: g != "tuned"):
        label = f"{group}: " if halves else ""
        print(label + _summary(right[group], asked[group], failed[group]))
        told = choices[group]
        differ = sum(told[k] for k in ("h1", "metadata", "neither"))
        print(
            f"  h1 and metadata title differ on {differ} pages; the expected title is the h1's"
            f" on {told['h1']}, the metadata's first title's on {told['metadata']},"
            f" neither on {told['neither']}; "
            + ", ".join(f"{k.strip()} {v}" for k, v in sorted(told.items()) if k.startswith(" "))
            + " give the expected title"
        )
        if asked[group]["lead"]:
            missed = lead_misses[group]
            print(
                f"  lead pictures missed: {missed['described']} the page shows with alt text or a"
                f" caption, {missed['bare']} it shows with neither (left out on purpose),"
                f" {missed['absent']} it does not show (only its metadata names them)"
            )


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a not in ("-v", "--policy")]
    main(args[0], Path(args[1]), int(args[2]) if len(args) > 2 else 1)
