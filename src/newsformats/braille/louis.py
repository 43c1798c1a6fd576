"""liblouis through ctypes: forward and backward translation to Unicode braille.

Debian's ``liblouis20`` gives the library and ``liblouis-data`` the tables;
``python3-louis`` lives in Debian's dist-packages, which a virtual environment
does not see, so the four functions needed are bound here directly.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache

from ..errors import EngineError

LIBRARY = "liblouis.so.20"
INSTALL = "apt-get install liblouis20 liblouis-data"
# liblouis translation modes: forward, dot patterns out as Unicode braille (U+2800…);
# backward, Unicode braille in (dotsIO there would also make the print side dots).
DOTS_IO = 0x04
UC_BRL = 0x40
MODES = {"lou_translateString": DOTS_IO | UC_BRL, "lou_backTranslateString": UC_BRL}
LOG_OFF = 60000


@lru_cache(maxsize=1)
def _library() -> ctypes.CDLL:
    name = ctypes.util.find_library("louis") or LIBRARY
    try:
        library = ctypes.CDLL(name)
    except OSError:
        raise EngineError(f"liblouis is not installed ({INSTALL})") from None
    library.lou_version.restype = ctypes.c_char_p
    library.lou_charSize.restype = ctypes.c_int
    library.lou_checkTable.argtypes = [ctypes.c_char_p]
    library.lou_setLogLevel.argtypes = [ctypes.c_int]
    library.lou_setLogLevel(LOG_OFF)  # a missing table is our one-line message, not its log
    return library


def version() -> str:
    """The liblouis version, e.g. ``'3.24.0'``."""
    return str(_library().lou_version().decode("ascii"))


@lru_cache(maxsize=64)
def table_exists(table: str) -> bool:
    """Whether liblouis can load ``table`` (a file name in its table folder).

    >>> table_exists("en-ueb-g2.ctb"), table_exists("no-such-table.ctb")
    (True, False)
    """
    return bool(_library().lou_checkTable(table.encode("utf-8")))


def translate(table: str, text: str) -> str:
    """Translate print ``text`` into Unicode braille with ``table``.

    >>> translate("en-ueb-g2.ctb", "the cat")
    '⠮⠀⠉⠁⠞'
    """
    return _run("lou_translateString", table, text)


def back_translate(table: str, braille: str) -> str:
    """Translate Unicode braille back into print with ``table``.

    >>> back_translate("en-ueb-g2.ctb", "⠮⠀⠉⠁⠞")
    'the cat'
    """
    return _run("lou_backTranslateString", table, braille)


def _run(function: str, table: str, text: str) -> str:
    library = _library()
    if not text:
        return ""
    if not table_exists(table):
        raise EngineError(f"liblouis has no table {table!r} ({INSTALL})")
    char = ctypes.c_uint32 if library.lou_charSize() == 4 else ctypes.c_uint16
    source = (char * len(text))(*(ord(c) for c in text))
    size = 4 * len(text) + 64
    while True:
        inlen = ctypes.c_int(len(text))
        outlen = ctypes.c_int(size)
        target = (char * size)()
        done = getattr(library, function)(
            table.encode("utf-8"),
            source,
            ctypes.byref(inlen),
            target,
            ctypes.byref(outlen),
            None,
            None,
            MODES[function],
        )
        if not done:
            raise EngineError(f"liblouis could not translate with {table!r}")
        if inlen.value >= len(text) or size > 64 * len(text):
            return "".join(chr(target[i]) for i in range(outlen.value))
        size *= 2
