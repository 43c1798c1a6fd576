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


def test_manifest_items_name_their_resource_once_with_defined_properties(tmp_path: Path) -> None:
    cases = {
        # EPUBCheck PKG-025, OPF-099, OPF-074
        "meta-inf": ('<item id="m" href="../META-INF/x.png" media-type="image/png"/>', "META-INF"),
        "itself": ('<item id="s" href="package.opf" media-type="application/oebps-package+xml"/>',
                   "package document itself"),
        "twice": ('<item id="p2" href="photo.png" media-type="image/png"/>', "same resource"),
        # OPF-027, OPF-012
        "unknown": ('<item id="u" href="u.css" media-type="text/css" properties="shiny"/>',
                    "'shiny' is not a manifest item property"),
        "rendition": ('<item id="r" href="r.css" media-type="text/css" '
                      'properties="rendition:layout-pre-paginated"/>', "not a manifest item"),
        "wrong-type": ('<item id="c" href="c.css" media-type="text/css" properties="nav"/>',
                       "'nav' does not apply to text/css"),
        # OPF-040, OPF-045
        "no-fallback": ('<item id="x" href="x.xyz" media-type="image/xyz" fallback="none"/>',
                        "which is no item"),
        "circle": ('<item id="a" href="a.xyz" media-type="image/xyz" fallback="b"/>'
                   '<item id="b" href="b.xyz" media-type="image/xyz" fallback="a"/>',
                   "goes round in a circle"),
    }  # fmt: skip
    extra = {name: b"x" for name in ("EPUB/u.css", "EPUB/r.css", "EPUB/c.css", "EPUB/x.xyz")}
    extra |= {"EPUB/a.xyz": b"x", "EPUB/b.xyz": b"x", "META-INF/x.png": b"\x89PNG\r\n\x1a\n"}
    for name, (item, message) in cases.items():
        book = edited(tmp_path, name, {"EPUB/package.opf": manifest(item)}, extra)
        assert any(message in m for m in structure(book)), name
    # a custom prefix's properties are not judged; cover-image applies to any image
    fine = edited(
        tmp_path,
        "fine",
        {
            "EPUB/package.opf": lambda opf: opf.replace(
                'href="photo.png" media-type="image/png"',
                'href="photo.png" media-type="image/png" properties="cover-image my:thing"',
            ).replace("<package ", '<package prefix="my: http://example.org/my#" ')
        },
    )
    assert structure(fine) == []


def test_ocf_encryption_and_signature_files(tmp_path: Path) -> None:
    ocf = 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"'
    enc = 'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"'
    font = '<item id="f" href="f.otf" media-type="{}"/>'

    def encrypted(method: str, extra: str = "") -> bytes:
        return (
            f"<encryption {ocf} {enc}><enc:EncryptedData>"
            f'<enc:EncryptionMethod Algorithm="{method}"/>'
            '<enc:CipherData><enc:CipherReference URI="EPUB/f.otf"/></enc:CipherData>'
            f"{extra}</enc:EncryptedData></encryption>"
        ).encode()

    def book(name: str, files: dict[str, bytes], media_type: str = "font/otf") -> list[str]:
        files = {"EPUB/f.otf": b"OTTO", **files}
        opf = manifest(font.format(media_type))
        return structure(edited(tmp_path, name, {"EPUB/package.opf": opf}, files))

    obfuscated = encrypted("http://www.idpf.org/2008/embedding")
    assert book("font", {"META-INF/encryption.xml": obfuscated}) == []
    # EPUBCheck PKG-026: only font core media types may be obfuscated
    assert any("not a font core media type" in m for m in book(
        "not-font", {"META-INF/encryption.xml": obfuscated}, "font/opentype"
    ))  # fmt: skip
    # RSC-005: the OCF schemas
    container = f'<container {ocf} version="1.0"><rootfiles/></container>'.encode()
    assert any("root is not <encryption>" in m for m in book("root", {
        "META-INF/encryption.xml": container
    }))  # fmt: skip
    assert any("root is not <signatures>" in m for m in book("signatures", {
        "META-INF/signatures.xml": container
    }))  # fmt: skip
    compression = (
        '<enc:EncryptionProperties><enc:EncryptionProperty xmlns:c="http://www.idpf.org/2016/'
        'encryption#compression"><c:Compression Method="3" OriginalLength=""/>'
        "</enc:EncryptionProperty></enc:EncryptionProperties>"
    )
    aes = "http://www.w3.org/2001/04/xmlenc#aes128-cbc"
    found = book("compression", {"META-INF/encryption.xml": encrypted(aes, compression)})
    assert any("Method '3'" in m for m in found) and any("OriginalLength" in m for m in found)


def test_hyperlinks_lead_into_the_spine_and_non_linear_items_are_reached(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
        'lang="en" xml:lang="en"><head><title>More</title></head><body><p>More.</p></body></html>'
    )
    more = '<item id="more" href="more.xhtml" media-type="application/xhtml+xml"/>'

    def book(name: str, spine: str, link: str) -> list[str]:
        return structure(
            edited(
                tmp_path,
                name,
                {
                    "EPUB/package.opf": lambda o: manifest(more)(o).replace(
                        "</spine>", spine + "</spine>"
                    ),
                    "EPUB/text.xhtml": lambda t: t.replace("<p>Text", f"{link}<p>Text"),
                },
                {"EPUB/more.xhtml": page.encode()},
            )
        )

    link = '<p><a href="more.xhtml">more</a></p>'
    # EPUBCheck RSC-011: a hyperlink to a content document outside the spine
    assert any("not in the spine" in m for m in book("outside", "", link))
    # OPF-096: a non-linear item that no hyperlink reaches
    nonlinear = '<itemref idref="more" linear="no"/>'
    assert any("reached by no hyperlink" in m for m in book("unreached", nonlinear, ""))
    assert book("reached", nonlinear, link) == []
    # RSC-010: a hyperlink to what is no content document
    assert any("no content document" in m for m in book("image", "", '<a href="photo.png">p</a>'))


def test_manifest_properties_the_document_does_not_need(tmp_path: Path) -> None:
    def declared(props: str, body: str = "") -> list[str]:
        return structure(
            edited(
                tmp_path,
                props.replace(" ", "-") + str(len(body)),
                {
                    "EPUB/package.opf": lambda o: o.replace(
                        'id="text" href="text.xhtml" media-type="application/xhtml+xml"',
                        f'id="text" href="text.xhtml" media-type="application/xhtml+xml" '
                        f'properties="{props}"',
                    ),
                    "EPUB/text.xhtml": lambda t: t.replace("<p>Text", f"{body}<p>Text"),
                },
            )
        )

    # EPUBCheck OPF-015
    assert any('declares properties="scripted"' in m for m in declared("scripted"))
    assert any('declares properties="svg"' in m for m in declared("svg"))
    assert declared("scripted", '<button onclick="go()">Go</button>') == []
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><switch><g/></switch></svg>'
    assert declared("svg", svg) == []  # an SVG switch is no epub:switch
    # OPF-014: epub:switch needs the switch property
    switch = (
        '<epub:switch xmlns:epub="http://www.idpf.org/2007/ops"><epub:default>'
        "<p>x</p></epub:default></epub:switch>"
    )
    assert any('lacks properties="switch"' in m for m in declared("", switch))


def test_what_style_sheets_use(tmp_path: Path) -> None:
    css_item = '<item id="css" href="style.css" media-type="text/css"{}/>'
    font_item = '<item id="font" href="https://example.org/font" media-type="font/woff"/>'

    def book(name: str, css: str, items: str = "", props: str = "") -> list[str]:
        opf = manifest(css_item.format(props) + items)
        link = '<link rel="stylesheet" href="style.css"/></head>'
        return structure(
            edited(
                tmp_path,
                name,
                {
                    "EPUB/package.opf": opf,
                    "EPUB/text.xhtml": lambda t: t.replace("</head>", link),
                },
                {"EPUB/style.css": css.encode(), "EPUB/bg.png": b"\x89PNG\r\n\x1a\n"},
            )
        )

    face = '@font-face {{ font-family: "F"; src: url("{}") format("woff"); }}'
    # EPUBCheck RSC-030, RSC-007, RSC-008
    assert any("file: URL" in m for m in book("file", face.format("file:/font.woff")))
    assert any(
        "'gone.png' is not in the EPUB" in m for m in book("gone", "p{background:url(gone.png)}")
    )
    assert any(
        "'bg.png' is not in the manifest" in m for m in book("bg", "p{background:url(bg.png)}")
    )
    remote = face.format("https://example.org/font")
    assert any(
        "remote 'https://example.org/font' is not in" in m for m in book("undeclared", remote)
    )
    # OPF-014: the style sheet's item needs remote-resources
    found = book("remote", remote, font_item)
    assert any("style.css uses a remote resource" in m for m in found)
    props = ' properties="remote-resources"'
    assert book("declared", face.format("https://example.org/font#f"), font_item, props) == []
    # a namespace is no resource; fragments name SVG elements
    assert (
        book("namespace", "@namespace svg url(http://www.w3.org/2000/svg); p{fill:url(#g)}") == []
    )
    # CSS-001 and CSS-008
    assert any("may not set direction" in m for m in book("direction", "p { direction: rtl }"))
    assert any("not closed" in m for m in book("open", "p { color: red; h1 { color: blue }"))
    assert book("braces", 'p::before { content: "{" } /* } */') == []


def test_inline_and_svg_style_sheets_use_remote_fonts(tmp_path: Path) -> None:
    font_item = '<item id="font" href="https://example.org/font" media-type="font/woff"/>'
    style = '<style>@font-face { font-family: "F"; src: url("https://example.org/font"); }</style>'
    inline = edited(
        tmp_path,
        "inline",
        {
            "EPUB/package.opf": manifest(font_item),
            "EPUB/text.xhtml": lambda t: t.replace("</head>", style + "</head>"),
        },
    )
    assert any("text.xhtml uses a remote resource" in m for m in structure(inline))
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<font-face font-family="S"><font-face-src><font-face-uri xlink:href="https://example.org/font"/>'
        "</font-face-src></font-face></svg>"
    )
    svg_item = '<item id="svg" href="c.svg" media-type="image/svg+xml"/>'
    in_svg = edited(
        tmp_path,
        "svg",
        {"EPUB/package.opf": manifest(font_item + svg_item)},
        {"EPUB/c.svg": svg.encode()},
    )
    assert any("c.svg uses a remote resource" in m for m in structure(in_svg))


