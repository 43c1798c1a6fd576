"""Batch fixtures: a folder of varied articles, and one Dask cluster of worker processes."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import ARTICLES, EXAMPLES


@pytest.fixture(scope="session")
def dask_client() -> Iterator[Any]:
    """A real ``LocalCluster`` of two daemonic worker processes, for the whole session."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="session")
def make_folder() -> Callable[[Path], Path]:
    """Makes a folder of the test articles, two sharing a stem, and a broken one in the middle."""
    return _make_folder


def _make_folder(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    for name, path in ARTICLES.items():
        shutil.copy(path, folder / f"{name}{path.suffix}")
    shutil.copy(EXAMPLES / "csto-sco-afghanistan.yaml", folder / "example.yaml")
    shutil.copy(EXAMPLES / "csto-sco-afghanistan.jpg", folder / "csto-sco-afghanistan.jpg")
    (folder / "m-broken.json").write_text('{"headline": "Broken", "body": [', encoding="utf-8")
    for sub, text in (("a", "A"), ("b", "B")):
        (folder / sub).mkdir()
        (folder / sub / "story.md").write_text(
            f"---\nheadline: Story {text}\nlanguage: en\n---\n\nThe text of story {text}.\n",
            encoding="utf-8",
        )
    return folder
