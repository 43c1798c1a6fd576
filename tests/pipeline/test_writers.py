"""The writers' pipeline: declared order, typed artifacts, one tree per article, plug-ins."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from helpers import ARTICLES
from newsformats import plugins, read
from newsformats.convert import convert
from newsformats.errors import UsageError
from newsformats.files import OutputSet
from newsformats.options import ConvertOptions
from newsformats.resources import ResourcePolicy
from newsformats.writers import WriteJob, WriterEntry, running_order, writer_for

PLUGIN = """
from pathlib import Path

SEEN = []

def write_summary(job):
    SEEN.append((job.document, job.artifacts.audio is not None))
    target = job.path(".summary.txt")
    job.outputs.write_text(target, job.document.view().root.findtext("header/h1"))
    return [target]

write_summary.uses = ("audio",)
"""


@pytest.fixture
def summary_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """A writer installed through the ``newsformats.writers`` entry-point group."""
    plugin = tmp_path / "plugin"
    info = plugin / "nf_summary-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: nf-summary\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[newsformats.writers]\nsummary = nf_summary_writer:write_summary\n"
    )
    (plugin / "nf_summary_writer.py").write_text(textwrap.dedent(PLUGIN))
    monkeypatch.syspath_prepend(str(plugin))
    monkeypatch.delitem(sys.modules, "nf_summary_writer", raising=False)
    plugins.installed.cache_clear()
    yield __import__("nf_summary_writer").SEEN
    plugins.installed.cache_clear()


def test_writers_run_after_the_writers_whose_artifacts_they_use() -> None:
    assert running_order(["epub", "pdf", "html", "audio"]) == ["audio", "html", "pdf", "epub"]
    assert running_order(["epub", "html"]) == ["html", "epub"]


def test_a_cycle_of_declared_needs_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsformats import writers

    table = {
        "a": WriterEntry("x:a", provides=("one",), uses=("two",)),
        "b": WriterEntry("x:b", provides=("two",), uses=("one",)),
    }
    monkeypatch.setattr(writers, "_registry", lambda *wanted: table)
    with pytest.raises(UsageError, match="wait for each other"):
        running_order(["a", "b"])


def test_entry_points_are_read_once_per_process_and_only_for_a_name_not_built_in() -> None:
    plugins.installed.cache_clear()
    for _ in range(3):
        running_order(["html", "pdf"])
        writer_for("html")
    assert plugins.installed.cache_info().misses == 0
    for _ in range(3):
        running_order(["html", "no-such-format"])
    assert plugins.installed.cache_info().misses == 1


def test_a_plugin_writer_gets_the_tree_and_runs_after_what_it_uses(
    summary_writer: list[object], tmp_path: Path
) -> None:
    assert running_order(["summary", "audio", "html"]) == ["audio", "html", "summary"]
    article = read(ARTICLES["markdown"])
    done = convert(
        article, tmp_path, ["summary", "audio"], stem="s", options=ConvertOptions(use_cache=False)
    )
    assert (tmp_path / "s.summary.txt").read_text() == article.headline
    assert done.by_format["summary"] == [tmp_path / "s.summary.txt"]
    ((document, had_audio),) = summary_writer
    assert had_audio and document.article is article


def test_the_tree_is_built_once_per_article(tmp_path: Path) -> None:
    article = read(ARTICLES["example"])
    job = WriteJob(
        article,
        tmp_path,
        "x",
        ResourcePolicy(base_dir=ARTICLES["example"].parent),
        ConvertOptions(),
        OutputSet(),
    )
    assert job.document is job.document
    assert job.document.sentence_spans
    # Each writer's view is its own copy: changing it leaves the shared tree alone.
    view = job.document.view()
    view.root.clear()
    assert len(job.document.root)
    assert "lead-figure" in job.document.figures
