"""Bytes in, text out: size limits, binary detection and encoding detection."""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

MAX_INPUT_BYTES = 8 * 1024 * 1024
COMMON_LEGACY = ["cp1252", "cp1251", "cp1256", "koi8_r", "cp1250", "iso8859_1", "iso8859_15"]


XML_DECLARATION = re.compile(
    rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']"""
)
# White space before the XML declaration (a feed script's stray newline) makes the file
# not well-formed, though nothing else is wrong with it: parsers are given it without.
SPACE_BEFORE_DECLARATION = re.compile(rb"\A(\xef\xbb\xbf)?[ \t\r\n]+(?=<\?xml[ \t\r\n])")


@dataclass(frozen=True)
class Source:
    """An input's decoded text and raw bytes, with its name (for messages) and folder.

    XML readers parse ``data`` so that the file's own encoding declaration wins;
    every other reader reads ``text``. ``default_language`` is the language the
    user told for inputs that name none (``--lang``); a language the input names wins.
    """

    name: str
    text: str
    folder: Path
    path: Path | None = None
    encoding: str = "utf-8"
    data: bytes = b""
    allow_network: bool = False
    default_language: str | None = None
    allowed_dirs: tuple[Path, ...] = ()
    """Folders besides ``folder`` whose files the caller lets be read (``--allow-path``)."""

    @property
    def xml_data(self) -> bytes:
        """The bytes an XML parser reads: the file's own, unless their encoding was detected.

        A file that declares its encoding, starts with a byte order mark or is UTF-8 is
        parsed as it is, so its declaration wins. One in a legacy encoding with no
        declaration (a Latin-1 feed) is not well-formed XML as it stands, and libxml2
        versions differ in what they make of it: it is given as the text this module
        decoded, in UTF-8.

        White space before the XML declaration is left out.

        >>> Source("x", "<a>é</a>", Path("."), encoding="cp1252", data=b"<a>\\xe9</a>").xml_data
        b'<a>\\xc3\\xa9</a>'
        >>> Source("x", "", Path("."), data=b"\\n<?xml version='1.0'?><a/>").xml_data
        b"<?xml version='1.0'?><a/>"
        """
        if not self.data:
            data = self.text.encode("utf-8")
        elif self.encoding in ("utf-8", "utf-8-sig", "utf-16") or XML_DECLARATION.match(self.data):
            data = self.data
        else:
            data = self.text.encode("utf-8")
        return SPACE_BEFORE_DECLARATION.sub(rb"\1", data, count=1)

    def error(self, message: str, line: int | None = None, column: int | None = None) -> InputError:
        """An :class:`InputError` that names this input and, if given, the place in it."""
        return InputError(message, file=self.name, line=line, column=column)


def open_source(path: str | Path) -> Source:
    """Read ``path`` (or standard input for ``-``) as text.

    Refuses files that are empty, too large, binary, or in an encoding that
    cannot be recognised; legacy 8-bit encodings (cp1251, cp1256…) are detected.
    """
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        return decode(data, name="<stdin>", folder=Path.cwd())
    file = Path(path)
    name = str(path)
    try:
        if not file.is_file():
            raise InputError("no such file" if not file.exists() else "not a file", file=name)
        if file.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(f"larger than {MAX_INPUT_BYTES // 2**20} MiB", file=name)
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror or error})", file=name) from None
    return decode(data, name=name, folder=file.resolve().parent, path=file)


# At most one NUL byte in this many is a stray in a text file (a saved page), not binary.
STRAY_NUL_BYTES = 1000


# Documents someone may hand over as "the article", told by their first bytes.
SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (an EPUB, a Word or OpenDocument file…)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"ID3", "an MP3 file"),
)


def decode(data: bytes, *, name: str, folder: Path, path: Path | None = None) -> Source:
    """Decode input bytes, refusing what is not text."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"larger than {MAX_INPUT_BYTES // 2**20} MiB", file=name)
    if not data.strip():
        raise InputError("the file is empty", file=name)
    kind = next((what for magic, what in SIGNATURES if data.startswith(magic)), None)
    if kind is not None:
        raise InputError(
            f"{kind}, not an article's text; newsformats reads HTML pages, NewsML-G2, NITF, "
            "RSS/Atom, ninjs, its own JSON/YAML, Markdown and plain text",
            file=name,
        )
    declared = XML_DECLARATION.match(data[:200])
    text, encoding = _decode_declared(data, declared.group(1), name) if declared else ("", "")
    if not encoding:
        text, encoding = _decode(data, name)
    _refuse_binary(text, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Composed (NFC), as the language packs' words are written: a page whose tone marks
    # are decomposed (Yoruba "á" as "a" and U+0301) still matches them.
    text = unicodedata.normalize("NFC", text)
    return Source(name=name, text=text, folder=folder, path=path, encoding=encoding, data=data)


def _decode_declared(data: bytes, declared: bytes, name: str) -> tuple[str, str]:
    """Decode XML in the encoding its declaration names (unknown names: detect instead)."""
    try:
        encoding = codecs.lookup(declared.decode("ascii")).name
    except LookupError:
        return "", ""
    try:
        return data.decode("utf-8-sig" if encoding == "utf-8" else encoding), encoding
    except UnicodeDecodeError as error:
        raise InputError(
            f"not valid {declared.decode('ascii')} (as its XML declaration says) "
            f"at byte {error.start}",
            file=name,
        ) from None


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputError(f"invalid {encoding} at byte {error.start}", file=name) from None
    if data.count(b"\x00") > len(data) // STRAY_NUL_BYTES:
        raise InputError("binary data, not text (it contains NUL bytes)", file=name)
    data = data.replace(b"\x00", b"")  # a few stray NULs in a saved page are no binary file
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is None or best.chaos > 0.2:
        raise InputError(
            f"not UTF-8 (bad byte at offset {utf8_error.start}) and no other encoding fits; "
            "save it as UTF-8",
            file=name,
        )
    # Short texts often fit several code pages equally well; prefer the common ones. In
    # markup, coherence measures the tags' language (a Latin-1 Portuguese feed reads as
    # "English" in cp1257): there, every code page that decodes without chaos ties.
    markup = data.lstrip().startswith(b"<")
    tied = [
        m
        for m in matches
        if m.chaos <= best.chaos and (markup or m.coherence >= best.coherence - 0.02)
    ]
    tied.sort(key=lambda m: COMMON_LEGACY.index(m.encoding) if m.encoding in COMMON_LEGACY else 99)
    chosen = tied[0] if tied else best
    return str(chosen), chosen.encoding


def _refuse_binary(text: str, name: str) -> None:
    sample = text[:65536]
    controls = sum(
        1
        for ch in sample
        if unicodedata.category(ch) in ("Cc", "Cs")  # not "Co": icon fonts' private use
        and ch not in "\n\r\t\f"
        and not "\x80" <= ch <= "\x9f"  # C1: Windows-1252 text saved twice, not binary
    )
    if controls > max(4, len(sample) // 200):
        raise InputError("binary data, not text (it is full of control characters)", file=name)
