"""Every data file the package reads at run time is shipped in its wheel."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch

from helpers import ROOT


def test_package_data_covers_every_data_file() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["newsformats"]
    package = ROOT / "src" / "newsformats"
    data_files = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc")
    ]
    assert data_files, "the package has data files (themes, translations)"
    unshipped = [f for f in data_files if not any(fnmatch(f, p) for p in patterns)]
    assert unshipped == []
