"""The batch side of ``newsformats convert`` and ``newsformats watch``: arguments to a run."""

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
    from ..convert import check_formats

    settings = Settings(
        outdir=args.outdir,
        formats=tuple(check_formats(formats)),
        input_format=args.input_format,
        options=options,
    )
    if args.jobs < 0:
        raise UsageError("-j/--jobs must be 0 (one per core) or more")
    limits = Limits(jobs=args.jobs, timeout=args.timeout or None, fail_fast=args.fail_fast)
    with ExitStack() as stack:
        manifest = None
        if args.manifest is not None:
            try:
                manifest = stack.enter_context(open(args.manifest, "w", encoding="utf-8"))
            except OSError as error:
                raise UsageError(f"--manifest {args.manifest}: {error.strerror or error}") from None
        client = None
        if args.scheduler:
            from .dask import connect

            client = stack.enter_context(connect(args.scheduler))
        report = BatchReport(
            quiet=args.quiet, json_out=sys.stdout if args.json else None, manifest=manifest
        )
        try:
            summary = run_batch(
                args.inputs,
                settings,
                limits=limits,
                force=args.force,
                client=client,
                started=report.started,
                done=report.done,
            )
        except BaseException:
            report.close()
            raise
        report.close(summary.line())
    return exit_code(summary)


def exit_code(summary: Summary) -> int:
    """0 when nothing failed; the one error's own code for a batch of one; else 1."""
    if not summary.failed:
        return 0
    total = summary.converted + summary.failed + summary.skipped
    return _code(summary.failures[0].kind) if total == 1 else 1


def _code(kind: Any) -> int:
    from .. import errors

    error = getattr(errors, str(kind), None)
    if isinstance(error, type) and issubclass(error, NewsformatsError):
        return error.exit_code
    return 1
