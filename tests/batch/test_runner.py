"""The unit of work in pools and on Dask, the naming rule, time limits, the speech cache."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import ARTICLES, EXAMPLE_TXT
from newsformats.batch import Limits, Settings, Task, convert_one, plan, run_batch
from newsformats.batch.cache import cache_info, prune_cache
from newsformats.errors import UsageError


@pytest.fixture
def test_writers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writers of ``stuck_writer.py`` as the formats ``stuck`` and ``greedy``.

    Worker processes are forked after this, so they see the same registry.
    """
    from newsformats import writers

    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    monkeypatch.setitem(writers.WRITERS, "stuck", "stuck_writer:write_stuck")
    monkeypatch.setitem(writers.WRITERS, "greedy", "stuck_writer:write_greedy")


def test_convert_one_in_a_multiprocessing_pool(tmp_path: Path) -> None:
    tasks = [Task(str(EXAMPLE_TXT), "example"), Task(str(ARTICLES["json"]), "json")]
    settings = Settings(str(tmp_path), ("html", "epub", "pdf"))
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        done = pool.starmap(convert_one, [(task, settings) for task in tasks])
    assert [[r.status for r in results] for results in done] == [["converted"], ["converted"]]
    assert {Path(o.path).name for o in done[0][0].outputs} >= {
        "example.html",
        "example.epub",
        "example.pdf",
    }
    assert (tmp_path / "json.epub").read_bytes().startswith(b"PK")


def test_convert_one_writes_to_an_fsspec_url() -> None:
    import fsspec

    results = convert_one(
        Task(str(EXAMPLE_TXT), "story"), Settings("memory://nf-test/out", ("html",))
    )
    fs = fsspec.filesystem("memory")
    outputs = {o.path: o for o in results[0].outputs}
    assert "memory://nf-test/out/story.html" in outputs
    assert fs.cat_file("/nf-test/out/story.html").startswith(b"<!DOCTYPE html>")
    assert outputs["memory://nf-test/out/story.html"].size == fs.size("/nf-test/out/story.html")


def test_a_dask_cluster_writes_what_the_local_runner_writes(
    dask_client: Any, tmp_path: Path, make_folder: Callable[[Path], Path]
) -> None:
    folder = make_folder(tmp_path)
    settings = {
        name: Settings(str(tmp_path / name), ("html", "epub")) for name in ("dask", "local")
    }
    on_dask = run_batch([str(folder)], settings["dask"], client=dask_client)
    local = run_batch([str(folder)], settings["local"], limits=Limits(jobs=2))
    assert (on_dask.converted, on_dask.failed) == (local.converted, local.failed) == (8, 1)
    made = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*.*"))
    assert len(made) > 16
    for name in made:
        if name.name.startswith("."):
            continue
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


@pytest.mark.usefixtures("test_writers")
def test_a_stuck_task_is_stopped_and_the_batch_finishes(tmp_path: Path) -> None:
    inputs = [str(ARTICLES["json"]), str(ARTICLES["markdown"])]
    seen: list[Any] = []
    began = time.monotonic()
    summary = run_batch(
        inputs,
        Settings(str(tmp_path / "out"), ("html", "stuck")),
        limits=Limits(jobs=2, timeout=3),
        done=seen.append,
    )
    assert time.monotonic() - began < 120
    assert (summary.converted, summary.failed) == (1, 1)
    stuck = summary.failures[0]
    assert stuck.kind == "timeout" and stuck.input.endswith("heatwave-update.json")
    assert "stopped after 3 s" in (stuck.error or "")
    assert not list((tmp_path / "out").glob(".*.part"))


def test_inputs_in_one_folder_sharing_a_stem_keep_their_extension() -> None:
    tasks = plan(["in/story.json", "in/story.md", "in/other.md"])
    assert [t.name for t in tasks] == ["story-json", "story-md", "other"]


def test_inputs_that_would_still_collide_are_refused_before_writing() -> None:
    with pytest.raises(UsageError, match="would write the same outputs"):
        plan(["in/Story.md", "in/story.md", "in/story-md.md"])


def test_cache_prune_removes_the_least_recently_used(tmp_path: Path) -> None:
    for age, name in enumerate(["new", "middle", "old"]):
        entry = tmp_path / "speech" / "ab" / f"{name}.wav"
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_bytes(b"x" * 1000)
        os.utime(entry, (time.time() - 100 * age, time.time() - 100 * age))
    assert cache_info(tmp_path).size == 3000
    removed = prune_cache(2000, tmp_path)
    assert (removed.entries, removed.size) == (1, 1000)
    assert sorted(p.stem for p in (tmp_path / "speech").rglob("*.wav")) == ["middle", "new"]


