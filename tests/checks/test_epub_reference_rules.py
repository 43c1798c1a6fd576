"""EPUB rules that mirror EPUBCheck and Ace, on small books edited by hand."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from checks.makers import make_epub
from newsformats.checks.runner import check_file


def edited(
    tmp_path: Path,
    name: str,
    changes: dict[str, Callable[[str], str]],
    extra: dict[str, bytes] | None = None,
) -> Path:
    """``make_epub``'s book with some members' text changed and some members added."""
    source = make_epub(tmp_path / f"{name}-source.epub")
    target = tmp_path / f"{name}.epub"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename in changes:
                data = changes[info.filename](data.decode("utf-8")).encode("utf-8")
            new.writestr(info, data)
        for member, data in (extra or {}).items():
            new.writestr(member, data)
    return target


def structure(path: Path) -> list[str]:
    return [f.message for f in check_file("epub", path) if f.rule == "epub-structure"]


def manifest(item: str) -> Callable[[str], str]:
    return lambda opf: opf.replace("</manifest>", f"{item}\n  </manifest>")


def test_the_unedited_book_has_no_structure_finding(tmp_path: Path) -> None:
    assert structure(edited(tmp_path, "plain", {})) == []


def test_empty_package_metadata(tmp_path: Path) -> None:
    # EPUBCheck RSC-005: the EPUB 3 package schema wants every dc:* and meta non-empty.
    empty = edited(
        tmp_path,
        "empty",
        {
            "EPUB/package.opf": lambda opf: opf.replace(
                "</metadata>",
                "<dc:creator> </dc:creator>"
                '<meta property="schema:accessModeSufficient"></meta></metadata>',
            )
        },
    )
    found = structure(empty)
    assert any("<dc:creator> is empty" in m for m in found)
    assert any("schema:accessModeSufficient" in m for m in found)


def test_epub2_syntax_does_not_state_epub3_accessibility_metadata(tmp_path: Path) -> None:
    # Ace reads schema:… only from <meta property> in an EPUB 3 package.
    def legacy(opf: str) -> str:
        return opf.replace(
            '<meta property="schema:accessibilityHazard">none</meta>',
            '<meta name="schema:accessibilityHazard" content="none"/>',
        )

    findings = check_file("epub", edited(tmp_path, "legacy", {"EPUB/package.opf": legacy}))
    assert any(
        f.rule == "epub-a11y-metadata" and "accessibilityHazard" in f.message for f in findings
    )


def test_foreign_audio_needs_a_fallback(tmp_path: Path) -> None:
    # EPUBCheck RSC-032: audio/mp3 is not a core media type (audio/mpeg is).
    def page(fallback: str) -> Callable[[str], str]:
        return lambda text: text.replace("<p>Text", f'<audio src="a.mp3">{fallback}</audio><p>Text')

    item = manifest('<item id="a" href="a.mp3" media-type="audio/mp3"/>')
    bare = edited(
        tmp_path,
        "audio",
        {"EPUB/package.opf": item, "EPUB/text.xhtml": page("")},
        {"EPUB/a.mp3": b""},
    )
    assert any("a.mp3 (audio/mp3)" in m for m in structure(bare))
    # A manifest fallback to a core media type is enough.
    chained = manifest(
        '<item id="a" href="a.mp3" media-type="audio/mp3" fallback="b"/>'
        '<item id="b" href="b.mp3" media-type="audio/mpeg"/>'
    )
    covered = edited(
        tmp_path,
        "covered",
        {"EPUB/package.opf": chained, "EPUB/text.xhtml": page("")},
        {"EPUB/a.mp3": b"", "EPUB/b.mp3": b""},
    )
    assert not any("a.mp3" in m for m in structure(covered))


def test_epub_type_prefixes_must_be_declared(tmp_path: Path) -> None:
    # EPUBCheck OPF-028: only msv: and prism: are reserved in content documents.
    def typed(root: str) -> Callable[[str], str]:
        return lambda text: text.replace(
            '<html xmlns="http://www.w3.org/1999/xhtml"',
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
            f" {root}",
        ).replace("<p>Text", '<p epub:type="foo:bar">Text')

    undeclared = edited(tmp_path, "undeclared", {"EPUB/text.xhtml": typed("")})
    assert any("undeclared prefix 'foo'" in m for m in structure(undeclared))
    declared = edited(
        tmp_path, "declared", {"EPUB/text.xhtml": typed('epub:prefix="foo: http://example.org/"')}
    )
    assert not any("prefix" in m for m in structure(declared))


def test_fixed_layout_pages_state_their_viewport(tmp_path: Path) -> None:
    # EPUBCheck HTM-046, HTM-056: a pre-paginated XHTML page needs width and height.
    def fixed(opf: str) -> str:
        return opf.replace(
            "</metadata>", '<meta property="rendition:layout">pre-paginated</meta></metadata>'
        )

    def viewport(content: str) -> Callable[[str], str]:
        return lambda text: text.replace(
            "<title>", f'<meta name="viewport" content="{content}"/><title>'
        )

    assert any(
        "no viewport" in m for m in structure(edited(tmp_path, "f1", {"EPUB/package.opf": fixed}))
    )
    half = edited(
        tmp_path, "f2", {"EPUB/package.opf": fixed, "EPUB/text.xhtml": viewport("width=600")}
    )
    assert any("no height" in m for m in structure(half))
    whole = edited(
        tmp_path,
        "f3",
        {"EPUB/package.opf": fixed, "EPUB/text.xhtml": viewport("width=600, height=800")},
    )
    assert not any("viewport" in m for m in structure(whole))
    # A reflowable book needs none.
    assert not any("viewport" in m for m in structure(edited(tmp_path, "f4", {})))


def test_remote_resources(tmp_path: Path) -> None:
    # EPUB 3.3: audio, video and fonts may stay remote (with remote-resources); images may not.
    def page(tag: str) -> Callable[[str], str]:
        return lambda text: text.replace("<p>Text", f"{tag}<p>Text")

    audio = manifest('<item id="a" href="https://example.org/a.mp3" media-type="audio/mpeg"/>')
    remote_audio = edited(
        tmp_path,
        "ra",
        {
            "EPUB/package.opf": audio,
            "EPUB/text.xhtml": page('<audio src="https://example.org/a.mp3"/>'),
        },
    )
    found = structure(remote_audio)
    assert not any("is in the manifest but not in the zip" in m for m in found)
    assert any("remote-resources" in m for m in found)
    image = page('<img src="https://example.org/i.png" alt="A photo"/>')
    assert any(
        "remote resource" in m
        for m in structure(edited(tmp_path, "ri", {"EPUB/text.xhtml": image}))
    )


def test_data_blocks_media_parameters_and_open_clips(tmp_path: Path) -> None:
    # A JSON-LD script is a data block, not scripted content (EPUBCheck OPF-014).
    data = edited(
        tmp_path,
        "data",
        {
            "EPUB/text.xhtml": lambda t: t.replace(
                "</head>", '<script type="application/ld+json">{}</script></head>'
            )
        },
    )
    assert not any("scripted" in m for m in structure(data))
    # A media type may carry parameters (audio/ogg; codecs=opus is a core media type).
    opus = manifest('<item id="o" href="o.opus" media-type="audio/ogg ; codecs=opus"/>')
    typed = edited(tmp_path, "opus", {"EPUB/package.opf": opus}, {"EPUB/o.opus": b""})
    assert not any("not a media type" in m for m in structure(typed))


def test_a_clip_without_clip_end_plays_to_the_end(tmp_path: Path) -> None:
    # SMIL: clipEnd is optional; the clip's length is then the audio file's, not an error.
    source = make_epub(
        tmp_path / "mo-source.epub", overlay_durations=("0:00:05.000", "0:00:05.000")
    )
    target = tmp_path / "mo.epub"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "EPUB/text.smil":
                data = data.replace(b' clipEnd="0:00:05.000"', b"")
            new.writestr(info, data)
    found = [
        f.message for f in check_file("epub", target) if f.rule == "epub-media-overlay-duration"
    ]
    assert found == []


def test_toc_entries_lead_into_the_spine(tmp_path: Path) -> None:
    # Ace epub-toc-order: a TOC entry must reach an XHTML document of the spine (by id, if any).
    def toc(href: str) -> Callable[[str], str]:
        return lambda nav: nav.replace(
            '<a href="text.xhtml">Story</a>', f'<a href="{href}">Story</a>'
        )

    def order(path: Path) -> list[str]:
        return [f.message for f in check_file("epub", path) if f.rule == "epub-nav-order"]

    assert order(edited(tmp_path, "t0", {})) == []
    for name, href in (
        ("t1", "https://example.org/"),
        ("t2", "text.xhtml#nowhere"),
        ("t3", "nav.xhtml"),
    ):
        assert order(edited(tmp_path, name, {"EPUB/nav.xhtml": toc(href)})), href


def test_undeclared_resources_and_more_foreign_uses(tmp_path: Path) -> None:
    # EPUBCheck RSC-008: a srcset candidate in the zip but not in the manifest.
    srcset = edited(
        tmp_path,
        "srcset",
        {
            "EPUB/text.xhtml": lambda t: t.replace(
                'src="photo.png"', 'src="photo.png" srcset="big.png 2x"'
            )
        },
        {"EPUB/big.png": b"\x89PNG\r\n\x1a\n"},
    )
    assert any("'big.png' is not in the manifest" in m for m in structure(srcset))
    # EPUBCheck RSC-032: an embed of a foreign type needs a fallback too.
    foreign = edited(
        tmp_path,
        "embed",
        {
            "EPUB/package.opf": manifest(
                '<item id="x" href="f.xyz" media-type="application/x-demo"/>'
            ),
            "EPUB/text.xhtml": lambda t: t.replace("<p>Text", '<embed src="f.xyz"/><p>Text'),
        },
        {"EPUB/f.xyz": b"x"},
    )
    assert any("f.xyz (application/x-demo)" in m for m in structure(foreign))
