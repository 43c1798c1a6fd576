"""Agreement of ``newsformats check`` (no --deep, --fail-on error) with the reference validators.

Reads a folder of fetched public test suites (outside the repository; see
docs/rules.md, "Agreement with the reference validators", for how to get them)::

    SUITES/verapdf/**.pdf    veraPDF corpus, PDF_UA-1 folder: verdict in the file name
    SUITES/ace/*.epub        DAISY Ace's tests/data fixtures, zipped: reference is
                             EPUBCheck error/fatal or Ace critical/serious
    SUITES/axe/**.html       axe-core's test/integration/full pages: reference is
                             axe-core in Chromium, WCAG 2.x A/AA rules
    SUITES/epubcheck/*.epub  EPUBCheck's own fixtures (src/test/resources/epub3/*/files/*/,
                             zipped): reference as for ace/ (first measured unseen)
    SUITES/act/*.html        W3C ACT rules' test cases (written by --make-act from the
                             act-rules.github.io _rules folder): reference as for axe/ (unseen)
    SUITES/epubcheck-extra/*.epub  EPUBCheck's other publication fixtures and packaged books,
    SUITES/epubcheck-docs/*.epub   and its single documents, each in a minimal valid book
                             (both written by --make-epubcheck-extra, see epubcheck_suites.py):
                             reference as for ace/ (unseen)
    SUITES/fresh3/*.epub     public EPUB 3 books of other projects (W3C's and the IDPF's
                             test books and samples, EDRLab's; written by --make-fresh3,
                             see fresh_suite.py): reference as for ace/; opened since
                             3 December 2026 (--held-out-details)
    SUITES/fresh4/*.epub     more of them, from repositories no other suite used (DAISY,
                             Nota, epub.js, W3C, NLB, Standard Ebooks; --make-fresh4):
                             reference as for ace/; measured unseen, opened in the
                             seventh EPUB round
    SUITES/fresh5/*.epub     more again, from repositories no other suite used (pandoc,
                             the DAISY pipeline, Readium, epub-rs, rbook, bmaupin's samples,
                             35 Standard Ebooks books; --make-fresh5): never opened
    SUITES/gds/tests/*.html  the GDS accessibility tool audit's test pages (written by
                             --make-gds, see html_suites.py): reference as for axe/
    SUITES/ibm/*/*.html      a quarter of IBM Equal Access's rule test pages (listed in
                             ibm/pages.txt, written by --make-ibm): reference as for axe/;
                             first measured unseen, opened in the seventh round
    SUITES/ibm2/*/*.html     another quarter of them (--make-ibm2): measured unseen, opened
                             in the eighth round
    SUITES/ibm3/*/*.html     a third quarter (--make-ibm3) and the fourth (--make-ibm4):
    SUITES/ibm4/*/*.html     each measured unseen, then opened in the ninth round
    SUITES/asqa/*/*.html     Asqatasun's RGAA 4.0 test pages (listed in asqa/pages.txt,
                             --make-asqa, see html_suites.py): reference as for axe/;
                             measured unseen, then its three false alarms opened
    SUITES/asqa3/*/*.html    its RGAA 3.0 test pages (--make-asqa3): measured unseen, then
                             opened in the tenth round
    SUITES/asqa22/*/*.html   its RGAA 2.2 test pages (--make-asqa22) and its AccessiWeb 2.2
    SUITES/aw22/*/*.html     ones (--make-aw22): measured unseen, never opened
    SUITES/apg/content/patterns/*/examples/*.html  the W3C ARIA Authoring Practices
                             Guide's example pages (listed in apg/pages.txt, --make-apg):
                             reference as for axe/; measured unseen, never opened
    SUITES/htmlcs/Tests/*/*.html  HTML_CodeSniffer's test pages (--make-htmlcs) and pa11y's
    SUITES/pa11y/test/integration/mock/html/*.html  (--make-pa11y): likewise
    SUITES/pdf-fresh/**.pdf  veraPDF's regression tests, PDF_UA-1: verdict in their Schematron
    SUITES/pdf-dropped/**.pdf  corpus PDF_UA-1 files never on its default branch, and
    SUITES/pdf-old/**.pdf    its earlier versions under the 2020 names (all three written by
                             --make-pdf, see pdf_suites.py; verdicts in <suite>/reference.json)
    SUITES/pdfua-ref/*.pdf   the PDF Association's PDF/UA Reference Suite, as veraPDF's
                             regression tests keep it (--make-pdfua-ref): all conforming, so
                             it counts false alarms; measured unseen (counts only) first
    SUITES/pdf-wcag/**.pdf   the other PDFs of veraPDF's WCAG 2.2 regression tests (also
                             --make-pdfua-ref): verdict by the PDF/UA-1 clauses their
                             expected reports name; measured unseen (counts only) first

The EPUB and HTML references are computed once with the real validators (run here
through ``newsformats.validators``) and cached in ``SUITES/<suite>/reference.json``
(``--refresh`` recomputes them). Each file falls in the "tuned" or "held-out" half
by a hash of its name; rules were tuned looking at the tuned half only.

    python bench/bench_agreement.py /work/suites [--suite ace] [--details]

``--src PATH`` checks with the ``newsformats`` package under PATH (another worktree's
``src``) instead of this one's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _source() -> Path:
    """The ``src`` folder to check with: ``--src PATH`` (read before the imports), or ours."""
    for i, arg in enumerate(sys.argv):
        if arg == "--src" and i + 1 < len(sys.argv):
            return Path(sys.argv[i + 1]).resolve()
        if arg.startswith("--src="):
            return Path(arg.split("=", 1)[1]).resolve()
    return ROOT / "src"


sys.path.insert(0, str(_source()))

from html_suites import ASQA_SUITES, IBM_QUARTERS, LISTED, PAGE_SUITES  # noqa: E402  (bench/, beside this script)

from newsformats.checks.registry import Target  # noqa: E402
from newsformats.checks.runner import check_file  # noqa: E402
from newsformats.validators import ValidatorMessage, no_report  # noqa: E402

SUITES: dict[str, Target] = {
    "verapdf": "pdf",
    "ace": "epub",
    "axe": "html",
    # Suites first measured unseen (before any rule was changed for them); EPUBCheck's
    # fixtures have since been tuned on, so they are split in halves like the others.
    "epubcheck": "epub",
    "act": "html",
    # EPUBCheck's fixtures that the "epubcheck" suite left out (bench/epubcheck_suites.py);
    # first measured unseen, now split in halves: only their tuned half is looked at.
    "epubcheck-extra": "epub",
    "epubcheck-docs": "epub",
    # PDF/UA-1 files with a known verdict that the veraPDF suite does not hold
    # (bench/pdf_suites.py): first measured unseen, then split in halves.
    "pdf-fresh": "pdf",
    "pdf-dropped": "pdf",
    "pdf-old": "pdf",
    # other projects' EPUB 3 books (bench/fresh_suite.py): first measured unseen (counts
    # only), opened on 3 December 2026
    "fresh3": "epub",
    # the GDS accessibility tool audit's test pages (bench/html_suites.py): first measured
    # unseen (counts only), then split in halves: only the tuned half is looked at
    "gds": "html",
    # a quarter of IBM Equal Access's rule test pages (bench/html_suites.py): first
    # measured unseen (counts only), opened on 3 December 2026
    "ibm": "html",
    # more of them, from repositories no other suite used (bench/fresh_suite.py)
    "fresh4": "epub",
    # another, disjoint quarter of the same pages (html_suites.IBM_QUARTERS), made after
    # "ibm" had been used to choose rules: the next unseen HTML figure, never opened
    "ibm2": "html",
    # a third quarter (html_suites.IBM_QUARTERS), made when "ibm2" was to be opened:
    # measured unseen before the eighth round's rules, never opened
    "ibm3": "html",
    # the last quarter, made when "ibm3" was to be opened (its last two false alarms):
    # measured unseen first, never opened
    "ibm4": "html",
    # Asqatasun's RGAA 4.0 test pages (bench/html_suites.py), made when IBM's were all
    # seen: an unseen HTML suite from another source, measured once (counts only)
    "asqa": "html",
    # more books from repositories no other suite used (bench/fresh_suite.py), made when
    # "fresh4" was to be opened: measured unseen before the seventh EPUB round's rules
    "fresh5": "epub",
    # the RGAA 3.0 pages of Asqatasun's repository, made when "asqa" was to be opened (its
    # three false alarms): measured unseen first, opened in the tenth HTML round
    "asqa3": "html",
    # the PDF Association's PDF/UA-1 Reference Suite (bench/pdf_suites.py): every file
    # conforms; made on 3 December 2026 (evening) and measured unseen (counts only) first
    "pdfua-ref": "pdf",
    # the other PDFs of veraPDF's WCAG 2.2 regression tests, judged by the PDF/UA-1 clauses
    # their expected reports name (bench/pdf_suites.py): measured unseen (counts only) first
    "pdf-wcag": "pdf",
    # Asqatasun's RGAA 2.2 and AccessiWeb 2.2 pages, made when "asqa3" was to be opened
    # (its ten false alarms): measured unseen first (counts only), never opened
    "asqa22": "html",
    "aw22": "html",
    # the W3C's ARIA Authoring Practices Guide's example pages (bench/html_suites.py), made
    # with those two as a source of other authorship: measured unseen, never opened
    "apg": "html",
    # the test pages of two accessibility checkers, HTML_CodeSniffer and pa11y (likewise)
    "htmlcs": "html",
    "pa11y": "html",
}
# not split in halves: none of their files was tuned on
UNSEEN = {
    "act", "fresh3", "fresh4", "fresh5", "ibm", "ibm2", "ibm3", "ibm4", "asqa", "asqa3",
    "asqa22", "aw22", "apg", "htmlcs", "pa11y", "pdfua-ref", "pdf-wcag",
}  # fmt: skip
# measured only when named (--suite fresh5), and only its counts: its disagreements are
# never printed, so that nobody who writes rules sees which files we get wrong (fresh3,
# fresh4 and ibm to ibm4 were opened on 3 December 2026, after their unseen figures)
NEVER_OPENED = {"fresh5", "aw22", "htmlcs", "pa11y"}
# the verdict is given with the files (SUITES/<suite>/reference.json), never computed
GIVEN = {"pdf-fresh", "pdf-dropped", "pdf-old", "pdfua-ref", "pdf-wcag"}
# axe-core's integration folders that test its API (options, frames, plug-ins),
# not an accessibility rule: their pages say nothing about pass or fail.
AXE_API_FOLDERS = {
    "all-rules", "async", "configuration", "configure-options", "context", "error-occurred",
    "frame-wait-time", "get-selector", "incomplete", "isolated-env", "jquery",
    "options-parameter", "patch", "plugin", "preload", "preload-cssom", "rerun",
    "run-partial", "serializer", "strict-csp", "umd", "frame-tested",
}  # fmt: skip
FRESH_SUITES = ("fresh3", "fresh4", "fresh5")  # written by bench/fresh_suite.py
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


@dataclass
class Verdict:
    """The reference's and our verdict on one file, with the rules behind them."""

    file: str
    held_out: bool
    reference_fails: bool
    reference_rules: list[str]
    we_fail: bool = False
    our_rules: list[str] = field(default_factory=list)
    crashed: str | None = None


