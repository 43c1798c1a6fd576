"""Shared renders for the PDF tests: each article is converted once per session."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PIL import Image

from helpers import ARTICLES
from newsformats import convert, read
from newsformats.options import ConvertOptions

sys.path.insert(0, str(Path(__file__).parent))

from pdf_articles import DECORATED, PERSIAN, RUSSIAN, long_article
from pdf_read import Rendered

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SHARED = [f"shared-{name}" for name in ARTICLES]
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
    return Rendered(article, result.by_format["pdf"][0], html[0] if html else None)


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
    }


@pytest.fixture(params=["english", "russian", "persian", *SHARED])
def each_language(request: pytest.FixtureRequest, outputs: dict[str, Rendered]) -> Rendered:
    """The English example, our Russian and Persian articles and the shared ones, one at a time."""
    rendered: Rendered = outputs[request.param]
    return rendered
