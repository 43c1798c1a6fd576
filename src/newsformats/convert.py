"""``convert()``: one article (or several) in, the chosen formats out, all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import NewsformatsError, UsageError
from .files import OutputSet
from .model import Article
from .naming import slugify
from .notes import collecting_notes
from .options import DEFAULT_FORMATS, ConvertOptions
from .resources import ResourcePolicy
from .writers import WriteJob, available_formats, is_format, running_order, writer_for

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Conversion:
    """What one conversion wrote: every file, the files of each format, and its warnings."""

    files: list[Path] = field(default_factory=list)
    by_format: dict[str, list[Path]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def convert(
    article: Article,
    outdir: str | Path,
    formats: Iterable[str] = DEFAULT_FORMATS,
    *,
    stem: str | None = None,
    source_dir: str | Path | None = None,
    options: ConvertOptions | None = None,
    progress: Progress | None = None,
) -> Conversion:
    """Write ``article`` in each of ``formats`` into ``outdir``.

    Files are named ``<stem>.<ext>`` (the stem defaults to a slug of the
    headline). Resources such as images are read from ``source_dir`` (the
    input's folder) under the options' policy. Either every file is written or
    none is.

    >>> from newsformats import read, convert
    >>> convert(read("examples/csto-sco-afghanistan.txt"), "out", ["html"])  # doctest: +SKIP
    Conversion(files=[PosixPath('out/leaders-of-russia-....html'), ...])
    """
    options = options or ConvertOptions()
    chosen = check_formats(formats)
    outdir = Path(outdir)
    policy = ResourcePolicy(
        base_dir=Path(source_dir) if source_dir else Path.cwd(),
        allowed_dirs=options.allowed_dirs,
        allow_network=options.allow_network,
    )
    by_format: dict[str, list[Path]] = {}
    with collecting_notes() as notes, OutputSet() as outputs:
        job = WriteJob(
            article=article,
            outdir=outdir,
            stem=stem or slugify(article.headline),
            policy=policy,
            options=options,
            outputs=outputs,
            formats=tuple(chosen),
        )
        job.settle_network_images()
        for name in chosen:
            if progress:
                progress(f"{job.stem}: writing {name}")
            by_format[name] = writer_for(name)(job)
    warnings = list(dict.fromkeys(n.message for n in notes if n.level == "warning"))
    return Conversion(list(outputs.written), by_format, warnings)


def check_formats(formats: Iterable[str]) -> list[str]:
    """The chosen output formats in running order; an unknown one is a usage error.

    >>> check_formats(["epub", "html"])
    ['html', 'epub']
    """
    return running_order(_chosen(formats))


def _chosen(formats: Iterable[str]) -> list[str]:
    wanted = [f.strip().lower() for f in formats if f.strip()]
    if not wanted:
        raise UsageError("no output format chosen")
    for name in wanted:
        if not is_format(name):
            known = ", ".join(available_formats())
            raise UsageError(f"unknown output format {name!r}; choose from {known}")
    return wanted


def convert_files(
    inputs: Sequence[str | Path],
    outdir: str | Path,
    formats: Iterable[str] = DEFAULT_FORMATS,
    *,
    input_format: str | None = None,
    options: ConvertOptions | None = None,
    progress: Progress | None = None,
) -> list[Conversion]:
    """Read each input and convert it; output stems come from the input file names."""
    from .readers import read_with_options

    options = options or ConvertOptions()
    articles = []
    for path in inputs:
        found = read_with_options(path, options=options, format=input_format)
        # An input of many articles (a feed, a newsMessage) gives name-1, name-2, …
        articles += [(path, a, f"-{n}" if len(found) > 1 else "") for n, a in enumerate(found, 1)]
    results = []
    for path, article, number in articles:
        source = Path(path)
        stem = source.stem + number if str(path) != "-" else None
        folder = source.resolve().parent if str(path) != "-" else None
        try:
            results.append(
                convert(
                    article,
                    outdir,
                    formats,
                    stem=stem,
                    source_dir=folder,
                    options=options,
                    progress=progress,
                )
            )
        except NewsformatsError as error:
            raise error.located(path) from None
    return results
