"""``convert --lang TAG``: the language of inputs that name none (issue 11, seventh run)."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html

from helpers import DATA, run_cli

AP_AGATE = DATA / "inputs" / "agencies-seventh" / "ap-table-nitf.xml"  # names no language
FERRY = DATA / "inputs" / "nitf" / "ferry-strike.xml"  # baselang="en-GB"


def page_language(path: Path) -> str | None:
    return lxml.html.parse(str(path)).getroot().get("lang")


def test_without_lang_an_input_of_names_and_figures_is_refused_naming_the_option(
    tmp_path: Path,
) -> None:
    scores = tmp_path / "scores.xml"
    scores.write_text(
        "<nitf><body><body.head><hedline><hl1>Scores</hl1></hedline></body.head><body.content>"
        "<p>Ohtani, Los Angeles, 31; Gallo, Texas, 21; Olson, Oakland, 20.</p>"
        "</body.content></body></nitf>",
        encoding="utf-8",
    )
    run = run_cli("convert", scores, "-o", tmp_path / "out", "--to", "html")
    assert run.code == 2
    assert run.stderr.strip().endswith("names and figures only); give it with --lang")
    run = run_cli("convert", scores, "-o", tmp_path / "out", "--to", "html", "--lang", "en")
    assert run.code == 0, run.stderr
    assert page_language(tmp_path / "out" / "scores.html") == "en"


def test_lang_gives_the_language_of_an_input_that_names_none(tmp_path: Path) -> None:
    run = run_cli("convert", AP_AGATE, "-o", tmp_path, "--to", "html", "--lang", "en")
    assert run.code == 0, run.stderr
    assert page_language(tmp_path / "ap-table-nitf.html") == "en"


def test_the_language_an_input_names_wins_over_lang(tmp_path: Path) -> None:
    run = run_cli(
        "convert", FERRY, AP_AGATE, "-o", tmp_path, "--to", "html", "--lang", "fr", "-j", "1"
    )
    assert run.code == 0, run.stderr
    assert page_language(tmp_path / "ferry-strike.html") == "en-GB"
    assert page_language(tmp_path / "ap-table-nitf.html") == "fr"


def test_a_bad_lang_is_one_line_and_exit_2(tmp_path: Path) -> None:
    run = run_cli("convert", AP_AGATE, "-o", tmp_path, "--to", "html", "--lang", "English")
    assert run.code == 2
    assert run.stderr.strip() == (
        "newsformats: the language told for the inputs (--lang): 'English' is not a BCP 47 "
        "language tag in the IANA registry (did you mean 'en'?)"
    )
    assert not list(tmp_path.iterdir())


def test_another_lang_converts_again_what_is_otherwise_unchanged(tmp_path: Path) -> None:
    def status(*lang: str) -> str:
        run = run_cli("convert", AP_AGATE, "-o", tmp_path, "--to", "html", "--json", *lang)
        return str(json.loads(run.stdout.splitlines()[0])["status"])

    assert status("--lang", "en") == "converted"
    assert status("--lang", "en") == "skipped"
    assert status("--lang", "en-US") == "converted"
    assert page_language(tmp_path / "ap-table-nitf.html") == "en-US"


def test_explain_reads_scraped_text_in_the_told_language(tmp_path: Path) -> None:
    page = DATA / "en-no-caption-no-credit.txt"
    run = run_cli("convert", page, "-o", tmp_path, "--to", "html", "--explain", "--lang", "en-GB")
    assert run.code == 0, run.stderr
    assert f"{page}: language en-GB" in run.stdout.splitlines()
