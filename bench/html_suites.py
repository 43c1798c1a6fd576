"""New HTML suites for the agreement bench (issue 15): pages the project has not seen.

``gds``: the test pages of the Government Digital Service's accessibility tool audit
(`alphagov/accessibility-tool-audit <https://github.com/alphagov/accessibility-tool-audit>`_,
MIT licence, Crown Copyright), ``tests/*.html``, one page per barrier a tool may find,
with the local files they use (``assets/``'s scripts, style sheets and images, and the
``example-pages/`` their frames show) beside them, as in the repository::

    python bench/bench_agreement.py SUITES --make-gds PATH

where PATH is a checkout or a git directory of the repository (read with
``git archive HEAD``). The reference is the one of the other HTML suites (axe-core in
Chromium, WCAG 2.x A/AA), which loads ``file:`` URLs only.

``ibm`` to ``ibm4``: samples of the rule test pages of IBM's Equal Access checker
(`IBMa/equal-access <https://github.com/IBMa/equal-access>`_, Apache-2.0),
``accessibility-checker-engine/test/v2/checker/accessibility/rules/*/*.html``: each a
quarter of them by a hash of the name (:func:`in_ibm_sample`; ``ibm`` quarter 0,
``ibm2`` quarter 1, ``ibm3`` quarter 2, ``ibm4`` quarter 3, so no page is in two),
each rule folder copied whole (the pages' frames, images and style sheets), the sampled
pages listed in ``pages.txt``::

    python bench/bench_agreement.py SUITES --make-ibm PATH [--make-ibm2 PATH] ...
    python bench/bench_agreement.py SUITES --make-ibm4 PATH

``asqa``: the RGAA 4.0 test pages of `Asqatasun <https://github.com/Asqatasun/Asqatasun>`_
(AGPL-3.0), ``rules/rules-rgaa4.0/src/test/resources/testcases/rgaa40/*/*.html``, one
folder a RGAA test, each page a passed, failed, not applicable or "needs more
information" case: all of them but the ``.dist.html`` templates and the placeholders
(:func:`placeholder`), each rule folder copied whole, the pages listed in ``pages.txt``::

    python bench/bench_agreement.py SUITES --make-asqa PATH

and the same for the older referentials' pages in that repository (:data:`ASQA_SUITES`):
``asqa3`` (RGAA 3.0), ``asqa22`` (RGAA 2.2) and ``aw22`` (AccessiWeb 2.2), each from its
own ``rules/rules-*/src/test/resources/testcases`` folder (``--make-asqa3`` ...).

``apg``: the example pages of the W3C's ARIA Authoring Practices Guide
(`w3c/aria-practices <https://github.com/w3c/aria-practices>`_, W3C Software and
Document License), ``content/patterns/*/examples/*.html``, each a widget built as the
guide recommends, with the local files they use (``content/shared``, ``content/images``),
the pages listed in ``pages.txt``; their link to the W3C's report style sheet
(:data:`APG_DECORATION`) does not count as a resource from the network. ``htmlcs``:
the test pages of `HTML_CodeSniffer <https://github.com/squizlabs/HTML_CodeSniffer>`_
(BSD-3-Clause), ``Tests/*/*.html``; ``pa11y``: the pages of
`pa11y <https://github.com/pa11y/pa11y>`_'s integration tests (LGPL-3.0),
``test/integration/mock/html``. All three are :data:`PAGE_SUITES`, written by
:func:`make_pages`::

    python bench/bench_agreement.py SUITES --make-apg PATH --make-htmlcs PATH --make-pa11y PATH

Left out of all: pages that embed a resource from the network (an ``src``, ``data`` or
``poster`` URL, or a style sheet, on another site): the bench's browser runs offline,
so such a page would be judged without what its author put in it. Hyperlinks to other
sites stay (nothing loads them). ``MADE.txt`` in the suite lists the source, its
commit, the counts and what was left out.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from lxml import html as lxml_html

GDS = "gds"
GDS_REPO = "alphagov/accessibility-tool-audit"
# what the test pages use, copied beside them as in the repository
GDS_PARTS = ("tests", "assets/javascript", "assets/stylesheets", "assets/test_images",
             "assets/images", "example-pages", "LICENSE")  # fmt: skip
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
# attributes whose URL the browser loads while showing the page
EMBEDDING = ("src", "data", "poster")


ASQA = "asqa"
ASQA_REPO = "Asqatasun/Asqatasun"
ASQA_CASES = "rules/rules-rgaa4.0/src/test/resources/testcases/rgaa40"
# each Asqatasun suite is one referential's test pages (RGAA 4.0, then RGAA 3.0, then
# RGAA 2.2 and AccessiWeb 2.2, the two made together when "asqa3" was to be opened)
ASQA_SUITES = {
    ASQA: ASQA_CASES,
    "asqa3": "rules/rules-rgaa3.0/src/test/resources/testcases/rgaa30",
    "asqa22": "rules/rules-rgaa2.2/src/test/resources/testcases/rgaa22",
    "aw22": "rules/rules-accessiweb2.2/src/test/resources/testcases/accessiweb22",
}

IBM = "ibm"
IBM_REPO = "IBMa/equal-access"
IBM_RULES = "accessibility-checker-engine/test/v2/checker/accessibility/rules"
# each IBM suite is another quarter of the pages: disjoint samples of the same source
IBM_QUARTERS = {IBM: 0, "ibm2": 1, "ibm3": 2, "ibm4": 3}

APG = "apg"
# the W3C's style sheet for its technical reports, linked from nearly every example page of
# the ARIA practices: a look, neither side loads it (the bench runs offline), so a page that
# only lacks it is kept
APG_DECORATION = "https://www.w3.org/StyleSheets/TR/2016/base.css"


@dataclass(frozen=True)
class PageSuite:
    """Test pages of one repository: what to copy, which pages to measure, under what licence."""

    repo: str
    parts: tuple[str, ...]  # copied as in the repository: the pages and the files they use
    pages: str  # the measured pages, a glob under the copy
    licence: str
    notice: str  # the licence's file, one of ``parts``
    decorations: tuple[str, ...] = ()  # URLs on another site that do not count (split_remote)


# suites of one repository's test pages each, of other authors than Asqatasun's and IBM's
PAGE_SUITES = {
    APG: PageSuite(
        "w3c/aria-practices",
        ("content/patterns", "content/shared", "content/images", "LICENSE.md"),
        "content/patterns/*/examples/*.html",
        "W3C Software and Document License",
        "LICENSE.md",
        (APG_DECORATION,),
    ),
    "htmlcs": PageSuite(
        "squizlabs/HTML_CodeSniffer", ("Tests", "licence.txt"), "Tests/*/*.html",
        "BSD-3-Clause", "licence.txt",
    ),
    "pa11y": PageSuite(
        "pa11y/pa11y", ("test/integration/mock/html", "LICENSE"),
        "test/integration/mock/html/**/*.html", "LGPL-3.0", "LICENSE",
    ),
}  # fmt: skip

# suites whose measured pages are listed in their pages.txt (beside the folders they use)
LISTED = {*IBM_QUARTERS, *ASQA_SUITES, *PAGE_SUITES}


def in_ibm_sample(name: str, quarter: int = 0) -> bool:
    """One quarter (0 to 3) of the pages, by a hash of the name (another byte than the halves')."""
    return hashlib.sha1(name.encode("utf-8")).digest()[1] % 4 == quarter


def _git_dir(source: Path) -> bool:
    return (source / "HEAD").is_file() and (source / "objects").is_dir()


def _commit(source: Path) -> str:
    git = ["git", f"--git-dir={source}"] if _git_dir(source) else ["git", "-C", str(source)]
    done = subprocess.run([*git, "log", "-1", "--format=%H %cs"], capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def _copy_parts(source: Path, into: Path, parts: tuple[str, ...]) -> None:
    """Copy these files and folders of HEAD (a git directory) or of a checkout."""
    if not _git_dir(source):
        for part in parts:
            if (source / part).is_dir():
                shutil.copytree(source / part, into / part, dirs_exist_ok=True)
            elif (source / part).is_file():
                (into / part).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source / part, into / part)
        return
    tree = subprocess.run(
        ["git", f"--git-dir={source}", "archive", "HEAD", "--", *parts],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(tree)) as tar:
        tar.extractall(into, filter="data")


def remote_resources(page: Path) -> list[str]:
    """The URLs on other sites that the browser would load to show this page."""
    tree = lxml_html.fromstring(page.read_bytes())
    urls = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name in EMBEDDING:
            value = element.get(name)
            if value and REMOTE.match(value):
                urls.append(value.strip())
        rel = (element.get("rel") or "").lower().split()
        href = element.get("href")
        if element.tag == "link" and "stylesheet" in rel and href and REMOTE.match(href):
            urls.append(href.strip())
    return urls


def split_remote(
    pages: list[Path], root: Path, decorations: tuple[str, ...] = ()
) -> tuple[list[Path], list[str]]:
    """The pages that embed nothing from another site, and a MADE.txt line for each other.

    URLs in ``decorations`` (a style sheet that only gives a look) do not count.
    """
    kept, left_out = [], []
    for page in pages:
        urls = [url for url in remote_resources(page) if url not in decorations]
        if urls:
            left_out.append(f"- {page.relative_to(root)}: {', '.join(urls)}")
        else:
            kept.append(page)
    return kept, [
        f"Left out ({len(left_out)}): pages that embed a resource from another site, which",
        "the bench's browser (offline: file: URLs only) could not load:",
        *left_out,
    ]


def _emptied(folder: Path) -> Path:
    """The folder, with whatever an earlier run wrote there removed."""
    if folder.exists():
        shutil.rmtree(folder)
    return folder


def _folder_pages(source: Path, work: Path, folder: str) -> tuple[Path, list[Path]]:
    """Copy ``folder`` (one sub-folder a rule) and the licence into ``work``; list its pages."""
    _copy_parts(source, work, (folder, "LICENSE"))
    root = work / folder
    return root, sorted(p for p in root.glob("*/*.html") if p.is_file())


def _write_listed(kept: list[Path], root: Path, licence: Path, out: Path) -> None:
    """Copy the folders (under ``root``) holding the kept pages, the licence, ``pages.txt``."""
    out.mkdir(parents=True)
    for folder in sorted({page.parent for page in kept}):
        shutil.copytree(folder, out / folder.name)
    shutil.copy2(licence, out / licence.name)
    _write_pages(kept, root, out)


def _write_pages(kept: list[Path], root: Path, out: Path) -> None:
    """List the kept pages, relative to ``root``, in ``out/pages.txt``."""
    names = [str(page.relative_to(root)) for page in kept]
    (out / "pages.txt").write_text("\n".join(names) + "\n", encoding="utf-8")


def _write_made(
    out: Path,
    maker: str,
    repo: str,
    source: Path,
    licence: str,
    body: list[str],
    notice: str = "LICENSE",
) -> None:
    """Write ``MADE.txt``: the maker, the source and its commit, the licence, then ``body``."""
    lines = [
        f"Made by bench/html_suites.py ({maker}) from https://github.com/{repo}",
        f"commit {_commit(source)}; licence: {licence} ({notice}, copied here).",
        *body,
    ]
    (out / "MADE.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_gds(source: Path, suites: Path) -> int:
    """Write ``SUITES/gds`` from the audit's repository; return the number of pages kept."""
    out = _emptied(suites / GDS)
    with tempfile.TemporaryDirectory(prefix="gds-") as tmp:
        work = Path(tmp)
        _copy_parts(source, work, GDS_PARTS)
        pages = sorted((work / "tests").glob("*.html"))
        kept, left_out = split_remote(pages, work)
        out.mkdir(parents=True)
        for part in GDS_PARTS[1:]:
            if (work / part).is_dir():
                shutil.copytree(work / part, out / part)
        (out / "tests").mkdir()
        for page in kept:
            shutil.copy2(page, out / "tests" / page.name)
        shutil.copy2(work / "LICENSE", out / "LICENSE")
    lines = [
        f"{len(pages)} test pages in tests/, {len(kept)} kept; with the local files they use",
        f"({', '.join(GDS_PARTS[1:-1])}).",
        "",
        *left_out,
        "",
        "Kept as they are: hyperlinks to other sites (nothing loads them) and the one",
        "background image that assets/stylesheets/tests.css takes from another site",
        "(a decoration; neither side loads it).",
    ]
    _write_made(out, "make_gds", GDS_REPO, source, "MIT, Crown Copyright", lines)
    return len(kept)


def make_ibm(source: Path, suites: Path, suite: str = IBM) -> int:
    """Write ``SUITES/<suite>`` (a key of :data:`IBM_QUARTERS`) from IBM's Equal Access repository.

    The suite is the quarter :data:`IBM_QUARTERS` gives it; return the pages kept.
    """
    quarter = IBM_QUARTERS[suite]
    out = _emptied(suites / suite)
    with tempfile.TemporaryDirectory(prefix="ibm-") as tmp:
        work = Path(tmp)
        rules, pages = _folder_pages(source, work, IBM_RULES)
        sampled = [p for p in pages if in_ibm_sample(str(p.relative_to(rules)), quarter)]
        kept, left_out = split_remote(sampled, rules)
        _write_listed(kept, rules, work / "LICENSE", out)
    lines = [
        f"{IBM_RULES}/*/*.html: {len(pages)} pages; quarter {quarter} by a hash of the name",
        f"(in_ibm_sample): {len(sampled)}; {len(kept)} kept, listed in pages.txt. Each rule",
        "folder that holds a kept page is copied whole (frames, images, style sheets);",
        "its other pages are not measured.",
        "",
        *left_out,
    ]
    _write_made(out, "make_ibm", IBM_REPO, source, "Apache-2.0", lines)
    return len(kept)


def placeholder(page: Path) -> bool:
    """A page whose test case is empty: the scaffolding of a test written elsewhere or not yet.

    Asqatasun's pages hold their case in elements of class ``testcase``; where every such
    element is empty, the page tests nothing but its own frame (title, heading, the
    criterion's wording). A page without such an element is its own case and is kept.
    """
    cases = _cases(lxml_html.fromstring(page.read_bytes()))
    return bool(cases) and all(len(c) == 0 and not (c.text or "").strip() for c in cases)


def _cases(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The elements of class ``testcase``, where Asqatasun's pages hold their case."""
    return tree.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " testcase ")]')


def case_key(page: Path) -> str:
    """What a page tests, blanks folded: its ``testcase`` elements' markup, else its body.

    Asqatasun's referentials share many cases: the same markup in a page whose title and
    heading name another criterion. Two pages with one key test the same thing.
    """
    tree = lxml_html.fromstring(page.read_bytes())
    parts = _cases(tree) or tree.xpath("//body") or [tree]
    markup = b"".join(lxml_html.tostring(part) for part in parts)
    return hashlib.sha1(re.sub(rb"\s+", b" ", markup)).hexdigest()


def make_asqa(source: Path, suites: Path, suite: str = ASQA) -> int:
    """Write ``SUITES/<suite>`` (a key of :data:`ASQA_SUITES`) from Asqatasun's repository.

    Return the number of pages kept.
    """
    folder = ASQA_SUITES[suite]
    out = _emptied(suites / suite)
    with tempfile.TemporaryDirectory(prefix="asqa-") as tmp:
        work = Path(tmp)
        cases, pages = _folder_pages(source, work, folder)
        templates = [p for p in pages if p.name.endswith(".dist.html")]
        empty = [p for p in pages if p not in templates and placeholder(p)]
        chosen = [p for p in pages if p not in templates and p not in empty]
        kept, left_out = split_remote(chosen, cases)
        _write_listed(kept, cases, work / "LICENSE", out)
    lines = [
        f"{folder}/*/*.html: {len(pages)} pages; {len(chosen)} chosen, {len(kept)} kept,",
        "listed in pages.txt. Each rule folder that holds a kept page is copied whole (its",
        "style sheets and the .dist.html templates, which are not measured).",
        "",
        f"Left out ({len(templates)}): the *.dist.html templates (the same page before its case",
        "was written in).",
        f'Left out ({len(empty)}): placeholders, pages whose every class="testcase" element is',
        "empty (some say that their criterion's cases are grouped in another folder).",
        *left_out,
        "",
        f"Other suites: ASQA_SUITES (one referential each): {', '.join(sorted(ASQA_SUITES))}.",
    ]
    _write_made(out, "make_asqa", ASQA_REPO, source, "AGPL-3.0", lines)
    return len(kept)


def make_pages(source: Path, suites: Path, suite: str) -> int:
    """Write ``SUITES/<suite>`` (a key of :data:`PAGE_SUITES`) from its repository.

    ``source`` is a checkout or a git directory of it; return the number of pages kept.
    """
    made = PAGE_SUITES[suite]
    out = _emptied(suites / suite)
    with tempfile.TemporaryDirectory(prefix=f"{suite}-") as tmp:
        work = Path(tmp)
        _copy_parts(source, work, made.parts)
        pages = sorted(work.glob(made.pages))
        kept, left_out = split_remote(pages, work, made.decorations)
        out.mkdir(parents=True)
        for part in made.parts:
            if (work / part).is_dir():
                shutil.copytree(work / part, out / part)
            else:
                shutil.copy2(work / part, out / part)
        _write_pages(kept, work, out)
    lines = [
        f"{made.pages}: {len(pages)} pages, {len(kept)} kept, listed in pages.txt; with the",
        f"files beside them ({', '.join(p for p in made.parts if p != made.notice)}).",
        "",
        *left_out,
        "",
        "Kept as they are: hyperlinks to other sites (nothing loads them).",
        *[
            f"Also kept: the link to {url} (a look; neither side loads it)."
            for url in made.decorations
        ],
    ]
    _write_made(out, "make_pages", made.repo, source, made.licence, lines, made.notice)
    return len(kept)