def test_watch_converts_what_appears(tmp_path: Path) -> None:
    from newsformats.batch.watch import watch_folder

    incoming = tmp_path / "in"
    incoming.mkdir()
    stop = threading.Event()
    rounds: list[Any] = []
    watcher = threading.Thread(
        target=watch_folder,
        args=(incoming, Settings(str(tmp_path / "out"), ("html",))),
        kwargs={
            "limits": Limits(jobs=1),
            "finished": rounds.append,
            "stop": stop,
            "debounce_ms": 100,
        },
    )
    (incoming / "first.md").write_bytes(ARTICLES["markdown"].read_bytes())
    watcher.start()
    try:
        _wait(lambda: len(rounds) >= 1)
        (incoming / "second.json").write_bytes(ARTICLES["json"].read_bytes())
        _wait(lambda: (tmp_path / "out" / "second.html").exists() and len(rounds) >= 2)
    finally:
        stop.set()
        watcher.join(30)
    assert not watcher.is_alive()
    assert rounds[0].converted == 1
    assert (rounds[-1].converted, rounds[-1].unchanged) == (1, 1)


def _wait(condition: Any, limit: float = 120) -> None:
    end = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < end, "the watcher did not act"
        time.sleep(0.1)


@pytest.mark.usefixtures("test_writers")
def test_a_single_stuck_input_is_stopped_in_this_process(tmp_path: Path) -> None:
    summary = run_batch(
        [str(ARTICLES["json"])],
        Settings(str(tmp_path), ("html", "stuck")),
        limits=Limits(timeout=1),
    )
    assert summary.failed == 1 and summary.failures[0].kind == "timeout"
    assert not list(tmp_path.iterdir())


