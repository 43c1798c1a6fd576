"""Editions: several articles in one EPUB, one chapter each, in order, with a toc."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .errors import NewsformatsError, UsageError
from .files import OutputSet
from .model import Article, Image
from .naming import slugify
from .options import ConvertOptions
from .resources import LoadedImage, ResourcePolicy, load_image
from .writers import settled_pictures


def write_edition(
    articles: Sequence[Article],
    path: str | Path,
    title: str,
    *,
    sources: Sequence[str | Path | None] | None = None,
    options: ConvertOptions | None = None,
) -> Path:
    """Write one EPUB edition of ``articles`` (one chapter each, in order) to ``path``.

    ``sources`` are the files the articles were read from: each article's images
    are read from its file's folder (default: the current folder) under the
    options' resource policy, and an error names that file. The EPUB appears
    only when it is complete.

    >>> write_edition([read("a.txt"), read("b.md")], "out/ed.epub", "Evening")  # doctest: +SKIP
    PosixPath('out/ed.epub')
    """
    from .epub.book import make_epub

    if not articles:
        raise UsageError("an edition needs at least one article")
    if not title.strip():
        raise UsageError("an edition needs a title (--edition TITLE)")
    options = options or ConvertOptions()
    files = list(sources or [])
    files += [None] * (len(articles) - len(files))
    loaders = [_image_loader(Path(f) if f else None, options) for f in files[: len(articles)]]
    if options.allow_network:  # a picture the network does not give is a placeholder
        articles = [settled_pictures(a, load) for a, load in zip(articles, loaders, strict=True)]
    target = Path(path)
    data = make_epub(articles, loaders, edition_title=" ".join(title.split()))
    with OutputSet() as outputs:
        outputs.write_bytes(target, data)
    return target


def convert_edition(
    inputs: Sequence[str | Path],
    outdir: str | Path,
    formats: Iterable[str],
    *,
    input_format: str | None = None,
    options: ConvertOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Read every input and make one edition of them, named from a slug of the title.

    Editions exist only as EPUB, so ``formats`` must be ``["epub"]``.

    >>> convert_edition(["a.txt", "b.md", "c.json"], "out", ["epub"],  # doctest: +SKIP
    ...                options=ConvertOptions(edition_title="Evening edition"))
    [PosixPath('out/evening-edition.epub')]
    """
    from .readers import read_with_options

    options = options or ConvertOptions()
    chosen = {f.strip().lower() for f in formats if f.strip()}
    if chosen != {"epub"}:
        raise UsageError("an edition (--edition) is made only as EPUB: use --to epub")
    title = options.edition_title or ""
    if not title.strip():
        raise UsageError("an edition needs a title (--edition TITLE)")
    if "-" in [str(path) for path in inputs]:
        raise UsageError("an edition cannot read standard input (-); name the files")
    articles: list[Article] = []
    sources: list[str | Path] = []
    for path in inputs:
        found = read_with_options(path, options=options, format=input_format)
        articles += found
        sources += [path] * len(found)
    target = Path(outdir) / f"{slugify(title)}.epub"
    if progress:
        progress(f"{target.stem}: writing an edition of {len(articles)} articles")
    return [write_edition(articles, target, title, sources=sources, options=options)]


def _image_loader(
    source: Path | None, options: ConvertOptions
) -> Callable[[Image], LoadedImage | None]:
    policy = ResourcePolicy(
        base_dir=source.resolve().parent if source else Path.cwd(),
        allowed_dirs=options.allowed_dirs,
        allow_network=options.allow_network,
    )

    loaded: dict[int, LoadedImage | None] = {}

    def load(image: Image) -> LoadedImage | None:
        if id(image) not in loaded:
            try:
                loaded[id(image)] = load_image(image.src, policy) if image.src else None
            except NewsformatsError as error:
                raise error.located(source) if source else error from None
        return loaded[id(image)]

    return load
