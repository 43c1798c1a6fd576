"""The pronunciation lexicon: built-in initialisms, user files in PLS and YAML, speech only."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsformats.errors import InputError
from newsformats.model import Article
from newsformats.speech.lexicon import Lexicon, built_in_lexicon, lexicon_for, read_lexicon
from newsformats.speech.script import build_script


def test_built_in_lexicon_spells_out_the_news_initialisms() -> None:
    said = built_in_lexicon("en").apply("The CSTO and SCO met, TASS said, after COVID-19.")
    assert said == "The C S T O and S C O met, T A S S said, after covid nineteen."


def test_entries_match_whole_words_only() -> None:
    lexicon = Lexicon({"SCO": "S C O"})
    assert lexicon.apply("SCOTLAND, SCO's, the SCO.") == "SCOTLAND, S C O's, the S C O."


def test_yaml_lexicon_adds_and_overrides_entries(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text("language: en\nentries:\n  Toqaev: To kai yev\n  SCO: shanghai group\n")
    lexicon = lexicon_for("en", path)
    assert lexicon.apply("Toqaev and the SCO") == "To kai yev and the shanghai group"
    assert lexicon.apply("CSTO") == "C S T O"  # built-in entries stay


def test_plain_yaml_mapping_is_a_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "words.yml"
    path.write_text("Rahmon: Rach mon\n")
    assert read_lexicon(path, "en").apply("Rahmon said") == "Rach mon said"


def test_pls_lexicon_aliases_are_read(tmp_path: Path) -> None:
    path = tmp_path / "names.pls"
    path.write_text(
        '<?xml version="1.0"?>\n'
        '<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"'
        ' alphabet="ipa" xml:lang="en">'
        "<lexeme><grapheme>Japarov</grapheme><grapheme>Zhaparov</grapheme>"
        "<alias>Ja pa rov</alias></lexeme>"
        "<lexeme><grapheme>Zas</grapheme><phoneme>zas</phoneme></lexeme>"
        "</lexicon>"
    )
    lexicon = read_lexicon(path, "en")
    assert lexicon.entries == {"Japarov": "Ja pa rov", "Zhaparov": "Ja pa rov"}


def test_pls_lexicon_for_another_language_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "ru.pls"
    path.write_text(
        '<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"'
        ' alphabet="ipa" xml:lang="ru"><lexeme><grapheme>SCO</grapheme><alias>ШОС</alias>'
        "</lexeme></lexicon>"
    )
    assert read_lexicon(path, "en").entries == {}


def test_pls_lexicon_with_an_entity_bomb_is_refused_safely(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pls"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE lexicon [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<lexicon xmlns="http://www.w3.org/2005/01/pronunciation-lexicon">'
        "<lexeme><grapheme>X</grapheme><alias>&b;</alias></lexeme></lexicon>"
    )
    entries = read_lexicon(path, "en").entries
    assert "aaaaaaaaaa" not in "".join(entries.values())


@pytest.mark.parametrize(
    ("name", "content"),
    [("bad.pls", "<lexicon><lexeme>"), ("bad.yaml", "a: [unclosed"), ("list.yaml", "- a\n- b\n")],
)
def test_a_broken_lexicon_is_one_clear_error(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError) as caught:
        read_lexicon(path, "en")
    assert name in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_yaml_lexicon_with_aliases_is_refused(tmp_path: Path) -> None:
    """Aliases could expand a small file into a huge one ("billion laughs")."""
    path = tmp_path / "laughs.yaml"
    path.write_text('a: &a "lol"\nb: [*a, *a, *a]\n')
    with pytest.raises(InputError, match="aliases"):
        read_lexicon(path, "en")


def test_lexicon_changes_what_is_spoken_not_what_is_shown() -> None:
    article = Article(headline="CSTO Summit", language="en", body=["The SCO met."])
    script = build_script(article)
    assert [u.text for u in script.utterances] == ["CSTO Summit", "The SCO met."]
    assert [u.spoken for u in script.utterances] == ["C S T O Summit", "The S C O met."]
