"""The tenth acceptance run's NewsML-G2 details (docs/inputs.md, "Tenth acceptance run").

dpa's item (a trimmed copy, see the folder's NOTICE) writes its kicker as a second
``headline`` of rank 3 and its closing line of desk codes as an ``edNote``; APA's items
(``apa-shaped-hafen.xml``, written here in their shape) repeat the subtitle headline as
the body's ``h2``.
"""

from __future__ import annotations

from pathlib import Path

from helpers import DATA, paragraph_texts, read_quietly
from newsformats.model import Subheading, plain_text

AGENCIES = DATA / "inputs" / "agencies-tenth"
SUBTITLE = "Volles Ufer beim Auftakt - Auch die Schiffsparade fuhr heute zum ersten Mal"


def test_dpa_s_rank_3_headline_is_the_kicker() -> None:
    (article,), _ = read_quietly(AGENCIES / "dpa-deepseek.xml")
    assert article.headline == "DeepSeek-Schock aus China: Zeichen für KI-Zeitenwende?"
    assert article.kicker == "Künstliche Intelligenz"


def test_dpa_s_closing_line_of_desk_codes_is_no_editor_s_note() -> None:
    (article,), told = read_quietly(AGENCIES / "dpa-deepseek.xml")
    notes = [plain_text(n.text) for n in article.notes]
    assert notes and not any("yyon" in n for n in notes)
    assert any("close the wire copy" in t for t in told)
    assert not any("Sokolow (San Jose)" in n for n in notes)


def test_a_note_ending_in_a_colon_is_one_with_the_notes_it_lists() -> None:
    (article,), _ = read_quietly(AGENCIES / "dpa-deepseek.xml")
    notes = [plain_text(n.text) for n in article.notes]
    assert (
        "Zu diesem Text finden Sie Bilder mit folgendem Titel im dpa Bildangebot: "
        "DeepSeek - Chinesisches KI-Start-up schockiert die Börse; Nvidia"
    ) in notes
    assert "Nvidia" not in notes and "Foto Archiv" in notes  # another role: its own note


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = (AGENCIES / "apa-shaped-hafen.xml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "item.xml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_subtitle_that_is_the_whole_body_is_shown_once() -> None:
    (article,), _ = read_quietly(AGENCIES / "apa-shaped-hafen.xml")
    assert article.standfirst is None
    assert paragraph_texts(article) == [SUBTITLE]
    assert not any(isinstance(b, Subheading) for b in article.body)
    assert [plain_text(n.text) for n in article.notes] == [
        "frei für Mittwochausgaben",
        "Fotos vom Hafenfest sind im Bildarchiv abrufbar",
    ]  # "Schluss", the end mark (role closing), is the desk's


def test_a_subtitle_repeated_before_the_text_is_dropped_from_the_body(tmp_path: Path) -> None:
    text = "Am Donauufer drängten sich am Dienstagabend tausende Besucher."
    path = _variant(tmp_path, "</h2>", f"</h2><p>{text}</p>")
    (article,), _ = read_quietly(path)
    assert plain_text(article.standfirst or []) == SUBTITLE
    assert paragraph_texts(article) == [text]
    assert not any(isinstance(b, Subheading) for b in article.body)


def test_a_kicker_by_its_role_and_no_kicker_from_a_sentence(tmp_path: Path) -> None:
    kicker = '<headline role="exhltype:kicker">Stadtleben</headline>'
    path = _variant(tmp_path, "<creditline>", f"{kicker}<creditline>")
    (article,), _ = read_quietly(path)
    assert article.kicker == "Stadtleben"
    assert article.headline == "Hafenfest in Linz: Tausende am ersten Abend"
    # A lower-ranked headline that is a sentence is another headline, not a kicker.
    other = '<headline rank="2">Die Stadt feiert ihr Ufer mit einem Fest für alle.</headline>'
    (article,), _ = read_quietly(_variant(tmp_path, "<creditline>", f"{other}<creditline>"))
    assert article.kicker is None
