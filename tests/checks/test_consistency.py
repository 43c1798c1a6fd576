"""An article's outputs say the same thing: a planted mismatch is found, clean outputs pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import newsformats
from helpers import DATA, EXAMPLES, run_cli
from newsformats import check
from newsformats.checks.loaders.outputs import (
    OutputSet,
    Rendition,
    contains,
    pdf_text,
    words_of,
)
from newsformats.checks.rules.consistency import first_difference, headline
from newsformats.notes import collecting_notes

STEM = "csto-sco-afghanistan"
ORIGINAL = "three more sets of military maneuvers"
PLANTED = "three more sets of naval maneuvers"


def consistency(report: newsformats.checks.CheckReport) -> list[newsformats.checks.Finding]:
    return [f for f in report.findings if f.rule.startswith("consistency-")]


def test_clean_outputs_agree(project_outputs: Path) -> None:
    report = check([project_outputs], select=["consistency"])
    assert consistency(report) == []
    assert len(report.files) >= 4


@pytest.fixture(scope="module")
def planted(project_outputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clean HTML page beside a PDF made by the real writer from a changed article."""
    source = tmp_path_factory.mktemp("changed-source")
    for path in EXAMPLES.glob(f"{STEM}.*"):
        shutil.copy(path, source / path.name)
    text = (source / f"{STEM}.txt").read_text(encoding="utf-8")
    assert ORIGINAL in text
    (source / f"{STEM}.txt").write_text(text.replace(ORIGINAL, PLANTED), encoding="utf-8")
    changed = tmp_path_factory.mktemp("changed-out")
    article = newsformats.read(source / f"{STEM}.txt")
    newsformats.convert(article, changed, ["pdf"], stem=STEM, source_dir=source)
    folder = tmp_path_factory.mktemp("planted")
    for path in project_outputs.glob(f"{STEM}*"):
        if path.suffix in (".html", ".jpg", ".png", ".css", ".epub"):
            shutil.copy(path, folder / path.name)
    shutil.copy(changed / f"{STEM}.pdf", folder / f"{STEM}.pdf")
    return folder


def test_planted_pdf_mismatch_is_found(planted: Path) -> None:
    found = consistency(check([planted], select=["consistency"]))
    assert [f.rule for f in found] == ["consistency-text"], found
    message = found[0].message
    assert f"{STEM}.html" in message and f"{STEM}.pdf" in message  # names both files
    assert "military maneuvers" in message and "naval maneuvers" in message  # and the passage


def test_planted_mismatch_fails_the_cli(planted: Path) -> None:
    run = run_cli("check", planted, "--select", "consistency")
    assert run.code == 1 and "consistency-text" in run.stdout