def held_out(name: str) -> bool:
    """Half the files, chosen by a hash of the name, are held out from tuning."""
    return hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 1


def files_of(suite: str, folder: Path) -> list[Path]:
    """The files of one suite, in a stable order."""
    if SUITES[suite] == "pdf":
        return sorted(folder.rglob("*.pdf"))
    if SUITES[suite] == "epub":
        return sorted(folder.glob("*.epub"))
    if suite == "act":
        return sorted(folder.glob("*.html"))
    if suite == "gds":
        return sorted(folder.glob("tests/*.html"))  # not the pages their frames show
    if suite in LISTED:
        listed = (folder / "pages.txt").read_text(encoding="utf-8").splitlines()
        return sorted(folder / name for name in listed)
    pages = []
    for path in sorted(folder.rglob("*.html")):
        parts = path.relative_to(folder).parts
        if "frames" in parts or any(p in AXE_API_FOLDERS for p in parts):
            continue
        pages.append(path)
    return pages


ACT_EXAMPLE = re.compile(
    r"^#### (Passed|Failed|Inapplicable) Example (\d+)\s*$.*?^```html[^\n]*\n(.*?)^```",
    re.MULTILINE | re.DOTALL,
)
ACT_PAGE = (
    '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>ACT test case</title>'
    "</head>\n<body>\n{}\n</body>\n</html>\n"
)