def test_overlays_and_the_documents_they_read(tmp_path: Path) -> None:
    def book(name: str, changes: dict[str, Callable[[str], str]]) -> list[str]:
        source = make_epub(tmp_path / f"{name}-src.epub", overlay_durations=("0:00:05", "0:00:05"))
        target = tmp_path / f"{name}.epub"
        with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
            for info in old.infolist():
                data = old.read(info)
                if info.filename in changes:
                    data = changes[info.filename](data.decode()).encode()
                new.writestr(info, data)
        return structure(target)

    assert book("plain", {}) == []
    # EPUBCheck MED-010: a document read by an overlay names it
    unnamed = {"EPUB/package.opf": lambda o: o.replace(' media-overlay="mo"', "")}
    assert any("but names none" in m for m in book("unnamed", unnamed))
    # RSC-012: the text it reads is there (a media fragment names no element)
    smil = "EPUB/text.smil"
    assert any(
        "no element has that id" in m for m in book("id", {smil: lambda s: s.replace("#s2", "#s9")})
    )
    assert book("media-fragment", {smil: lambda s: s.replace("#s2", "#t=1")}) == []
    # MED-005: core media type audio only
    m4a = {
        "EPUB/package.opf": lambda o: o.replace('media-type="audio/mpeg"', 'media-type="audio/m4a"')
    }
    assert any("no core media type" in m for m in book("m4a", m4a))
    # CSS-030: an active class needs a style sheet in the documents read aloud
    active = '<meta property="media:active-class">-epub-media-overlay-active</meta></metadata>'
    styled = {"EPUB/package.opf": lambda o: o.replace("</metadata>", active)}
    assert any("no style sheet" in m for m in book("active", styled))
    styled["EPUB/text.xhtml"] = lambda t: t.replace("</head>", "<style>.a{}</style></head>")
    assert book("styled", styled) == []


def test_html_content_models_of_the_xhtml_schema(tmp_path: Path) -> None:
    def body(name: str, html: str) -> list[str]:
        page = {"EPUB/text.xhtml": lambda t: t.replace("<p>Text", f"{html}<p>Text")}
        return structure(edited(tmp_path, name, page))

    # EPUBCheck RSC-005 (the HTML assertions of its schema)
    assert any(
        "<dfn> may not be inside <dfn>" in m for m in body("dfn", "<dfn>a <dfn>b</dfn></dfn>")
    )
    assert any(
        "<button> may not be inside <a>" in m
        for m in body("a", '<a href="#s1"><button>b</button></a>')
    )
    assert any("<input> may not be inside" in m for m in body("input", "<button><input/></button>"))
    assert body("hidden", '<button><input type="hidden"/></button>') == []
    assert any("obsolete" in m for m in body("center", "<center>x</center>"))
    assert any("differ" in m for m in body("lang", '<p lang="en" xml:lang="fr">x</p>'))
    # SVG has its own <font> and <a>
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><a href="#s1"><font/><a/></a></svg>'
    ok = edited(
        tmp_path,
        "svg",
        {
            "EPUB/text.xhtml": lambda t: t.replace("<p>Text", f"{svg}<p>Text"),
            "EPUB/package.opf": lambda o: o.replace(
                'media-type="application/xhtml+xml"/>',
                'media-type="application/xhtml+xml" properties="svg"/>',
            ),
        },
    )
    assert structure(ok) == []


def test_picture_sources_and_data_urls(tmp_path: Path) -> None:
    foreign = manifest('<item id="x" href="x.xyz" media-type="image/xyz" fallback="photo"/>')

    def page(name: str, html: str, opf: Callable[[str], str] = foreign) -> list[str]:
        changes = {
            "EPUB/package.opf": opf,
            "EPUB/text.xhtml": lambda t: t.replace("<p>Text", f"{html}<p>Text"),
        }
        return structure(edited(tmp_path, name, changes, {"EPUB/x.xyz": b"x"}))

    # EPUBCheck MED-003: a picture's img is a core image type, whatever the manifest fallback
    assert any(
        "img of a picture" in m
        for m in page("img", '<picture><img src="x.xyz" alt="x"/></picture>')
    )
    # MED-007: a foreign source states its type
    source = '<picture><source srcset="x.xyz"{}/><img src="photo.png" alt="p"/></picture>'
    assert any("without a type" in m for m in page("source", source.format("")))
    assert page("typed", source.format(' type="image/xyz"')) == []
    # RSC-032: a data: URL of a foreign type has no fallback
    assert any(
        "a data: URL (image/xyz)" in m
        for m in page("data", '<img src="data:image/xyz;base64,AAAA" alt="d"/>')
    )
    assert page("data-png", '<img src="data:image/png;base64,AAAA" alt="d"/>') == []


def test_external_identifiers(tmp_path: Path) -> None:
    def with_doctype(name: str, doctype: str, media_type: str) -> list[str]:
        def item(opf: str) -> str:  # an NCX is named by the spine's toc (package-30.sch)
            opf = manifest(f'<item id="d" href="d.xml" media-type="{media_type}"/>')(opf)
            return opf.replace("<spine>", '<spine toc="d">') if "ncx" in media_type else opf

        body = "<doc/>"
        if "ncx" in media_type:  # a whole NCX, whose schema is checked too
            uid = "urn:uuid:12345678-1234-1234-1234-123456789abc"
            content = '<content src="text.xhtml"/>'
            body = NCX_DOC.format(uid=uid, content=content).split("\n", 1)[1]
        data = f'<?xml version="1.0"?>\n{doctype}\n{body}'.encode()
        return structure(edited(tmp_path, name, {"EPUB/package.opf": item}, {"EPUB/d.xml": data}))

    ncx = '<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "{}">'
    allowed = ncx.format("http://www.daisy.org/z3986/2005/ncx-2005-1.dtd")
    assert with_doctype("ncx", allowed, "application/x-dtbncx+xml") == []
    # EPUBCheck OPF-073: another DTD, or the NCX's on another media type
    other = ncx.format("http://example.org/dtd")
    assert any(
        "external identifier" in m for m in with_doctype("other", other, "application/x-dtbncx+xml")
    )
    assert any("external identifier" in m for m in with_doctype("xml", allowed, "application/xml"))


SVG_DOC = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    '<defs><linearGradient id="grad"/><clipPath id="clip"/><symbol id="sym"/></defs>'
    '<g id="group"/>{body}</svg>'
)
SVG_ITEM = '<item id="pic" href="pic.svg" media-type="image/svg+xml"{properties}/>'


def with_svg(tmp_path: Path, name: str, body: str, properties: str = "") -> Path:
    """The small book with an SVG image ``pic.svg`` holding ``body``, shown by the text."""
    return edited(
        tmp_path,
        name,
        {
            "EPUB/package.opf": manifest(SVG_ITEM.format(properties=properties)),
            "EPUB/text.xhtml": lambda t: t.replace(
                "<p>Text", '<img src="pic.svg" alt="A drawing"/><p>Text'
            ),
        },
        {"EPUB/pic.svg": SVG_DOC.format(body=body).encode("utf-8")},
    )


def in_text(snippet: str) -> Callable[[str], str]:
    return lambda text: text.replace("<p>Text", f"{snippet}<p>Text")


def test_fragments_name_elements_of_the_right_kind(tmp_path: Path) -> None:
    # EPUBCheck RSC-012 for every kind of reference, here an SVG paint and an image.
    fine = with_svg(tmp_path, "ok", '<rect fill="url(#grad)"/><use xlink:href="#sym"/>')
    assert structure(fine) == []
    missing = with_svg(tmp_path, "missing", '<rect fill="url(#nowhere)"/>')
    assert any("no element has that id" in m for m in structure(missing))
    # RSC-014: a paint server must be a gradient or pattern; use may name a generic element.
    wrong = with_svg(tmp_path, "wrong", '<rect fill="url(#clip)"/>')
    assert any("names a svg-clip-path element" in m for m in structure(wrong))
    assert not structure(with_svg(tmp_path, "generic", '<use xlink:href="#group"/>'))
    # RSC-015: an SVG use or paint reference needs a fragment.
    bare = with_svg(tmp_path, "bare", '<use xlink:href="pic.svg"/>')
    assert any("needs a fragment identifier" in m for m in structure(bare))


def test_a_style_sheet_is_not_named_with_a_fragment(tmp_path: Path) -> None:
    # EPUBCheck RSC-013.
    def styled(href: str) -> dict[str, Callable[[str], str]]:
        return {
            "EPUB/package.opf": manifest('<item id="css" href="s.css" media-type="text/css"/>'),
            "EPUB/text.xhtml": lambda t: t.replace(
                "</head>", f'<link rel="stylesheet" href="{href}"/></head>'
            ),
        }

    css = {"EPUB/s.css": b"p { margin: 0 }"}
    assert not structure(edited(tmp_path, "plain-css", styled("s.css"), css))
    found = structure(edited(tmp_path, "frag-css", styled("s.css#x"), css))
    assert any("style sheet is named with a fragment" in m for m in found)


