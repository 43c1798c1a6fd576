"""Three PDF/UA-1 suites with known verdicts that the ``verapdf`` suite does not hold.

Made from git directories (read with ``git``, no work tree needed) of two veraPDF
repositories:

``pdf-fresh``: veraPDF's own regression tests (``veraPDF-regression-tests``,
``PDF_UA-1/*/*.pdf``). Each file has a Schematron beside it that veraPDF's test run
checks its report against; its ``@isCompliant`` assertion is the verdict, and the
clauses it names (``@clause = '7.1'``) are the reference rules.

``pdf-dropped``: test files of the veraPDF corpus's ``PDF_UA-1`` folder, on any
branch or pull request, whose path never was in the default branch (test cases
proposed and not merged, or deleted or renamed since). The verdict is in the name
(``-pass-``/``-fail-``), as for the corpus.

``pdf-old``: the corpus's earlier file versions under the naming of 2020
(``7.1-t01_fail.pdf``, ``7.18.1-t02_a_pass.pdf``), replaced since by the files of
the default branch: the same test cases, other bytes. Verdict in the name.

``pdfua-ref``: the PDF Association's PDF/UA Reference Suite (``PDFUA-Ref-2-*.pdf``)
and its "PDF/UA in a Nutshell" (``PDFUA-in-a-Nutshell-PDFUA.pdf``), which the
regression tests keep (``WCAG_2_2/``, earlier ``WCAG-21/``) to test veraPDF's WCAG
profile. The PDF Association publishes them as examples of conforming PDF/UA-1
files: every verdict is "pass", so the suite counts false alarms only. Their
Schematrons assert the result of veraPDF's WCAG 2.2 profile, which holds PDF/UA-1's
machine rules beside WCAG's: the PDF/UA-1 clauses among the failed rules they expect
(``7.1``, ``7.18.1``; WCAG's criteria are ``1.x`` to ``4.x``) are kept in
``reference.json`` as ``verapdf_ua1``, veraPDF's own verdict, which the bench reports
in a second row (``verapdf_wcag`` is the profile's whole result). A file
whose blob the git directory lacks (a shallow or partial mirror) is listed under
``missing`` in ``reference.json``.

``pdf-wcag``: the other PDFs of the regression tests' ``WCAG_2_2/`` folder (real-world
documents, files of veraPDF's WCAG issues). veraPDF's WCAG 2.2 profiles hold 96 of
PDF/UA-1's 106 machine rules; the PDF/UA-1 clauses among the failed rules each
Schematron expects are the verdict: a file fails PDF/UA-1 (as far as those 96 rules
go) when it lists one. The profiles lack clause 5 (the identifier), 6.1 (the version)
and 7.4.2, so the bench sets aside our rules that mirror only those
(``WCAG_PROFILE_LACKS``); they also lack tests 7.18.5-2 and 7.21.4.2-1 of clauses they
keep. A file whose Schematron expects a failure and names no rule has no verdict and
is left out (listed under ``left_out`` in ``reference.json``).

Each folder gets a ``reference.json`` (file: verdict, clauses, where it came
from) and the licence of its source (the corpus: CC BY 4.0, stated in its README;
the regression tests: CC0, ``LICENSE``).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

ASSERT_COMPLIANT = re.compile(r"@isCompliant\s*=\s*'(true|false)'")
ASSERT_CLAUSE = re.compile(r"@clause\s*=\s*'([^']+)'")
UA1 = "PDF_UA-1/"


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True
    ).stdout


def _tree(git_dir: Path, ref: str) -> dict[str, str]:
    """Path -> blob of every file under ``PDF_UA-1`` at ``ref``."""
    return _tree_of(git_dir, UA1, ref)


def _tree_of(git_dir: Path, folder: str, ref: str = "HEAD") -> dict[str, str]:
    """Path -> blob of every file under ``folder`` at ``ref``."""
    listing = _git(git_dir, "ls-tree", "-r", "-z", ref, "--", folder).decode("utf-8")
    files = {}
    for entry in filter(None, listing.split("\0")):
        meta, path = entry.split("\t", 1)
        files[path] = meta.split()[2]
    return files


def _copy(git_dir: Path, blob: str, out: Path, path: str) -> str:
    """Write the blob of ``PDF_UA-1/…/x.pdf`` to ``out/…/x.pdf``; returns ``…/x.pdf``."""
    relative = path[len(UA1) :]
    target = out / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_git(git_dir, "cat-file", "blob", blob))
    return relative


def name_verdict(name: str) -> bool | None:
    """``True`` if a corpus file name says fail, ``False`` if pass, ``None`` if neither."""
    words = set(re.split(r"[-_.]", name.lower()))
    if "fail" in words:
        return True
    return False if "pass" in words else None


def _clause(name: str) -> str:
    return re.split(r"-t\d", name)[0]


def corpus_suites(corpus: Path, suites: Path) -> dict[str, int]:
    """Write ``pdf-dropped`` and ``pdf-old`` from a git directory of the veraPDF corpus."""
    seen = _tree(corpus, "HEAD")
    seen_blobs = set(seen.values())
    refs = _git(corpus, "for-each-ref", "--sort=-committerdate", "--format=%(refname)")
    chosen: dict[str, tuple[str, str]] = {}  # path -> (blob, ref), newest ref first
    for ref in refs.decode("utf-8").split():
        for path, blob in _tree(corpus, ref).items():
            if path in seen or blob in seen_blobs or path in chosen:
                continue
            chosen[path] = (blob, ref)
            seen_blobs.add(blob)  # the same bytes under two names count once
    counts = {}
    for suite, old in (("pdf-dropped", False), ("pdf-old", True)):
        out = suites / suite
        out.mkdir(parents=True, exist_ok=True)
        reference = {}
        for path, (blob, ref) in sorted(chosen.items()):
            name = path.rsplit("/", 1)[1]
            fails = name_verdict(name)
            old_naming = "-pass-" not in name and "-fail-" not in name
            if fails is None or old_naming != old or not name.endswith(".pdf"):
                continue
            relative = _copy(corpus, blob, out, path)
            reference[relative] = {
                "fails": fails,
                "rules": [_clause(name)] if fails else [],
                "source": f"veraPDF-corpus {ref} {blob[:10]}",
            }
        (out / "reference.json").write_text(json.dumps(reference, indent=1, sort_keys=True))
        (out / "LICENSE.md").write_text(
            "Files from https://github.com/veraPDF/veraPDF-corpus, licensed under the "
            "Creative Commons Attribution 4.0 International licence (CC BY 4.0), "
            "https://creativecommons.org/licenses/by/4.0/ (as its README states).\n"
        )
        counts[suite] = len(reference)
    return counts


def regression_suite(regression: Path, suites: Path) -> int:
    """Write ``pdf-fresh`` from a git directory of veraPDF's regression tests."""
    out = suites / "pdf-fresh"
    out.mkdir(parents=True, exist_ok=True)
    files = _tree(regression, "HEAD")
    reference = {}
    for path, blob in sorted(files.items()):
        if not path.endswith(".pdf"):
            continue
        schematron = files.get(path[: -len(".pdf")] + ".sch")
        if schematron is None:
            continue
        rules = _git(regression, "cat-file", "blob", schematron).decode("utf-8")
        compliant = ASSERT_COMPLIANT.search(rules)
        if compliant is None:
            continue
        fails = compliant.group(1) == "false"
        relative = _copy(regression, blob, out, path)
        reference[relative] = {
            "fails": fails,
            "rules": sorted(set(ASSERT_CLAUSE.findall(rules))) if fails else [],
            "source": f"veraPDF-regression-tests {schematron[:10]}",
        }
    (out / "reference.json").write_text(json.dumps(reference, indent=1, sort_keys=True))
    (out / "LICENSE").write_bytes(_git(regression, "show", "HEAD:LICENSE"))
    return len(reference)


