"""Decoding input bytes: UTF-8, BOMs, legacy code pages, refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsformats.errors import InputError
from newsformats.readers.source import decode

FOLDER = Path(".")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Лидеры стран Центральной Азии обсудили положение в Афганистане.", "cp1251"),
        ("رهبران روسيه و کشورهاي آسياي مرکزي در پايتخت تاجيکستان گفتگو کردند.", "cp1256"),
        ("Le président français a déclaré à Paris que la réunion était importante.", "cp1252"),
    ],
)
def test_legacy_code_pages_are_decoded(text: str, encoding: str) -> None:
    source = decode(text.encode(encoding), name="x.txt", folder=FOLDER)
    assert source.text == text
    assert source.encoding == encoding


def test_byte_order_marks() -> None:
    assert decode(codecs.BOM_UTF8 + b"Hello", name="x", folder=FOLDER).text == "Hello"
    assert decode("Привет".encode("utf-16"), name="x", folder=FOLDER).text == "Привет"


def test_windows_line_endings_are_normalised() -> None:
    assert decode(b"a\r\n\r\nb\rc", name="x", folder=FOLDER).text == "a\n\nb\nc"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"abc\x00def", "NUL"),
        (b"\x01\x02\x03" * 50, "control"),
    ],
)
def test_refusals(data: bytes, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        decode(data, name="x.txt", folder=FOLDER)