def test_every_kind_of_reference_is_in_the_book(tmp_path: Path) -> None:
    # EPUBCheck RSC-007 for citations and tracks; RSC-012 for an image's fragment.
    cite = edited(tmp_path, "cite", {"EPUB/text.xhtml": in_text('<q cite="gone.xhtml">Q</q>')})
    assert any("'gone.xhtml' is not in the EPUB" in m for m in structure(cite))
    image = with_svg(tmp_path, "img-frag", "")
    assert structure(image) == []
    with zipfile.ZipFile(image) as old, zipfile.ZipFile(tmp_path / "f.epub", "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "EPUB/text.xhtml":
                data = data.replace(b'src="pic.svg"', b'src="pic.svg#nowhere"')
            new.writestr(info, data)
    assert any("no element has that id" in m for m in structure(tmp_path / "f.epub"))


def test_remote_resources_by_kind(tmp_path: Path) -> None:
    # EPUBCheck RSC-006: a remote track is a publication resource that must be in the EPUB;
    # remote audio may stay remote, with remote-resources on the document (OPF-014).
    track = in_text(
        '<video src="v.mp4"><track src="https://example.org/t.vtt" kind="captions"/></video>'
    )
    found = structure(
        edited(
            tmp_path,
            "track",
            {
                "EPUB/text.xhtml": track,
                "EPUB/package.opf": manifest('<item id="v" href="v.mp4" media-type="video/mp4"/>'),
            },
            {"EPUB/v.mp4": b""},
        )
    )
    assert any("t.vtt' is a remote resource" in m for m in found)
    audio = manifest('<item id="a" href="https://example.org/a.mp3" media-type="audio/mpeg"/>')
    obj = in_text('<object data="https://example.org/a.mp3" type="audio/mpeg">A song</object>')
    found = structure(edited(tmp_path, "obj", {"EPUB/text.xhtml": obj, "EPUB/package.opf": audio}))
    assert not any("is a remote resource" in m for m in found)
    assert any('lacks properties="remote-resources"' in m for m in found)


def test_svg_documents_declare_scripts_and_remote_resources(tmp_path: Path) -> None:
    # EPUBCheck OPF-014 (and OPF-015) for SVG content documents.
    script = '<script type="application/ecmascript">var a = 1;</script>'
    assert any(
        'lacks properties="scripted"' in m for m in structure(with_svg(tmp_path, "s1", script))
    )
    assert not structure(with_svg(tmp_path, "s2", script, ' properties="scripted"'))
    assert any(
        "has no scripted content" in m
        for m in structure(with_svg(tmp_path, "s3", "", ' properties="scripted"'))
    )
    remote = '<image xlink:href="https://example.org/i.png" width="1" height="1"/>'
    assert any("is a remote resource" in m for m in structure(with_svg(tmp_path, "s4", remote)))


def with_css(
    tmp_path: Path, name: str, css: bytes, extra: str = "", files: dict[str, bytes] | None = None
) -> Path:
    """The small book with a style sheet ``s.css`` linked from the text (and more items)."""
    return edited(
        tmp_path,
        name,
        {
            "EPUB/package.opf": manifest(
                f'<item id="css" href="s.css" media-type="text/css"/>{extra}'
            ),
            "EPUB/text.xhtml": lambda t: t.replace(
                "</head>", '<link rel="stylesheet" href="s.css"/></head>'
            ),
        },
        {"EPUB/s.css": css, **(files or {})},
    )


def test_style_sheet_urls_are_not_empty_and_not_remote(tmp_path: Path) -> None:
    # EPUBCheck CSS-002 (empty URL), RSC-006 (a remote image), RSC-013 (@import with fragment).
    assert structure(with_css(tmp_path, "fine", b"p { background: url(photo.png) }")) == []
    empty = structure(with_css(tmp_path, "empty", b'p { background: url("") }'))
    assert any("is empty" in m for m in empty)
    remote = structure(
        with_css(tmp_path, "remote", b"p { background: url(https://example.org/i.png) }")
    )
    assert any("it must be in the EPUB" in m for m in remote)
    imported = structure(with_css(tmp_path, "import", b'@import "s.css#x";'))
    assert any("named with a fragment" in m for m in imported)


def test_remote_fonts_may_stay_remote(tmp_path: Path) -> None:
    # EPUB 3.3: a font (in @font-face, also nested in @media) may be remote, with
    # remote-resources on the style sheet's item.
    font = b"@media screen { @font-face { src: url(https://example.org/f.woff) } }"
    item = '<item id="f" href="https://example.org/f.woff" media-type="font/woff"/>'
    found = structure(with_css(tmp_path, "font", font, item))
    assert not any("it must be in the EPUB" in m for m in found)
    assert any("remote-resources" in m for m in found)


def test_style_sheets_are_utf8(tmp_path: Path) -> None:
    # EPUBCheck CSS-004: a style sheet declaring another encoding (UTF-16 is only a warning).
    latin = structure(with_css(tmp_path, "latin", b'@charset "ISO-8859-1";\np { margin: 0 }'))
    assert any("encoded in iso-8859-1" in m for m in latin)
    utf8 = structure(with_css(tmp_path, "utf8", b'@charset "UTF-8";\np { margin: 0 }'))
    assert not any("encoded" in m for m in utf8)


def test_a_viewport_states_each_size_once(tmp_path: Path) -> None:
    # EPUBCheck HTM-059: width (or height) given twice in a fixed-layout page's viewport.
    def fixed(opf: str) -> str:
        return opf.replace(
            "</metadata>", '<meta property="rendition:layout">pre-paginated</meta></metadata>'
        )

    twice = edited(
        tmp_path,
        "twice",
        {
            "EPUB/package.opf": fixed,
            "EPUB/text.xhtml": lambda t: t.replace(
                "<title>",
                '<meta name="viewport" content="width=600, height=800, width=700"/><title>',
            ),
        },
    )
    assert any("states width 2 times" in m for m in structure(twice))


def test_a_viewport_property_may_have_no_value(tmp_path: Path) -> None:
    # EPUB 3.3 appendix C: property = name, [assign, value]; EPUBCheck passes a name alone.
    def book(name: str, content: str) -> list[str]:
        def fixed(opf: str) -> str:
            layout = '<meta property="rendition:layout">pre-paginated</meta></metadata>'
            return opf.replace("</metadata>", layout)

        def page(text: str) -> str:
            return text.replace("<title>", f'<meta name="viewport" content="{content}"/><title>')

        return structure(
            edited(tmp_path, name, {"EPUB/package.opf": fixed, "EPUB/text.xhtml": page})
        )

    assert book("bare", "width=900, height=600, something, foo") == []
    assert book("spaced", "width = 900; height=600 shrink") == []
    assert any("not a list of name=value" in m for m in book("two", "width=900, height==600"))
    assert any("width" in m for m in book("nowidth", "width, height=600"))


def test_package_links_state_their_media_type(tmp_path: Path) -> None:
    # EPUBCheck OPF-093: a linked resource in the container needs media-type;
    # OPF-098: a link may not name an element of the package document.
    def linked(attributes: str) -> dict[str, Callable[[str], str]]:
        return {
            "EPUB/package.opf": lambda opf: opf.replace(
                "</metadata>", f'<link rel="record" {attributes}/></metadata>'
            )
        }

    extra = {"EPUB/record.xml": b"<record/>"}
    typed = edited(
        tmp_path, "typed", linked('href="record.xml" media-type="application/xml"'), extra
    )
    assert structure(typed) == []
    untyped = edited(tmp_path, "untyped", linked('href="record.xml"'), extra)
    assert any("has no media-type" in m for m in structure(untyped))
    itself = edited(tmp_path, "itself", linked('href="#uid" media-type="application/xml"'))
    assert any("names an element of the package" in m for m in structure(itself))
    remote = edited(tmp_path, "remote", linked('href="https://example.org/record"'))
    assert any("record link needs a media-type" in m for m in structure(remote))


def test_remote_items_other_than_media_are_errors_even_unused(tmp_path: Path) -> None:
    # EPUBCheck RSC-006 (OPFChecker30): a remote image in the manifest, used or not,
    # unless a script may fetch it; remote audio may stay remote.
    image = manifest('<item id="r" href="https://example.org/i.png" media-type="image/png"/>')
    found = structure(edited(tmp_path, "unused", {"EPUB/package.opf": image}))
    assert any("i.png is a remote image/png resource" in m for m in found)
    scripted = edited(
        tmp_path,
        "scripted",
        {
            "EPUB/package.opf": lambda opf: image(opf).replace(
                'href="text.xhtml" media-type="application/xhtml+xml"',
                'href="text.xhtml" media-type="application/xhtml+xml" properties="scripted"',
            ),
            "EPUB/text.xhtml": lambda t: t.replace("</head>", "<script>var a;</script></head>"),
        },
    )
    assert not any("remote image/png" in m for m in structure(scripted))
    audio = manifest('<item id="r" href="https://example.org/a.mp3" media-type="audio/mpeg"/>')
    assert structure(edited(tmp_path, "audio", {"EPUB/package.opf": audio})) == []


def test_overlays_playing_remote_audio_declare_remote_resources(tmp_path: Path) -> None:
    # EPUBCheck OPF-014 (OverlayHandler): remote audio needs remote-resources on the overlay.
    source = make_epub(
        tmp_path / "mo-source.epub", overlay_durations=("0:00:05.000", "0:00:05.000")
    )
    target = tmp_path / "mo.epub"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "EPUB/text.smil":
                data = data.replace(b'src="story.mp3"', b'src="https://example.org/story.mp3"')
            if info.filename == "EPUB/package.opf":
                data = data.replace(
                    b'<item id="audio" href="story.mp3"',
                    b'<item id="audio" href="https://example.org/story.mp3"',
                )
            new.writestr(info, data)
    found = structure(target)
    assert any("overlay plays remote audio but its manifest item lacks" in m for m in found)
    assert not any("not in the manifest" in m for m in found)


def test_every_use_of_a_foreign_resource_needs_a_fallback(tmp_path: Path) -> None:
    # EPUBCheck RSC-032 for image, audio/video and other references, wherever they are.
    foreign = '<item id="x" href="f.xyz" media-type="application/x-demo"/>'
    extra = {"EPUB/f.xyz": b"x"}

    def used(name: str, snippet: str) -> list[str]:
        changes = {"EPUB/package.opf": manifest(foreign), "EPUB/text.xhtml": in_text(snippet)}
        return structure(edited(tmp_path, name, changes, extra))

    assert any("f.xyz (application/x-demo)" in m for m in used("video", '<video src="f.xyz"/>'))
    assert any("f.xyz (application/x-demo)" in m for m in used("iframe", '<iframe src="f.xyz"/>'))
    # an object's own content is its fallback, but only content a reader sees
    assert not used("object", '<object data="f.xyz" type="application/x-demo">A chart</object>')
    assert any(
        "f.xyz (application/x-demo)" in m
        for m in used("hollow", '<object data="f.xyz"><span hidden="">A chart</span></object>')
    )
    css = b"p { background: url(f.xyz) }"
    sheet = structure(with_css(tmp_path, "css-foreign", css, foreign, extra))
    assert any("f.xyz (application/x-demo)" in m for m in sheet)


def test_a_page_list_names_its_source(tmp_path: Path) -> None:
    # Ace epub-pagesource: a page list needs dc:source marked source-of pagination.
    page_list = '<nav epub:type="page-list"><ol><li><a href="text.xhtml#s1">1</a></li></ol></nav>'

    def book(name: str, metadata: str) -> list[str]:
        changes = {
            "EPUB/nav.xhtml": lambda nav: nav.replace("</body>", f"{page_list}</body>"),
            "EPUB/package.opf": lambda opf: opf.replace("</metadata>", f"{metadata}</metadata>"),
        }
        found = check_file("epub", edited(tmp_path, name, changes))
        return [f.message for f in found if f.rule == "epub-page-source"]

    assert book("none", "")
    assert book("bare", "<dc:source>urn:isbn:9780000000000</dc:source>")
    marked = (
        '<dc:source id="src">urn:isbn:9780000000000</dc:source>'
        '<meta refines="#src" property="source-of">pagination</meta>'
    )
    assert book("marked", marked) == []
    assert book("break", '<meta property="pageBreakSource">urn:isbn:9780000000000</meta>') == []


def test_the_navigation_document_follows_its_schema(tmp_path: Path) -> None:
    # EPUBCheck RSC-005 (epub-nav-30.rnc and .sch).
    def nav(name: str, old: str, new: str) -> list[str]:
        return structure(edited(tmp_path, name, {"EPUB/nav.xhtml": lambda t: t.replace(old, new)}))

    toc = '<ol><li><a href="text.xhtml">Story</a></li></ol>'
    assert nav("n0", toc, toc) == []
    assert any(
        "a link or span and a nested <ol>" in m
        for m in nav("n1", toc, "<ol><li><span>Part</span></li></ol>")
    )
    assert any("nothing else" in m for m in nav("n2", toc, f"{toc}<p>More</p>"))
    assert any("no text" in m for m in nav("n3", ">Story</a>", "></a>"))
    second = '</nav><nav epub:type="toc"><ol><li><a href="text.xhtml">Again</a></li></ol></nav>'
    assert any('more than one "toc"' in m for m in nav("n4", "</nav>", second))


def test_content_mathml_annotations_are_named(tmp_path: Path) -> None:
    # EPUBCheck RSC-005 (EPUB's MathML schema): content MathML is name="contentequiv".
    def math(name: str, attributes: str) -> list[str]:
        snippet = (
            '<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="x"><semantics><mi>x</mi>'
            f"<annotation-xml {attributes}><ci>x</ci></annotation-xml></semantics></math>"
        )
        changes = {
            "EPUB/text.xhtml": in_text(snippet),
            "EPUB/package.opf": lambda opf: opf.replace(
                'href="text.xhtml" media-type="application/xhtml+xml"',
                'href="text.xhtml" media-type="application/xhtml+xml" properties="mathml"',
            ),
        }
        return structure(edited(tmp_path, name, changes))

    assert math("named", 'encoding="MathML-Content" name="contentequiv"') == []
    assert any("contentequiv" in m for m in math("unnamed", 'encoding="MathML-Content"'))
    assert any("may not have the encoding" in m for m in math("odd", 'encoding="x-foo"'))


def test_the_package_follows_its_schema(tmp_path: Path) -> None:
    # EPUBCheck RSC-005 (package-30.rnc and .sch).
    def package(name: str, old: str, new: str) -> list[str]:
        return structure(
            edited(tmp_path, name, {"EPUB/package.opf": lambda opf: opf.replace(old, new)})
        )

    end = "</metadata>"
    cases = {
        "refines": ('<meta refines="#nowhere" property="file-as">X</meta>' + end, "names no"),
        "role": ('<meta refines="#uid" property="role">aut</meta>' + end, '"role" property'),
        "layout": ('<meta property="rendition:layout">fixed</meta>' + end, "rendition:layout"),
        "modified": ('<meta property="dcterms:modified">2024</meta>' + end, "CCYY"),
    }
    for name, (new, expected) in cases.items():
        assert any(expected in m for m in package(name, end, new)), name
    twice = package(
        "twice", '<itemref idref="text"/>', '<itemref idref="text"/><itemref idref="text"/>'
    )
    assert any("names 'text' twice" in m for m in twice)
    linear = package("linear", '<itemref idref="text"/>', '<itemref idref="text" linear="maybe"/>')
    assert any("linear='maybe'" in m for m in linear)
    assert (
        package("fine", end, '<meta refines="#uid" property="identifier-type">uuid</meta>' + end)
        == []
    )


def test_xhtml_assertions_of_the_schema(tmp_path: Path) -> None:
    # EPUBCheck RSC-005 (epub-xhtml-30.sch): references by id name elements of the right kind.
    def page(name: str, snippet: str) -> list[str]:
        return structure(edited(tmp_path, name, {"EPUB/text.xhtml": in_text(snippet)}))

    assert page("fine", '<label for="f">Name</label><input id="f"/>') == []
    assert any("no labelable" in m for m in page("label", '<label for="s1">Name</label>'))
    assert any(
        "names an id that is not in the document" in m
        for m in page("aria", '<p aria-describedby="nowhere">X</p>')
    )
    assert any("no <datalist>" in m for m in page("list", '<input list="s1"/>'))
    nested = '<video src="v.mp4"><audio src="a.mp3"/></video>'
    assert any("inside another media element" in m for m in page("media", nested))


def test_overlays_and_the_container_follow_their_schemas(tmp_path: Path) -> None:
    # EPUBCheck RSC-005 (media-overlay-30.rnc, ocf-container-30.rnc).
    source = make_epub(
        tmp_path / "mo-source.epub", overlay_durations=("0:00:05.000", "0:00:05.000")
    )

    def changed(name: str, member: str, old: bytes, new: bytes) -> list[str]:
        target = tmp_path / f"{name}.epub"
        with zipfile.ZipFile(source) as before, zipfile.ZipFile(target, "w") as after:
            for info in before.infolist():
                data = before.read(info)
                after.writestr(info, data.replace(old, new) if info.filename == member else data)
        return structure(target)

    assert changed("same", "EPUB/text.smil", b"", b"") == []
    swapped = changed("par", "EPUB/text.smil", b'<text src="text.xhtml#s1"/>', b"")
    assert any("<par> holds one <text>" in m for m in swapped)
    clock = changed("clock", "EPUB/text.smil", b'clipEnd="0:00:02.000"', b'clipEnd="two"')
    assert any("is not a clock value" in m for m in clock)
    container = changed("container", "META-INF/container.xml", b' media-type="', b' type="')
    assert any("a <rootfile> has the attributes" in m for m in container)


NCX_DOC = """<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<head><meta name="dtb:uid" content="{uid}"/></head>
<docTitle><text>A small book</text></docTitle>
<navMap><navPoint id="p1" playOrder="1"><navLabel><text>Story</text></navLabel>
{content}</navPoint></navMap></ncx>"""


def test_the_ncx_is_checked_too(tmp_path: Path) -> None:
    # EPUBCheck: the NCX's links are hyperlinks (RSC-012), its schema (RSC-005), NCX-001.
    uid = "urn:uuid:12345678-1234-1234-1234-123456789abc"

    def ncx(name: str, content: str, ident: str = uid) -> list[str]:
        def package(opf: str) -> str:
            opf = manifest('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')(
                opf
            )
            return opf.replace("<spine>", '<spine toc="ncx">')

        document = NCX_DOC.format(uid=ident, content=content).encode("utf-8")
        return structure(
            edited(tmp_path, name, {"EPUB/package.opf": package}, {"EPUB/toc.ncx": document})
        )

    assert ncx("fine", '<content src="text.xhtml#s1"/>') == []
    assert any("no element has that id" in m for m in ncx("frag", '<content src="text.xhtml#no"/>'))
    assert any("<navPoint> holds" in m for m in ncx("schema", ""))
    assert any("dtb:uid" in m for m in ncx("uid", '<content src="text.xhtml"/>', "urn:other"))


def test_html_content_models(tmp_path: Path) -> None:
    # EPUBCheck RSC-005 (its XHTML schema): known elements, in parents that may hold them.
    def page(name: str, snippet: str) -> list[str]:
        return structure(edited(tmp_path, name, {"EPUB/text.xhtml": in_text(snippet)}))

    assert page("fine", "<ul><li><p>One</p></li></ul><p><a href='#s1'>Up</a></p>") == []
    assert any("not an element of HTML" in m for m in page("unknown", "<blink>X</blink>"))
    assert any("which holds phrasing" in m for m in page("flow", "<p><a><div>X</div></a></p>"))
    assert any("<ul> may not hold <p>" in m for m in page("list", "<ul><p>X</p></ul>"))
    assert any("<td> may not be inside" in m for m in page("cell", "<div><td>X</td></div>"))


def test_global_attribute_values(tmp_path: Path) -> None:
    # EPUBCheck RSC-005 (its XHTML schema): ids are one token, enumerated attributes listed.
    def page(name: str, snippet: str) -> list[str]:
        return structure(edited(tmp_path, name, {"EPUB/text.xhtml": in_text(snippet)}))

    assert page("fine", '<p dir="rtl" tabindex="0" translate="no">X</p>') == []
    # HTML elements: the derived attribute table judges them
    assert any('"id" is invalid' in m for m in page("id", '<p id="a b">X</p>'))
    assert any('"dir" is invalid' in m for m in page("dir", '<p dir="up">X</p>'))
    assert any('"tabindex" is invalid' in m for m in page("tab", '<p tabindex="first">X</p>'))
    assert any('"border" is invalid' in m for m in page("border", TABLE.format(' border="2"')))
    assert page("border-1", TABLE.format(' border="1"')) == []
    # what the table leaves out: custom elements' global attributes, link's and embed's URL
    assert any("dir='up'" in m for m in page("custom", '<my-card dir="up">X</my-card>'))
    assert page("custom-fine", '<my-card dir="rtl">X</my-card>') == []
    assert any("<embed> has an empty src" in m for m in page("embed", '<embed src=""/>'))


TABLE = "<table{}><tr><td>X</td></tr></table>"


def test_required_attributes(tmp_path: Path) -> None:
    # EPUBCheck RSC-005 (its XHTML schema): an img has src, a linking area has alt.
    def page(name: str, snippet: str) -> list[str]:
        return structure(edited(tmp_path, name, {"EPUB/text.xhtml": in_text(snippet)}))

    assert any("<img> needs the attribute src" in m for m in page("img", '<img alt="x"/>'))
    area = '<map name="m"><area href="#s1" shape="default"/></map>'
    assert any("<area> needs the attribute alt" in m for m in page("area", area))
    named = '<map name="m"><area href="#s1" shape="default" alt="Top"/></map>'
    assert not any("needs the attribute" in m for m in page("named", named))


def test_custom_elements_and_switch_cases_hold_any_markup(tmp_path: Path) -> None:
    # EPUBCheck's XHTML schema lets custom elements through, and epub:case holds any markup.
    switch = (
        '<epub:switch xmlns:epub="http://www.idpf.org/2007/ops" id="sw">'
        '<epub:case required-namespace="http://www.xml-cml.org/schema">'
        '<cml:molecule xmlns:cml="http://www.xml-cml.org/schema"/></epub:case>'
        "<epub:default><p>Water</p></epub:default></epub:switch>"
    )
    found = structure(
        edited(
            tmp_path,
            "switch",
            {
                "EPUB/text.xhtml": in_text(f"{switch}<my-widget><p>X</p></my-widget>"),
                "EPUB/package.opf": lambda opf: opf.replace(
                    'href="text.xhtml" media-type="application/xhtml+xml"',
                    'href="text.xhtml" media-type="application/xhtml+xml" properties="switch"',
                ),
            },
        )
    )
    assert not any("not an element of HTML" in m for m in found)


def test_doctypes_and_internal_entities(tmp_path: Path) -> None:
    def page(name: str, doctype: str, body: str = "") -> list[str]:
        def edit(text: str) -> str:
            text = text.replace("<html ", f"{doctype}\n<html ", 1)
            return text.replace("<p>Text", f"{body}<p>Text")

        return structure(edited(tmp_path, name, {"EPUB/text.xhtml": edit}))

    # EPUBCheck HTM-004: no public identifier, no system one but about:legacy-compat
    assert page("legacy", '<!DOCTYPE html SYSTEM "about:legacy-compat">') == []
    assert any(
        "irregular DOCTYPE" in m
        for m in page(
            "xhtml11",
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
            '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">',
        )
    )
    # entities declared in the internal subset are allowed; external ones are not (HTM-003)
    assert page("internal", '<!DOCTYPE html [<!ENTITY foo "foo">]>', "&foo;") == []
    assert any(
        "bar" in m for m in page("undeclared", '<!DOCTYPE html [<!ENTITY foo "x">]>', "&bar;")
    )
    assert any(
        "external entity" in m
        for m in page("external", '<!DOCTYPE html [<!ENTITY ext SYSTEM "x.ent">]>')
    )


def test_collections_and_their_links(tmp_path: Path) -> None:
    def book(name: str, collection: str) -> list[str]:
        edit = {"EPUB/package.opf": lambda o: o.replace("</package>", f"{collection}</package>")}
        return structure(edited(tmp_path, name, edit))

    # a collection's own <link> needs no rel (package-30.rnc, opf.collection.link)
    preview = (
        '<collection role="preview"><collection role="manifest">'
        '<link href="text.xhtml" media-type="application/xhtml+xml"/></collection>'
        '<link href="text.xhtml"/></collection>'
    )
    assert book("preview", preview) == []
    assert any(
        "may not have the attribute 'refines'" in m
        for m in book(
            "refines",
            '<collection role="preview"><link href="text.xhtml" refines="#x"/></collection>',
        )
    )
    assert any("holds an optional" in m for m in book("empty", '<collection role="index"/>'))
    assert any(
        "holds an optional" in m
        for m in book(
            "order",
            '<collection role="index"><link href="text.xhtml"/><collection role="x">'
            '<link href="text.xhtml"/></collection></collection>',
        )
    )


def test_a_data_navigation_document_is_not_read_as_a_page(tmp_path: Path) -> None:
    data_nav = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en"><head><title>Data'
        '</title></head><body><nav epub:type="region-based"><ol><li>'
        '<a href="text.xhtml#xywh=percent:5,5,15,15"></a></li></ol></nav></body></html>'
    )

    def links(name: str, props: str, spine: str = "") -> list[str]:
        item = f'<item id="dn" href="data.xhtml" media-type="application/xhtml+xml"{props}/>'

        def opf(text: str) -> str:
            return manifest(item)(text).replace("</spine>", f"{spine}</spine>")

        book = edited(
            tmp_path, name, {"EPUB/package.opf": opf}, {"EPUB/data.xhtml": data_nav.encode()}
        )
        return [f.message for f in check_file("epub", book) if f.rule == "html-link-name"]

    # Region-Based Navigation: the data navigation document is for machines, not shown
    assert links("data-nav", ' properties="data-nav"') == []
    assert links("page", "", '<itemref idref="dn"/>') != []


