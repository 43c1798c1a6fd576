"""The PDF finisher uses WeasyPrint's and pydyf's internals: only tested versions may run it."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PINNED = ("weasyprint", "pydyf")


def requirements() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = (Requirement(line) for line in project["dependencies"])
    return {r.name.lower(): r for r in found}


@pytest.mark.parametrize("name", PINNED)
def test_private_internals_come_from_a_pinned_tested_version(name: str) -> None:
    requirement = requirements()[name]
    uppers = [spec for spec in requirement.specifier if spec.operator in ("<", "<=", "==", "~=")]
    assert uppers, f"{name} needs an upper bound: pdf/origins.py and its neighbours use internals"
    installed = version(name)
    assert requirement.specifier.contains(installed), (
        f"{name} {installed} is installed, but only {requirement.specifier} is tested"
    )


def test_the_build_backend_understands_the_spdx_licence() -> None:
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    (setuptools,) = [Requirement(r) for r in build["requires"] if r.startswith("setuptools")]
    assert not setuptools.specifier.contains("76.9") and setuptools.specifier.contains("77.0")
