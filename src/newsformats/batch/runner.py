"""Run a batch: plan the names, skip what is unchanged, convert the rest, keep going.

Tasks run in worker processes (pebble): each has a time limit, and a worker
that overruns or dies is replaced while the batch goes on. The same batch runs
on a Dask cluster when a ``distributed.Client`` is given.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from .plan import Task, discover, is_url, plan
from .remote import filesystem
from .state import State, load_state
from .unit import Result, Settings, convert_one, failure, prepare

if TYPE_CHECKING:
    from concurrent.futures import Future

DEFAULT_TIMEOUT = 600.0
"""Seconds one input may take before its worker is stopped and replaced."""
DEFAULT_MEMORY = 4 * 2**30
"""Bytes of address space a worker may map beyond what it starts with."""
TASKS_PER_WORKER = 1000
"""A worker is replaced after this many inputs, so a slow leak never grows large.

None was measured: a worker's memory stays flat (195 MB) from its 40th to its
360th input to HTML, EPUB and PDF. Each new worker costs about a second of
warming up that a forked one does not share (docs/performance.md).
"""

SHOWN_FAILURES = 5
"""Failed inputs named in the summary line; the lines above it name them all."""

Done = Callable[[Result], None]


@dataclass
class Summary:
    """What a batch did: counts, seconds, and every failure."""

    converted: int = 0
    failed: int = 0
    unchanged: int = 0
    not_tried: int = 0
    seconds: float = 0.0
    failures: list[Result] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        """Articles not converted this time: unchanged, or not tried after ``--fail-fast``."""
        return self.unchanged + self.not_tried

    def add(self, result: Result) -> None:
        """Count one result."""
        if result.status == "converted":
            self.converted += 1
        elif result.status == "failed":
            self.failed += 1
            self.failures.append(result)
        elif result.kind == "unchanged":
            self.unchanged += 1
        else:
            self.not_tried += 1

    def line(self) -> str:
        """The summary line: ``converted 97, failed 2, skipped 1 (unchanged 1), 12.5 s``."""
        reasons = []
        if self.unchanged:
            reasons.append(f"unchanged {self.unchanged}")
        if self.not_tried:
            reasons.append(f"not tried after a failure {self.not_tried}")
        why = f" ({', '.join(reasons)})" if reasons else ""
        names = [result.input for result in self.failures[:SHOWN_FAILURES]]
        if len(self.failures) > SHOWN_FAILURES:
            names.append(f"{len(self.failures) - SHOWN_FAILURES} more")
        which = f" ({', '.join(names)})" if names else ""
        return (
            f"converted {self.converted}, failed {self.failed}{which}, "
            f"skipped {self.skipped}{why}, {self.seconds:.1f} s"
        )


@dataclass(frozen=True)
class Limits:
    """How the local runner runs tasks: workers, time and memory per task, fail-fast."""

    jobs: int = 0
    timeout: float | None = DEFAULT_TIMEOUT
    memory_bytes: int | None = DEFAULT_MEMORY
    fail_fast: bool = False


def run_batch(
    inputs: list[str],
    settings: Settings,
    *,
    limits: Limits | None = None,
    force: bool = False,
    client: Any = None,
    started: Callable[[int], None] | None = None,
    done: Done | None = None,
    warn: Callable[[str], None] | None = None,
) -> Summary:
    """Convert every input (files, folders, ``@lists``, URLs); never stop at a bad one.

    ``started`` is called with the number of inputs once they are known and
    ``done`` with each article's :class:`Result` as it comes. Unchanged inputs
    are skipped unless ``force``; ``warn`` hears of each existing file that
    will be replaced although this input did not write it. With a
    ``distributed.Client`` the tasks run on its cluster. Outputs that two
    inputs would share are an error before anything is written
    (:func:`~newsformats.batch.plan.plan`).

    >>> summary = run_batch(["examples"], Settings("out", ("html",)))  # doctest: +SKIP
    >>> summary.line()                                                 # doctest: +SKIP
    'converted 3, failed 0, skipped 0, 1.9 s'
    """
    limits = limits or Limits()
    begin = time.perf_counter()
    tasks = plan(discover(inputs))
    if not tasks:
        raise UsageError("no inputs found (folders are searched for known extensions)")
    prepare_outdir(settings.outdir)
    state = load_state(settings.outdir)
    summary = Summary()
    if started:
        started(len(tasks))

    def report(result: Result) -> None:
        summary.add(result)
        if done:
            done(result)

    todo = []
    for task in tasks:
        if not force and state.unchanged(task, settings):
            report(Result(task.source, "skipped", kind="unchanged", name=task.name))
        else:
            todo.append(task)
    if warn:
        for line in _replacements(todo, settings, state):
            warn(line)
    tried: set[str] = set()
    try:
        runs = _on_dask(client, todo, settings) if client else _local(todo, settings, limits)
        for task, results in runs:
            tried.add(task.source)
            state.record(task, settings, results)
            for result in results:
                report(result)
            if limits.fail_fast and any(r.status == "failed" for r in results):
                break
    finally:
        state.save()
    for task in todo:
        if task.source not in tried:
            report(Result(task.source, "skipped", kind="not tried", name=task.name))
    summary.seconds = time.perf_counter() - begin
    return summary


def _replacements(tasks: list[Task], settings: Settings, state: State) -> Iterator[str]:
    """Files already in the output folder that a task will replace and did not write."""
    if is_url(settings.outdir):
        return
    # Each folder is listed once (not globbed once per task), its names by every
    # "<stem>." they begin with.
    listings: dict[Path, dict[str, list[str]]] = {}
    for task in tasks:
        if not task.stem:
            continue
        folder = Path(settings.outdir, task.subdir)
        if folder not in listings:
            listings[folder] = _by_stem(folder)
        for path in (folder / n for n in listings[folder].get(task.stem, [])):
            name = state.relative(str(path))
            if not state.made_by(name, task.source):
                owner = state.owner(name)
                made = f"written from {owner}" if owner else "not written by an earlier run here"
                yield f"{task.source} replaces {path} ({made})"


def _by_stem(folder: Path) -> dict[str, list[str]]:
    """The names in ``folder`` by each stem they could have (``a.b.html``: ``a``, ``a.b``)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return {}
    found: dict[str, list[str]] = {}
    for name in names:
        for end, char in enumerate(name):
            if char == "." and end:
                found.setdefault(name[:end], []).append(name)
    return found


