"""CI that cannot pass by accident: missing validators, empty folders, hooks, the workflow."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, run_cli


def test_deep_with_a_missing_validator_exits_2(
    broken: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSFORMATS_TOOLS_DIR", str(tmp_path))  # no npm tools there
    run = run_cli("check", broken["good-html"], "--deep", "--select", "html-lang,nu")
    assert run.code == 2, run.stdout + run.stderr
    assert "nu did not run" in run.stderr and "--deep=available" in run.stderr
    assert "Traceback" not in run.stderr


def test_deep_available_runs_what_is_installed_and_names_the_rest(
    broken: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSFORMATS_TOOLS_DIR", str(tmp_path))
    run = run_cli(
        "check", broken["good-html"], "--deep=available", "--select", "html-lang,nu",
        "--format", "json",
    )  # fmt: skip
    assert run.code == 0, run.stdout + run.stderr
    assert "nu" in json.loads(run.stdout)["unavailable"]
    text = run_cli("check", broken["good-html"], "--deep=available", "--select", "html-lang,nu")
    assert "nu" in text.stdout and "not run" in text.stdout


def test_deep_true_in_settings_is_strict(
    broken: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSFORMATS_TOOLS_DIR", str(tmp_path / "none"))
    (tmp_path / "pyproject.toml").write_text("[tool.newsformats.check]\ndeep = true\n")
    run = run_cli("check", broken["good-html"], "--select", "html-lang,nu", cwd=tmp_path)
    assert run.code == 2
    (tmp_path / "pyproject.toml").write_text('[tool.newsformats.check]\ndeep = "available"\n')
    run = run_cli("check", broken["good-html"], "--select", "html-lang,nu", cwd=tmp_path)
    assert run.code == 0


@pytest.mark.parametrize("content", [None, "inputs"])
def test_folder_without_outputs_exits_2(tmp_path: Path, content: str | None) -> None:
    if content:
        (tmp_path / "story.md").write_text("---\nlanguage: en\n---\n# Title\n\nText.\n")
        (tmp_path / "package.json").write_text("{}")
    run = run_cli("check", tmp_path)
    assert run.code == 2, run.stdout + run.stderr
    assert "no outputs to check" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_validators_status_and_install_dry_run(tmp_path: Path) -> None:
    run = run_cli("validators", "install", "--dir", tmp_path / "tools", "--dry-run")
    assert run.code == 0, run.stderr
    assert "npm ci --ignore-scripts" in run.stdout and str(tmp_path / "tools") in run.stdout
    status = run_cli("validators", "status")
    assert status.code in (0, 2)
    assert {line.split()[0] for line in status.stdout.splitlines()} == {
        "nu", "axe", "epubcheck", "ace",
    }  # fmt: skip


def test_tools_dir_falls_back_to_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsformats.validators import ValidatorUnavailable, _tools

    monkeypatch.delenv(_tools.TOOLS_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(_tools, "_candidate_roots", lambda: [tmp_path / "wheel"])  # no checkout
    with pytest.raises(ValidatorUnavailable, match="newsformats validators install"):
        _tools.tools_dir()
    user = tmp_path / "newsformats" / "tools"
    (user / "node_modules").mkdir(parents=True)
    (user / "package.json").write_text("{}")
    assert _tools.tools_dir() == user


def test_wheel_ships_the_pinned_tools_of_the_checkout() -> None:
    shipped = ROOT / "src" / "newsformats" / "validators" / "tools"
    for name in ("package.json", "package-lock.json"):
        assert (shipped / name).read_bytes() == (ROOT / "tools" / name).read_bytes(), name


def test_precommit_hooks_match_only_article_files() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    articles = re.compile(hooks["newsformats-check-articles"]["files"])
    for name in ("README.md", "package.json", "docs/ci.md", "notes.txt", "CHANGELOG.md"):
        assert not articles.search(name), name
    for name in ("articles/story.md", "articles/2026/story.txt", "articles/x.json"):
        assert articles.search(name), name
    outputs = re.compile(hooks["newsformats-check"]["files"])
    assert outputs.search("out/story.html") and not outputs.search("README.md")


def test_example_workflow_installs_what_a_user_can() -> None:
    text = (ROOT / "examples" / "ci" / "github-workflow.yml").read_text()
    workflow = yaml.safe_load(text)
    steps = [s.get("run", "") for s in workflow["jobs"]["check"]["steps"]]
    installs = [s for s in steps if "pip install" in s]
    assert installs and not any("newsformats[test]" in s for s in installs)
    assert "git+" in workflow["env"]["NEWSFORMATS"]
    assert any('pip install "$NEWSFORMATS"' in s for s in installs)
    assert any("validators install" in s for s in steps)
    assert any("--deep" in s and "--deep=available" not in s for s in steps)
