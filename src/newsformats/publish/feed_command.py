"""The ``newsformats feed`` subcommand: a podcast feed of a folder ``convert`` wrote."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .feed import FeedSettings, write_feed
from .pages import link_feed_from_pages

EXAMPLES = """\
examples:
  newsformats feed out/ --base-url https://news.example/audio/
  newsformats feed out/ --base-url https://news.example/audio/ --title "Evening news" \\
      --image logo.png --category News
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``feed`` to the command's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "feed",
        help="write a podcast feed (RSS 2.0, iTunes, Podcasting 2.0) of a folder of outputs",
        description=(
            "Write OUT_DIR/feed.xml from the MP3s, transcripts and pages already in OUT_DIR, "
            "with JSON chapters and HTML transcripts beside them, and link it from the pages."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("outdir", type=Path, metavar="OUT_DIR")
    parser.add_argument(
        "--base-url", required=True, help="the absolute URL OUT_DIR is published at"
    )
    parser.add_argument("--title", help="feed title (default: the articles' publisher)")
    parser.add_argument("--description", help="feed description (default: the title)")
    parser.add_argument("--author", help="feed author (default: the title)")
    parser.add_argument(
        "--image", help="feed artwork, a JPEG or PNG in OUT_DIR or a URL (default: first photo)"
    )
    parser.add_argument("--language", help="feed language (default: the articles' most common)")
    parser.add_argument(
        "--category", default="News", help="Apple Podcasts category (default: News)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run ``newsformats feed``; return the exit code."""
    settings = FeedSettings(
        base_url=args.base_url,
        title=args.title,
        description=args.description,
        author=args.author,
        image=args.image,
        language=args.language,
        category=args.category,
    )
    result = write_feed(args.outdir, settings)
    updated = link_feed_from_pages(args.outdir, result.feed)
    for note in result.notes:
        print(f"newsformats: {note}", file=sys.stderr)
    if not args.quiet:
        for path in [*result.written, *updated]:
            print(f"wrote {path}", file=sys.stderr)
    return 0
