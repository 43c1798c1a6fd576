"""Markdown: GFM tables, nested lists, footnotes, clean headlines, relative links, raw HTML."""

from __future__ import annotations

from pathlib import Path

from helpers import run_cli
from newsformats.document import build_document
from newsformats.model import Endnotes, Link, ListBlock, NoteReference, Table, as_data, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read

FRONT = "---\nlanguage: en\n{extra}---\n"


def markdown(tmp_path: Path, body: str, extra: str = "") -> Path:
    path = tmp_path / "story.md"
    path.write_text(FRONT.format(extra=extra) + body, encoding="utf-8")
    return path


def test_heading_with_marks_is_a_clean_headline(tmp_path: Path) -> None:
    article = read(markdown(tmp_path, "# Hello *world* and `code`\n\nText.\n"))
    assert article.headline == "Hello world and code"


def test_gfm_table(tmp_path: Path) -> None:
    article = read(markdown(tmp_path, "# T\n\n| City | Rain |\n|------|-----:|\n| Oslo | 12 |\n"))
    (table,) = article.body
    assert isinstance(table, Table)
    assert [plain_text(c.content) for c in table.head[0]] == ["City", "Rain"]
    assert [plain_text(c.content) for c in table.rows[0]] == ["Oslo", "12"]
    html = build_document(article).root
    assert [th.get("scope") for th in html.iter("th")] == ["col", "col"]


def test_nested_lists_stay_nested(tmp_path: Path) -> None:
    article = read(markdown(tmp_path, "# T\n\n- one\n  - one a\n  - one b\n- two\n"))
    (listed,) = article.body
    assert isinstance(listed, ListBlock)
    sub = listed.items[0].sublist
    assert sub is not None and [plain_text(i.content) for i in sub.items] == ["one a", "one b"]
    root = build_document(article).root
    assert root.find(".//ul/li/ul") is not None


def test_footnotes_are_endnotes_with_links_both_ways(tmp_path: Path) -> None:
    article = read(markdown(tmp_path, "# T\n\nA claim.[^1]\n\n[^1]: The source.\n"))
    paragraph, notes = article.body
    assert isinstance(notes, Endnotes) and [plain_text(n) for n in notes.notes] == ["The source."]
    assert any(isinstance(m, NoteReference) and m.number == 1 for m in paragraph.content)  # type: ignore[union-attr]
    root = build_document(article).root
    assert root.find(".//a[@href='#fn-1']").get("id") == "fnref-1"
    assert root.find(".//li[@id='fn-1']/a[@href='#fnref-1']") is not None
    assert "[^1]" not in plain_text(paragraph.content)  # type: ignore[union-attr]


def test_relative_link_resolved_against_canonical_url(tmp_path: Path) -> None:
    path = markdown(
        tmp_path,
        "# T\n\nSee the [earlier story](/a/123.html).\n",
        extra="canonical_url: https://news.example.org/world/today.html\n",
    )
    links = [m for m in read(path).paragraphs[0].content if isinstance(m, Link)]
    assert [link.href for link in links] == ["https://news.example.org/a/123.html"]


def test_relative_link_without_a_base_keeps_its_text_and_warns(tmp_path: Path) -> None:
    path = markdown(tmp_path, "# T\n\nSee the [earlier story](/a/123.html).\n")
    with collecting_notes() as notes:
        article = read(path)
    assert any("relative link" in told.message for told in notes)
    assert plain_text(article.paragraphs[0].content) == "See the earlier story."


def test_raw_html_is_filtered_never_literal(tmp_path: Path) -> None:
    path = markdown(
        tmp_path,
        '# T\n\nH<sub>2</sub>O and <abbr title="World Health Organization">WHO</abbr>'
        "<script>alert(1)</script>.\n\n"
        '<table><tr><th>a</th></tr><tr><td onclick="x()">1</td></tr></table>\n',
    )
    with collecting_notes() as notes:
        article = read(path)
    assert notes == []
    assert plain_text(article.paragraphs[0].content) == "H2O and WHO."
    assert isinstance(article.body[1], Table)
    assert "<" not in str(as_data(article))


def test_body_error_points_at_its_line_without_a_field_path(tmp_path: Path) -> None:
    path = markdown(tmp_path, "# T\n\nFine.\n\nA [span]{lang=zz-123456789} here.\n")
    run = run_cli("convert", path, "-o", tmp_path / "out", "--to", "html")
    assert run.code == 2
    line = next(line for line in run.stderr.splitlines() if "story.md:8:" in line)
    message = line.split("story.md:8:")[1]
    assert "body" not in message and "[" not in message and "BCP 47" in message


def test_local_picture_stays_local_beside_a_canonical_url(tmp_path: Path) -> None:
    (tmp_path / "flood.jpg").write_bytes(b"not read here")
    path = markdown(
        tmp_path,
        '# T\n\n![A flooded street](flood.jpg "Water.")\n\nText.\n',
        extra="canonical_url: https://news.example.org/a/story.html\n",
    )
    article = read(path)
    assert article.lead_image is not None and article.lead_image.src == "flood.jpg"
