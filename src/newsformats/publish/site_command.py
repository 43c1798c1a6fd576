"""The ``newsformats site`` subcommand: an edition website of a folder ``convert`` wrote."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .site import SiteSettings, write_site

EXAMPLES = """\
examples:
  newsformats site out/ --base-url https://news.example/today/
  newsformats site out/ --title "Evening edition"      (no sitemap without --base-url)
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``site`` to the command's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "site",
        help="write an edition website (index, format links, sitemap) of a folder of outputs",
        description=(
            "Write OUT_DIR/index.html and OUT_DIR/sitemap.xml from the outputs already in "
            "OUT_DIR, and add 'Also available as' links to each article page."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("outdir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--base-url", help="the absolute URL OUT_DIR is published at (sitemap)")
    parser.add_argument("--title", help="edition title (default: the articles' publisher)")
    parser.add_argument("--language", help="index language (default: the articles' most common)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run ``newsformats site``; return the exit code."""
    settings = SiteSettings(base_url=args.base_url, title=args.title, language=args.language)
    result = write_site(args.outdir, settings)
    for note in result.notes:
        print(f"newsformats: {note}", file=sys.stderr)
    if not args.quiet:
        for path in result.written:
            print(f"wrote {path}", file=sys.stderr)
    return 0