def make_act_pages(rules: Path, out: Path) -> int:
    """Write half of the ACT rules' HTML test cases (``_rules/*.md``), a page each.

    A snippet that is not a whole document is put in a page with a language and a
    title, so that the page's verdict is about the snippet, not about the wrapper.
    """
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for rule_file in sorted(rules.glob("*.md")):
        text = rule_file.read_text(encoding="utf-8")
        for kind, number, code in ACT_EXAMPLE.findall(text):
            page = code if re.search(r"<html[\s>]", code, re.IGNORECASE) else ACT_PAGE.format(code)
            name = f"{rule_file.stem}-{kind.lower()}-{int(number):02d}.html"
            if not held_out(name):
                continue  # half of them (by the same hash), to keep the axe run short
            (out / name).write_text(page, encoding="utf-8")
            count += 1
    return count


def verapdf_reference(path: Path) -> tuple[bool, list[str]]:
    """``7.1-t01-fail-a.pdf`` fails clause 7.1."""
    name = path.stem
    clause = path.name.split("-t")[0]
    return "-fail-" in name, [clause] if "-fail-" in name else []


def computed_references(suite: str, folder: Path, paths: list[Path], refresh: bool) -> dict:
    """Run the real validators once on every file and cache their verdicts."""
    cache = folder / "reference.json"
    known: dict[str, dict] = {}
    if cache.is_file() and not refresh:
        known = json.loads(cache.read_text(encoding="utf-8"))
    missing = [p for p in paths if str(p.relative_to(folder)) not in known]
    if missing:
        print(f"{suite}: running the reference on {len(missing)} files…", file=sys.stderr)
        # EPUBCheck first, all books in one JVM (seconds); then Ace, the slow part
        early = _epubcheck_rules(missing) if SUITES[suite] == "epub" else {}
        # in batches, each saved as it is done: a long run that stops keeps what it did
        for start in range(0, len(missing), REFERENCE_BATCH):
            batch = missing[start : start + REFERENCE_BATCH]
            for path, rules in zip(batch, _run_reference(suite, batch, early), strict=True):
                known[str(path.relative_to(folder))] = {"fails": bool(rules), "rules": rules}
            cache.write_text(json.dumps(known, indent=1, sort_keys=True), encoding="utf-8")
            print(f"{suite}: {start + len(batch)}/{len(missing)} done", file=sys.stderr)
    return known


