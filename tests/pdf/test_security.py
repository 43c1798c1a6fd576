"""Hostile inputs: images outside the folder or on the network are refused; rendering is bounded."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from newsformats.cli import main
from newsformats.errors import EngineError, ResourceError
from newsformats.pdf.fetcher import RefusedResource, SandboxedFetcher
from newsformats.pdf.fonts import fonts_dir
from newsformats.pdf.render import RenderLimits, render_pdf
from newsformats.resources import ResourcePolicy


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request it gets."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    httpd.shutdown()
    httpd.server_close()


def article_with_image(folder: Path, src: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hostile.json"
    data = {
        "headline": "Hostile",
        "language": "en",
        "lead_image": {"src": src, "alt": "A picture."},
        "body": ["One paragraph."],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def convert_pdf(path: Path, outdir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["convert", str(path), "-o", str(outdir), "--to", "pdf", "-q"])
    return code, capsys.readouterr().err


def assert_refused(code: int, error: str, outdir: Path, *words: str) -> None:
    assert code == 2
    assert error.count("\n") == 1 and error.startswith("newsformats: ")
    assert "Traceback" not in error
    for word in words:
        assert word in error
    assert not outdir.exists() or not any(outdir.iterdir())


def test_image_at_etc_passwd_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = article_with_image(tmp_path / "in", "/etc/passwd")
    code, error = convert_pdf(path, tmp_path / "out", capsys)
    assert_refused(code, error, tmp_path / "out", "/etc/passwd", "outside the input's folder")


def test_image_outside_the_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Image.new("RGB", (8, 8)).save(tmp_path / "outside.jpg")
    path = article_with_image(tmp_path / "in", "../outside.jpg")
    code, error = convert_pdf(path, tmp_path / "out", capsys)
    assert_refused(code, error, tmp_path / "out", "../outside.jpg", "outside the input's folder")


def test_symbolic_link_out_of_the_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Image.new("RGB", (8, 8)).save(tmp_path / "outside.jpg")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "inside.jpg").symlink_to(tmp_path / "outside.jpg")
    path = article_with_image(tmp_path / "in", "inside.jpg")
    code, error = convert_pdf(path, tmp_path / "out", capsys)
    assert_refused(code, error, tmp_path / "out", "inside.jpg", "outside the input's folder")


def test_image_on_the_network_is_refused_without_a_connection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server: tuple[str, list[str]]
) -> None:
    url, hits = server
    path = article_with_image(tmp_path / "in", f"{url}/x.jpg")
    code, error = convert_pdf(path, tmp_path / "out", capsys)
    assert_refused(code, error, tmp_path / "out", "network", "--allow-network")
    assert hits == []


def test_fetcher_admits_data_and_files_inside_the_folder(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text("p { color: red }", encoding="utf-8")
    fetcher = SandboxedFetcher(ResourcePolicy(base_dir=tmp_path))
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    assert fetcher.fetch((tmp_path / "a.css").as_uri()).read() == b"p { color: red }"


def test_fetcher_admits_the_bundled_fonts_and_no_other_font(tmp_path: Path) -> None:
    fetcher = SandboxedFetcher(ResourcePolicy(base_dir=tmp_path))
    assert fetcher.fetch((fonts_dir() / "NotoSans-Regular.ttf").as_uri()).read()[:4] == b"\0\1\0\0"
    with pytest.raises(RefusedResource):
        fetcher.fetch("file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    with pytest.raises(RefusedResource):  # CJK is named by family, never fetched (docs/pdf.md)
        fetcher.fetch("file:///usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    with pytest.raises(RefusedResource):
        fetcher.fetch((fonts_dir() / ".." / "__init__.py").as_uri())


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://x/", "javascript:alert(1)"],
)
def test_fetcher_refuses_what_the_policy_does_not_allow(tmp_path: Path, url: str) -> None:
    fetcher = SandboxedFetcher(ResourcePolicy(base_dir=tmp_path))
    with pytest.raises(RefusedResource):
        fetcher.fetch(url)


def test_renderer_refuses_resources_the_page_itself_points_at(
    tmp_path: Path, server: tuple[str, list[str]]
) -> None:
    url, hits = server
    policy = ResourcePolicy(base_dir=tmp_path)
    page = f'<html lang="en"><title>T</title><link rel="stylesheet" href="{url}/x.css"><p>Hi'
    with pytest.raises(ResourceError, match="network"):
        render_pdf(page, policy)
    with pytest.raises(ResourceError, match="outside the input's folder"):
        render_pdf('<html lang="en"><title>T</title><img src="/etc/passwd" alt="x">', policy)
    assert hits == []


def test_rendering_that_runs_over_its_time_limit_is_stopped(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>Paragraph {n} " + "word " * 200 for n in range(4000))
    page = f'<html lang="en"><title>T</title>{paragraphs}'
    with pytest.raises(EngineError, match=r"longer than 0\.05 s"):
        render_pdf(page, ResourcePolicy(base_dir=tmp_path), limits=RenderLimits(seconds=0.05))