def test_preview_dictionary_and_index_collections(tmp_path: Path) -> None:
    def book(name: str, collection: str, metadata: str = "") -> list[str]:
        def edit(opf: str) -> str:
            opf = opf.replace("</metadata>", f"{metadata}</metadata>")
            return opf.replace("</package>", f"{collection}</package>")

        return structure(edited(tmp_path, name, {"EPUB/package.opf": edit}))

    def preview(link: str, manifest: str = '<link href="text.xhtml"/>') -> str:
        inner = f'<collection role="manifest">{manifest}</collection>' if manifest else ""
        return f'<collection role="preview">{inner}<link href="{link}"/></collection>'

    assert book("preview", preview("text.xhtml")) == []
    # OPF-076, OPF-075, preview-collection.sch
    assert any("canonical fragment" in m for m in book("cfi", preview("text.xhtml#epubcfi(/4)")))
    assert any("no content document" in m for m in book("css", preview("photo.png")))
    assert any('"manifest" collection' in m for m in book("bare", preview("text.xhtml", "")))
    # OPF-078: a dictionary (by dc:type or collection) needs epub:type="dictionary" content
    dictionary = "<dc:type>dictionary</dc:type>"
    assert any("dictionary content" in m for m in book("dict", "", dictionary))
    assert any(
        "no document with dictionary content" in m
        for m in book(
            "dict-collection",
            '<collection role="dictionary"><link href="text.xhtml"/></collection>',
        )
    )
    # OPF-071 and idx-collection.sch
    index = '<collection role="index"><link href="photo.png"/></collection>'
    assert any("no XHTML document" in m for m in book("index", index))
    group = '<collection role="index-group"><link href="text.xhtml"/></collection>'
    assert any('child of an "index"' in m for m in book("group", group))