def test_consistency_flag_compares_files_with_other_stems(planted: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "other-name.pdf"
    shutil.copy(planted / f"{STEM}.pdf", renamed)
    page = planted / f"{STEM}.html"
    assert consistency(check([page, renamed], select=["consistency"])) == []
    together = check([page, renamed], select=["consistency"], together=True)
    assert [f.rule for f in consistency(together)] == ["consistency-text"]


def test_headline_language_and_alt_mismatches(project_outputs: Path, tmp_path: Path) -> None:
    page = (project_outputs / f"{STEM}.html").read_text(encoding="utf-8")
    epub = project_outputs / f"{STEM}.epub"
    shutil.copy(epub, tmp_path / f"{STEM}.epub")
    changed = page.replace('lang="en"', 'lang="ru"', 1)
    alt_start = changed.index('alt="') + len('alt="')
    changed = changed[:alt_start] + "A different picture, " + changed[alt_start:]
    (tmp_path / f"{STEM}.html").write_text(changed, encoding="utf-8")
    rules = {f.rule for f in consistency(check([tmp_path], select=["consistency"]))}
    assert {"consistency-language", "consistency-alt-text"} <= rules


def test_letters_in_order_not_sets_of_words() -> None:
    # The lam-alef kind of error: the same letters, in another order, in one word.
    assert first_difference(words_of("ولایت بالاتر"), words_of("والیت بالاتر")) is not None
    assert first_difference(words_of("a b c"), words_of("a x b c")) is None
    assert first_difference(words_of("a b c"), words_of("c b a")) is not None


def test_a_line_break_and_a_dash_between_numbers_separate_words(tmp_path: Path) -> None:
    # Wire copy wraps its lines with <br/> ("the <br />fire", AAP), and a PDF line may end
    # at the dash of a score ("103–90", STT): the same words in every format.
    long = "The vote passed 103–90 after a long debate in the chamber on Tuesday. " * 12
    article = newsformats.Article.from_data(
        {
            "headline": "Fire crews hold the line",
            "language": "en",
            "body": [
                {
                    "type": "paragraph",
                    "content": ["Crews say the", {"type": "line-break"}, "fire is out."],
                },
                {"type": "paragraph", "content": [long]},
            ],
        }
    )
    newsformats.convert(article, tmp_path, ["html", "pdf"], stem="wire")
    assert "the<br" in (tmp_path / "wire.html").read_text(encoding="utf-8")
    assert consistency(check([tmp_path], select=["consistency"])) == []


def test_a_short_right_to_left_subheading_keeps_its_place_in_the_pdf_text(tmp_path: Path) -> None:
    # pdfminer's column guess moved a right-aligned Arabic subheading after the paragraphs.
    source = DATA / "scraped" / "ar-tariikh.txt"
    with collecting_notes():
        article = newsformats.read(source)
    newsformats.convert(article, tmp_path, ["html", "pdf"], stem="ar", source_dir=source.parent)
    assert consistency(check([tmp_path], select=["consistency"])) == []


def test_a_headline_wrapped_inside_a_token_is_the_same_headline() -> None:
    title = "Kaspersky Mobile Security 8.0 release v.8.0.51 - Обновление"
    page = Rendition("a.html", "HTML", headline=title, words=words_of(title))
    wrapped = "Kaspersky Mobile Security 8.0 release v.\n8.0.51 - Обновление\nText."
    pdf = Rendition("a.pdf", "PDF", words=words_of(wrapped))
    assert list(headline(OutputSet("a", [page, pdf]))) == []
    other = Rendition("b.pdf", "PDF", words=words_of("Kaspersky Mobile Security 9.0\nText."))
    assert len(list(headline(OutputSet("a", [page, other])))) == 1


def test_a_markdown_footnote_reference_is_compared_alike_everywhere(tmp_path: Path) -> None:
    """The page shows "Lincoln¹" (lincoln1), the transcript reads "Lincoln": before, an error."""
    source = tmp_path / "notes.md"
    source.write_text(
        "---\nlanguage: en\n---\n# Lincoln Notes\n\n"
        "The president was Abraham Lincoln[^1]. Anyhow the app was new.\n\n"
        "[^1]: Sixteenth president.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    newsformats.convert(newsformats.read(source), out, ["html", "pdf", "audio"], stem="notes")
    assert 'role="doc-noteref"' in (out / "notes.html").read_text(encoding="utf-8")
    assert consistency(check([out], select=["consistency"])) == []


def test_a_url_cut_at_a_line_end_and_a_latin_run_in_rtl_text_match() -> None:
    url = ["see", "httpswwwbusinesswirecomnewshome20241205994409en", "hatchimals"]
    assert (
        first_difference(
            url, ["see", "https", "wwwbusinesswirecomnewshome20241205994409en", "hatchimals"]
        )
        is None
    )
    assert first_difference(["gmt0400", "دمشق"], ["0400gmt", "دمشق"]) is None
    # Still different: a changed number, a dropped word whose letters hide in another.
    assert first_difference(["gmt0400"], ["gmt0500"]) is not None
    assert first_difference(["the", "cat", "sat"], ["the", "category", "sat"]) is not None


def test_a_right_to_left_line_with_a_link_is_one_line_in_the_pdf_text(tmp_path: Path) -> None:
    # A link inside an Arabic line is drawn as a run of its own: pdfminer gave the line in
    # three pieces and put its left piece before the line above (CNN Arabic's page).
    sentence = (
        "وقال مراسلنا في المدينة، وهو صحفي مستقل يعمل هناك منذ سنوات، إن عمال البلدية "
        "والدفاع المدني (الإطفاء) وعدة فرق أخرى أصلحوا الطرق في منطقة الوادي بريف المدينة. "
    )
    link = {"type": "link", "href": "https://example.org/a", "children": ["جسور حديثة"]}
    text = [sentence * 2 + "أصلح العمال ثلاثة ", link, " بالقرب من قرية صغيرة. " + sentence]
    article = newsformats.Article.from_data(
        {
            "headline": "عمال البلدية يصلحون الجسور",
            "language": "ar",
            "body": [{"type": "paragraph", "content": text}],
        }
    )
    newsformats.convert(article, tmp_path, ["html", "pdf"], stem="ar")
    assert consistency(check([tmp_path], select=["consistency"])) == []
    words = words_of(pdf_text(tmp_path / "ar.pdf"))
    assert contains(words, words_of("أصلح العمال ثلاثة جسور حديثة بالقرب من قرية صغيرة"))


def test_an_ampersand_in_the_headline_is_the_same_in_the_transcript(tmp_path: Path) -> None:
    # WebVTT escapes "&" as "&amp;" in cue text; read as written, Dong-A's "[CEO&]" headline
    # was "ceoamp" in the transcript (sixth run: consistency-headline error).
    article = newsformats.Article.from_data(
        {
            "headline": "[CEO&]Leaders <meet> at R&D fair",
            "language": "en",
            "body": ["Leaders of two firms met on Thursday to talk about research."],
        }
    )
    newsformats.convert(article, tmp_path, ["html", "audio"], stem="amp")
    assert "[CEO&amp;]" in (tmp_path / "amp.vtt").read_text(encoding="utf-8")
    assert consistency(check([tmp_path], select=["consistency"])) == []