REFERENCE_BATCH = 16


def _epubcheck_rules(paths: list[Path]) -> dict[Path, set[str]]:
    """EPUBCheck's error and fatal ids for every book, from one JVM.

    A book EPUBCheck gives no answer on within :data:`EPUBCHECK_TIMEOUT` gets
    ``epubcheck/epubcheck-failed`` (no verdict of EPUBCheck's), and a new JVM goes on.
    """
    from newsformats.validators import epubcheck

    rules: dict[Path, set[str]] = {}
    while len(rules) < len(paths):
        with epubcheck.EpubCheckRunner(timeout=EPUBCHECK_TIMEOUT) as runner:
            for path in paths[len(rules) :]:
                start = time.perf_counter()
                try:
                    messages = runner.check(path)
                except TimeoutError as error:
                    print(f"{path}: {error}", file=sys.stderr)
                    rules[path] = {"epubcheck/epubcheck-failed"}
                    break
                took = time.perf_counter() - start
                if took > 60:
                    print(f"{path}: EPUBCheck took {took:.0f} s", file=sys.stderr)
                rules[path] = {
                    f"epubcheck/{m.rule}"
                    for m in messages
                    if m.severity == "error" and not m.rule.endswith("-failed")
                }
    return rules


EPUBCHECK_TIMEOUT = 900.0  # seconds a book: a large book on a loaded machine takes minutes

ACE_TIMEOUT = 300.0  # seconds a page, as newsformats.validators.ace
# seconds one book may take in ace_books.js (both its tries) before it counts as hung
ACE_BOOK_TIMEOUT = 600.0