def test_zip_names_and_the_mimetype_header(tmp_path: Path) -> None:
    # OPF-060: two names that are the same after case folding (ß folds to ss)
    twins = edited(tmp_path, "twins", {}, {"EPUB/Stra\u00dfe.css": b"", "EPUB/STRASSE.css": b""})
    assert any("case folding" in m for m in structure(twins))
    # PKG-005: the first local header, mimetype's, has no extra field
    source = edited(tmp_path, "plain", {})
    target = tmp_path / "extra.epub"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename == "mimetype":
                info.extra = b"\xfe\xca\x00\x00"
            new.writestr(info, old.read(info.filename))
    assert any("extra field" in m for m in structure(target))
    assert not any("extra field" in m for m in structure(source))


def test_xml_encodings_and_version(tmp_path: Path) -> None:
    def book(name: str, member: str, data: bytes) -> list[str]:
        source = edited(tmp_path, f"{name}-plain", {})
        target = tmp_path / f"{name}.epub"
        with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
            for info in old.infolist():
                new.writestr(info, data if info.filename == member else old.read(info))
        return structure(target)

    with zipfile.ZipFile(edited(tmp_path, "plain", {})) as plain:
        page = plain.read("EPUB/text.xhtml").decode("utf-8")
        opf = plain.read("EPUB/package.opf").decode("utf-8")
    # HTM-058: XHTML in UTF-16; RSC-028: another encoding than UTF-8 and UTF-16
    utf16 = page.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert any("UTF-16" in m for m in book("utf16", "EPUB/text.xhtml", utf16))
    latin1 = opf.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1")
    assert any("ISO-8859-1" in m for m in book("latin1", "EPUB/package.opf", latin1))
    # RSC-016: a UTF-16 byte order mark under a UTF-8 declaration
    assert any(
        "byte order mark" in m for m in book("bom", "EPUB/package.opf", opf.encode("utf-16"))
    )
    # HTM-001: XML 1.0 only
    xml11 = page.replace('version="1.0"', 'version="1.1"', 1).encode("utf-8")
    assert any("XML 1.1" in m for m in book("xml11", "EPUB/text.xhtml", xml11))
    assert book("same", "EPUB/text.xhtml", page.encode("utf-8")) == []


def test_svg_foreign_objects_titles_and_epub_attributes(tmp_path: Path) -> None:
    svg_ns = 'xmlns="http://www.w3.org/2000/svg"'
    html_ns = 'xmlns="http://www.w3.org/1999/xhtml"'

    def inline(name: str, inner: str) -> list[str]:
        svg = f"<svg {svg_ns}>{inner}</svg>"
        changes = {
            "EPUB/text.xhtml": lambda t: t.replace("<p>Text", f"{svg}<p>Text"),
            "EPUB/package.opf": lambda o: o.replace(
                'media-type="application/xhtml+xml"/>',
                'media-type="application/xhtml+xml" properties="svg"/>',
            ),
        }
        return structure(edited(tmp_path, name, changes))

    def document(name: str, root_attributes: str, inner: str) -> list[str]:
        svg = f'<svg {svg_ns} xmlns:epub="http://www.idpf.org/2007/ops" {root_attributes}>'
        item = '<item id="pic" href="pic.svg" media-type="image/svg+xml"/>'
        changes = {"EPUB/package.opf": manifest(item)}
        return structure(
            edited(tmp_path, name, changes, {"EPUB/pic.svg": f"{svg}{inner}</svg>".encode()})
        )

    flow = f"<foreignObject><p {html_ns}>Hello</p></foreignObject>"
    assert inline("flow", flow) == []
    # EPUBCheck RSC-005: foreignObject and title hold HTML flow content
    assert any(
        "foreignObject" in m
        for m in inline("li", f"<foreignObject><li {html_ns}>x</li></foreignObject>")
    )
    assert any(
        "foreignObject" in m
        for m in inline("body", f"<foreignObject><body {html_ns}/></foreignObject>")
    )
    assert any("title" in m for m in inline("title", '<title><x:y xmlns:x="urn:x">t</x:y></title>'))
    assert inline("plain-title", "<title>A chart</title>") == []
    # an SVG document's foreignObject may hold one body, not two
    body = f"<foreignObject><body {html_ns}><p>x</p></body></foreignObject>"
    assert document("one-body", "", body) == []
    two = f"<foreignObject><body {html_ns}/><body {html_ns}/></foreignObject>"
    assert any("foreignObject" in m for m in document("two-bodies", "", two))
    # epub:type where allowed, no other epub: attribute; unique ids in an SVG document
    assert document("typed", 'epub:prefix="x: http://x.org/"', '<g epub:type="chapter"/>') == []
    assert any("epub:unknown" in m for m in document("unknown", 'epub:unknown=""', "<g/>"))
    assert any("epub:type" in m for m in document("desc", "", '<desc epub:type="chapter">d</desc>'))
    assert any("twice" in m for m in document("ids", "", '<g id="a"/><rect id="a"/>'))