def prepare_outdir(outdir: str) -> None:
    """Say in one line why ``outdir`` cannot be the output folder, if it cannot."""
    if is_url(outdir):
        fs, path = filesystem(outdir)
        if fs.isfile(path):
            raise UsageError(f"-o {outdir}: is a file, not a folder")
        return
    folder = Path(outdir)
    for parent in (folder, *folder.parents):
        if parent.exists() and not parent.is_dir():
            raise UsageError(f"-o {outdir}: {parent} is a file, not a folder")
        if parent.exists():  # the folder is made with the first output, not before
            if not os.access(parent, os.W_OK | os.X_OK):
                raise UsageError(f"-o {outdir}: cannot write in {parent}")
            return


def _local(
    tasks: list[Task], settings: Settings, limits: Limits
) -> Iterator[tuple[Task, list[Result]]]:
    # Standard input cannot reach a worker process: it is read here, first.
    here = [t for t in tasks if t.source == "-"]
    rest = [t for t in tasks if t.source != "-"]
    if len(rest) == 1:
        here, rest = here + rest, []  # one input: no pool to start
    for task in here:
        yield task, _in_this_process(task, settings, limits.timeout)
    if not rest:
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, wait

    from pebble import ProcessPool

    jobs = min(limits.jobs or os.cpu_count() or 1, len(rest))
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    if context.get_start_method() == "fork":
        # Once here, not once per worker; only a head start: if it fails, each
        # input meets the error again and reports it.
        with contextlib.suppress(Exception):
            prepare([t.source for t in rest], settings)
    pool = ProcessPool(
        max_workers=jobs,
        max_tasks=TASKS_PER_WORKER,
        initializer=_limit_memory,
        initargs=(limits.memory_bytes,),
        context=context,
    )
    pending: dict[Future[list[Result]], Task] = {}
    queue = iter(rest)
    try:
        # A few tasks queued ahead per worker: cancelling on fail-fast stays cheap.
        for task in queue:
            pending[pool.schedule(convert_one, (task, settings), timeout=limits.timeout)] = task
            if len(pending) >= jobs * 2:
                break
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                task = pending.pop(future)
                yield task, _outcome(future, task, settings, limits)
                following = next(queue, None)
                if following is not None:
                    pending[
                        pool.schedule(convert_one, (following, settings), timeout=limits.timeout)
                    ] = following
    finally:
        for future, task in pending.items():
            future.cancel()
            _remove_partial(task, settings)
        pool.close()  # type: ignore[no-untyped-call]
        pool.join()


def _outcome(
    future: Future[list[Result]], task: Task, settings: Settings, limits: Limits
) -> list[Result]:
    from pebble import ProcessExpired

    try:
        return future.result()
    except TimeoutError:
        _remove_partial(task, settings)
        return [_timed_out(task, limits.timeout or 0.0)]
    except ProcessExpired as error:
        _remove_partial(task, settings)
        return [
            failure(
                task.source,
                f"the worker died (exit code {error.exitcode}); it was replaced",
                "crashed",
            )
        ]
    except Exception as error:  # e.g. a result that cannot be pickled
        return [
            failure(task.source, f"internal error: {type(error).__name__}: {error}", "internal")
        ]


class _Overrun(BaseException):
    """Raised by the timer signal in a task that ran past its time limit (not an Exception,
    so that no ``except Exception`` on the way turns it into an ordinary failure)."""


def _in_this_process(task: Task, settings: Settings, timeout: float | None) -> list[Result]:
    """Run a task here; its time limit is a timer signal (main thread of a Unix process only)."""
    main_thread = threading.current_thread() is threading.main_thread()
    if timeout is None or not main_thread or not hasattr(signal, "setitimer"):
        return convert_one(task, settings)

    def overrun(signum: int, frame: Any) -> None:
        raise _Overrun

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return convert_one(task, settings)
    except _Overrun:
        _remove_partial(task, settings)
        return [_timed_out(task, timeout)]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timed_out(task: Task, timeout: float) -> Result:
    return failure(
        task.source, f"stopped after {timeout:g} s (time limit per input)", "timeout", timeout
    )


def _remove_partial(task: Task, settings: Settings) -> None:
    """Remove the temporary files of a task that was stopped while writing."""
    if is_url(settings.outdir) or not task.stem:
        return
    for partial in Path(settings.outdir, task.subdir).glob(f".{task.stem}*.part"):
        partial.unlink(missing_ok=True)


def _limit_memory(budget: int | None) -> None:
    """Let a worker map at most ``budget`` bytes more than it holds when it starts.

    A forked worker inherits its parent's address space (a JVM or a browser in
    the parent reserves gigabytes), so the limit is counted from there.
    """
    if budget is None:
        return
    import resource

    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return  # no /proc (macOS): no limit rather than a wrong one
    limit = pages * os.sysconf("SC_PAGE_SIZE") + budget
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or limit < hard:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _on_dask(
    client: Any, tasks: list[Task], settings: Settings
) -> Iterator[tuple[Task, list[Result]]]:
    from .dask import run_on_client

    yield from run_on_client(client, tasks, settings)
