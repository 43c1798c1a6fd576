"""The language model, unpacked once into the cache folder and mapped from there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from newsformats import language
from newsformats.language import _mapped_identifier, _unpacked_model

DATA = Path(__file__).resolve().parent.parent / "data"
TEXTS = [
    (DATA / "ru-summit.txt").read_text(encoding="utf-8"),
    (DATA / "fa-summit.txt").read_text(encoding="utf-8"),
    "Russia and its Central Asian allies have launched two days of talks in Dushanbe.",
    "Les dirigeants se sont réunis mardi pour parler de la sécurité régionale.",
]
PACKED = Path(MODEL_DIR) / MODEL_FILE


def test_the_mapped_model_says_what_the_packed_one_says(tmp_path: Path) -> None:
    folder = _unpacked_model(PACKED, tmp_path)
    mapped = _mapped_identifier(folder, LanguageIdentifier)
    packed = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in TEXTS:
        assert mapped.classify(text) == packed.classify(text)
        assert mapped.rank(text)[:5] == packed.rank(text)[:5]


def test_the_model_is_unpacked_once_and_old_ones_removed(tmp_path: Path) -> None:
    stale = tmp_path / "model-1-2"
    stale.mkdir()
    folder = _unpacked_model(PACKED, tmp_path)
    made = (folder / "ptc.npy").stat().st_mtime_ns
    assert _unpacked_model(PACKED, tmp_path) == folder
    assert (folder / "ptc.npy").stat().st_mtime_ns == made
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders")
def test_without_a_usable_cache_folder_the_packed_model_is_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp_path.chmod(0o500)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    language._identifier.cache_clear()
    try:
        assert language.detect_language(TEXTS[0]) == "ru"
    finally:
        language._identifier.cache_clear()
        tmp_path.chmod(0o700)
    assert not (tmp_path / "newsformats").exists()


def test_a_cache_folder_that_is_a_file_falls_back_to_the_packed_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "newsformats").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    language._identifier.cache_clear()
    try:
        assert language.detect_language(TEXTS[0]) == "ru"
        assert not isinstance(language._identifier().tk_nextmove, memoryview)  # not mapped
    finally:
        language._identifier.cache_clear()


def test_a_damaged_unpacked_model_is_not_used_and_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = _unpacked_model(PACKED, tmp_path / "newsformats" / "langid")
    (folder / "ptc.npy").write_bytes(b"not an array")
    language._identifier.cache_clear()
    try:
        assert language.detect_language(TEXTS[0]) == "ru"
        assert not folder.exists()
        language._identifier.cache_clear()
        assert language.detect_language(TEXTS[0]) == "ru"
        assert isinstance(language._identifier().tk_nextmove, memoryview)
        assert (folder / "ptc.npy").stat().st_size > 1_000_000
    finally:
        language._identifier.cache_clear()
