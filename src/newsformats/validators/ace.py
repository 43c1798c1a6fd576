"""Ace by DAISY (npm ``@daisy/ace-cli``): EPUB accessibility checks.

Ace runs axe-core on every content document in headless Chromium and checks
the package's accessibility metadata. It runs through puppeteer on Debian's
Chromium (``PUPPETEER_EXECUTABLE_PATH``; no browser is ever downloaded), one
``ace`` process per EPUB, two at a time (this machine has 2 cores). Ace aborts
every http(s) request of the pages it checks, and its Chromium gets the
no-network flags of :data:`newsformats.validators._tools.CHROMIUM_FLAGS`.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from newsformats.validators import ValidatorMessage, _tools, no_report
from newsformats.validators.axe import impact_severity

TOOL = "ace"
ACE_JS = "node_modules/@daisy/ace-cli/bin/ace.js"


def ace_js() -> Path:
    """Return the Ace command-line script or raise :class:`ValidatorUnavailable`."""
    return _tools.tool_file(ACE_JS, "Ace by DAISY (npm @daisy/ace-cli)")


def ensure_available() -> None:
    """Raise :class:`ValidatorUnavailable` unless node, Chromium and Ace are here."""
    _tools.node()
    _tools.chromium()
    ace_js()


def _chromium_wrapper(directory: Path) -> Path:
    """Write a script that starts Debian's Chromium with our no-network flags.

    Ace launches Chromium with only ``--no-sandbox``; puppeteer adds a fresh
    profile and ``--disable-background-networking`` etc., and this wrapper
    adds the rest (``--disable-component-update``, ``--disable-quic``, ...).
    """
    command = shlex.join([_tools.chromium(), *_tools.CHROMIUM_FLAGS])
    wrapper = directory / "chromium"
    wrapper.write_text(f'#!/bin/sh\nexec {command} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return wrapper


def _environment(home: Path, chromium: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "PUPPETEER_EXECUTABLE_PATH": str(chromium),
            "PUPPETEER_SKIP_DOWNLOAD": "1",
            "PUPPETEER_TMP_DIR": str(home),
            # Ace keeps its config and logs under the XDG folders: use fresh ones
            # so a user's Ace settings cannot change what gets checked.
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
        }
    )
    return env


def _run_one(epub: Path, workdir: Path, index: int, timeout: float) -> list[ValidatorMessage]:
    home = workdir / f"run{index}"
    outdir = home / "report"
    home.mkdir()
    command = [
        _tools.node(),
        str(ace_js()),
        "--outdir",
        str(outdir),
        "--force",
        "--silent",
        "--timeout",
        str(int(timeout * 1000)),
        str(Path(epub).resolve()),
    ]
    env = _environment(home, workdir / "chromium")
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=home,
        timeout=timeout + 60,
        check=False,
    )
    try:
        report = json.loads((outdir / "report.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return [no_report(TOOL, str(epub), "Ace", done.returncode, done.stderr + done.stdout)]
    return parse_report(report, str(epub))


def check_epubs(
    paths: Sequence[Path], *, jobs: int = 2, timeout: float = 300.0
) -> list[ValidatorMessage]:
    """Check EPUBs with Ace; return one message per failed assertion.

    ``jobs`` Ace processes run at once; ``timeout`` (seconds) bounds each.
    Messages come back in the order of ``paths``.
    """
    if not paths:
        return []
    ensure_available()
    for path in paths:
        if not Path(path).is_file():
            raise FileNotFoundError(path)
    with tempfile.TemporaryDirectory(prefix="newsformats-ace-") as tmp:
        workdir = Path(tmp)
        _chromium_wrapper(workdir)
        with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(paths)))) as pool:
            results = pool.map(
                lambda item: _run_one(item[1], workdir, item[0], timeout), enumerate(paths)
            )
            return [message for result in results for message in result]


def _location(document: str | None, pointer: dict[str, Any] | None) -> str | None:
    selectors = [str(s) for s in (pointer or {}).get("css") or []]
    if document and selectors:
        return f"{document}: {' '.join(selectors)}"
    return document or (" ".join(selectors) or None)


def parse_report(report: dict[str, Any], file: str) -> list[ValidatorMessage]:
    """Turn Ace's ``report.json`` into messages, one per failed assertion.

    A report whose overall outcome is ``fail`` always gives at least one message.
    """
    messages: list[ValidatorMessage] = []
    for document in report.get("assertions", []):
        url = (document.get("earl:testSubject") or {}).get("url")
        for assertion in document.get("assertions", []):
            result = assertion.get("earl:result") or {}
            if result.get("earl:outcome") != "fail":
                continue
            test = assertion.get("earl:test") or {}
            description = " ".join(str(result.get("dct:description", "")).split())
            help_text = (test.get("help") or {}).get("dct:description") or test.get(
                "dct:description", ""
            )
            messages.append(
                ValidatorMessage(
                    tool=TOOL,
                    file=file,
                    severity=impact_severity(test.get("earl:impact")),
                    rule=str(test.get("dct:title", "")),
                    message=f"{help_text}: {description}" if help_text else description,
                    location=_location(url, result.get("earl:pointer")),
                )
            )
    outcome = (report.get("earl:result") or {}).get("earl:outcome")
    if outcome == "fail" and not messages:
        messages.append(
            ValidatorMessage(
                tool=TOOL,
                file=file,
                severity="error",
                rule="ace-fail",
                message="Ace reports an overall 'fail' without a failed assertion",
                location=None,
            )
        )
    return messages