ASSERT_RULE = re.compile(r"@clause\s*=\s*'([^']+)'\s*and\s*@testNumber")
UA1_CLAUSE = re.compile(r"^[5-7](\.\d+)*$")  # ISO 14289-1's clauses; WCAG's are 1.x-4.x
REFERENCE_SUITE = re.compile(r"^WCAG[-_][0-9_-]+/(PDFUA-[^/]+)\.pdf$")


def _has_blob(git_dir: Path, blob: str) -> bool:
    found = subprocess.run(
        ["git", f"--git-dir={git_dir}", "cat-file", "-e", blob], capture_output=True
    )
    return found.returncode == 0


def reference_suite(regression: Path, suites: Path) -> tuple[int, list[str]]:
    """Write ``pdfua-ref`` from a git directory of veraPDF's regression tests.

    Every ref is read, newest first, for the Reference Suite's files under any of the
    WCAG folders; each name is taken once, from the newest ref whose blob is present.
    Returns how many files were written and the names whose bytes were nowhere.
    """
    out = suites / "pdfua-ref"
    out.mkdir(parents=True, exist_ok=True)
    refs = _git(regression, "for-each-ref", "--sort=-committerdate", "--format=%(refname)")
    chosen: dict[str, tuple[str, str, str]] = {}  # name -> (path, blob, ref)
    missing: set[str] = set()
    for ref in ["HEAD", *refs.decode("utf-8").split()]:
        listing = _git(regression, "ls-tree", "-r", "-z", ref).decode("utf-8")
        for entry in filter(None, listing.split("\0")):
            meta, path = entry.split("\t", 1)
            found = REFERENCE_SUITE.match(path)
            if found is None or found.group(1) in chosen:
                continue
            blob = meta.split()[2]
            if not _has_blob(regression, blob):
                missing.add(found.group(1))
                continue
            chosen[found.group(1)] = (path, blob, ref)
    reference: dict[str, object] = {}
    for name, (path, blob, ref) in sorted(chosen.items()):
        (out / f"{name}.pdf").write_bytes(_git(regression, "cat-file", "blob", blob))
        wcag, ua1 = None, None
        try:
            rules = _git(regression, "show", f"{ref}:{path[: -len('.pdf')]}.sch").decode()
        except subprocess.CalledProcessError:
            rules = ""
        if compliant := ASSERT_COMPLIANT.search(rules):
            wcag = compliant.group(1) == "true"
            ua1 = sorted({c for c in ASSERT_RULE.findall(rules) if UA1_CLAUSE.match(c)})
        reference[f"{name}.pdf"] = {
            "fails": False,
            "rules": [],
            "source": f"PDF Association PDF/UA Reference Suite, via veraPDF-regression-tests "
            f"{ref} {path} {blob[:10]}",
            "verapdf_wcag": wcag,
            "verapdf_ua1": ua1,
        }
    lost = sorted(missing - set(chosen))
    (out / "reference.json").write_text(
        json.dumps({**reference, "missing": lost}, indent=1, sort_keys=True)
    )
    (out / "LICENSE").write_bytes(_git(regression, "show", "HEAD:LICENSE"))
    (out / "NOTICE.md").write_text(
        "PDF/UA Reference Suite files of the PDF Association (https://pdfa.org/resource/"
        "pdfua-reference-suite/), as kept in https://github.com/veraPDF/veraPDF-regression-"
        "tests (whose LICENSE, CC0 1.0, is beside this notice). The PDF Association "
        "publishes them as conforming PDF/UA-1 examples; their copyright stays with it.\n"
    )
    return len(reference), lost