def ace_many(paths: list[Path], jobs: int = 2) -> list[ValidatorMessage]:
    """Ace's messages on many books: ``jobs`` node processes, each with one Chromium.

    The same checks and report as :func:`newsformats.validators.ace.check_epubs` (one
    ``ace`` process and one browser a book), for about half the CPU (``ace_books.js``).
    A book that gets no answer within :data:`ACE_BOOK_TIMEOUT` is stopped (its node and
    Chromium with it) and the others go on in a new process; it is then run once more
    alone, and if it hangs again it gets ``ace-timeout``: no verdict of Ace's.
    """
    from newsformats.validators import ace

    ace.ensure_available()
    with tempfile.TemporaryDirectory(prefix="bench-ace-") as tmp:
        work = Path(tmp)
        chromium = ace._chromium_wrapper(work)
        books = [(p, work / f"report{i}") for i, p in enumerate(paths)]
        hung: list[Path] = []
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            homes = [work / f"job{job}" for job in range(jobs)]
            logs = list(
                pool.map(lambda j: _ace_job(books[j::jobs], homes[j], chromium, hung), range(jobs))
            )
        for retry, path in enumerate(list(hung)):
            hung.remove(path)
            alone = [b for b in books if b[0] == path]
            logs.append(_ace_job(alone, work / f"alone{retry}", chromium, hung))
        errors = "".join(logs)
        messages: list[ValidatorMessage] = []
        for path, outdir in books:
            if path in hung:
                said = f"Ace gave no answer within {ACE_BOOK_TIMEOUT:.0f} s, twice"
                messages.append(
                    ValidatorMessage(ace.TOOL, str(path), "error", "ace-timeout", said, None)
                )
                continue
            try:
                report = json.loads((outdir / "report.json").read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                messages.append(no_report(ace.TOOL, str(path), "Ace", 1, errors))
                continue
            messages.extend(ace.parse_report(report, str(path)))
        return messages


def _ace_job(books: list[tuple[Path, Path]], home: Path, chromium: Path, hung: list[Path]) -> str:
    """Run ``ace_books.js`` on ``books`` ((book, outdir) pairs); return its stderr.

    Each book must be over (a ``done`` line) within :data:`ACE_BOOK_TIMEOUT`: one that
    is not goes to ``hung``, its process group is killed, and a new one goes on after it.
    """
    from newsformats.validators import ace

    home.mkdir()
    log = home / "stderr.log"
    left = list(books)
    while left:
        jobs = [[str(p.resolve()), str(outdir)] for p, outdir in left]
        (home / "books.json").write_text(json.dumps(jobs), encoding="utf-8")
        command = [
            ace._tools.node(),
            str(ROOT / "bench" / "ace_books.js"),
            str(ace.ace_js().parents[3]),
            str(home / "books.json"),
            str(int(ACE_TIMEOUT * 1000)),
        ]
        env = ace._environment(home, chromium)
        with log.open("a", encoding="utf-8") as stderr:
            process = subprocess.Popen(
                command, cwd=home, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True,
                start_new_session=True,
            )  # fmt: skip
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_pass_lines, args=(process, lines), daemon=True).start()
        done = 0
        while done < len(left):
            try:
                line = lines.get(timeout=ACE_BOOK_TIMEOUT)
            except queue.Empty:
                _stop(process, home)
                print(
                    f"{left[done][0]}: no answer from Ace in {ACE_BOOK_TIMEOUT:.0f} s",
                    file=sys.stderr,
                )
                hung.append(left[done][0])
                done += 1
                break
            if line is None:  # node ended before the book was over: no report for it
                done += 1
                break
            done += line.startswith("done ")
        process.wait()
        left = left[done:]
    return log.read_text(encoding="utf-8", errors="replace")


def _stop(process: subprocess.Popen[str], home: Path) -> None:
    """Kill a hung ``ace_books.js`` and its Chromium, which puppeteer starts in a group of its own.

    Every process of that browser names the job's own folder (its profile and crash
    database are under ``home``): those, and only those, are killed with the node.
    """
    os.killpg(process.pid, signal.SIGKILL)
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if f"{home}{os.sep}".encode() in cmdline.read_bytes():
                os.kill(int(cmdline.parent.name), signal.SIGKILL)
        except (OSError, ValueError):
            continue  # gone meanwhile


