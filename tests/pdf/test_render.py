"""The renderer's one font configuration per thread: same pages, and its font copies cleaned up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import weasyprint
from weasyprint.text.fonts import FontConfiguration

from conftest import SCRIPT_ARTICLES
from helpers import ARTICLES, ROOT
from newsformats import read
from newsformats.document import build_document
from newsformats.pdf.fetcher import SandboxedFetcher
from newsformats.pdf.page import print_page
from newsformats.pdf.render import font_configuration, render_pdf
from newsformats.resources import ResourcePolicy

SCRIPTS = ["en", "fa", "hy", "ka", "ru"]


def test_one_configuration_renders_each_page_as_a_fresh_one_does() -> None:
    """Whatever was rendered before (other scripts, other faces), a page comes out the same."""
    policy = ResourcePolicy(base_dir=SCRIPT_ARTICLES)
    pages = {
        name: print_page(build_document(read(SCRIPT_ARTICLES / f"{name}.json"))) for name in SCRIPTS
    }
    pages["persian"] = print_page(build_document(read(ARTICLES["persian"])))

    def fresh(page: str) -> bytes:
        source = weasyprint.HTML(
            string=page,
            base_url=policy.base_dir.resolve().as_uri() + "/",
            url_fetcher=SandboxedFetcher(policy),
        )
        data: bytes = source.write_pdf(pdf_variant="pdf/ua-1", font_config=FontConfiguration())
        return data

    alone = {name: fresh(page) for name, page in pages.items()}
    for order in (list(pages), list(reversed(pages))):
        for name in order:
            assert render_pdf(pages[name], policy) == alone[name], name
    assert font_configuration() is font_configuration()


CHILDREN = """
import multiprocessing, os, sys, threading
from newsformats import read
from newsformats.document import build_document
from newsformats.pdf.page import print_page
from newsformats.pdf.render import render_pdf
from newsformats.resources import ResourcePolicy

PAGE = print_page(build_document(read(sys.argv[1])))

def render(_):
    return len(render_pdf(PAGE, ResourcePolicy()))

if __name__ == "__main__":
    render(0)  # this process's configuration, inherited by the forked children below
    pool = multiprocessing.get_context("fork").Pool(2, maxtasksperchild=1)
    assert all(pool.map(render, range(4)))
    pool.close()  # workers end on their own (a terminated one could not clean up)
    pool.join()
    made = sorted(os.listdir(os.environ["TMPDIR"]))  # this process's copies only

    def fork_and_render():
        child = os.fork()
        if child == 0:  # forked from another thread: renders with its parent's fonts
            render(0)
            os._exit(0 if sorted(os.listdir(os.environ["TMPDIR"])) == made else 3)
        assert os.waitpid(child, 0)[1] == 0

    thread = threading.Thread(target=fork_and_render)
    thread.start()
    thread.join()
    child = os.fork()
    if child == 0:  # a child that renders and exits the ordinary way
        render(0)
        sys.exit(0)
    assert os.waitpid(child, 0)[1] == 0
    assert render(0)  # the parent's font copies are still there
"""


def test_font_copies_are_removed_by_the_process_that_made_them(tmp_path: Path) -> None:
    """Forked children render with their parent's font copies, and leave them; no copy is left."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", CHILDREN, str(SCRIPT_ARTICLES / "en.json")],
        env=env,
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert sorted(path.name for path in tmp_path.iterdir()) == []
