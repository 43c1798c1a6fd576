"""One conversion works inside a daemonic pool worker: the PDF is rendered in-process."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from helpers import ARTICLES


def convert_in_worker(outdir: str) -> tuple[bool, list[str]]:
    from newsformats import convert, read
    from newsformats.options import ConvertOptions

    source = ARTICLES["example"]
    done = convert(
        read(source),
        outdir,
        ["pdf", "html"],
        stem="pooled",
        source_dir=source.parent,
        options=ConvertOptions(use_cache=False),
    )
    return multiprocessing.current_process().daemon, [p.name for p in done.files]


def test_convert_to_pdf_inside_a_multiprocessing_pool_worker(tmp_path: Path) -> None:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        daemonic, names = pool.apply(convert_in_worker, (str(tmp_path),))
    assert daemonic  # where forking a renderer per PDF used to fail
    assert "pooled.pdf" in names
    assert (tmp_path / "pooled.pdf").read_bytes().startswith(b"%PDF-1.7")
