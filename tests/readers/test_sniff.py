"""Readers are chosen by content (XML root and namespace, JSON shape, HTML), and refuse the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import DATA, run_cli
from newsformats.errors import InputError
from newsformats.readers import detect_format, read, read_all
from newsformats.readers.source import open_source

INPUTS = DATA / "inputs"


def errors(stderr: str) -> list[str]:
    """The error lines of a run (a batch adds a summary line after them)."""
    return [line for line in stderr.splitlines() if line.startswith("newsformats: ")]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (INPUTS / "nitf" / "ferry-strike.xml", "nitf"),
        (INPUTS / "newsml" / "harbour-message.xml", "newsml"),
        (INPUTS / "newsml" / "LISTING_2_NewsML-G2_Text_Document.xml", "newsml"),
        (INPUTS / "feeds" / "morning.rss", "feed"),
        (INPUTS / "feeds" / "evening.atom", "feed"),
        (INPUTS / "pages" / "lemonde-1" / "source.html", "html"),
        (INPUTS / "ninjs" / "ninjs-1-complex.json", "json-shaped"),
    ],
)
def test_format_told_from_content(path: Path, expected: str) -> None:
    assert detect_format(open_source(path)) == expected


def test_extension_does_not_decide_for_markup(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_bytes((INPUTS / "nitf" / "ferry-strike.xml").read_bytes())
    assert read(page).headline == "Ferry crews walk out as talks collapse"


def test_json_shape_tells_ninjs_from_the_model(tmp_path: Path) -> None:
    ninjs = read(INPUTS / "ninjs" / "ninjs-2-complex-text.json")
    assert ninjs.headline == "Captain of wrecked cruise ship on trial in Italy"
    model = tmp_path / "a.json"
    model.write_text('{"headline": "H", "language": "en", "body": ["Text."]}')
    assert read(model).headline == "H"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "<svg>"),
        ('{"colour": "red"}', "neither an article nor ninjs"),
        ("[1, 2, 3]", "a JSON list"),
        ('<?xml version="1.0"?><NewsML Version="1.2"><NewsItem/></NewsML>', "NewsML 1"),
        (
            "<RBNews><NewsID>9a69</NewsID><content>&lt;p&gt;Text&lt;/p&gt;</content></RBNews>",
            "<RBNews>",
        ),
    ],
)
def test_unknown_formats_are_refused_in_one_line(tmp_path: Path, content: str, said: str) -> None:
    path = tmp_path / "thing.xml"
    path.write_text(content)
    run = run_cli("convert", path, "-o", tmp_path / "out", "--to", "html")
    assert run.code == 2
    assert len(errors(run.stderr)) == 1
    assert said in run.stderr and "thing.xml" in run.stderr and "Traceback" not in run.stderr
    written = [p for p in (tmp_path / "out").rglob("*") if p.suffix in (".html", ".epub", ".pdf")]
    assert written == []


def test_a_json_sharing_some_of_ninjs_keys_but_not_its_shape_is_refused(tmp_path: Path) -> None:
    """dpa's digitalwires (acc10): ninjs's "pubstatus", "descriptions" and "associations",
    but "urn" and "article_html" where ninjs has "uri" and "body_html". It was read as
    ninjs and failed with "no body text found"; it is refused as a JSON not known."""
    path = tmp_path / "wire.json"
    path.write_text(
        '{"format": "digitalwires@0.9.1", "urn": "urn:newsml:example.com:1", '
        '"pubstatus": "usable", "language": "de", "headline": "Ein Titel", '
        '"article_html": "<section><p>Ein Text.</p></section>", '
        '"descriptions": [], "associations": []}'
    )
    run = run_cli("convert", path, "-o", tmp_path / "out", "--to", "html")
    assert run.code == 2
    (line,) = errors(run.stderr)
    assert "a JSON this reader does not know (keys: format, urn, pubstatus" in line
    assert "neither our article model nor ninjs" in line
    assert "no body text" not in run.stderr


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("story.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "a PDF document"),
        ("story.epub", b"PK\x03\x04\x14\x00\x00\x00mimetypeapplication/epub+zip", "a ZIP"),
        ("story.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    ],
)
def test_documents_that_are_not_text_are_named_in_one_line(
    tmp_path: Path, name: str, content: bytes, said: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    run = run_cli("convert", path, "-o", tmp_path / "out", "--to", "html")
    assert run.code == 2
    (line,) = errors(run.stderr)
    assert line.startswith(f"newsformats: {path}: {said}")
    assert "language" not in run.stderr and "Traceback" not in run.stderr


def test_a_newsml_item_without_text_is_refused() -> None:
    with pytest.raises(InputError, match="no text item"):
        read(INPUTS / "newsml" / "LISTING_3_Photo_in_NewsML-G2.xml")
    with pytest.raises(InputError, match="knowledgeItem"):
        read(INPUTS / "newsml" / "LISTING_12_Knowledge_Item_for_Access_Codes.xml")


def test_read_refuses_an_input_of_many_articles_and_read_all_gives_them() -> None:
    feed = INPUTS / "feeds" / "evening.atom"
    with pytest.raises(InputError, match="holds 2 articles"):
        read(feed)
    assert [a.language for a in read_all(feed)] == ["ru", "ru"]


def test_from_forces_a_reader(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("---\nlanguage: en\n---\n# Hello *world*\n\nThe text.\n")
    assert read(path, format="markdown").headline == "Hello world"
    run = run_cli("convert", path, "--from", "nitf", "-o", tmp_path / "out", "--to", "html")
    assert run.code == 2 and "invalid XML" in run.stderr


ENTITIES = """<?xml version="1.0"?>
<!DOCTYPE {root} [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
"""


@pytest.mark.parametrize(
    ("root", "document"),
    [
        (
            "nitf",
            '<nitf baselang="en"><body><body.head><hedline><hl1>H &e;</hl1></hedline>'
            "</body.head><body.content><p>Text &e; &xxe; of the story.</p></body.content>"
            "</body></nitf>",
        ),
        (
            "rss",
            '<rss version="2.0"><channel><title>T</title><language>en</language><item>'
            "<title>H &e; &xxe;</title><description>Text &e; &xxe; of the story.</description>"
            "</item></channel></rss>",
        ),
    ],
)
def test_entities_are_never_expanded(tmp_path: Path, root: str, document: str) -> None:
    path = tmp_path / "hostile.xml"
    path.write_text(ENTITIES.format(root=root) + document)
    run = run_cli("convert", path, "-o", tmp_path / "out", "--to", "html")
    assert "Traceback" not in run.stderr
    written = "".join(p.read_text() for p in (tmp_path / "out").glob("*.html"))
    assert "root:x:0" not in written and "a" * 200 not in written
    if run.code:
        assert run.code == 2 and len(errors(run.stderr)) == 1
