"""Newsroom-scale batches: one unit of work per input, run locally or on Dask.

>>> from newsformats.batch import Settings, run_batch
>>> run_batch(["examples"], Settings("out", ("html",))).line()  # doctest: +SKIP
'converted 3, failed 0, skipped 0, 1.9 s'
"""

from __future__ import annotations

from .plan import Task, discover, plan
from .runner import Limits, Summary, run_batch
from .unit import OutputFile, Result, Settings, convert_one

__all__ = [
    "Limits",
    "OutputFile",
    "Result",
    "Settings",
    "Summary",
    "Task",
    "convert_one",
    "discover",
    "plan",
    "run_batch",
]
