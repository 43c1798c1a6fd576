"""Inputs and outputs at fsspec URLs (``s3://…``, ``memory://…``): fetched and put whole."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError

EXTRA = "pip install 'newsformats[dask]'"


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of ``url`` and the path inside it.

    >>> filesystem("memory://out/a")[1]  # doctest: +SKIP
    '/out/a'
    """
    try:
        import fsspec
    except ImportError:
        raise UsageError(f"{url}: URLs need fsspec; install the extra: {EXTRA}") from None
    try:
        fs, path = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as error:
        raise UsageError(f"{url}: {error}") from None
    return fs, str(path)


def read_bytes(url: str) -> bytes:
    """The bytes at ``url``, refusing what is larger than an input may be."""
    from ..readers.source import MAX_INPUT_BYTES

    fs, path = filesystem(url)
    try:
        if fs.size(path) > MAX_INPUT_BYTES:
            raise InputError(f"larger than {MAX_INPUT_BYTES // 2**20} MiB", file=url)
        data: bytes = fs.cat_file(path)
    except FileNotFoundError:
        raise InputError("no such file", file=url) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error})", file=url) from None
    return data


@contextmanager
def local_copy(url: str) -> Iterator[Path]:
    """A temporary local copy of the input at ``url``, under its own name.

    Pictures beside a remote input are not fetched: such inputs should carry
    their pictures as URLs (with network access allowed) or inline.
    """
    data = read_bytes(url)
    with tempfile.TemporaryDirectory(prefix="newsformats-in-") as folder:
        path = Path(folder) / url.rstrip("/").rsplit("/", 1)[-1]
        path.write_bytes(data)
        yield path


def put_files(files: list[tuple[Path, str]]) -> None:
    """Copy local files to their URLs (each a whole object, so readers never see half of one)."""
    for local, url in files:
        fs, path = filesystem(url)
        parent = path.rsplit("/", 1)[0]
        if parent:
            fs.makedirs(parent, exist_ok=True)
        fs.pipe_file(path, local.read_bytes())


def join(base: str, *parts: str) -> str:
    """``base`` (a folder path or URL) joined with ``/``-separated parts.

    >>> join("memory://out", "a", "story.html")
    'memory://out/a/story.html'
    """
    tail = "/".join(part.strip("/") for part in parts if part)
    return f"{base.rstrip('/')}/{tail}" if tail else base