def _pass_lines(process: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.put(line)
    lines.put(None)


def _run_reference(
    suite: str, paths: list[Path], epubcheck_rules: dict[Path, set[str]]
) -> Iterator[list[str]]:
    if SUITES[suite] == "epub":
        ace_rules: dict[str, set[str]] = {str(p): set() for p in paths}
        for m in ace_many(paths):
            if m.severity == "error":
                ace_rules[m.file].add(f"ace/{m.rule}")
        for path in paths:
            yield sorted(epubcheck_rules[path] | ace_rules[str(path)])
    else:
        from newsformats.validators import axe

        with axe.AxeRunner() as runner:
            for path in paths:
                try:
                    messages = runner.check(path, WCAG_TAGS)
                except Exception as error:  # a page axe cannot run on has no verdict
                    print(f"{path}: axe failed: {error}", file=sys.stderr)
                    yield ["axe-failed"]
                    continue
                yield sorted({f"axe/{m.rule}" for m in messages})


def set_aside(suite: str) -> set[str]:
    """Our rules a suite's reference does not judge: for ``pdf-wcag``, those that mirror
    only PDF/UA-1 clauses veraPDF's WCAG profiles lack (the identifier, the version)."""
    if suite != "pdf-wcag":
        return set()
    from pdf_suites import WCAG_PROFILE_LACKS

    from newsformats.checks.registry import all_rules

    aside = set()
    for known in all_rules():
        clauses = [m.removeprefix("pdfua/") for m in known.mirrors if m.startswith("pdfua/")]
        if clauses and all(c in WCAG_PROFILE_LACKS for c in clauses):
            aside.add(known.id)
    return aside


def judge(suite: str, folder: Path, refresh: bool) -> list[Verdict]:
    """Both verdicts on every file of one suite."""
    paths = files_of(suite, folder)
    if suite == "verapdf":
        references = {}
    elif suite in GIVEN:
        references = json.loads((folder / "reference.json").read_text(encoding="utf-8"))
        paths = [p for p in paths if str(p.relative_to(folder)) in references]
    else:
        references = computed_references(suite, folder, paths, refresh)
    verdicts = []
    no_verdict: list[str] = []
    aside = set_aside(suite)
    for path in paths:
        name = str(path.relative_to(folder))
        if suite == "verapdf":
            fails, rules = verapdf_reference(path)
        else:
            entry = references[name]
            # A validator that could not run gives no verdict; EPUBCheck's errors still do.
            failed = (
                "axe-failed",
                "ace/ace-failed",
                "ace/ace-timeout",
                "epubcheck/epubcheck-failed",
            )
            rules = [r for r in entry["rules"] if r not in failed]
            if len(rules) < len(entry["rules"]) and not rules:
                no_verdict.append(f"{name} ({', '.join(entry['rules'])})")
                continue
            fails = entry["fails"] if suite in GIVEN else bool(rules)
        verdict = Verdict(name, held_out(name), fails, rules)
        try:
            findings = check_file(SUITES[suite], path)
        except Exception as error:  # counted, never hidden
            verdict.crashed = f"{type(error).__name__}: {error}"
            verdict.we_fail = True
        else:
            errors = [f for f in findings if f.severity == "error" and f.rule not in aside]
            verdict.we_fail = bool(errors)
            verdict.our_rules = sorted({f.rule for f in errors})
            crashed = [f for f in findings if "could not be checked" in f.message]
            if crashed:
                verdict.crashed = crashed[0].message
        verdicts.append(verdict)
    if no_verdict:  # left out, and said: a validator that could not run gives no verdict
        print(f"{suite}: {len(no_verdict)} without a reference verdict, left out:", file=sys.stderr)
        print("\n".join(f"  {entry}" for entry in no_verdict), file=sys.stderr)
    return verdicts


# Ace fails every book without accessibility metadata (most EPUBCheck fixtures have
# none), and so do we: the "metadata aside" row compares the verdicts on the rest.
METADATA_RULES = ("ace/metadata-", "epub-a11y-metadata")


def metadata_aside(verdicts: list[Verdict]) -> list[Verdict]:
    """The verdicts again, without the accessibility-metadata rules on either side."""
    aside = []
    for v in verdicts:
        theirs = [r for r in v.reference_rules if not r.startswith(METADATA_RULES)]
        ours = [r for r in v.our_rules if r not in METADATA_RULES]
        failed = bool(ours) or v.crashed is not None
        copy = Verdict(v.file, v.held_out, bool(theirs), theirs, failed, ours, v.crashed)
        aside.append(copy)
    return aside


def verapdf_view(folder: Path, verdicts: list[Verdict]) -> list[Verdict]:
    """``pdfua-ref``'s verdicts by veraPDF's expected report instead of the PDF Association's.

    The PDF/UA-1 clauses that report fails (``verapdf_ua1`` in ``reference.json``) are the
    reference rules; a file whose report is not known keeps the PDF Association's "pass".
    """
    given = json.loads((folder / "reference.json").read_text(encoding="utf-8"))
    view = []
    for v in verdicts:
        theirs = given[v.file].get("verapdf_ua1") or []
        view.append(Verdict(v.file, v.held_out, bool(theirs), theirs, v.we_fail, v.our_rules))
        view[-1].crashed = v.crashed
    return view


def summary(verdicts: list[Verdict]) -> str:
    """Files, agreement, recall and false alarms as one table row."""
    n = len(verdicts)
    agree = sum(v.we_fail == v.reference_fails for v in verdicts)
    fails = [v for v in verdicts if v.reference_fails]
    passes = [v for v in verdicts if not v.reference_fails]
    recall = sum(v.we_fail for v in fails)
    alarms = sum(v.we_fail for v in passes)
    crashes = sum(v.crashed is not None for v in verdicts)
    pct = 100 * agree / n if n else 0.0
    return f"| {n} | {pct:.1f} % | {recall}/{len(fails)} | {alarms}/{len(passes)} | {crashes} |"


def per_rule(verdicts: list[Verdict]) -> list[str]:
    """For each rule (ours and the reference's): files it fails, and how many agree."""
    ours: Counter[str] = Counter()
    ours_wrong: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    theirs_caught: Counter[str] = Counter()
    for v in verdicts:
        for r in v.our_rules:
            ours[r] += 1
            ours_wrong[r] += not v.reference_fails
        for r in v.reference_rules:
            theirs[r] += 1
            theirs_caught[r] += v.we_fail
    lines = ["| our rule | files failed | of them the reference passes |", "|---|---|---|"]
    lines += [f"| `{r}` | {ours[r]} | {ours_wrong[r]} |" for r in sorted(ours)]
    lines += ["", "| reference rule | files | we fail too |", "|---|---|---|"]
    lines += [f"| `{r}` | {theirs[r]} | {theirs_caught[r]} |" for r in sorted(theirs)]
    return lines


def _apart_from(others: list[Path], folder: Path, verdicts: list[Verdict]) -> list[Verdict]:
    """The verdicts on the pages whose test case no page of the ``others`` suites holds.

    Each of ``others`` is the folder of a suite in :data:`LISTED`, named as the suite.
    """
    from html_suites import case_key

    seen = {case_key(p) for other in others for p in files_of(other.name, other)}
    return [v for v in verdicts if case_key(folder / v.file) not in seen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suites", type=Path, help="folder with verapdf/, ace/, axe/")
    parser.add_argument("--suite", choices=list(SUITES), action="append")
    parser.add_argument("--refresh", action="store_true", help="recompute cached references")
    parser.add_argument("--details", action="store_true", help="list disagreements (tuned half)")
    parser.add_argument("--held-out-details", action="store_true", help="…of the held-out half too")
    parser.add_argument("--rules", action="store_true", help="agreement per rule")
    parser.add_argument(
        "--metadata-aside", action="store_true", help="details of EPUBs without metadata rules"
    )
    parser.add_argument(
        "--make-act", type=Path, metavar="RULES", help="first write SUITES/act from ACT's _rules"
    )
    parser.add_argument(
        "--make-epubcheck-extra",
        type=Path,
        metavar="EPUBCHECK",
        help="first write SUITES/epubcheck-extra and -docs from an EPUBCheck checkout or git dir",
    )
    for fresh in FRESH_SUITES:
        parser.add_argument(
            f"--make-{fresh}",
            action="append",
            metavar="OWNER/NAME=PATH",
            help=f"first write SUITES/{fresh} from these repositories (checkouts or git dirs)",
        )
    parser.add_argument(
        "--make-pdf",
        type=Path,
        nargs=2,
        metavar=("CORPUS", "REGRESSION"),
        help="first write SUITES/pdf-fresh, -dropped and -old from git dirs of veraPDF's "
        "corpus and regression tests",
    )
    parser.add_argument(
        "--make-pdfua-ref",
        type=Path,
        metavar="REGRESSION",
        help="first write SUITES/pdfua-ref and pdf-wcag from a git dir of veraPDF's "
        "regression tests",
    )
    parser.add_argument(
        "--make-gds", type=Path, metavar="PATH", help="first write SUITES/gds (html_suites.py)"
    )
    for made in PAGE_SUITES:
        parser.add_argument(
            f"--make-{made}", type=Path, metavar="PATH", help=f"first write SUITES/{made}"
        )
    for ibm in IBM_QUARTERS:
        parser.add_argument(
            f"--make-{ibm}", type=Path, metavar="PATH", help=f"first write SUITES/{ibm}"
        )
    for asqa in ASQA_SUITES:
        parser.add_argument(
            f"--make-{asqa}", type=Path, metavar="PATH", help=f"first write SUITES/{asqa}"
        )
    parser.add_argument(
        "--apart-from",
        type=Path,
        action="append",
        metavar="FOLDER",
        help="also count the pages whose test case (html_suites.case_key) is in no page of "
        "these suites (folders of listed HTML suites, such as SUITES/asqa3)",
    )
    parser.add_argument("--src", type=Path, help="check with the newsformats package under SRC")
    args = parser.parse_args()
    if args.make_act:
        written = make_act_pages(args.make_act, args.suites / "act")
        print(f"act: {written} test case pages written", file=sys.stderr)
    if args.make_gds:
        from html_suites import make_gds

        print(f"gds: {make_gds(args.make_gds, args.suites)} pages written", file=sys.stderr)
    for made in PAGE_SUITES:
        if source := getattr(args, f"make_{made}"):
            from html_suites import make_pages

            written = make_pages(source, args.suites, made)
            print(f"{made}: {written} pages written", file=sys.stderr)
    for ibm in IBM_QUARTERS:
        if source := getattr(args, f"make_{ibm}"):
            from html_suites import make_ibm

            written = make_ibm(source, args.suites, ibm)
            print(f"{ibm}: {written} pages written", file=sys.stderr)
    for asqa in ASQA_SUITES:
        if source := getattr(args, f"make_{asqa}"):
            from html_suites import make_asqa

            written = make_asqa(source, args.suites, asqa)
            print(f"{asqa}: {written} pages written", file=sys.stderr)
    if args.make_epubcheck_extra:
        from epubcheck_suites import make_suites

        for name, count in make_suites(args.make_epubcheck_extra, args.suites).items():
            print(f"{name}: {count} books written", file=sys.stderr)
    for fresh in FRESH_SUITES:
        if made_from := getattr(args, f"make_{fresh}"):
            from fresh_suite import make_fresh

            sources = {repo: Path(path) for repo, path in (a.split("=", 1) for a in made_from)}
            for repo, count in make_fresh(fresh, sources, args.suites).items():
                print(f"{fresh}: {count} books from {repo}", file=sys.stderr)
    if args.make_pdf:
        from pdf_suites import make_pdf_suites

        for name, count in make_pdf_suites(*args.make_pdf, args.suites).items():
            print(f"{name}: {count} files written", file=sys.stderr)
    if args.make_pdfua_ref:
        from pdf_suites import reference_suite

        written, lost = reference_suite(args.make_pdfua_ref, args.suites)
        print(f"pdfua-ref: {written} files written; not in the git dir: {lost}", file=sys.stderr)
        from pdf_suites import wcag_suite

        print(
            f"pdf-wcag: {wcag_suite(args.make_pdfua_ref, args.suites)} files written",
            file=sys.stderr,
        )
    import newsformats

    print(f"checking with {Path(newsformats.__file__).parent}", file=sys.stderr)
    table = [
        "| suite | half | files | agreement | recall | false alarms | crashes |",
        "|---|---|---|---|---|---|---|",
    ]
    rule_tables: list[str] = []
    for suite in args.suite or [s for s in SUITES if s not in NEVER_OPENED]:
        folder = args.suites / suite
        if not folder.is_dir():
            print(f"{folder}: missing, skipped", file=sys.stderr)
            continue
        start = time.perf_counter()
        verdicts = judge(suite, folder, args.refresh)
        elapsed = time.perf_counter() - start
        halves = [
            ("tuned", [v for v in verdicts if not v.held_out]),
            ("held-out", [v for v in verdicts if v.held_out]),
            ("all", verdicts),
        ]
        if SUITES[suite] == "epub":
            aside = metadata_aside(verdicts)
            halves += [
                ("tuned, metadata aside", [v for v in aside if not v.held_out]),
                ("held-out, metadata aside", [v for v in aside if v.held_out]),
                ("all, metadata aside", aside),
            ]
        if suite == "pdfua-ref":
            halves.append(("all, veraPDF's report", verapdf_view(folder, verdicts)))
        for half, chosen in halves:
            if suite in UNSEEN and not half.startswith("all"):
                continue
            table.append(f"| {suite} | {half} " + summary(chosen))
        print(f"{suite}: {len(verdicts)} files checked in {elapsed:.1f} s", file=sys.stderr)
        if args.apart_from:  # the pages whose case no page of those suites holds
            apart = _apart_from(args.apart_from, folder, verdicts)
            label = f"apart from {'/'.join(p.name for p in args.apart_from)}'s cases"
            table.append(f"| {suite} | all, {label} " + summary(apart))
            if args.rules:
                rule_tables += ["", f"### {suite}, {label}", "", *per_rule(apart)]
        if args.rules:
            rule_tables += ["", f"### {suite}", "", *per_rule(verdicts)]
            if SUITES[suite] == "epub":
                aside_rules = per_rule(metadata_aside(verdicts))
                rule_tables += ["", f"### {suite}, metadata aside", "", *aside_rules]
            if suite == "pdfua-ref":
                by_verapdf = per_rule(verapdf_view(folder, verdicts))
                rule_tables += ["", f"### {suite}, veraPDF's report", "", *by_verapdf]
        for v in verdicts:
            show = args.held_out_details if v.held_out or suite in UNSEEN else args.details
            show = show and suite not in NEVER_OPENED
            if args.metadata_aside and SUITES[suite] == "epub":
                v = metadata_aside([v])[0]
            if show and (v.we_fail != v.reference_fails or v.crashed):
                kind = "missed" if v.reference_fails and not v.we_fail else "false alarm"
                if v.we_fail == v.reference_fails:
                    kind = "crash"
                print(
                    f"{suite} {kind}: {v.file}: reference {v.reference_rules} ours {v.our_rules}"
                    + (f" crash {v.crashed}" if v.crashed else "")
                )
    print("\n".join(table + rule_tables))


if __name__ == "__main__":
    main()
