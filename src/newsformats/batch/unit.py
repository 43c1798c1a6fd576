"""``convert_one``: one input in, its articles converted, a :class:`Result` per article out.

A pure function of its arguments: no global state, no child processes, so it
runs the same in a thread, a ``multiprocessing.Pool``, a ``ProcessPoolExecutor``
or a Dask worker. Errors come back as data (``status="failed"``), never raised.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from functools import partial
from pathlib import Path, PurePath
from typing import Any

from ..errors import NewsformatsError
from ..model import Article, Image
from ..notes import collecting_notes
from ..options import DEFAULT_FORMATS, ConvertOptions
from .plan import Task, is_url
from .remote import join, local_copy, put_files, read_bytes


@dataclass(frozen=True)
class Settings:
    """What every task of a batch shares: where outputs go, which formats, how."""

    outdir: str = "out"
    formats: tuple[str, ...] = DEFAULT_FORMATS
    input_format: str | None = None
    options: ConvertOptions = field(default_factory=ConvertOptions)


@dataclass(frozen=True)
class OutputFile:
    """One file written: its path (or URL), size in bytes and SHA-256."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Dependency:
    """A file an article was made from (input, sidecar, picture, lexicon) and its SHA-256."""

    path: str
    sha256: str


@dataclass(frozen=True)
class Result:
    """What became of one article of one input.

    ``status`` is ``converted``, ``failed`` or ``skipped``; a failure has a
    one-line ``error`` (naming the input and the place) and its ``kind``
    (``InputError``, ``EngineError``, ``timeout``, ``internal``…).
    """

    input: str
    status: str
    outputs: tuple[OutputFile, ...] = ()
    error: str | None = None
    kind: str | None = None
    seconds: float = 0.0
    article: int | None = None
    name: str = ""
    dependencies: tuple[Dependency, ...] = ()
    notes: tuple[str, ...] = ()
    """Warnings about this article (a part not found, no voice for its language…)."""

    def to_json(self) -> dict[str, Any]:
        """The JSON object of ``--json`` and ``--manifest`` lines."""
        data = asdict(self)
        data.pop("dependencies")
        data["seconds"] = round(self.seconds, 3)
        return data


def convert_one(task: Task, settings: Settings) -> list[Result]:
    """Read one input and write each of its articles; one :class:`Result` per article.

    A failure is returned, not raised: a read error gives one failed result.

    >>> from newsformats.batch import Task, Settings, convert_one
    >>> convert_one(Task("examples/heatwave-update.json", "heatwave"),
    ...             Settings("out", ("html",)))[0].status  # doctest: +SKIP
    'converted'
    """
    start = time.perf_counter()
    try:
        with _local_input(task.source) as (path, source_dir), collecting_notes() as read_notes:
            articles = _read_articles(path, settings)
            dependencies = _dependencies(task.source, path, articles, settings.options)
            results = []
            for index, article in enumerate(articles):
                article_start = time.perf_counter()
                stem = task.stem if len(articles) == 1 else f"{task.stem}-{index + 1}"
                with collecting_notes() as notes:
                    try:
                        outputs = _write(
                            article, Task(task.source, stem, task.subdir), source_dir, settings
                        )
                    except NewsformatsError as error:
                        outputs = None
                        failed = _failed(task, error, article_start, index)
                told = tuple(str(n) for n in dict.fromkeys([*read_notes, *notes]))
                read_notes.clear()  # what reading said goes with the first article
                if outputs is None:
                    results.append(replace(failed, notes=told))
                    continue
                results.append(
                    Result(
                        input=task.source,
                        status="converted",
                        outputs=tuple(outputs),
                        seconds=time.perf_counter() - (start if index == 0 else article_start),
                        article=index if len(articles) > 1 else None,
                        name=Task(task.source, stem, task.subdir).name,
                        dependencies=dependencies,
                        notes=told,
                    )
                )
            return results
    except NewsformatsError as error:
        return [_failed(task, error, start)]
    except MemoryError:
        return [_failed(task, None, start, kind="memory", message="ran out of memory")]
    except RecursionError:
        return [_failed(task, None, start, kind="InputError", message="nested too deeply")]
    except Exception as error:  # one bad article must not stop the batch
        message = f"internal error: {type(error).__name__}: {error}"
        return [_failed(task, None, start, kind="internal", message=message)]


