"""The W3C Nu HTML Checker (vnu.jar): HTML5 and XHTML conformance.

All files go to one ``java -jar vnu.jar`` run, so one JVM start (about 1.5 s)
is shared by every file. vnu picks the parser from the file name: ``.xhtml``
and ``.xht`` are parsed as XML (XHTML), ``.html``/``.htm`` as HTML.
(``--also-check-css`` is not used: in vnu 26.9.27 it shifts every reported
line number of HTML files up by one.)
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from newsformats.validators import Severity, ValidatorMessage, _tools

TOOL = "nu"
VNU_JAR = "node_modules/vnu-jar/build/dist/vnu.jar"


def vnu_jar() -> Path:
    """Return the path of ``vnu.jar`` or raise :class:`ValidatorUnavailable`."""
    return _tools.tool_file(VNU_JAR, "the Nu HTML Checker (npm vnu-jar)")


def ensure_available() -> None:
    """Raise :class:`ValidatorUnavailable` unless java and vnu.jar are here."""
    _tools.java()
    vnu_jar()


def check_html(paths: Sequence[Path], *, timeout: float = 600.0) -> list[ValidatorMessage]:
    """Check HTML and XHTML files with one Nu run; return every message.

    Errors, warnings and info messages are all returned (as ``error``,
    ``warning`` and ``info``). Raises ``FileNotFoundError`` for a missing
    input and :class:`ValidatorUnavailable` when the checker is missing.
    """
    if not paths:
        return []
    for path in paths:
        if not Path(path).is_file():
            raise FileNotFoundError(path)
    command = [
        _tools.java(),
        "-jar",
        str(vnu_jar()),
        "--format",
        "json",
        "--stdout",
        "--exit-zero-always",
        *(str(Path(p).resolve()) for p in paths),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(
            f"vnu gave no JSON report (exit {done.returncode}): {done.stderr.strip()[:2000]}"
        ) from exc
    return parse_report(report, paths)


def _severity(entry: dict[str, Any]) -> Severity:
    kind = entry.get("type")
    if kind == "info":
        return "warning" if entry.get("subType") == "warning" else "info"
    return "error"  # "error" (incl. subType "fatal") and "non-document-error"


def _location(entry: dict[str, Any]) -> str | None:
    line = entry.get("firstLine", entry.get("lastLine"))
    column = entry.get("firstColumn", entry.get("lastColumn"))
    if line is None:
        return None
    return f"{line}:{column}" if column is not None else str(line)


def parse_report(report: dict[str, Any], paths: Sequence[Path]) -> list[ValidatorMessage]:
    """Turn vnu's ``--format json`` report into messages naming the given paths."""
    by_resolved = {str(Path(p).resolve()): str(p) for p in paths}
    messages: list[ValidatorMessage] = []
    for entry in report.get("messages", []):
        url = str(entry.get("url", ""))
        local = unquote(urlparse(url).path) if url.startswith("file:") else url
        rule = str(entry.get("subType") or entry.get("type") or "error")
        messages.append(
            ValidatorMessage(
                tool=TOOL,
                file=by_resolved.get(local, local),
                severity=_severity(entry),
                rule=rule,
                message=str(entry.get("message", "")),
                location=_location(entry),
            )
        )
    return messages
