"""Shared renders for the PDF tests: each article is converted once per session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from helpers import ARTICLES, ROOT, run_cli
from newsformats import convert, read
from newsformats.options import ConvertOptions

sys.path.insert(0, str(Path(__file__).parent))

from pdf_articles import DECORATED, PERSIAN, RUSSIAN, long_article
from pdf_read import Rendered

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SHARED = [f"shared-{name}" for name in ARTICLES]
LARGE_PRINT_FORMATS = ("html", "large-print-pdf")
"""The project's shared test articles (tests/helpers.py), rendered here too."""


def write_inputs(folder: Path, data: dict[str, object], name: str) -> Path:
    """Write an article as JSON beside a small JPEG called photo.jpg."""
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (640, 360), (40, 60, 120)).save(folder / "photo.jpg", quality=85)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def render(
    source: Path,
    outdir: Path,
    formats: tuple[str, ...] = ("html", "pdf"),
    options: ConvertOptions | None = None,
) -> Rendered:
    article = read(source)
    result = convert(
        article,
        outdir,
        formats,
        stem=source.stem,
        source_dir=source.parent,
        options=options,
    )
    html = result.by_format.get("html")
    pdf = result.by_format.get("pdf") or result.by_format["large-print-pdf"]
    return Rendered(article, pdf[0], html[0] if html else None)


@pytest.fixture(scope="session")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """The examples (English), Russian, Persian, decorated, long and Letter-size renders."""
    base = tmp_path_factory.mktemp("pdf")
    inputs = base / "inputs"
    out = base / "out"
    shared = {f"shared-{name}": render(path, out / name) for name, path in ARTICLES.items()}
    return shared | {
        "english": render(EXAMPLES / "csto-sco-afghanistan.txt", out / "english"),
        "heatwave": render(EXAMPLES / "heatwave-update.json", out / "heatwave"),
        "russian": render(write_inputs(inputs / "ru", RUSSIAN, "russian"), out / "russian"),
        "persian": render(write_inputs(inputs / "fa", PERSIAN, "persian"), out / "persian"),
        "decorated": render(
            write_inputs(inputs / "decorated", DECORATED, "decorated"), out / "decorated", ("pdf",)
        ),
        "long": render(
            write_inputs(inputs / "long", long_article(), "long"), out / "long", ("pdf",)
        ),
        "letter": render(
            EXAMPLES / "heatwave-update.json",
            out / "letter",
            ("pdf",),
            ConvertOptions(page_size="letter"),
        ),
        "large-print-english": render(
            EXAMPLES / "csto-sco-afghanistan.txt", out / "large-english", LARGE_PRINT_FORMATS
        ),
        "large-print-persian": render(
            inputs / "fa" / "persian.json", out / "large-persian", LARGE_PRINT_FORMATS
        ),
    }


LARGE_PRINT = ["large-print-english", "large-print-persian"]


@pytest.fixture(params=["english", "russian", "persian", *SHARED, *LARGE_PRINT])
def each_language(request: pytest.FixtureRequest, outputs: dict[str, Rendered]) -> Rendered:
    """The English example, our Russian and Persian articles, the shared ones, and large print."""
    rendered: Rendered = outputs[request.param]
    return rendered


SCRIPT_ARTICLES = Path(__file__).parent / "data"
"""One short article per language and script the PDF must copy out exactly (written for these)."""
FORMATS = {"pdf": ".pdf", "large-print-pdf": "-large-print.pdf"}
ONLY_DEJAVU = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>
"""
CONVERT_ALL = """
import sys
from pathlib import Path
from newsformats import convert, read
out = Path(sys.argv[1])
for name in sys.argv[2:]:
    source = Path(name)
    convert(read(source), out, {formats!r}, stem=source.stem, source_dir=source.parent)
"""


def hidden_fonts_config(folder: Path, fonts: str = "/usr/share/fonts/truetype/dejavu") -> Path:
    """A fonts.conf that shows fontconfig only ``fonts`` (DejaVu: what any Debian machine has)."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "fonts.conf"
    config.write_text(ONLY_DEJAVU.format(fonts=fonts, cache=folder / "cache"), encoding="utf-8")
    return config


def refusal_without_system_fonts(tmp_path: Path, source: Path) -> str:
    """Convert ``source`` to HTML and PDF with fontconfig showing only DejaVu.

    Returns the one line the refusal must be: exit 2, no traceback, nothing written.
    """
    config = hidden_fonts_config(tmp_path / "fontconfig")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "FONTCONFIG_FILE": str(config)}
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "newsformats.cli", "convert", str(source), "-o", str(out),
         "--to", "html,pdf"],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists() or not list(out.iterdir())
    lines = [line for line in done.stderr.splitlines() if "writing" not in line]
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture(scope="session")
def script_renders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Every article of tests/pdf/data as PDF and large print, made as a pip-install user would.

    The conversion runs in a child process whose fontconfig sees only DejaVu,
    as on a Debian machine without fonts-noto-core: what the PDFs hold comes
    from the fonts newsformats bundles, or fails the tests.
    """
    base = tmp_path_factory.mktemp("scripts")
    sources = sorted(SCRIPT_ARTICLES.glob("*.json"))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "FONTCONFIG_FILE": str(hidden_fonts_config(base / "fontconfig")),
    }
    code = CONVERT_ALL.format(formats=list(FORMATS))
    done = subprocess.run(
        [sys.executable, "-c", code, str(base / "out"), *map(str, sources)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {
        source.stem: {
            fmt: base / "out" / f"{source.stem}{suffix}" for fmt, suffix in FORMATS.items()
        }
        for source in sources
    }


def consistency_errors_with_changed_pdf(
    html: Path, source: Path, old: str, new: str, folder: Path
) -> set[str]:
    """The rules ``check`` reports as errors for ``html`` beside the PDF of ``source`` with
    ``old`` replaced by ``new``: the control that the consistency rule compares a script."""
    from newsformats import check

    changed = folder / "src" / source.name
    changed.parent.mkdir(parents=True)
    changed.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert run_cli("convert", changed, "-o", folder / "pdf", "--to", "pdf").code == 0
    (folder / html.name).write_bytes(html.read_bytes())
    pdf = (folder / "pdf" / f"{source.stem}.pdf").rename(folder / f"{source.stem}.pdf")
    report = check([folder / html.name, pdf], together=True)
    return {f.rule for f in report.findings if f.severity == "error"}