def test_prefix_mappings_and_more_of_the_xhtml_schema(tmp_path: Path) -> None:
    def body(name: str, html: str, root: str = "") -> list[str]:
        def edit(text: str) -> str:
            text = text.replace(
                "<html ", f'<html {root} xmlns:epub="http://www.idpf.org/2007/ops" '
            )
            return text.replace("<p>Text", f"{html}<p>Text")

        return structure(edited(tmp_path, name, {"EPUB/text.xhtml": edit}))

    # OPF-007a, OPF-007c
    assert any('"_"' in m for m in body("underscore", "", 'epub:prefix="_: http://x.org/#"'))
    dc = 'epub:prefix="d: http://purl.org/dc/elements/1.1/"'
    assert any("Dublin Core" in m for m in body("dc", "", dc))
    assert body("prefix", "", 'epub:prefix="x: http://x.org/#"') == []
    # RSC-005: style in the head only, non-empty src, obsolete presentational attributes
    assert any("<style>" in m for m in body("style", "<style>p {}</style>"))
    assert any('"src" is invalid' in m for m in body("src", '<img src="  " alt="x"/>'))
    assert any(
        "border" in m for m in body("border", '<table border="2"><tr><td>x</td></tr></table>')
    )
    assert body("border1", '<table border="1"><tr><td>x</td></tr></table>') == []
    assert any('"align" not allowed' in m for m in body("align", '<p align="center">x</p>'))


def test_file_urls_and_queries(tmp_path: Path) -> None:
    def book(name: str, changes: dict[str, Callable[[str], str]]) -> list[str]:
        return structure(edited(tmp_path, name, changes))

    def link(href: str) -> dict[str, Callable[[str], str]]:
        tag = f'<link rel="record" href="{href}" media-type="application/xml"/>'
        return {"EPUB/package.opf": lambda o: o.replace("</metadata>", f"{tag}</metadata>")}

    # EPUBCheck's URLChecker: RSC-030 (file:), RSC-033 (a query in a relative URL)
    assert any("file: URL" in m for m in book("file", link("file:record.xml")))
    assert any("query" in m for m in book("query", link("record.xml?a=b")))
    assert not any("query" in m for m in book("remote", link("https://example.org/r?a=b")))
    page = {
        "EPUB/text.xhtml": lambda t: t.replace(
            "<p>Text", '<a href="text.xhtml?x=1#s1">x</a><p>Text'
        )
    }
    assert any("query" in m for m in book("page", page))


def test_epub_switch_holds_cases_then_one_default(tmp_path: Path) -> None:
    def switch(name: str, inner: str) -> list[str]:
        html = f'<epub:switch xmlns:epub="http://www.idpf.org/2007/ops">{inner}</epub:switch>'
        page = {"EPUB/text.xhtml": lambda t: t.replace("<p>Text", f"{html}<p>Text")}
        return [m for m in structure(edited(tmp_path, name, page)) if "epub:switch holds" in m]

    case = '<epub:case required-namespace="urn:x">x</epub:case>'
    default = "<epub:default>y</epub:default>"
    assert switch("good", case + default) == []
    assert switch("first", default + case) != []
    assert switch("twice", case + default + default) != []
    assert switch("no-case", default) != []


def test_css_declarations_as_epubcheck_parses_them(tmp_path: Path) -> None:
    def book(name: str, css: bytes, style: str = "") -> list[str]:
        item = '<item id="css" href="style.css" media-type="text/css"/>'
        link = f'<link rel="stylesheet" href="style.css"/>{style}</head>'
        changes = {
            "EPUB/package.opf": manifest(item),
            "EPUB/text.xhtml": lambda t: t.replace("</head>", link),
        }
        found = structure(edited(tmp_path, name, changes, {"EPUB/style.css": css}))
        return [m for m in found if "parsed" in m or "no value" in m]

    good = "p { color: red } @media print { p { --gap: ; margin: 0 } }"
    assert book("good", good.encode()) == []
    assert book("utf16", good.encode("utf-16")) == []  # read by its byte order mark
    # CSS-008: a property name, a colon, a value
    assert book("no-name", b"body { :black; }") != []
    assert book("no-colon", b"@media print { p { color red } }") != []
    assert book("no-value", b"p { color: ; }") != []
    assert book("inline", b"p {}", "<style>p { :x }</style>") != []


def test_multiple_renditions(tmp_path: Path) -> None:
    ns = 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"'
    rendition = 'xmlns:rendition="http://www.idpf.org/2013/rendition"'

    def book(name: str, attributes: str = "", mapping: str | None = None) -> list[str]:
        rootfile = (
            '<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"'
        )
        links = ""
        extra: dict[str, bytes] = {}
        if mapping is not None:
            link = '<link rel="mapping" href="map.xhtml" media-type="application/xhtml+xml"/>'
            links = f"<links>{link}</links>"
            extra["map.xhtml"] = mapping.encode()
        container = (
            f'<?xml version="1.0"?><container version="1.0" {ns} {rendition}><rootfiles>'
            f"{rootfile}/>{rootfile} {attributes}/></rootfiles>{links}</container>"
        )
        return structure(
            edited(tmp_path, name, {"META-INF/container.xml": lambda _: container}, extra)
        )

    assert (
        book("plain", 'rendition:layout="pre-paginated" rendition:media="(min-width: 30em)"') == []
    )
    # RSC-005 of multiple-renditions/container.rnc and .sch
    assert any("rendition:media" in m for m in book("media", 'rendition:media="min-width: 30em"'))
    assert any("rendition:layout" in m for m in book("layout", 'rendition:layout="fixed"'))
    assert any("rendition:unknown" in m for m in book("unknown", 'rendition:unknown="x"'))
    assert any("repeats" in m for m in book("modes", 'rendition:accessMode="visual visual"'))
    # the mapping document: a version meta and one resource-map nav of lists of links
    xhtml = 'xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
    items = '<ul><li><a href="EPUB/text.xhtml"/></li><li><a href="EPUB/text.xhtml"/></li></ul>'
    version = '<meta name="epub.multiple.renditions.version" content="1.0"/>'
    nav = f'<nav epub:type="resource-map">{items}</nav>'
    good = f"<html {xhtml}><head>{version}</head><body>{nav}</body></html>"
    assert book("mapping", mapping=good) == []
    assert any("version" in m for m in book("no-version", mapping=good.replace(version, "")))
    untyped = good.replace('epub:type="resource-map"', "")
    assert any("resource-map" in m for m in book("untyped", mapping=untyped))


def test_region_based_navigation_only_in_the_data_navigation_document(tmp_path: Path) -> None:
    def page(name: str, element: str) -> list[str]:
        html = f'<{element} xmlns:epub="http://www.idpf.org/2007/ops" epub:type="region-based"/>'
        edit = {"EPUB/text.xhtml": lambda t: t.replace("<p>Text", f"{html}<p>Text")}
        return [m for m in structure(edited(tmp_path, name, edit)) if "region-based" in m]

    # HTM-052: the page is no data navigation document, and a div is no nav
    assert page("div", "div") != []
    assert page("nav", "nav") != []


def test_index_documents(tmp_path: Path) -> None:
    def index(name: str, body: str) -> list[str]:
        page = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en"><head><title>Index'
            f"</title></head>{body}</html>"
        )
        item = (
            '<item id="idx" href="index.xhtml" media-type="application/xhtml+xml" '
            'properties="index"/>'
        )
        opf = manifest(item)
        book = edited(
            tmp_path, name, {"EPUB/package.opf": opf}, {"EPUB/index.xhtml": page.encode()}
        )
        return [m for m in structure(book) if "index" in m]

    entries = (
        '<ul><li><span epub:type="index-term">a</span> <a href="text.xhtml#s1">1</a></li></ul>'
    )
    assert index("good", f'<body epub:type="index"><h1>Index</h1>{entries}</body>') == []
    # idx-xhtml-index.sch and idx-xhtml.sch
    assert index("none", f"<body>{entries}</body>") != []
    assert index("empty", '<body epub:type="index"><h1>Index</h1></body>') != []
    assert index("div", f'<body><div epub:type="index">{entries}</div></body>') != []


