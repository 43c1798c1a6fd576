"""A small conversion loads only what it uses (the cold start, docs/performance.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers import DATA, EXAMPLE_TXT, EXAMPLES, ROOT

# A JSON input gives its dates as text, which pydantic converts.
EXAMPLE_JSON = EXAMPLES / "heatwave-update.json"

# Runs the real command in a fresh interpreter, then reports what it imported and
# whether it read the plug-ins' entry points (its own, and pydantic's: pydantic binds
# ``entry_points`` when its plug-in loader is first imported, at its first validation).
PROBE = """
import importlib.metadata, json, sys
from newsformats import plugins
from newsformats.cli import main
groups = []
def entry_points(_read=importlib.metadata.entry_points, **selection):
    groups.append(selection.get("group"))
    return _read(**selection)
importlib.metadata.entry_points = entry_points
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules), "groups": groups,
                  "scans": plugins.installed.cache_info().currsize}))
"""

# Formats, checks and engines an HTML page does not need, the IANA registry
# (langcodes), which a language with a pack does not need, what only a publisher's
# theme needs (its TOML settings, its fragments' sanitiser and parser), and pydantic,
# which input already in the model's shapes does not need (typed.py).
NOT_FOR_HTML = (
    "tomllib",
    "nh3",
    "lxml.html",
    "weasyprint",
    "pydyf",
    "ebooklib",
    "langcodes",
    "py3langid",
    "newsformats.pdf",
    "newsformats.epub",
    "newsformats.speech",
    "newsformats.checks",
    "newsformats.writers.pdf",
    "newsformats.writers.epub",
    "newsformats.writers.audio",
    "pydantic",
    "pydantic_core",
)


def _probe(*args: str | Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, args)],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    report: dict[str, object] = json.loads(done.stdout.decode().splitlines()[-1])
    assert report["code"] == 0
    return report


def _loaded(report: dict[str, object], prefix: str) -> list[str]:
    modules = report["modules"]
    assert isinstance(modules, list)
    return [m for m in modules if m == prefix or m.startswith(prefix + ".")]


def test_an_html_conversion_imports_no_other_format_and_reads_no_entry_points(
    tmp_path: Path,
) -> None:
    report = _probe("convert", EXAMPLE_TXT, "--to", "html", "-o", tmp_path, "-q")
    assert (tmp_path / f"{EXAMPLE_TXT.stem}.html").exists()
    assert _loaded(report, "newsformats.writers.html")  # the probe sees what was used
    for name in NOT_FOR_HTML:
        assert not _loaded(report, name), f"an HTML-only conversion imported {name}"
    assert report["scans"] == 0  # only built-in plug-ins: no entry-point group was read
    assert report["groups"] == []


def test_data_to_convert_is_checked_by_pydantic_without_its_plugins(tmp_path: Path) -> None:
    report = _probe("convert", EXAMPLE_JSON, "--to", "html", "-o", tmp_path, "-q")
    assert (tmp_path / f"{EXAMPLE_JSON.stem}.html").exists()
    assert _loaded(report, "pydantic")
    assert report["groups"] == []  # the command uses no pydantic plug-ins


def test_pydantic_plugins_are_loaded_when_the_environment_asks_for_them(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYDANTIC_DISABLE_PLUGINS": ""}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "convert", EXAMPLE_JSON, "--to", "html", "-o", tmp_path],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout.decode().splitlines()[-1])["groups"] == ["pydantic"]


def test_a_tag_that_is_not_a_packs_is_still_checked_in_the_registry(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text((DATA / "ru-summit.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "story.yaml").write_text("language: ru-MD\n", encoding="utf-8")
    report = _probe("convert", source, "--to", "html", "-o", tmp_path / "out", "-q")
    assert _loaded(report, "langcodes")  # ru-MD has no pack of its own: the registry decides


# Registered before the command's own exit handler, so it runs after it (last in, first out).
EXIT_PROBE = """
import atexit, gc, sys
atexit.register(lambda: print("frozen", gc.get_freeze_count(), flush=True))
from newsformats.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_command_leaves_what_is_alive_at_exit_out_of_the_last_collections(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", EXIT_PROBE, "convert", EXAMPLE_TXT, "--to", "html", "-o", tmp_path],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert (tmp_path / f"{EXAMPLE_TXT.stem}.html").exists()
    label, count = done.stdout.decode().split()[-2:]
    # Every object then alive (modules, schemas, packs: tens of thousands) was frozen.
    assert label == "frozen" and int(count) > 10_000
