"""Writing outputs so that a failure never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class OutputSet:
    """Files written to temporary names and renamed into place only on success.

    >>> with OutputSet() as out:                      # doctest: +SKIP
    ...     out.write_bytes(Path("out/a.html"), b"...")
    """

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []
        self._folders: set[Path] = set()
        self.written: list[Path] = []

    def __enter__(self) -> OutputSet:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()

    def temporary_path(self, target: Path) -> Path:
        """Reserve a temporary file beside ``target``; it replaces ``target`` on commit."""
        handle, temporary = self._reserve(target)
        os.close(handle)
        return temporary

    def write_bytes(self, target: Path, data: bytes) -> None:
        """Stage ``data`` for ``target``."""
        handle, _ = self._reserve(target)
        with open(handle, "wb") as file:  # the file just made, not opened again by name
            file.write(data)

    def _reserve(self, target: Path) -> tuple[int, Path]:
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
        temporary = Path(name)
        self._pending.append((temporary, target))
        return handle, temporary

    def write_text(self, target: Path, text: str) -> None:
        """Stage UTF-8 ``text`` for ``target``."""
        self.write_bytes(target, text.encode("utf-8"))

    def commit(self) -> None:
        """Move every staged file into place."""
        for temporary, target in self._pending:
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
            self.written.append(target)
        self._pending.clear()

    def discard(self) -> None:
        """Remove every staged file."""
        for temporary, _ in self._pending:
            temporary.unlink(missing_ok=True)
        self._pending.clear()


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path; it becomes ``target`` only if the block succeeds."""
    with OutputSet() as outputs:
        yield outputs.temporary_path(target)