def test_dictionary_content_and_search_key_maps(tmp_path: Path) -> None:
    def dictionary(name: str, body: str, skm: str | None = None) -> list[str]:
        def opf(o: str) -> str:
            o = o.replace("</metadata>", "<dc:type>dictionary</dc:type></metadata>")
            if skm is not None:
                o = o.replace(
                    "</manifest>",
                    '<item id="skm" href="map.xml" properties="search-key-map dictionary" '
                    'media-type="application/vnd.epub.search-key-map+xml"/></manifest>',
                )
            return o

        def page(t: str) -> str:
            t = t.replace("<html ", '<html xmlns:epub="http://www.idpf.org/2007/ops" ')
            return t.replace("<p>Text", f"{body}<p>Text")

        extra = {"EPUB/map.xml": skm.encode()} if skm is not None else {}
        found = structure(
            edited(tmp_path, name, {"EPUB/package.opf": opf, "EPUB/text.xhtml": page}, extra)
        )
        return [
            m for m in found if "dictionary" in m or "entry" in m or "match" in m or "search" in m
        ]

    entry = "<article><dfn>word</dfn> a meaning</article>"
    assert not any(
        "entry" in m
        for m in dictionary("good", f'<section epub:type="dictionary">{entry}</section>')
    )
    # dict-xhtml.sch
    assert any(
        "no article" in m
        for m in dictionary("empty", '<section epub:type="dictionary"><p>x</p></section>')
    )
    no_dfn = '<section epub:type="dictionary"><article>word</article></section>'
    assert any("no dfn" in m for m in dictionary("no-dfn", no_dfn))
    # search-key-map.rnc
    ops = 'xmlns="http://www.idpf.org/2007/ops" xml:lang="en"'
    group = '<search-key-group href="text.xhtml#s1">{}</search-key-group>'
    matched = group.format('<match value="w"/>')
    good = f"<search-key-map {ops}>{matched}</search-key-map>"
    bad = f"<search-key-map {ops}>{group.format('<match>w</match>')}</search-key-map>"
    body = f'<section epub:type="dictionary">{entry}</section>'
    assert not any("match" in m for m in dictionary("skm", body, good))
    assert any("match" in m for m in dictionary("skm-bad", body, bad))
    # RSC-007 and RSC-021: search keys lead to content documents of the spine
    assert not any("leads to" in m for m in dictionary("skm-links", body, good))
    for name, target, said in (
        ("css", "nav.xhtml", "not in the spine"),
        ("gone", "x.xhtml", "not in the container"),
    ):
        links = good.replace("text.xhtml#s1", target)
        assert any(said in m for m in dictionary(f"skm-{name}", body, links))


def test_edupub_page_list_and_accessibility_feature(tmp_path: Path) -> None:
    def edupub(name: str, metadata: str, page_break: bool) -> list[str]:
        def opf(o: str) -> str:
            return o.replace("</metadata>", f"<dc:type>edupub</dc:type>{metadata}</metadata>")

        def page(t: str) -> str:
            if not page_break:
                return t
            t = t.replace("<html ", '<html xmlns:epub="http://www.idpf.org/2007/ops" ')
            return t.replace("<p>Text", '<span epub:type="pagebreak" id="p1">1</span><p>Text')

        changes = {"EPUB/package.opf": opf, "EPUB/text.xhtml": page}
        return [
            m for m in structure(edited(tmp_path, name, changes)) if "EDUPUB" in m or "page" in m
        ]

    feature = '<meta property="schema:accessibilityFeature">tableOfContents</meta>'
    assert edupub("plain", feature, False) == []
    none = '<meta property="schema:accessibilityFeature">none</meta>'
    assert any('"none"' in m for m in edupub("none", none, False))
    found = edupub("breaks", feature, True)
    assert any("page list" in m for m in found)  # NAV-003 (make_epub's nav has none)
    assert any("pagination" in m for m in found)  # OPF-066


def test_content_mathml_only_in_its_annotation(tmp_path: Path) -> None:
    def math(name: str, inner: str) -> list[str]:
        html = f'<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="x">{inner}</math>'
        changes = {
            "EPUB/text.xhtml": lambda t: t.replace("<p>Text", f"{html}<p>Text"),
            "EPUB/package.opf": lambda o: o.replace(
                'media-type="application/xhtml+xml"/>',
                'media-type="application/xhtml+xml" properties="mathml"/>',
            ),
        }
        return [m for m in structure(edited(tmp_path, name, changes)) if "content MathML" in m]

    content = "<apply><plus/><ci>a</ci><ci>b</ci></apply>"
    assert math("bare", content) != []
    anno = '<annotation-xml encoding="{}" name="contentequiv">' + content + "</annotation-xml>"
    semantics = "<semantics><mi>a</mi>{}</semantics>"
    assert math("content", semantics.format(anno.format("MathML-Content"))) == []
    assert math("presentation", semantics.format(anno.format("MathML-Presentation"))) != []


def errors(path: Path) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in check_file("epub", path) if f.severity == "error"]


def test_manifest_ids_with_spaces_and_comments_in_the_spine(tmp_path: Path) -> None:
    # EPUBCheck: an XML ID's surrounding spaces do not count; a comment is no itemref.
    def opf(o: str) -> str:
        o = o.replace('id="text" href', 'id="  text " href')
        return o.replace("<spine>", "<spine><!-- the story -->")

    found = errors(edited(tmp_path, "ids", {"EPUB/package.opf": opf}))
    assert not any(m.startswith("epub-structure") for m in found)
    # Ace compares the idref with the id as written: the toc leads out of its spine
    assert any(m.startswith("epub-nav-order") for m in found)
    commented = edited(
        tmp_path, "comment", {"EPUB/package.opf": lambda o: opf(o).replace('"  text "', '"text"')}
    )
    assert errors(commented) == []
    unknown = edited(
        tmp_path, "unknown", {"EPUB/package.opf": lambda o: o.replace('"text"/>', '"te xt"/>')}
    )
    assert any("the spine names 'te xt'" in m for m in errors(unknown))


def test_a_namespace_name_that_is_no_valid_uri_is_well_formed(tmp_path: Path) -> None:
    # EPUBCheck accepts xmlns:epub="http://http://…" (info: an unknown namespace).
    def page(t: str) -> str:
        return t.replace("<html ", '<html xmlns:epub="http://http://www.idpf.org/2007/ops" ')

    assert errors(edited(tmp_path, "ns", {"EPUB/text.xhtml": page})) == []
    broken = edited(tmp_path, "broken", {"EPUB/text.xhtml": lambda t: page(t).replace("</h1>", "")})
    assert any("not well-formed" in m for m in errors(broken))


def test_enumerated_attribute_values_are_case_insensitive(tmp_path: Path) -> None:
    # EPUBCheck lower-cases HTML's enumerated and boolean attribute values first.
    def page(value: str) -> Callable[[str], str]:
        return lambda t: t.replace("<p>Text", f'<div hidden="{value}"></div><p>Text')

    assert errors(edited(tmp_path, "upper", {"EPUB/text.xhtml": page("HIDDEN")})) == []
    wrong = edited(tmp_path, "wrong", {"EPUB/text.xhtml": page("secret")})
    assert any('"hidden" is invalid' in m for m in errors(wrong))


def test_an_rdfa_link_names_its_resource_instead_of_an_href(tmp_path: Path) -> None:
    # validator.nu's RDFa schema: <link> has an href or a resource.
    def page(link: str) -> Callable[[str], str]:
        return lambda t: t.replace("</head>", f"{link}</head>")

    rdfa = '<link rel="dc:source" resource="http://example.org/#us"/>'
    assert errors(edited(tmp_path, "rdfa", {"EPUB/text.xhtml": page(rdfa)})) == []
    bare = edited(tmp_path, "bare", {"EPUB/text.xhtml": page('<link rel="dc:source"/>')})
    assert any("<link> needs the attribute href or resource" in m for m in errors(bare))


def test_rdf_list_items_in_svg_metadata_are_no_html_list_items(tmp_path: Path) -> None:
    # Elements of other namespaces keep their namespace: an rdf:li is no <li>.
    rdf = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>A square</title>'
        '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        "<rdf:Bag><rdf:li>Irving Bird</rdf:li></rdf:Bag></rdf:RDF></metadata></svg>"
    )

    def page(svg: str) -> Callable[[str], str]:
        return lambda t: t.replace("<p>Text", f"{svg}<p>Text")

    def opf(o: str) -> str:
        return o.replace(
            'id="text" href="text.xhtml" media-type="application/xhtml+xml"',
            'id="text" href="text.xhtml" media-type="application/xhtml+xml" properties="svg"',
        )

    changes = {"EPUB/text.xhtml": page(rdf), "EPUB/package.opf": opf}
    assert errors(edited(tmp_path, "rdf", changes)) == []
    html_li = {"EPUB/text.xhtml": page("<li>Irving Bird</li>")}
    assert any(m.startswith("html-lists") for m in errors(edited(tmp_path, "li", html_li)))


def test_zip_names_are_utf8_without_the_characters_ocf_forbids(tmp_path: Path) -> None:
    # EPUBCheck PKG-009 (OCF's forbidden characters), PKG-027 (a name that is not UTF-8).
    fine = edited(tmp_path, "fine", {}, {"EPUB/notes-ñ.txt": b"x"})
    assert errors(fine) == []
    colon = edited(tmp_path, "colon", {}, {"EPUB/a:b.txt": b"x", "EPUB/c|d.txt": b"x"})
    assert sum("characters OCF forbids: U+003A" in m for m in errors(colon)) == 1
    latin1 = edited(tmp_path, "latin1", {}, {"EPUB/caf_.txt": b"x"})
    latin1.write_bytes(latin1.read_bytes().replace(b"caf_", b"caf\xe9"))  # both headers
    assert any("is not UTF-8" in m for m in errors(latin1))


def test_network_urls_parse_as_the_url_standard_says(tmp_path: Path) -> None:
    # EPUBCheck RSC-020: "https:" is followed by "//", a host has no space.
    def page(href: str) -> dict[str, Callable[[str], str]]:
        return {
            "EPUB/text.xhtml": lambda t: t.replace(
                "<p>Text", f'<p><a href="{href}">a</a></p><p>Text'
            )
        }

    assert errors(edited(tmp_path, "fine", page("https://%C3%BC.example.org/a?b#c"))) == []
    for name, href in (("slash", "https:/www.example.org"), ("space", "http://www.example .org")):
        assert any("is not a valid URL" in m for m in errors(edited(tmp_path, name, page(href))))


def test_custom_data_and_namespaced_attributes(tmp_path: Path) -> None:
    # EPUBCheck HTM-061 (a data-* name) and HTM-054 (w3.org or idpf.org in a custom namespace).
    def page(name: str, attributes: str) -> Path:
        changes = {"EPUB/text.xhtml": lambda t: t.replace("<p>Text", f"<p {attributes}>Text")}
        return edited(tmp_path, name, changes)

    fine = 'data-x-y="1" xmlns:ok="http://example.org/w3.org" ok:a="1"'
    assert errors(page("fine", fine)) == []
    for name, attributes in (
        ("upper", 'data-ERR=""'),
        ("empty", 'data-=""'),
        ("dash", 'data--x=""'),
    ):
        assert any("not a valid custom data attribute" in m for m in errors(page(name, attributes)))
    w3 = 'xmlns:w3="http://example.w3.org" w3:a="1"'
    assert any("'w3.org' in its host" in m for m in errors(page("w3", w3)))


