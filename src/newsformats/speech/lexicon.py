"""Pronunciation lexicon: how to say words the engine gets wrong, applied to speech only.

Built-in entries spell out the initialisms of the news (CSTO, SCO, TASS…); a
user file adds or overrides entries. Two file formats are read:

- W3C PLS 1.0 (``<lexicon><lexeme><grapheme>SCO</grapheme><alias>S C O</alias>``);
- YAML: ``{language: en, entries: {SCO: S C O}}`` or a plain ``{SCO: S C O}`` map.

Entries match whole words, case-sensitively. The transcript and the document
keep the written form; only the engine hears the alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import InputError
from ..language import primary_language
from ..safe_xml import safe_xml_parser

PLS_NAMESPACE = "http://www.w3.org/2005/01/pronunciation-lexicon"
MAX_LEXICON_BYTES = 2 * 1024 * 1024

# Initialisms said letter by letter.
_SPELLED = "CSTO SCO TASS AFP CEC WMO EU UN UNHCR NGO OSCE IMF BBC CIS FSB KGB GDP CEO"
_BUILT_IN: dict[str, dict[str, str]] = {
    "en": {
        **{word: " ".join(word) for word in _SPELLED.split()},
        "U.S.": "U S",
        "U.S": "U S",
        "U.K.": "U K",
        "COVID-19": "covid nineteen",
        "RFE/RL": "R F E, R L",
        "Reuters": "Royters",
    },
    "ru": {"COVID-19": "ковид девятнадцать", "ОДКБ": "О Д К Б", "ШОС": "шос"},
}


@dataclass(frozen=True)
class Lexicon:
    """Written forms and what to say instead, for one language."""

    entries: dict[str, str] = field(default_factory=dict)

    def apply(self, text: str) -> str:
        """Replace every entry that stands as a whole word in ``text``.

        >>> Lexicon({"SCO": "S C O"}).apply("The SCO met; SCOTLAND did not.")
        'The S C O met; SCOTLAND did not.'
        """
        if not self.entries:
            return text
        return _pattern(tuple(sorted(self.entries, key=len, reverse=True))).sub(
            lambda match: self.entries[match.group()], text
        )

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon with ``other``'s entries added and taking precedence."""
        return Lexicon({**self.entries, **other.entries})


def built_in_lexicon(language: str) -> Lexicon:
    """The entries newsformats ships for a language.

    >>> built_in_lexicon("en").apply("CSTO and TASS")
    'C S T O and T A S S'
    """
    return Lexicon(dict(_BUILT_IN.get(primary_language(language), {})))


def lexicon_for(language: str, user_file: Path | None = None) -> Lexicon:
    """The built-in lexicon of ``language`` with a user file's entries on top."""
    lexicon = built_in_lexicon(language)
    if user_file is not None:
        lexicon = lexicon.merged(read_lexicon(user_file, language))
    return lexicon


def read_lexicon(path: Path, language: str) -> Lexicon:
    """Read a PLS or YAML lexicon, keeping the entries for ``language`` (or for any)."""
    try:
        if path.stat().st_size > MAX_LEXICON_BYTES:
            raise InputError("the lexicon is larger than 2 MiB", file=path)
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the lexicon ({error.strerror})", file=path) from None
    if path.suffix.lower() in (".pls", ".xml") or data.lstrip().startswith(b"<"):
        return _read_pls(data, path, language)
    return _read_yaml(data, path, language)


def _read_pls(data: bytes, path: Path, language: str) -> Lexicon:
    parser = safe_xml_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.position[0] if error.position else None
        raise InputError(
            f"not a well-formed PLS lexicon: {error.msg}", file=path, line=line
        ) from None
    if etree.QName(root).localname != "lexicon":
        raise InputError("a PLS lexicon's root element is <lexicon>", file=path)
    lexicon_language = root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lexicon_language and not _same_language(lexicon_language, language):
        return Lexicon()
    entries: dict[str, str] = {}
    for lexeme in root.iter(f"{{{PLS_NAMESPACE}}}lexeme", "lexeme"):
        alias = _child_text(lexeme, "alias")
        if not alias:
            continue  # phoneme-only entries need an engine that reads IPA; skipped
        for grapheme in _children(lexeme, "grapheme"):
            if grapheme.text and grapheme.text.strip():
                entries[grapheme.text.strip()] = alias
    return Lexicon(entries)


def _read_yaml(data: bytes, path: Path, language: str) -> Lexicon:
    import yaml

    from ..safe_yaml import NoAliasLoader

    try:
        loaded: Any = yaml.load(data, NoAliasLoader)  # safe, and no aliases
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError(f"not a valid YAML lexicon: {problem}", file=path, line=line) from None
    if not isinstance(loaded, dict):
        raise InputError("a YAML lexicon is a mapping of words to what to say", file=path)
    if "entries" in loaded:
        if loaded.get("language") and not _same_language(str(loaded["language"]), language):
            return Lexicon()
        loaded = loaded["entries"]
        if not isinstance(loaded, dict):
            raise InputError("'entries' must map words to what to say", file=path)
    entries = {str(k).strip(): str(v).strip() for k, v in loaded.items() if str(v).strip()}
    return Lexicon(entries)


def _same_language(a: str, b: str) -> bool:
    return primary_language(a) == primary_language(b)


def _children(parent: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in parent if isinstance(c.tag, str) and etree.QName(c).localname == name]


def _child_text(parent: etree._Element, name: str) -> str:
    for child in _children(parent, name):
        if child.text and child.text.strip():
            return " ".join(child.text.split())
    return ""


@lru_cache(maxsize=32)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w]|\.\w)")
