"""Incremental runs: what each input last made, kept in a state file in the output folder.

An input is skipped when the fingerprint of the run's settings (formats,
options, input format, output name, newsformats version) is the one recorded,
every file it was made from (input, sidecar, pictures, lexicon) has the
recorded SHA-256, and every output it wrote is still there with its size.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..files import atomic_output
from .plan import Task, is_url
from .remote import filesystem, join
from .unit import Result, Settings, file_digest

STATE_FILE = ".newsformats-state.json"
FORMAT = 1


def fingerprint(task: Task, settings: Settings) -> str:
    """A hash of everything but the files that decides what ``task`` writes.

    >>> len(fingerprint(Task("a.md", "a"), Settings()))
    64
    """
    from ..version import __version__

    options = asdict(settings.options)
    options.pop("cache_dir")
    options.pop("use_cache")
    fields = [
        FORMAT,
        __version__,
        task.name,
        sorted(settings.formats),
        settings.input_format,
        options,
    ]
    return hashlib.sha256(json.dumps(fields, default=str, sort_keys=True).encode()).hexdigest()


@dataclass
class State:
    """The state file's entries, by input."""

    outdir: str
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    changed: bool = False
    _owners: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False)
    """Output name → the inputs whose entries list it (one, unless a state file says more)."""

    def __post_init__(self) -> None:
        for key, entry in self.entries.items():
            self._index(key, entry)

    def _index(self, key: str, entry: dict[str, Any]) -> None:
        for name, _ in entry.get("outputs", []):
            self._owners.setdefault(name, []).append(key)

    def _forget(self, key: str) -> None:
        entry = self.entries.pop(key, None) or {}
        for name, _ in entry.get("outputs", []):
            keys = self._owners.get(name, [])
            if key in keys:
                keys.remove(key)
            if not keys:
                self._owners.pop(name, None)

    def unchanged(self, task: Task, settings: Settings) -> bool:
        """True when ``task`` would write again exactly what it wrote last time."""
        entry = self.entries.get(_key(task.source))
        if (
            task.source == "-"
            or not entry
            or entry.get("fingerprint") != fingerprint(task, settings)
        ):
            return False
        for name, digest in entry["dependencies"]:
            if (file_digest(name) or "missing") != digest:
                return False
        return all(_size(join(self.outdir, name)) == size for name, size in entry["outputs"])

    def record(self, task: Task, settings: Settings, results: list[Result]) -> None:
        """Remember what ``task`` wrote; forget it when any of its articles failed."""
        key = _key(task.source)
        self.changed = True
        if task.source == "-" or any(r.status != "converted" for r in results):
            self.changed = key in self.entries
            self._forget(key)
            return
        outputs = [(self.relative(o.path), o.size) for r in results for o in r.outputs]
        others = {other for name, _ in outputs for other in self._owners.get(name, [])}
        for other in others - {key}:
            self._forget(other)  # its outputs are replaced: it is converted again next time
        self._forget(key)
        self.entries[key] = {
            "fingerprint": fingerprint(task, settings),
            "dependencies": sorted({(d.path, d.sha256) for r in results for d in r.dependencies}),
            "outputs": outputs,
        }
        self._index(key, self.entries[key])

    def outputs_of(self, source: str) -> list[str]:
        """The files ``source`` wrote last time."""
        entry = self.entries.get(_key(source)) or {}
        return [join(self.outdir, name) for name, _ in entry.get("outputs", [])]

    def owner(self, output: str) -> str | None:
        """The input that wrote ``output`` (a name under the output folder) in a recorded run."""
        keys = self._owners.get(output)
        return keys[0] if keys else None

    def made_by(self, output: str, source: str) -> bool:
        """True when ``source`` wrote ``output`` (a name under the output folder) last time."""
        return self.owner(output) == _key(source)

    def relative(self, output: str) -> str:
        """An output's name under the output folder (``a/story.html``)."""
        if is_url(output):
            return output[len(self.outdir.rstrip("/")) + 1 :]
        return Path(os.path.relpath(output, self.outdir)).as_posix()

    @property
    def location(self) -> str:
        """Where the state file is."""
        return join(self.outdir, STATE_FILE)

    def save(self) -> None:
        """Write the state file atomically, if anything changed."""
        if not self.changed:
            return
        data = json.dumps({"format": FORMAT, "entries": self.entries}, indent=1, sort_keys=True)
        if is_url(self.location):
            fs, path = filesystem(self.location)
            fs.pipe_file(path, data.encode())
            return
        target = Path(self.location)
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(target) as temporary:
            temporary.write_text(data, encoding="utf-8")


def load_state(outdir: str) -> State:
    """The state of the output folder ``outdir`` (empty when there is none or it is damaged)."""
    location = join(outdir, STATE_FILE)
    try:
        if is_url(location):
            fs, path = filesystem(location)
            text = fs.cat_file(path).decode() if fs.exists(path) else ""
        else:
            text = Path(location).read_text(encoding="utf-8")
        data = json.loads(text) if text else {}
    except (OSError, ValueError):
        data = {}
    entries = data.get("entries") if data.get("format") == FORMAT else None
    return State(outdir, entries if isinstance(entries, dict) else {})


def _key(source: str) -> str:
    return source if is_url(source) else str(Path(source).resolve())


def _size(name: str) -> int | None:
    try:
        if is_url(name):
            fs, path = filesystem(name)
            return int(fs.size(path))
        return Path(name).stat().st_size
    except (OSError, FileNotFoundError):
        return None
