"""The ``fresh3`` suite: public EPUB 3 books of other projects, never tuned on (issue 15).

Every publication folder of these repositories (a folder with
``META-INF/container.xml``), zipped mimetype first as the other EPUB suites, and
their packaged books that have no such folder beside them:

- ``w3c/epub-tests``: ``tests/*/``, the W3C EPUB 3 reading-system tests, one book each
  (W3C Software and Document License);
- ``IDPF/epub3-samples``: ``30/*/``, the IDPF's EPUB 3 sample books (CC BY-SA 3.0,
  stated in its README);
- ``IDPF/epub-testsuite``: ``content/30/*/``, the IDPF's EPUB 3.0.1 reading-system
  test books (CC BY 4.0);
- ``edrlab/thorium-reader-epub-tests``: ``Rare_EPUB_test_suit/*/`` and its ``*.epub``
  (BSD 3-clause, EDRLab).

Left out: EPUB 2 books (the package ``version`` is not 3.x; ``newsformats check``
checks EPUB 3 only), and the books of :data:`LEFT_OUT`, whose audio or video the
fetched copies did not hold (a book without them would be judged on what it lacks),
and any other book a file of which the copy it is made from lacks (listed in
``MADE.txt``). Each repository's licence notice is copied into the suite.

    python bench/bench_agreement.py SUITES --make-fresh3 w3c/epub-tests=PATH ...

where each PATH is a checkout or a git directory of that repository (read with
``git archive HEAD``).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from epubcheck_suites import zip_folder
from lxml import etree

SUITE = "fresh3"


class Source:
    """One repository: where its books are, and its licence notice."""

    def __init__(
        self, repo: str, folders: str, packaged: str | None, licence: str, terms: str
    ) -> None:
        self.repo = repo
        self.folders = folders  # a glob of candidate publication folders
        self.packaged = packaged  # a glob of packaged books, or None
        self.licence = licence  # the file that states the licence
        self.terms = terms


SOURCES = (
    Source("w3c/epub-tests", "tests/*", None, "LICENSE.md", "W3C Software and Document License"),
    Source("IDPF/epub3-samples", "30/*", None, "README.md", "CC BY-SA 3.0 (its README)"),
    Source("IDPF/epub-testsuite", "content/30/*", None, "LICENSE.md", "CC BY 4.0, © IDPF"),
    Source(
        "edrlab/thorium-reader-epub-tests",
        "Rare_EPUB_test_suit/*",
        "Rare_EPUB_test_suit/*.epub",
        "LICENSE",
        "BSD 3-clause, © EDRLab",
    ),
)
# Books whose audio or video the fetched copies (git directories without their largest
# files) did not hold on 2 December 2026: left out from every copy, so that the suite
# is the same wherever it is made; a book without its media would be judged on what it lacks.
LEFT_OUT = {
    "w3c/epub-tests": {
        "tests/mol-css", "tests/mol-ignore", "tests/mol-support_xhtml",
        "tests/mol-support_xhtml-fxl", "tests/mol-support_xhtml-load",
        "tests/mol-support_xhtml-load-fxl", "tests/mol-support_xhtml-load-next",
        "tests/mol-support_xhtml-load-next-fxl", "tests/mol-timing-synchronization",
        "tests/pub-foreign_bad-fallback",
    },
    "IDPF/epub3-samples": {
        "30/cc-shared-culture", "30/kusamakura-japanese-vertical-writing",
        "30/kusamakura-preview", "30/kusamakura-preview-embedded", "30/moby-dick-mo",
    },
    "IDPF/epub-testsuite": {"content/30/epub30-test-0120", "content/30/epub30-test-0220"},
}  # fmt: skip
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"


def _tree_paths(source: Path) -> list[str]:
    """Every file path of HEAD in a git directory (or checkout)."""
    listing = subprocess.run(
        ["git", f"--git-dir={source}", "ls-tree", "-r", "--name-only", "-z", "HEAD"],
        capture_output=True,
        check=True,
    ).stdout
    return [name for name in listing.decode("utf-8").split("\0") if name]


def _extract(source: Path, into: Path, path: str) -> bool:
    """Write ``path`` (a file or folder) of HEAD under ``into``; False if git lacks a file."""
    done = subprocess.run(
        ["git", f"--git-dir={source}", "archive", "HEAD", "--", path],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        return False
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as tar:
        tar.extractall(into, filter="data")
    return True


def checkout(source: Path, into: Path, src: Source) -> tuple[Path, list[str]]:
    """A folder with the source's books and licence, and the books that could not be had whole.

    A checkout is used as it is; from a git directory each book is read on its own,
    so that an absent file loses that book only.
    """
    if not (source / "HEAD").is_file() or (source / ".git").exists():
        return source, []
    depth = src.folders.count("/") + 1
    wanted = [src.folders, src.packaged or src.folders, src.licence]
    books = {"/".join(name.split("/")[:depth]) for name in _tree_paths(source)}
    lacking = []
    for book in sorted(b for b in books if any(fnmatch(b, glob) for glob in wanted)):
        if book in LEFT_OUT.get(src.repo, ()):
            continue
        if not _extract(source, into, book):
            lacking.append(book)
    return into, lacking


def package_version(container: bytes, read: dict[str, bytes] | Path) -> str | None:
    """The ``version`` of the book's package document, or None if it cannot be read."""
    try:
        rootfile = etree.fromstring(container).find(f".//{CONTAINER}rootfile")
        href = rootfile.get("full-path") if rootfile is not None else None
        if not href:
            return None
        data = read.get(href) if isinstance(read, dict) else (read / href).read_bytes()
        return etree.fromstring(data).get("version") if data else None
    except (OSError, etree.XMLSyntaxError):
        return None


