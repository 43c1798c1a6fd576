"""``ConvertOptions.default_language`` (``--lang``) reaches the batch's workers and Dask's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html

from helpers import DATA
from newsformats import ConvertOptions
from newsformats.batch import Limits, Settings, run_batch

AP_AGATE = DATA / "inputs" / "agencies-seventh" / "ap-table-nitf.xml"  # names no language


def test_a_told_language_reaches_local_and_dask_workers(dask_client: Any, tmp_path: Path) -> None:
    told = ConvertOptions(default_language="en-US")
    for name, client in (("local", None), ("dask", dask_client)):
        settings = Settings(str(tmp_path / name), ("html",), options=told)
        summary = run_batch([str(AP_AGATE)], settings, limits=Limits(jobs=1), client=client)
        assert (summary.converted, summary.failed) == (1, 0), name
        page = lxml.html.parse(str(tmp_path / name / "ap-table-nitf.html")).getroot()
        assert page.get("lang") == "en-US", name