def test_a_scheduler_address_on_the_command_line_gives_the_same_outputs(
    dask_client: Any, tmp_path: Path
) -> None:
    from helpers import run_cli

    inputs = [ARTICLES["markdown"], ARTICLES["json"]]
    address = dask_client.scheduler.address
    remote = run_cli(
        "convert", *inputs, "-o", tmp_path / "dask", "--to", "html", "--scheduler", address
    )
    assert remote.code == 0, remote.stderr
    local = run_batch([str(p) for p in inputs], Settings(str(tmp_path / "local"), ("html",)))
    assert local.converted == 2
    for name in ("election-explainer.html", "heatwave-update.html"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from newsformats.batch.dask import connect

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(UsageError, match=r"newsformats\[dask\]"):
        connect("tcp://127.0.0.1:8786")


def test_inputs_and_outputs_at_urls_and_their_incremental_state() -> None:
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe_file("/nf-urls/in/desk/story.json", ARTICLES["json"].read_bytes())
    settings = Settings("memory://nf-urls/out", ("html",))
    first = run_batch(["memory://nf-urls/in"], settings)
    assert first.converted == 1, first.failures
    assert fs.cat_file("/nf-urls/out/story.html").startswith(b"<!DOCTYPE html>")
    assert run_batch(["memory://nf-urls/in"], settings).unchanged == 1


@pytest.mark.usefixtures("test_writers")
def test_a_task_over_its_memory_limit_fails_alone(tmp_path: Path) -> None:
    inputs = [str(ARTICLES["json"]), str(ARTICLES["markdown"])]
    summary = run_batch(
        inputs,
        Settings(str(tmp_path), ("greedy",)),
        limits=Limits(jobs=2, memory_bytes=2**30),
    )
    assert summary.failed == 2
    assert {r.kind for r in summary.failures} == {"memory"}
    assert all("ran out of memory" in (r.error or "") for r in summary.failures)


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    broken = tmp_path / "a-broken.json"
    broken.write_text("{", encoding="utf-8")
    inputs = [str(broken)] + [str(p) for p in ARTICLES.values()]
    summary = run_batch(
        inputs, Settings(str(tmp_path / "out"), ("html",)), limits=Limits(jobs=1, fail_fast=True)
    )
    assert summary.failed == 1
    assert summary.not_tried >= 1
    assert summary.converted + summary.not_tried == len(ARTICLES)
    assert "not tried after a failure" in summary.line()


def test_cache_command_prunes_and_clears(tmp_path: Path) -> None:
    from helpers import run_cli

    for name in ("a", "b"):
        entry = tmp_path / "tracks" / "cd" / f"{name}.mp3"
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_bytes(b"x" * 600_000)
    info = run_cli("cache", "info", "--cache-dir", tmp_path)
    assert info.code == 0 and info.stdout.strip() == f"{tmp_path}: 2 entries, 1.2 MB"
    pruned = run_cli("cache", "prune", "--max-size", "1", "--cache-dir", tmp_path)
    assert pruned.stdout.splitlines()[0] == "removed 1 entries (0.6 MB)"
    cleared = run_cli("cache", "clear", "--cache-dir", tmp_path)
    assert cleared.stdout.strip() == "removed 1 entries (0.6 MB)"
    assert not list(tmp_path.rglob("*.mp3"))


def test_watch_command_converts_and_reports_until_interrupted(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    from helpers import ROOT

    incoming = tmp_path / "in"
    incoming.mkdir()
    watcher = subprocess.Popen(
        [sys.executable, "-m", "newsformats.cli", "watch", incoming, "-o", tmp_path / "out",
         "--to", "html"],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        stderr=subprocess.PIPE,
        text=True,
        # A shell that runs the suite in the background (`make test &`) ignores SIGINT, and
        # children inherit that: the watcher must hear Ctrl-C as a terminal's user sends it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    guard = threading.Timer(120, watcher.kill)  # a watcher that never reports is stopped
    guard.start()
    lines = []
    try:
        assert watcher.stderr is not None
        assert watcher.stderr.readline().startswith("watching")
        (incoming / "bad.json").write_text("{", encoding="utf-8")
        (incoming / "story.json").write_bytes(ARTICLES["json"].read_bytes())
        for line in watcher.stderr:
            lines.append(line)
            if line.startswith("converted 1, failed 1"):
                break
    finally:
        watcher.send_signal(signal.SIGINT)
        watcher.communicate(timeout=60)
        guard.cancel()
    assert watcher.returncode == 130
    assert any(line.startswith("newsformats: ") and "bad.json:" in line for line in lines)
    assert (tmp_path / "out" / "story.html").is_file()


def test_prepare_imports_the_writers_and_likely_readers_once_before_workers_fork() -> None:
    import subprocess
    import sys

    def loaded_after(*sources: str) -> set[str]:
        code = (
            "import sys\n"
            "from newsformats.batch.unit import Settings, prepare\n"
            f"prepare({list(sources)!r}, Settings('out', ('html', 'epub')))\n"
            "print(' '.join(m for m in sys.modules if m.startswith(('newsformats.', 'py3'))))\n"
        )
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        return set(done.stdout.split())

    loaded = loaded_after("a/story.md", "b/data.json", "c/page.xml")
    assert {"newsformats.writers.html", "newsformats.writers.epub"} <= loaded
    assert {"newsformats.readers.markdown", "newsformats.readers.data"} <= loaded
    assert "newsformats.readers.plaintext" not in loaded  # no .txt among the inputs
    assert "newsformats.writers.pdf" not in loaded
    assert "py3langid" not in loaded
    loaded = loaded_after("a/story.txt")  # plain text: its language will be detected
    assert {"newsformats.readers.plaintext", "py3langid"} <= loaded


def test_the_state_knows_who_wrote_each_output_and_forgets_an_input_whose_outputs_go(
    tmp_path: Path,
) -> None:
    from newsformats.batch.state import load_state
    from newsformats.batch.unit import OutputFile, Result

    settings = Settings(str(tmp_path), ("html",))
    a, b = Task(str(tmp_path / "a.md"), "story"), Task(str(tmp_path / "b.md"), "other")

    def wrote(task: Task, *names: str) -> list[Result]:
        files = tuple(OutputFile(str(tmp_path / n), 1, "0" * 64) for n in names)
        return [Result(task.source, "converted", outputs=files)]

    state = load_state(str(tmp_path))
    state.record(a, settings, wrote(a, "story.html", "story-fig1.jpg"))
    state.record(b, settings, wrote(b, "other.html"))
    assert state.made_by("story-fig1.jpg", a.source)
    assert state.owner("other.html") == str(Path(b.source).resolve())
    state.save()

    again = load_state(str(tmp_path))  # the index is rebuilt from the file
    assert again.owner("story.html") == str(Path(a.source).resolve())
    again.record(b, settings, wrote(b, "other.html", "story.html"))  # b now writes a's page
    assert again.owner("story.html") == str(Path(b.source).resolve())
    assert again.owner("story-fig1.jpg") is None  # a is forgotten: converted again next time
    assert again.outputs_of(a.source) == []
    again.record(b, settings, [Result(b.source, "failed", error="x")])
    assert again.owner("other.html") is None and again.entries == {}


def test_the_language_model_is_counted_apart_kept_by_prune_and_removed_by_clear(
    tmp_path: Path,
) -> None:
    from newsformats.batch.cache import clear_cache

    (tmp_path / "speech" / "ab").mkdir(parents=True)
    (tmp_path / "speech" / "ab" / "one.wav").write_bytes(b"x" * 1000)
    (tmp_path / "langid" / "v1").mkdir(parents=True)
    (tmp_path / "langid" / "v1" / "model.npy").write_bytes(b"m" * 5000)
    info = cache_info(tmp_path)
    assert (info.entries, info.size, info.model_size) == (1, 1000, 5000)
    assert info.line().endswith("(language model 0.0 MB)")
    prune_cache(0, tmp_path)
    assert (tmp_path / "langid" / "v1" / "model.npy").exists()
    removed = clear_cache(tmp_path)
    assert removed.model_size == 5000
    assert not (tmp_path / "langid").exists()
