"""The ``newsformats`` command: a thin shell over the library.

Exit codes: 0 success, 1 failure of a tool or engine, 2 bad usage or bad input.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import json
import os
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from .errors import NewsformatsError
from .notes import collecting_notes
from .options import DEFAULT_FORMATS, ConvertOptions
from .version import __version__

EXAMPLES = """\
examples:
  newsformats convert article.txt                 all formats into ./out
  newsformats convert article.md -o site --to html,pdf
  cat story.json | newsformats convert - --from json --to epub
  newsformats convert a.txt b.md c.json --to epub --edition "Evening edition"
  newsformats convert stories/ @more.txt -o out -j 2 --json > manifest.jsonl
  newsformats convert stories/ -o s3://bucket/out --scheduler tcp://dask:8786
  newsformats convert feed.xml --to epub --edition "Morning edition"
  newsformats check out/ --deep --fail-on warning   accessibility checks for CI
  newsformats convert story.md --to brf,braille-html --theme my-theme
  newsformats feed out/ --base-url https://news.example/today/   podcast feed
  newsformats site out/ --base-url https://news.example/today/   edition website
  newsformats schema > article.schema.json
"""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of the ``newsformats`` command.

    Given the ``command`` about to run, the other commands' options are left
    out (``check`` is a large module to import); None builds them all.
    """
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
    add_convert_arguments(convert)
    add_batch_arguments(convert)

    watch = commands.add_parser(
        "watch",
        help="convert what appears or changes in a folder",
        description="Convert a folder's articles, then each new or changed one, until Ctrl-C.",
    )
    watch.add_argument("folder", metavar="IN_DIR")
    add_convert_arguments(watch)
    add_batch_arguments(watch)
    cache = commands.add_parser("cache", help="the speech cache: info, prune, clear")
    cache.add_argument("action", choices=["info", "prune", "clear"])
    cache.add_argument(
        "--cache-dir", type=Path, help="the cache folder (default: ~/.cache/newsformats)"
    )
    cache.add_argument(
        "--max-size",
        type=float,
        default=2048,
        metavar="MB",
        help="prune down to MB megabytes (default: 2048)",
    )

    commands.add_parser("schema", help="print the JSON Schema of the article model")
    if command in (None, "check"):
        from .checks import cli as check_cli

        check_cli.add_parser(commands)
    else:
        commands.add_parser("check", help="check outputs for accessibility")
    if command in (None, "feed"):
        from .publish import feed_command

        feed_command.add_parser(commands)
    else:
        commands.add_parser("feed", help="write a podcast feed of a folder of outputs")
    if command in (None, "site"):
        from .publish import site_command

        site_command.add_parser(commands)
    else:
        commands.add_parser("site", help="write an edition website of a folder of outputs")
    if command in (None, "validators"):
        from .validators import cli as validators_cli

        validators_cli.add_parser(commands)
    else:
        commands.add_parser("validators", help="install or show the validators check --deep runs")
    return parser


