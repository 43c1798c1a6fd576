"""Unseen EPUB suites made of other projects' public EPUB 3 books (issue 15).

Each suite is a table of :class:`Source` rows (:data:`FRESH`): a repository, the
globs of its publication folders (a folder with ``META-INF/container.xml``) and of
its packaged books, and where its licence is stated. Every folder is zipped
mimetype first, as the other EPUB suites, and every packaged book that has no
such folder beside it is copied.

``fresh3`` (made on 2 December 2026):

- ``w3c/epub-tests``: ``tests/*/``, the W3C EPUB 3 reading-system tests, one book each
  (W3C Software and Document License);
- ``IDPF/epub3-samples``: ``30/*/``, the IDPF's EPUB 3 sample books (CC BY-SA 3.0,
  stated in its README);
- ``IDPF/epub-testsuite``: ``content/30/*/``, the IDPF's EPUB 3.0.1 reading-system
  test books (CC BY 4.0);
- ``edrlab/thorium-reader-epub-tests``: ``Rare_EPUB_test_suit/*/`` and its ``*.epub``
  (BSD 3-clause, EDRLab).

``fresh4`` (made on 3 December 2026, from repositories no other suite used): DAISY's
accessibility test books, Nota's Readium test books, epub.js's fixtures, the W3C
EPUB 3.2 sample, the Nordic EPUB 3 migrator's test books and six Standard Ebooks
books (see :data:`FRESH`).

``fresh5`` (made on 3 December 2026, from repositories no other suite used, when
``fresh4`` was to be opened): bmaupin's EPUB samples, pandoc's and the DAISY
pipeline's test books, Readium's, epub-rs's, rbook's and Sigil's, and 46 Standard
Ebooks books. Unlike the earlier suites it leaves out, and counts, a book that a
suite of the same folder holds already (:data:`DEDUPLICATED`, :func:`package_identity`),
and the books a source's licence does not cover (``Source.left_out``).

Left out: EPUB 2 books (the package ``version`` is not 3.x; ``newsformats check``
checks EPUB 3 only), the books of :data:`LEFT_OUT`, whose audio or video the
fetched copies did not hold (a book without them would be judged on what it lacks),
any other book a file of which the copy it is made from lacks, and, from a
repository that states no licence of its own, every book whose package document
states none (``dc:rights`` or ``dcterms:license``). All are counted in ``MADE.txt``.
Each repository's licence notice is copied into the suite (for per-book licences,
the books' own statements are written to ``<repo>-NOTICE.txt``).

    python bench/bench_agreement.py SUITES --make-fresh3 w3c/epub-tests=PATH ...
    python bench/bench_agreement.py SUITES --make-fresh4 daisy/epub-accessibility-tests=PATH ...
    python bench/bench_agreement.py SUITES --make-fresh5 jgm/pandoc=PATH ...

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
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from epubcheck_suites import zip_folder
from lxml import etree


@dataclass(frozen=True)
class Source:
    """One repository: where its books are, and where its licence is stated."""

    repo: str
    folders: tuple[str, ...]  # globs of candidate publication folders
    packaged: tuple[str, ...]  # globs of packaged books
    licence: str | None  # the file that states the licence; None: each book's package
    terms: str
    # books left out on purpose, each with why (a licence that does not cover it)
    left_out: tuple[tuple[str, str], ...] = ()


SE = "CC0 1.0 (its LICENSE.md), a Standard Ebooks book"
FRESH: dict[str, tuple[Source, ...]] = {
    "fresh3": (
        Source(
            "w3c/epub-tests", ("tests/*",), (), "LICENSE.md", "W3C Software and Document License"
        ),
        Source("IDPF/epub3-samples", ("30/*",), (), "README.md", "CC BY-SA 3.0 (its README)"),
        Source("IDPF/epub-testsuite", ("content/30/*",), (), "LICENSE.md", "CC BY 4.0, © IDPF"),
        Source(
            "edrlab/thorium-reader-epub-tests",
            ("Rare_EPUB_test_suit/*",),
            ("Rare_EPUB_test_suit/*.epub",),
            "LICENSE",
            "BSD 3-clause, © EDRLab",
        ),
    ),
    "fresh4": (
        Source(
            "daisy/epub-accessibility-tests",
            ("content/*",),
            (),
            None,
            "no licence for the repository; each book used states its own in its package",
        ),
        Source(
            "Notalib/readium-test-resources",
            ("Resources/epub/*",),
            (),
            "README.md",
            "public domain or free of copyright, as its README states",
        ),
        Source(
            "futurepress/epub.js",
            ("test/fixtures/*",),
            ("test/fixtures/*.epub",),
            "license",
            "BSD 2-clause, © FuturePress",
        ),
        Source(
            "w3c/epub-specs",
            (),
            ("archive/epub32/samples/*.epub",),
            "LICENSE.md",
            "W3C Software and Document License",
        ),
        Source(
            "nlbdev/nordic-epub3-dtbook-migrator",
            ("src/test/resources/*/*", "client/src/test/resources/*"),
            ("src/test/resources/*/*.epub", "client/src/test/resources/*.epub"),
            "LICENSE",
            "LGPL 2.1 (its LICENSE)",
        ),
        *(
            Source(f"standardebooks/{name}", ("src",), (), "LICENSE.md", SE)
            for name in (
                "ambrose-bierce_the-devils-dictionary",
                "archibald-alexander_a-day-at-a-time",
                "arthur-conan-doyle_the-adventures-of-sherlock-holmes",
                "p-g-wodehouse_love-among-the-chickens",
                "samuel-pepys_the-diary",
                "walt-whitman_leaves-of-grass",
            )
        ),
    ),
    "fresh5": (
        Source(
            "bmaupin/epub-samples",
            ("*",),
            (),
            "LICENSE",
            "MIT, © bmaupin",
            (("basic-v3plus2", "its text is copyrighted, used as fair use (its NOTICE)"),),
        ),
        Source(
            "jgm/pandoc",
            (),
            ("test/epub/*.epub", "pandoc-lua-engine/test/lua/module/*.epub"),
            "COPYRIGHT",
            "GPL 2 or later (its COPYRIGHT)",
        ),
        Source(
            "daisy/pipeline-modules",
            (
                "common/*/src/test/xprocspec/samples/*/*",
                "common/*/src/test/resources/samples/*/*",
                "scripts-utils/*/src/test/resources/*",
                "scripts/*/src/test/resources/*",
                "scripts/*/src/test/resources/expected/*/temp-dir/*",
                "scripts/*/src/test/xprocspec/*",
            ),
            (
                "common/*/src/test/xprocspec/samples/*.epub",
                "scripts-utils/*/src/test/resources/*.epub",
                "scripts/*/src/test/resources/*.epub",
                "scripts/*/src/test/resources/expected/*/output/*.epub",
                "scripts/*/src/test/xprocspec/*.epub",
            ),
            "scripts/LICENSE.txt",
            "LGPL 3 (the LICENSE.txt of scripts/, scripts-utils/ and common/)",
        ),
        Source(
            "readium/swift-toolkit",
            ("Tests/SharedTests/Fixtures/Format/*",),
            ("Tests/Publications/Publications/*.epub",),
            "LICENSE",
            "BSD 3-clause, © Readium",
        ),
        Source(
            "readium/kotlin-toolkit",
            ("readium/shared/src/test/resources/org/readium/r2/shared/util/resource/*",),
            ("readium/shared/src/test/resources/org/readium/r2/shared/util/resource/*.epub",),
            "LICENSE",
            "BSD 3-clause, © Readium",
        ),
        Source("danigm/epub-rs", (), ("*.epub", "tests/docs/*.epub"), "LICENSE.txt", "GPL 3"),
        Source(
            "DevinSterling/rbook",
            ("tests/ebooks/*",),
            ("tests/ebooks/*.epub",),
            "LICENSE",
            "Apache 2.0 (its LICENSE)",
        ),
        Source("Sigil-Ebook/Sigil", (), ("docs/*.epub",), "COPYING.txt", "GPL 3 (its COPYING.txt)"),
        *(
            Source(f"standardebooks/{name}", ("src",), (), "LICENSE.md", SE)
            for name in (
                "anna-sewell_black-beauty",
                "arthur-conan-doyle_the-hound-of-the-baskervilles",
                "baroness-orczy_the-scarlet-pimpernel",
                "bram-stoker_dracula",
                "charles-dickens_a-christmas-carol",
                "charlotte-bronte_jane-eyre",
                "e-m-forster_a-room-with-a-view",
                "edgar-allan-poe_short-fiction",
                "edith-wharton_the-age-of-innocence",
                "emily-bronte_wuthering-heights",
                "frances-hodgson-burnett_the-secret-garden",
                "g-k-chesterton_the-man-who-was-thursday",
                "h-g-wells_the-invisible-man",
                "h-g-wells_the-island-of-doctor-moreau",
                "h-g-wells_the-time-machine",
                "h-g-wells_the-war-of-the-worlds",
                "h-p-lovecraft_short-fiction",
                "jack-london_the-call-of-the-wild",
                "james-joyce_dubliners",
                "jane-austen_emma",
                "jane-austen_persuasion",
                "jane-austen_pride-and-prejudice",
                "john-buchan_the-thirty-nine-steps",
                "jonathan-swift_gullivers-travels",
                "joseph-conrad_heart-of-darkness",
                "jules-verne_twenty-thousand-leagues-under-the-seas_f-p-walter",
                "kate-chopin_the-awakening",
                "kenneth-grahame_the-wind-in-the-willows",
                "l-frank-baum_the-wonderful-wizard-of-oz",
                "lewis-carroll_alices-adventures-in-wonderland",
                "louisa-may-alcott_little-women",
                "marcus-aurelius_meditations_george-long",
                "mark-twain_the-adventures-of-tom-sawyer",
                "mary-shelley_frankenstein",
                "nathaniel-hawthorne_the-scarlet-letter",
                "niccolo-machiavelli_the-prince_w-k-marriott",
                "oscar-wilde_the-picture-of-dorian-gray",
                "robert-louis-stevenson_the-strange-case-of-dr-jekyll-and-mr-hyde",
                "robert-louis-stevenson_treasure-island",
                "rudyard-kipling_the-jungle-book",
                "stephen-crane_the-red-badge-of-courage",
                "sun-tzu_the-art-of-war_lionel-giles",
                "thomas-hardy_tess-of-the-durbervilles",
                "upton-sinclair_the-jungle",
                "william-shakespeare_hamlet",
                "william-shakespeare_macbeth",
            )
        ),
    ),
}
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
    # fresh4, on 3 December 2026
    "daisy/epub-accessibility-tests": {"content/epub30-test-0320"},
    "nlbdev/nordic-epub3-dtbook-migrator": {"client/src/test/resources/media_overlay_test.epub"},
}  # fmt: skip
# Suites that leave out a book whose package is that of a book in another suite of the
# same folder, or of one already written to it (the same unique identifier, titles and
# manifest paths; fresh3 and fresh4 were made before this was done, and stay as made).
DEDUPLICATED = {"fresh5"}
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"


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
    globs = [*src.folders, *src.packaged, *([src.licence] if src.licence else [])]
    paths = _tree_paths(source)
    books = {"/".join(n.split("/")[: g.count("/") + 1]) for g in globs for n in paths}
    lacking = []
    skipped = {*LEFT_OUT.get(src.repo, ()), *(path for path, _ in src.left_out)}
    for book in sorted(b for b in books if any(_matches(b, glob) for glob in globs)):
        if book in skipped:
            continue
        if not _extract(source, into, book):
            lacking.append(book)
    return into, lacking


def _matches(path: str, glob: str) -> bool:
    """Whether ``path`` matches ``glob`` part by part (a ``*`` never spans a ``/``)."""
    parts, globs = path.split("/"), glob.split("/")
    return len(parts) == len(globs) and all(map(fnmatch, parts, globs))


def book_name(short: str, glob: str, path: PurePosixPath) -> str:
    """``short`` and the parts of ``path`` that the glob's wildcards matched.

    ``tests/*`` names ``tests/pub-lang`` ``pub-lang``; a glob without a wildcard (one
    book a repository, ``src``) names the book after its repository alone.
    """
    parts = [p for p, g in zip(path.parts, glob.split("/"), strict=True) if "*" in g]
    return "__".join([short, "_".join(parts)]) if parts else short


def stated_licence(package: bytes) -> str | None:
    """The licence a package states: ``dcterms:license``, or a ``dc:rights`` that names one."""
    try:
        metadata = etree.fromstring(package).find(f"{OPF}metadata")
    except etree.XMLSyntaxError:
        return None
    if metadata is None:
        return None
    for meta in metadata.iter(f"{OPF}meta"):
        if meta.get("property") == "dcterms:license" and (meta.text or "").strip():
            return (meta.text or "").strip()
    for rights in metadata.iter(f"{DC}rights"):
        text = " ".join("".join(rights.itertext()).split())
        if re.search(r"licen[cs]|creativecommons|public domain", text, re.IGNORECASE):
            return text
    return None


def package_of(container: bytes, read: dict[str, bytes] | Path) -> bytes | None:
    """The book's package document, or None if it cannot be read."""
    try:
        rootfile = etree.fromstring(container).find(f".//{CONTAINER}rootfile")
        href = rootfile.get("full-path") if rootfile is not None else None
        if not href:
            return None
        return read.get(href) if isinstance(read, dict) else (read / href).read_bytes()
    except (OSError, etree.XMLSyntaxError):
        return None


def package_identity(package: bytes | None) -> str | None:
    """What makes two packages the same book: the unique identifier (the ``dc:identifier``
    the package names), the titles and the manifest's paths; None without an identifier.

    Test books often share an identifier (copied from a template, or a variant of a
    book made for one test), so the identifier alone would leave out books that differ.
    """
    try:
        root = etree.fromstring(package) if package else None
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    unique = [
        " ".join((i.text or "").split())
        for i in root.iter(f"{DC}identifier")
        if i.get("id") == root.get("unique-identifier")
    ]
    if not unique or not unique[0]:
        return None
    titles = sorted(" ".join("".join(t.itertext()).split()) for t in root.iter(f"{DC}title"))
    hrefs = sorted(item.get("href") or "" for item in root.iter(f"{OPF}item"))
    return "\n".join([unique[0], *titles, *hrefs])


def identifiers_in(suites: Path, besides: str) -> dict[str, str]:
    """The identities (:func:`package_identity`) of the books of every other suite."""
    known: dict[str, str] = {}
    for book in sorted(suites.glob("*/*.epub")):
        if book.parent.name == besides:
            continue
        try:
            with zipfile.ZipFile(book) as z:
                files = {n: z.read(n) for n in z.namelist() if n.endswith((".opf", ".xml"))}
        except (OSError, zipfile.BadZipFile):
            continue
        identifier = package_identity(package_of(files.get("META-INF/container.xml", b""), files))
        if identifier:
            known.setdefault(identifier, f"{book.parent.name}/{book.name}")
    return known