def prepare(sources: Iterable[str], settings: Settings) -> None:
    """Load here what converting ``sources`` will need: writers, likely readers, fonts.

    A batch calls it before it forks its worker processes, so that each worker
    starts with them instead of importing them again (most of a worker's first
    article); with plain-text inputs the language model is loaded too, and for PDF
    the bundled fonts are registered and laid out. Nothing
    is converted; a reader or writer that cannot be imported is left for its
    task to report.
    """
    from ..readers import EXTENSIONS, reader_for
    from ..writers import writer_for

    known = {**EXTENSIONS, ".json": "json"}  # other inputs are told by their content
    endings = {PurePath(source).suffix.lower() for source in sources}
    names = {settings.input_format} if settings.input_format else set()
    names |= {known[ending] for ending in endings if ending in known and not names}
    loads: list[Callable[[], object]] = [partial(reader_for, name) for name in sorted(names)]
    loads += [partial(writer_for, name) for name in settings.formats]
    if names:  # articles will be read: their language tags validated
        from ..language import load_tag_data

        loads.append(load_tag_data)
    if "text" in names:  # plain text seldom says its language (it is detected) or its dates
        from ..language import load_detector
        from ..readers.datelines import load_calendars

        loads += [load_detector, load_calendars]
    if any("pdf" in name for name in settings.formats):  # the bundled fonts laid out once
        from ..pdf.render import warm_up

        loads.append(warm_up)
    for load in loads:
        with suppress(NewsformatsError, ImportError):
            load()


def failure(source: str, message: str, kind: str, seconds: float = 0.0) -> Result:
    """A failed :class:`Result` made outside ``convert_one`` (a timeout, a lost worker)."""
    return Result(
        input=source, status="failed", error=f"{source}: {message}", kind=kind, seconds=seconds
    )


def _failed(
    task: Task,
    error: NewsformatsError | None,
    start: float,
    index: int | None = None,
    *,
    kind: str = "",
    message: str = "",
) -> Result:
    if error is not None:
        text = str(error.located(task.source))
        kind = type(error).__name__
    else:
        text = f"{task.source}: {message}"
    return Result(
        input=task.source,
        status="failed",
        error=" ".join(text.split()),
        kind=kind,
        seconds=time.perf_counter() - start,
        article=index,
        name=task.name,
    )


@contextmanager
def _local_input(source: str) -> Iterator[tuple[str, Path | None]]:
    if is_url(source):
        with local_copy(source) as path:
            yield str(path), path.parent
    elif source == "-":
        yield source, None
    else:
        yield source, Path(source).resolve().parent


def _read_articles(path: str, settings: Settings) -> list[Article]:
    from ..readers import read_with_options

    return read_with_options(path, options=settings.options, format=settings.input_format)


def _write(
    article: Article, task: Task, source_dir: Path | None, settings: Settings
) -> list[OutputFile]:
    from ..convert import convert
    from ..naming import slugify

    stem = task.stem or slugify(article.headline)
    if not is_url(settings.outdir):
        folder = Path(settings.outdir, task.subdir)
        done = convert(
            article,
            folder,
            settings.formats,
            stem=stem,
            source_dir=source_dir,
            options=settings.options,
        )
        return [_described(path, str(path)) for path in done.files]
    with tempfile.TemporaryDirectory(prefix="newsformats-out-") as staging:
        done = convert(
            article,
            staging,
            settings.formats,
            stem=stem,
            source_dir=source_dir,
            options=settings.options,
        )
        targets = [(path, join(settings.outdir, task.subdir, path.name)) for path in done.files]
        put_files(targets)
        return [_described(path, url) for path, url in targets]


def _described(path: Path, name: str) -> OutputFile:
    data = path.read_bytes()
    return OutputFile(path=name, size=len(data), sha256=hashlib.sha256(data).hexdigest())


def file_digest(name: str) -> str | None:
    """The SHA-256 of a local file or URL, or None when it cannot be read."""
    try:
        data = read_bytes(name) if is_url(name) else Path(name).read_bytes()
    except (OSError, NewsformatsError):
        return None
    return hashlib.sha256(data).hexdigest()


def _dependencies(
    source: str, local: str, articles: list[Article], options: ConvertOptions
) -> tuple[Dependency, ...]:
    """Every file the outputs depend on: the input, its sidecar, its pictures, the lexicon.

    A sidecar that is not there is recorded as missing, so that adding one is a change.
    """
    if source == "-":
        return ()
    others = []
    if not is_url(source):
        path = Path(source)
        others += [str(path.with_suffix(end)) for end in (".yaml", ".yml") if path.suffix != end]
        for article in articles:
            for image in _images(article):
                if image.src and not is_url(image.src) and not image.src.startswith("data:"):
                    others.append(str(path.parent / image.src))
    if options.lexicon is not None:
        others.append(str(options.lexicon))
    found = [Dependency(source, file_digest(local) or "missing")]
    found += [Dependency(name, file_digest(name) or "missing") for name in dict.fromkeys(others)]
    return tuple(found)


def _images(node: Any) -> Iterator[Image]:
    if isinstance(node, Image):
        yield node
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _images(item)
    elif is_dataclass(node):
        for part in fields(node):
            yield from _images(getattr(node, part.name))
