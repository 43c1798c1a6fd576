"""The ``newsformats`` command: a thin shell over the library.

Exit codes: 0 success, 1 failure of a tool or engine, 2 bad usage or bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .checks import cli as check_cli
from .convert import convert_files
from .errors import NewsformatsError
from .model import article_json_schema
from .options import DEFAULT_FORMATS, ConvertOptions
from .publish import feed_command, site_command

EXAMPLES = """\
examples:
  newsformats convert article.txt                 all formats into ./out
  newsformats convert article.md -o site --to html,pdf
  cat story.json | newsformats convert - --from json --to epub
  newsformats convert a.txt b.md c.json --to epub --bundle "Evening edition"
  newsformats check out/ --deep --fail-on warning   accessibility checks for CI
  newsformats convert story.md --to brf,braille-html --theme my-theme
  newsformats feed out/ --base-url https://news.example/today/   podcast feed
  newsformats site out/ --base-url https://news.example/today/   edition website
  newsformats schema > article.schema.json
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsformats`` command."""
    parser = argparse.ArgumentParser(
        prog="newsformats",
        description="Turn a news article into accessible HTML, tagged PDF, EPUB 3 and audio.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsformats {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert articles",
        description="Convert one or more articles (- reads standard input).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument("inputs", nargs="+", metavar="INPUT")
    convert.add_argument("-o", "--outdir", default="out", help="output folder (default: out)")
    convert.add_argument(
        "--to",
        default=",".join(DEFAULT_FORMATS),
        help=f"comma-separated formats (default: {','.join(DEFAULT_FORMATS)})",
    )
    convert.add_argument(
        "--from", dest="input_format", help="input format: text, markdown, json, yaml"
    )
    convert.add_argument(
        "--page-size", choices=["a4", "letter"], default="a4", help="PDF page size"
    )
    convert.add_argument(
        "--tts",
        default="espeak",
        help="speech engine: espeak (offline, default) or gtts (online: sends the text to Google)",
    )
    convert.add_argument("--voice", help="voice name for the speech engine")
    convert.add_argument("--no-cache", action="store_true", help="do not reuse cached speech")
    convert.add_argument("--lexicon", type=Path, help="pronunciation lexicon (PLS or YAML)")
    convert.add_argument("--bundle", metavar="TITLE", help="make one EPUB edition of all inputs")
    convert.add_argument(
        "--allow-network",
        action="store_true",
        help="let images and resources be fetched over the network",
    )
    convert.add_argument(
        "--allow-path",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="also read resources from DIR (repeatable)",
    )
    convert.add_argument(
        "--theme", type=Path, metavar="DIR", help="a publisher's theme folder (docs/themes.md)"
    )
    convert.add_argument("-q", "--quiet", action="store_true", help="print only errors")

    commands.add_parser("schema", help="print the JSON Schema of the article model")
    check_cli.add_parser(commands)
    feed_command.add_parser(commands)
    site_command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "schema":
            print(json.dumps(article_json_schema(), indent=2, ensure_ascii=False))
            return 0
        if args.command == "check":
            return check_cli.run(args)
        if hasattr(args, "run"):  # subcommands that name their own runner (feed, site)
            return int(args.run(args))
        return _convert(args)
    except NewsformatsError as error:
        if args.debug:
            raise
        print(f"newsformats: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("newsformats: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: one line, not a traceback
        if args.debug:
            raise
        print(
            f"newsformats: internal error: {type(error).__name__}: {error} "
            "(run with --debug for details)",
            file=sys.stderr,
        )
        return 1


def _convert(args: argparse.Namespace) -> int:
    options = ConvertOptions(
        page_size=args.page_size,
        tts=args.tts,
        voice=args.voice,
        use_cache=not args.no_cache,
        allow_network=args.allow_network,
        allowed_dirs=tuple(args.allow_path),
        lexicon=args.lexicon,
        bundle_title=args.bundle,
        theme=args.theme,
    )
    formats = [f for f in args.to.split(",") if f.strip()]

    def progress(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr)

    if args.bundle:
        from .bundle import convert_bundle

        written = convert_bundle(
            args.inputs,
            args.outdir,
            formats,
            input_format=args.input_format,
            options=options,
            progress=progress,
        )
    else:
        results = convert_files(
            args.inputs,
            args.outdir,
            formats,
            input_format=args.input_format,
            options=options,
            progress=progress,
        )
        written = [path for result in results for path in result.files]
    for path in written:
        progress(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