def _epub3(version: str | None) -> bool:
    return bool(version and re.match(r"3(\.|$)", version.strip()))


def make_fresh3(sources: dict[str, Path], suites: Path) -> dict[str, int]:
    """Write ``suites/fresh3`` from the repositories; return its books per repository."""
    out = suites / SUITE
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.epub"):
        old.unlink()
    counts: dict[str, int] = {}
    notes: list[str] = []
    for src in SOURCES:
        if src.repo not in sources:
            raise SystemExit(f"--make-fresh3 needs {src.repo}=PATH")
        short = src.repo.split("/")[1]
        with tempfile.TemporaryDirectory(prefix="fresh3-") as tmp:
            tree, lacking = checkout(sources[src.repo], Path(tmp), src)
            shutil.copy(tree / src.licence, out / f"{short}-{src.licence}")
            written = epub2 = 0
            folders = sorted(p for p in tree.glob(src.folders) if p.is_dir())
            for folder in folders:
                container = folder / "META-INF" / "container.xml"
                if folder.relative_to(tree).as_posix() in LEFT_OUT.get(src.repo, ()):
                    continue
                if not container.is_file():
                    continue
                if not _epub3(package_version(container.read_bytes(), folder)):
                    epub2 += 1
                    continue
                zip_folder(folder, out / f"{short}__{folder.name}.epub")
                written += 1
            for book in sorted(tree.glob(src.packaged)) if src.packaged else []:
                if book.with_suffix("").is_dir():
                    continue  # the same book as its folder
                with zipfile.ZipFile(book) as z:
                    files = {n: z.read(n) for n in z.namelist() if n.endswith((".opf", ".xml"))}
                version = package_version(files.get("META-INF/container.xml", b""), files)
                if not _epub3(version):
                    epub2 += 1
                    continue
                shutil.copy(book, out / f"{short}__{book.stem}.epub")
                written += 1
        counts[src.repo] = written
        kept_out = [PurePosixPath(p).name for p in lacking]
        commit = subprocess.run(
            ["git", "-C", str(sources[src.repo]), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        notes.append(
            f"{src.repo} at {commit or 'an unknown commit'} ({src.terms}, "
            f"{short}-{src.licence}): {written} books; EPUB 2 left out: {epub2}; "
            f"left out without their media: {len(LEFT_OUT.get(src.repo, ()))}; "
            f"left out for other files this copy lacks: {', '.join(kept_out) or 'none'}"
        )
    (out / "MADE.txt").write_text("\n".join(notes) + "\n", encoding="utf-8")
    return counts
