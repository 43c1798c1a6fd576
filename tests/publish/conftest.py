"""One folder of outputs of the examples, with its feed and its site, made once per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import EXAMPLES, run_cli
from newsformats import convert, read

BASE_URL = "https://news.example/edition/"
EXAMPLE_FILES = ["csto-sco-afghanistan.txt", "election-explainer.md", "heatwave-update.json"]


@pytest.fixture(scope="session")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples in every format, then ``newsformats feed`` and ``site`` run on the folder."""
    out = tmp_path_factory.mktemp("edition")
    for name in EXAMPLE_FILES:
        source = EXAMPLES / name
        convert(read(source), out, stem=source.stem, source_dir=source.parent)
    feed = run_cli("feed", out, "--base-url", BASE_URL, "-q")
    assert (feed.code, feed.stderr) == (0, "")
    site = run_cli("site", out, "--base-url", BASE_URL, "-q")
    assert (site.code, site.stderr) == (0, "")
    return out


@pytest.fixture(scope="session")
def local_file(edition: Path) -> Callable[[str], Path]:
    """The file in the edition folder that a URL under ``BASE_URL`` names."""

    def resolve(url: str) -> Path:
        assert url.startswith(BASE_URL), url
        return edition / url[len(BASE_URL) :]

    return resolve


@pytest.fixture(scope="session")
def base_url() -> str:
    """The address the edition is published at, in these tests."""
    return BASE_URL


@pytest.fixture(scope="session")
def stems() -> list[str]:
    """The stems of the example articles in the edition."""
    return [Path(name).stem for name in EXAMPLE_FILES]
