"""What a batch will do: which inputs, and the output names they get.

Inputs are files, folders (searched recursively for the readers' known
extensions), ``@list.txt`` files naming one input per line, ``-`` (standard
input) and fsspec URLs (``s3://…``, ``memory://…``).

The naming rule (stable: it depends only on the set of inputs):

1. An input ``…/story.md`` writes ``OUT/story.<ext>``.
2. Inputs whose stems collide (case-insensitively, as on macOS and Windows
   disks) are placed under ``OUT`` the way they sit under their deepest
   common folder: ``a/story.json`` and ``b/story.md`` write
   ``OUT/a/story.html`` and ``OUT/b/story.html``.
3. Inputs that still collide (``story.json`` and ``story.md`` in one folder)
   keep their extension in the stem: ``OUT/story-json.html``, ``OUT/story-md.html``.
4. Anything that still collides is an error before anything is written.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import UsageError


@dataclass(frozen=True)
class Task:
    """One input and where its outputs go: ``OUT/<subdir>/<stem>.<ext>``."""

    source: str
    stem: str
    subdir: str = ""

    @property
    def name(self) -> str:
        """The outputs' path under the output folder, without extension (``a/story``)."""
        return f"{self.subdir}/{self.stem}" if self.subdir else self.stem


def is_url(name: str) -> bool:
    """True for an fsspec URL such as ``s3://bucket/a.md`` (not for a Windows drive).

    >>> is_url("memory://in/a.md"), is_url("in/a.md")
    (True, False)
    """
    scheme, sep, _ = name.partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").isalnum()


def known_extensions() -> set[str]:
    """File endings a folder search takes as inputs (``.md``, ``.json``, ``.xml``…)."""
    from ..readers import INPUT_EXTENSIONS

    return {ending.lower() for ending in INPUT_EXTENSIONS}


def discover(inputs: list[str]) -> list[str]:
    """Expand folders and ``@list`` files into input names, in a stable order, once each.

    Files named directly are kept whatever their extension (the reader sniffs
    them); inside folders only known extensions count, and hidden files and
    folders are skipped.

    >>> discover(["examples/heatwave-update.json"])
    ['examples/heatwave-update.json']
    """
    found: list[str] = []
    for name in inputs:
        if name.startswith("@") and len(name) > 1:
            found.extend(_listed(name[1:]))
        elif is_url(name):
            found.extend(_url_inputs(name))
        elif name != "-" and Path(name).is_dir():
            found.extend(_folder_inputs(Path(name)))
        else:
            found.append(name)
    seen: set[str] = set()
    unique = []
    for name in found:
        key = name if is_url(name) or name == "-" else os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


def _listed(list_file: str) -> list[str]:
    try:
        lines = Path(list_file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read the input list: {error}", file=list_file) from None
    base = Path(list_file).parent
    names = [line.strip() for line in lines]
    chosen = [n for n in names if n and not n.startswith("#")]
    return discover([n if is_url(n) or Path(n).is_absolute() else str(base / n) for n in chosen])


def _folder_inputs(folder: Path) -> list[str]:
    endings = known_extensions()
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            path = Path(root) / file
            if not file.startswith(".") and path.suffix.lower() in endings and not _sidecar(path):
                found.append(str(path))
    return found


def _sidecar(path: Path) -> bool:
    """A ``story.yaml`` beside a ``story.txt`` belongs to the text, not a second article."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return False
    return any(path.with_suffix(ending).is_file() for ending in (".txt", ".text"))


def _url_inputs(url: str) -> list[str]:
    from .remote import filesystem

    fs, path = filesystem(url)
    if not fs.isdir(path):
        return [url]
    endings = known_extensions()
    names = sorted(str(p) for p in fs.find(path) if PurePosixPath(str(p)).suffix.lower() in endings)
    return [str(fs.unstrip_protocol(name)) for name in names]


def plan(inputs: list[str]) -> list[Task]:
    """Give each input its output name by the naming rule above.

    >>> [t.name for t in plan(["a/story.json", "b/story.md", "c/other.txt"])]
    ['a/story', 'b/story', 'other']
    """
    tasks = [Task(name, _stem(name)) for name in inputs]
    tasks = _spread(tasks, _mirrored)
    tasks = _spread(tasks, _with_extension)
    clashes = _clashes(tasks)
    if clashes:
        first = clashes[0]
        raise UsageError(
            "these inputs would write the same outputs: "
            + ", ".join(t.source for t in first)
            + "; rename one of them"
        )
    return tasks


def _stem(name: str) -> str:
    if name == "-":
        return ""
    return PurePosixPath(name.split("://")[-1] if is_url(name) else Path(name).as_posix()).stem


def _key(task: Task) -> str:
    return task.name.casefold()


def _clashes(tasks: list[Task]) -> list[list[Task]]:
    groups: dict[str, list[Task]] = defaultdict(list)
    for task in tasks:
        if task.stem:  # stdin is named by its headline, after reading
            groups[_key(task)].append(task)
    return [group for group in groups.values() if len(group) > 1]


def _spread(tasks: list[Task], rename: Callable[[list[Task]], list[Task]]) -> list[Task]:
    renamed = {id(task): task for task in tasks}
    for group in _clashes(tasks):
        for old, new in zip(group, rename(group), strict=True):
            renamed[id(old)] = new
    return [renamed[id(task)] for task in tasks]


def _parts(task: Task) -> tuple[str, ...]:
    if is_url(task.source):
        return PurePosixPath(task.source.split("://", 1)[1]).parent.parts
    return Path(os.path.realpath(task.source)).parent.parts


def _mirrored(group: list[Task]) -> list[Task]:
    folders = [_parts(task) for task in group]
    common = 0
    while all(len(f) > common and f[common] == folders[0][common] for f in folders):
        common += 1
    return [
        Task(task.source, task.stem, "/".join(parts[common:]))
        for task, parts in zip(group, folders, strict=True)
    ]


def _with_extension(group: list[Task]) -> list[Task]:
    renamed = []
    for task in group:
        suffix = PurePosixPath(task.source).suffix.lstrip(".").lower()
        renamed.append(
            Task(task.source, f"{task.stem}-{suffix}" if suffix else task.stem, task.subdir)
        )
    return renamed
