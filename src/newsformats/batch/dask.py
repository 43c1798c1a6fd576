"""The same batch on a Dask cluster: one ``convert_one`` per input on its workers.

Inputs and outputs must be reachable from every worker: a shared folder, or
fsspec URLs (``s3://bucket/in``, ``-o s3://bucket/out``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..errors import UsageError
from .plan import Task, is_url
from .remote import EXTRA
from .unit import Result, Settings, convert_one, failure


def connect(address: str) -> Any:
    """A ``distributed.Client`` for the scheduler at ``address`` (``tcp://host:8786``)."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError(f"--scheduler needs Dask; install the extra: {EXTRA}") from None
    try:
        return Client(address, timeout="20s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as error:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {error}") from None


def run_on_client(
    client: Any, tasks: list[Task], settings: Settings
) -> Iterator[tuple[Task, list[Result]]]:
    """Run ``convert_one`` for each task on ``client``'s cluster; yield results as they come.

    >>> from distributed import Client                                    # doctest: +SKIP
    >>> list(run_on_client(Client("tcp://host:8786"), tasks, settings))  # doctest: +SKIP
    """
    from distributed import as_completed

    # Workers may run in another folder: they get absolute paths (URLs stay as they are).
    shared = replace(settings, outdir=_absolute(settings.outdir))
    futures = {
        client.submit(
            convert_one, replace(task, source=_absolute(task.source)), shared, pure=False
        ): task
        for task in tasks
    }
    for future in as_completed(futures):  # type: ignore[no-untyped-call]
        task = futures[future]
        try:
            yield task, [replace(result, input=task.source) for result in future.result()]
        except Exception as error:  # a worker lost, a result that did not come back
            yield (
                task,
                [
                    failure(
                        task.source,
                        f"the Dask task failed: {type(error).__name__}: {error}",
                        "crashed",
                    )
                ],
            )


def _absolute(name: str) -> str:
    return name if is_url(name) else os.path.abspath(name)