def test_svg_document_ids_are_xml_names(tmp_path: Path) -> None:
    # EPUBCheck's SVG schema: id is an NCName (RSC-005).
    def book(name: str, ident: str) -> Path:
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" id="{ident}" viewBox="0 0 1 1">'
            "<title>A</title></svg>"
        )
        item = '<item id="pic" href="pic.svg" media-type="image/svg+xml"/>'
        return edited(
            tmp_path, name, {"EPUB/package.opf": manifest(item)}, {"EPUB/pic.svg": svg.encode()}
        )

    assert not any("XML name" in m for m in structure(book("fine", "pic")))
    assert any("'1' is no XML name without colons" in m for m in structure(book("digit", "1")))


def test_epub_case_needs_its_namespace_and_epub_prefix_stays_on_the_root(tmp_path: Path) -> None:
    # epub-switch.rnc: epub:case has required-namespace; epub:prefix only on <html> (RSC-005).
    ops = 'xmlns:epub="http://www.idpf.org/2007/ops" '

    def page(name: str, head: str, body: str) -> list[str]:
        def change(t: str) -> str:
            return (
                t.replace("<html ", f"<html {ops}")
                .replace("<head>", head)
                .replace("<p>Text", f"{body}<p>Text")
            )

        return structure(edited(tmp_path, name, {"EPUB/text.xhtml": change}))

    switch = (
        "<epub:switch><epub:case{}><p>a</p></epub:case>"
        "<epub:default><p>b</p></epub:default></epub:switch>"
    )
    assert not any(
        "required-namespace" in m
        for m in page("ok", "<head>", switch.format(' required-namespace="urn:x"'))
    )
    assert any("required-namespace" in m for m in page("no-ns", "<head>", switch.format("")))
    on_head = '<head epub:prefix="ex: http://example.org/v">'
    assert any("epub:prefix is allowed on the root" in m for m in page("head", on_head, ""))


DATA_NAV = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"
 lang="en" xml:lang="en"><head><title>Regions</title></head><body>{}</body></html>"""


def test_the_data_navigation_document(tmp_path: Path) -> None:
    # datanav-xhtml.sch (RSC-005) and NAV-009: region-based links lead to fixed layout.
    def data_nav(name: str, body: str, layout: str = "pre-paginated") -> list[str]:
        item = (
            '<item id="dn" href="data-nav.xhtml" media-type="application/xhtml+xml" '
            'properties="data-nav"/>'
        )

        def opf(o: str) -> str:
            meta = f'<meta property="rendition:layout">{layout}</meta></metadata>'
            return manifest(item)(o).replace("</metadata>", meta)

        extra = {"EPUB/data-nav.xhtml": DATA_NAV.format(body).encode()}
        found = structure(edited(tmp_path, name, {"EPUB/package.opf": opf}, extra))
        return [m for m in found if "nav" in m or "fixed layout" in m]

    region = '<nav epub:type="region-based"><ol><li><a href="text.xhtml#s1"></a></li></ol></nav>'
    assert data_nav("fine", region) == []
    assert any(
        "needs an epub:type" in m
        for m in data_nav("untyped", "<nav><ol><li><a href='text.xhtml'></a></li></ol></nav>")
    )
    two_lists = region.replace("</ol>", "</ol><ol><li><a href='text.xhtml'></a></li></ol>")
    assert any("exactly one ol" in m for m in data_nav("two", two_lists))
    span = region.replace('<a href="text.xhtml#s1"></a>', '<span><a href="text.xhtml"></a></span>')
    assert any("exactly two a" in m for m in data_nav("span", span))
    assert any("not fixed layout" in m for m in data_nav("reflow", region, "reflowable"))


OCF_METADATA = """<?xml version="1.0" encoding="UTF-8"?>
<metadata xmlns="http://www.idpf.org/2013/metadata" xmlns:dc="http://purl.org/dc/elements/1.1/"
 unique-identifier="uid">{type}<dc:identifier id="uid">urn:x</dc:identifier>{modified}</metadata>"""


def test_the_metadata_file_and_the_renditions_of_an_edupub(tmp_path: Path) -> None:
    # ocf-metadata-30 (.rnc, .sch), edu-ocf-metadata.sch and edu-opf.sch, each RSC-005.
    modified = '<meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>'

    def two(name: str, metadata: str, second_type: str = "edupub") -> list[str]:
        def container(c: str) -> str:
            rootfile = (
                '<rootfile full-path="EPUB/second.opf" media-type="application/oebps-package+xml"/>'
            )
            return c.replace("</rootfiles>", f"{rootfile}</rootfiles>")

        def opf(o: str) -> str:
            return o.replace("</metadata>", "<dc:type>edupub</dc:type></metadata>")

        second = opf(make_opf_text(tmp_path)).replace("edupub", second_type).encode()
        changes = {"META-INF/container.xml": container, "EPUB/package.opf": opf}
        extra = {"META-INF/metadata.xml": metadata.encode(), "EPUB/second.opf": second}
        found = structure(edited(tmp_path, name, changes, extra))
        return [m for m in found if "metadata" in m or "EDUPUB" in m or "dcterms" in m]

    typed = "<dc:type>edupub</dc:type>"
    undated = OCF_METADATA.format(type=typed, modified="")
    untyped = OCF_METADATA.format(type="", modified=modified)
    assert two("fine", OCF_METADATA.format(type=typed, modified=modified)) == []
    assert any("exactly one dcterms:modified" in m for m in two("undated", undated))
    assert any("needs dc:type edupub" in m for m in two("untyped", untyped))
    other = two("other", OCF_METADATA.format(type=typed, modified=modified), "textbook")
    assert any("a rendition of an EDUPUB" in m for m in other)


def make_opf_text(tmp_path: Path) -> str:
    with zipfile.ZipFile(make_epub(tmp_path / "opf-source.epub")) as book:
        return book.read("EPUB/package.opf").decode("utf-8")


def test_html_rules_read_the_pages_a_reader_is_shown(tmp_path: Path) -> None:
    # Ace reads the spine's documents only; a document outside the spine is never shown
    # (a hyperlink to it is EPUBCheck's RSC-011), so the HTML rules do not judge it.
    page = '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Cover</title></head><body><p>A</p></body></html>'
    item = '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>'

    def lang_errors(name: str, spine: Callable[[str], str]) -> list[str]:
        def opf(text: str) -> str:
            return spine(manifest(item)(text))

        book = edited(
            tmp_path, name, {"EPUB/package.opf": opf}, {"EPUB/cover.xhtml": page.encode()}
        )
        return [str(f.location) for f in check_file("epub", book) if f.rule == "html-lang"]

    assert lang_errors("outside", lambda opf: opf) == []
    first = '<itemref idref="cover"/><itemref idref="text"/>'
    in_spine = lang_errors("inside", lambda opf: opf.replace('<itemref idref="text"/>', first))
    assert any("cover.xhtml" in where for where in in_spine)


def test_spine_itemrefs_have_defined_properties(tmp_path: Path) -> None:
    # EPUBCheck OPF-027: an itemref property that EPUB 3.3 (D.4.2) does not define.
    def spine(name: str, properties: str) -> list[str]:
        itemref = f'<itemref idref="text" properties="{properties}"/>'
        edit = {"EPUB/package.opf": lambda opf: opf.replace('<itemref idref="text"/>', itemref)}
        return structure(edited(tmp_path, name, edit))

    assert any("'untrustworthy'" in m for m in spine("unknown", "untrustworthy"))
    assert spine("known", "page-spread-left rendition:layout-reflowable") == []


def test_a_link_in_running_text_differs_by_more_than_colour(tmp_path: Path) -> None:
    # Ace's link-in-text-block (axe-core, WCAG 1.4.1): a link in a block of text that the
    # CSS strips of its underline, blue (#00f, 2.44:1) in black text, fails; the same link
    # underlined, bold, with a border, in dark red that contrasts 3:1, or on a line of
    # its own (a list of links, not running text) passes.
    def links(name: str, css: str, body: str = "") -> list[str]:
        text = '<p>Read <a href="text.xhtml#s1">the story</a> again, from the start.</p>'

        def page(xhtml: str) -> str:
            style = f"<style>{css}</style></head>"
            return xhtml.replace("</head>", style).replace(
                "<p>Text of the story.</p>", body or text
            )

        book = edited(tmp_path, name, {"EPUB/text.xhtml": page})
        return [f.message for f in check_file("epub", book) if f.rule == "epub-link-in-text-block"]

    plain = "a { color: blue; text-decoration: none }"
    found = links("plain", plain)
    assert found and "2.44:1" in found[0] and "'the story'" in found[0]
    assert links("underlined", "a { color: blue }") == []  # the browser's underline
    assert links("default", "p { color: black }") == []
    assert links("bold", plain + " a { font-weight: bold }") == []
    assert links("border", plain + " a { border-bottom: 1px solid }") == []
    assert links("contrast", "a { color: #c00; text-decoration: none }") == []  # 3.57:1
    assert links("same-colour", "a { color: inherit; text-decoration: none }") == []
    alone = '<ul><li><a href="text.xhtml#s1">The story</a></li></ul>'
    assert links("alone", plain, alone) == []
    # a line of its own in a paragraph: only the link's own line counts
    broken = '<p>A note<br/><a href="text.xhtml#s1">the story</a></p>'
    assert links("own-line", plain, broken) == []
    generated = plain + ' a::after { content: " (link)" }'
    assert links("generated", generated) == []  # axe-core asks for a review


def test_a_missing_overlay_is_reported_once_and_breaks_no_rule(tmp_path: Path) -> None:
    # A book of DAISY Pipeline's tests lists an overlay its zip lacks: the structure rule
    # says so; the duration rule still adds its stated duration and does not break.
    source = make_epub(
        tmp_path / "mo-source.epub", overlay_durations=("0:00:05.000", "0:00:05.000")
    )
    target = tmp_path / "mo.epub"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename != "EPUB/text.smil":
                new.writestr(info, old.read(info))
    findings = check_file("epub", target)
    assert not any("could not be checked" in f.message for f in findings)
    assert not [f for f in findings if f.rule == "epub-media-overlay-duration"]
    assert any("text.smil" in f.message for f in findings)