def package_version(package: bytes | None) -> str | None:
    """The ``version`` of a package document, or None if it cannot be read."""
    try:
        return etree.fromstring(package).get("version") if package else None
    except etree.XMLSyntaxError:
        return None


def _epub3(version: str | None) -> bool:
    return bool(version and re.match(r"3(\.|$)", version.strip()))


def make_fresh(suite: str, sources: dict[str, Path], suites: Path) -> dict[str, int]:
    """Write ``suites/<suite>`` from the repositories; return its books per repository."""
    out = suites / suite
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.epub"):
        old.unlink()
    counts: dict[str, int] = {}
    notes: list[str] = []
    seen = identifiers_in(suites, suite) if suite in DEDUPLICATED else None
    for src in FRESH[suite]:
        if src.repo not in sources:
            raise SystemExit(f"--make-{suite} needs {src.repo}=PATH")
        with tempfile.TemporaryDirectory(prefix=f"{suite}-") as tmp:
            tree, lacking = checkout(sources[src.repo], Path(tmp), src)
            made = _write_books(src, tree, out, seen)
        counts[src.repo] = made.written
        commit = subprocess.run(
            ["git", "-C", str(sources[src.repo]), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        kept_out = [PurePosixPath(p).name for p in lacking]
        notes.append(
            f"{src.repo} at {commit or 'an unknown commit'} ({src.terms}, {made.notice}): "
            f"{made.written} books; EPUB 2 left out: {made.epub2}; "
            f"left out without their media: {len(LEFT_OUT.get(src.repo, ()))}; "
            f"left out for other files this copy lacks: {', '.join(kept_out) or 'none'}"
            + (f"; left out stating no licence: {made.unlicensed}" if src.licence is None else "")
            + "".join(f"; left out, {path}: {why}" for path, why in src.left_out)
            + (f"; left out as books a suite holds already: {', '.join(made.duplicates) or 'none'}"
               if seen is not None else "")
        )  # fmt: skip
    (out / "MADE.txt").write_text("\n".join(notes) + "\n", encoding="utf-8")
    return counts


@dataclass
class _Made:
    notice: str = ""  # the licence notice's file name in the suite
    written: int = 0
    epub2: int = 0
    unlicensed: int = 0
    duplicates: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)


def _write_books(src: Source, tree: Path, out: Path, seen: dict[str, str] | None) -> _Made:
    """Zip or copy the source's EPUB 3 books from ``tree`` into ``out``, with its licence.

    ``seen``: the unique identifiers of the books already in a suite (None: not compared).
    """
    short = src.repo.split("/")[1]
    made = _Made()
    skipped = {*LEFT_OUT.get(src.repo, ()), *(path for path, _ in src.left_out)}
    for glob in src.folders:
        for folder in sorted(p for p in tree.glob(glob) if p.is_dir()):
            relative = PurePosixPath(folder.relative_to(tree).as_posix())
            container = folder / "META-INF" / "container.xml"
            if str(relative) in skipped or not container.is_file():
                continue
            package = package_of(container.read_bytes(), folder)
            name = f"{book_name(short, glob, relative)}.epub"
            if _use(src, relative, package, made, (name, seen)):
                zip_folder(folder, out / name)
    for glob in src.packaged:
        for book in sorted(tree.glob(glob)):
            if book.relative_to(tree).as_posix() in skipped or not book.is_file():
                continue  # (a folder named *.epub is a publication folder)
            if book.with_suffix("").is_dir():
                continue  # the same book as its folder
            with zipfile.ZipFile(book) as z:
                files = {n: z.read(n) for n in z.namelist() if n.endswith((".opf", ".xml"))}
            package = package_of(files.get("META-INF/container.xml", b""), files)
            relative = PurePosixPath(book.relative_to(tree).with_suffix("").as_posix())
            name = f"{book_name(short, glob[:-5], relative)}.epub"
            if _use(src, relative, package, made, (name, seen)):
                shutil.copy(book, out / name)
    if src.licence:
        made.notice = f"{short}-{PurePosixPath(src.licence).name}"
        shutil.copy(tree / src.licence, out / made.notice)
    else:
        made.notice = f"{short}-NOTICE.txt"
        header = f"{src.repo} states no licence; each book used states its own in its package:"
        text = "\n".join([header, *made.statements]) + "\n"
        (out / made.notice).write_text(text, encoding="utf-8")
    return made


def _use(
    src: Source,
    relative: PurePosixPath,
    package: bytes | None,
    made: _Made,
    named: tuple[str, dict[str, str] | None],
) -> bool:
    """Whether a book goes in the suite (EPUB 3, licensed, new); counts it either way.

    ``named``: the book's file name in the suite, and the unique identifiers of the
    books the suites hold already (None: not compared), to which its own is added.
    """
    if not _epub3(package_version(package)):
        made.epub2 += 1
        return False
    licence = stated_licence(package or b"") if src.licence is None else None
    if src.licence is None and licence is None:
        made.unlicensed += 1
        return False
    name, seen = named
    identifier = package_identity(package)
    if seen is not None and identifier is not None:
        if identifier in seen:
            made.duplicates.append(f"{name} (as {seen[identifier]})")
            return False
        seen[identifier] = name
    if licence is not None:
        made.statements.append(f"{relative}: {licence}")
    made.written += 1
    return True
