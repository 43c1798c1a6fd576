"""The batch commands behind the shell: ``convert`` (many inputs), ``watch`` and ``cache``."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from typing import Any

from ..errors import NewsformatsError, UsageError
from ..options import ConvertOptions
from .report import BatchReport
from .runner import Limits, Summary, run_batch
from .unit import Settings


def run_convert(args: argparse.Namespace, formats: list[str], options: ConvertOptions) -> int:
    """Run ``newsformats convert`` as a batch; return the exit code.

    With one input, its error's own code (2 for a bad input); with several,
    1 when any failed.
    """
    settings, limits = _settings(args, formats, options)
    with ExitStack() as stack:
        report = _report(args, stack)
        client = _client(args, stack)
        try:
            summary = run_batch(
                args.inputs,
                settings,
                limits=limits,
                force=args.force,
                client=client,
                started=report.started,
                done=report.done,
                warn=report.warning,
            )
        except BaseException:
            report.close()
            raise
        # One input that failed: its error is the one line, no summary beside it.
        lone_failure = summary.failed == 1 and summary.converted + summary.skipped == 0
        report.close(None if lone_failure else summary.line())
    _keep_cache_small(settings)
    return exit_code(summary)


def run_watch(args: argparse.Namespace, formats: list[str], options: ConvertOptions) -> int:
    """Run ``newsformats watch IN_DIR``: every round reported as ``convert`` reports a batch."""
    from .watch import watch_folder

    settings, limits = _settings(args, formats, options)
    with ExitStack() as stack:
        report = _report(args, stack)
        client = _client(args, stack)
        if client is not None:
            raise UsageError("watch runs locally; --scheduler is for convert")

        def finished(summary: Summary) -> None:
            if not args.quiet:
                print(summary.line(), file=sys.stderr, flush=True)
            _keep_cache_small(settings)

        if not args.quiet:
            print(f"watching {args.folder} (Ctrl-C stops)", file=sys.stderr, flush=True)
        watch_folder(args.folder, settings, limits=limits, done=report.done, finished=finished)
    return 0


def run_cache(args: argparse.Namespace) -> int:
    """``newsformats cache info|prune|clear``: print one line about the cache."""
    from .cache import cache_info, clear_cache, prune_cache

    if args.action == "info":
        print(cache_info(args.cache_dir).line())
    elif args.action == "prune":
        removed = prune_cache(int(args.max_size * 1e6), args.cache_dir)
        print(f"removed {removed.entries:,} entries ({removed.size / 1e6:.1f} MB)")
        print(cache_info(args.cache_dir).line())
    else:
        removed = clear_cache(args.cache_dir)
        print(f"removed {removed.entries:,} entries ({removed.size / 1e6:.1f} MB)", end="")
        print(
            f" and the language model ({removed.model_size / 1e6:.1f} MB)"
            if removed.model_size
            else ""
        )
    return 0


def exit_code(summary: Summary) -> int:
    """0 when nothing failed; the one error's own code for a batch of one; else 1."""
    if not summary.failed:
        return 0
    total = summary.converted + summary.failed + summary.skipped
    return _code(summary.failures[0].kind) if total == 1 else 1


def _settings(
    args: argparse.Namespace, formats: list[str], options: ConvertOptions
) -> tuple[Settings, Limits]:
    from ..convert import check_formats

    if args.jobs < 0:
        raise UsageError("-j/--jobs must be 0 (one per core) or more")
    settings = Settings(
        outdir=args.outdir,
        formats=tuple(check_formats(formats)),
        input_format=args.input_format,
        options=options,
    )
    limits = Limits(jobs=args.jobs, timeout=args.timeout or None, fail_fast=args.fail_fast)
    return settings, limits


def _report(args: argparse.Namespace, stack: ExitStack) -> BatchReport:
    manifest = None
    if args.manifest is not None:
        try:
            manifest = stack.enter_context(args.manifest.open("w", encoding="utf-8"))
        except OSError as error:
            raise UsageError(f"--manifest {args.manifest}: {error.strerror or error}") from None
    return BatchReport(
        quiet=args.quiet, json_out=sys.stdout if args.json else None, manifest=manifest
    )


def _client(args: argparse.Namespace, stack: ExitStack) -> Any:
    if not args.scheduler:
        return None
    from .dask import connect

    return stack.enter_context(connect(args.scheduler))


def _keep_cache_small(settings: Settings) -> None:
    if "audio" in settings.formats and settings.options.use_cache:
        from .cache import prune_cache

        prune_cache(folder=settings.options.cache_dir)


def _code(kind: Any) -> int:
    from .. import errors

    error = getattr(errors, str(kind), None)
    if isinstance(error, type) and issubclass(error, NewsformatsError):
        return error.exit_code
    return 1