def add_convert_arguments(parser: argparse.ArgumentParser) -> None:
    """What to write and how: output folder, formats, page size, speech, resources."""
    parser.add_argument("-o", "--outdir", default="out", help="output folder (default: out)")
    parser.add_argument(
        "--to",
        default=",".join(DEFAULT_FORMATS),
        help=f"comma-separated formats (default: {','.join(DEFAULT_FORMATS)})",
    )
    parser.add_argument(
        "--from",
        dest="input_format",
        help="force the input format: html, newsml, nitf, ninjs, feed, markdown, json, yaml, "
        "text (default: told from the content)",
    )
    parser.add_argument(
        "--lang",
        metavar="TAG",
        help="the language of inputs that name none (a BCP 47 tag: en, pt-BR), in place of "
        "detecting it; a language the input names wins",
    )
    parser.add_argument("--page-size", choices=["a4", "letter"], default="a4", help="PDF page size")
    parser.add_argument(
        "--tts",
        default="auto",
        help="speech engine: auto (default: piper when a Piper voice speaks the article's "
        "language, else espeak), espeak, piper (both offline), or gtts (online: sends the text "
        "to Google)",
    )
    parser.add_argument(
        "--voice", help="voice for the speech engine: a name, or a Piper voice's .onnx path"
    )
    parser.add_argument(
        "--voices",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of Piper voices (.onnx + .onnx.json; repeatable; also "
        "$NEWSFORMATS_PIPER_VOICES)",
    )
    parser.add_argument("--no-cache", action="store_true", help="do not reuse cached speech")
    parser.add_argument("--lexicon", type=Path, help="pronunciation lexicon (PLS or YAML)")
    parser.add_argument(
        "--edition",
        "--bundle",
        dest="edition",
        metavar="TITLE",
        help="make one EPUB edition of all inputs (--bundle is the old name)",
    )
    parser.add_argument(
        "--strict-audio",
        action="store_true",
        help="fail when the speech engine has no voice for an article's language "
        "(default: leave the audio out with a warning)",
    )
    parser.add_argument(
        "--max-audio-hours",
        type=float,
        default=3.0,
        metavar="H",
        help="longest audio of one article, in hours (default: 3; 0: no limit)",
    )
    parser.add_argument(
        "--allow-network",
        action="store_true",
        help="let images and resources be fetched over the network",
    )
    parser.add_argument(
        "--allow-path",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="also read resources from DIR (repeatable)",
    )
    parser.add_argument(
        "--theme", type=Path, metavar="DIR", help="a publisher's theme folder (docs/themes.md)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print what each line of a plain-text input was taken for, and why",
    )


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of a batch: workers, limits, reports, incremental runs, Dask."""
    batch = parser.add_argument_group("batches (docs/batch.md)")
    batch.add_argument(
        "-j", "--jobs", type=int, default=0, metavar="N", help="worker processes (default: cores)"
    )
    batch.add_argument("--fail-fast", action="store_true", help="stop at the first failure")
    batch.add_argument(
        "--json", action="store_true", help="print one JSON object per article on stdout"
    )
    batch.add_argument("--manifest", type=Path, metavar="FILE", help="write the JSON lines to FILE")
    batch.add_argument(
        "--force", action="store_true", help="convert again what is unchanged since the last run"
    )
    batch.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="stop an input that takes longer (default: 600)",
    )
    batch.add_argument(
        "--scheduler", metavar="ADDRESS", help="run on a Dask cluster (tcp://host:8786)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    _freeze_at_exit()
    # The command uses no pydantic plug-ins: without this, the first validation reads
    # every installed distribution's entry points to look for them (2 % of a one-article
    # run). Set PYDANTIC_DISABLE_PLUGINS yourself ("" loads them all).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    argv = sys.argv[1:] if argv is None else list(argv)
    words = [word for word in argv if not word.startswith("-")]
    parser = build_parser(words[0] if words and "-h" not in argv and "--help" not in argv else None)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "schema":
            from .model import article_json_schema

            print(json.dumps(article_json_schema(), indent=2, ensure_ascii=False))
            return 0
        if args.command == "check":
            from .checks import cli as check_cli

            return check_cli.run(args)
        if args.command in ("feed", "site"):  # they name their own runner
            return int(args.run(args))
        if args.command == "cache":
            from .batch.cli import run_cache

            return run_cache(args)
        if args.command == "watch":
            from .batch.cli import run_watch

            return run_watch(args, _formats(args), _options(args))
        if args.command == "validators":
            from .validators import cli as validators_cli

            return validators_cli.run(args)
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


@cache
def _freeze_at_exit() -> None:
    """Spare the process the garbage collector's sweeps over everything still alive at exit.

    When the interpreter shuts down it runs a full collection over every object
    left (the modules, pydantic's schemas, the language packs): 4 % of a one-article
    conversion's instructions and more of its time, since it waits on memory. Frozen
    objects are left out of it; their memory goes back to the system with the
    process. Files are closed and atexit handlers run as before
    (docs/performance.md, the cold start).
    """
    atexit.register(gc.freeze)


def _explain(inputs: Sequence[str], input_format: str | None, language: str | None) -> None:
    """Print, for each plain-text input, what every line was taken for."""
    from .readers import detect_format
    from .readers.plaintext import explain_layout
    from .readers.source import open_source

    for name in inputs:
        if name == "-":
            print("-: --explain needs a file, not standard input")
            continue
        chosen = input_format or detect_format(open_source(name))
        if chosen == "html":
            _explain_page(name, language)
            continue
        if chosen != "text":
            print(f"{name}: read as {chosen}; --explain covers plain text and web pages")
            continue
        layout = explain_layout(name, language)
        print(f"{name}: language {layout.data['language']}")
        for decision in layout.decisions:
            print(f"  {decision}")
        for message in layout.warnings:
            print(f"  warning: {name}:{message}")


def _explain_page(name: str, language: str | None) -> None:
    """Print what a web page's headline, kicker and standfirst were taken to be, and why."""
    from .readers import read_all

    with collecting_notes() as notes:
        articles = read_all(name, format="html", default_language=language)
    for article in articles:
        print(f"{name}: language {article.language}")
        for label, value in (
            ("kicker", article.kicker),
            ("headline", article.headline),
            ("standfirst", article.standfirst),
            ("byline", ", ".join(p.name for p in article.authors)),
        ):
            print(f"  {label}: {value if value else '(none)'}")
    for told in dict.fromkeys(notes):
        print(f"  {told}")


def _options(args: argparse.Namespace) -> ConvertOptions:
    told = None
    if args.lang is not None:
        from .readers import told_language

        told = told_language(args.lang)
    return ConvertOptions(
        default_language=told,
        page_size=args.page_size,
        tts=args.tts,
        voice=args.voice,
        voice_dirs=tuple(args.voices),
        use_cache=not args.no_cache,
        allow_network=args.allow_network,
        allowed_dirs=tuple(args.allow_path),
        lexicon=args.lexicon,
        edition_title=getattr(args, "edition", None),
        strict_audio=args.strict_audio,
        max_audio_seconds=args.max_audio_hours * 3600 or None,
        theme=args.theme,
    )


def _formats(args: argparse.Namespace) -> list[str]:
    return [f for f in args.to.split(",") if f.strip()]


def _convert(args: argparse.Namespace) -> int:
    options = _options(args)
    if args.explain:
        _explain(args.inputs, args.input_format, options.default_language)
    formats = _formats(args)

    if args.edition:
        from .edition import convert_edition

        def progress(message: str) -> None:
            if not args.quiet:
                print(message, file=sys.stderr)

        with collecting_notes() as notes:
            try:
                written = convert_edition(
                    args.inputs,
                    args.outdir,
                    formats,
                    input_format=args.input_format,
                    options=options,
                    progress=progress,
                )
            finally:
                for told in dict.fromkeys(notes):
                    print(f"newsformats: {told}", file=sys.stderr)
        for path in written:
            progress(f"wrote {path}")
        return 0
    from .batch.cli import run_convert

    return run_convert(args, formats, options)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