WCAG_FOLDER = "WCAG_2_2/"
# PDF/UA-1 clauses none of whose tests veraPDF's WCAG-2-2-Machine and -Complete profiles
# hold (veraPDF-validation-profiles 6f2a87f, PDF_UA/PDFUA-1.xml against them)
WCAG_PROFILE_LACKS = ("5", "6.1", "7.4.2")


def wcag_suite(regression: Path, suites: Path) -> int:
    """Write ``pdf-wcag`` from a git directory of veraPDF's regression tests."""
    out = suites / "pdf-wcag"
    out.mkdir(parents=True, exist_ok=True)
    files = _tree_of(regression, WCAG_FOLDER)
    reference: dict[str, object] = {}
    left_out: dict[str, str] = {}
    for path, blob in sorted(files.items()):
        relative = path[len(WCAG_FOLDER) :]
        if not path.endswith(".pdf") or REFERENCE_SUITE.match(path):
            continue  # the Reference Suite's files are pdfua-ref
        schematron = files.get(path[: -len(".pdf")] + ".sch")
        rules = _git(regression, "cat-file", "blob", schematron).decode() if schematron else ""
        compliant = ASSERT_COMPLIANT.search(rules)
        listed = sorted(set(ASSERT_RULE.findall(rules)))
        if compliant is None:
            left_out[relative] = "no Schematron with @isCompliant"
        elif compliant.group(1) == "false" and not listed:
            left_out[relative] = "expected to fail, no rule named"
        elif not _has_blob(regression, blob):
            left_out[relative] = "blob not in the git dir"
        if relative in left_out:
            continue
        ua1 = [c for c in listed if UA1_CLAUSE.match(c)]
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_git(regression, "cat-file", "blob", blob))
        reference[relative] = {
            "fails": bool(ua1),
            "rules": ua1,
            "wcag_rules": [c for c in listed if c not in ua1],
            "source": f"veraPDF-regression-tests HEAD {schematron} {blob[:10]}",
        }
    (out / "reference.json").write_text(
        json.dumps({**reference, "left_out": left_out}, indent=1, sort_keys=True)
    )
    (out / "LICENSE").write_bytes(_git(regression, "show", "HEAD:LICENSE"))
    return len(reference)


def make_pdf_suites(corpus: Path, regression: Path, suites: Path) -> dict[str, int]:
    """Write the three suites; returns how many files each holds."""
    counts = corpus_suites(corpus, suites)
    counts["pdf-fresh"] = regression_suite(regression, suites)
    return counts
