"""One conversion works inside a daemonic pool worker: the PDF is rendered in-process."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from helpers import convert_in_pool_worker


def test_convert_to_pdf_inside_a_multiprocessing_pool_worker(tmp_path: Path) -> None:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        pending = pool.apply_async(convert_in_pool_worker, (str(tmp_path),))
        daemonic, names = pending.get(timeout=600)
    assert daemonic  # where forking a renderer per PDF used to fail
    assert "pooled.pdf" in names
    assert (tmp_path / "pooled.pdf").read_bytes().startswith(b"%PDF-1.7")
