"""Small files with known accessibility problems, built in the tests (nothing downloaded)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import lameenc
import pikepdf

BROKEN_HTML = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8">
<style>
:root { --fg: #999999; }
body { color: #222; background: #fff; }
.faint { color: var(--fg); }
</style>
</head>
<body>
<nav><a href="/">Home</a></nav>
<nav><a href="/world">World</a></nav>
<h1>Broken page</h1>
<h3 id="skipped">A skipped level</h3>
<p class="faint" id="faint">Grey on white.</p>
<img src="photo.jpg" id="no-alt">
<img src="DSC_0042.jpg" alt="DSC_0042.jpg" id="file-alt">
<p><a href="https://example.org/report" id="vague">click here</a></p>
</body>
</html>
"""

GOOD_HTML = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>A good page</title>
<style>body { color: #1b1b1b; background: #fff; }</style></head>
<body>
<a href="#main">Skip to main content</a>
<nav aria-label="Sections"><a href="/world">World</a></nav>
<nav aria-label="Related"><a href="/more">Other stories about the summit</a></nav>
<main id="main"><article><h1>A good page</h1>
<figure><img src="a.jpg" alt="Two people shake hands on a stage"><figcaption>The leaders met on
Thursday.</figcaption></figure><h2>Background</h2><p>Text.</p></article></main>
</body>
</html>
"""


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


EPUB_CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>"""

EPUB_NAV = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"
 lang="en" xml:lang="en">
<head><title>Contents</title></head>
<body><nav epub:type="toc" role="doc-toc"><h1>Contents</h1>
<ol><li><a href="text.xhtml">Story</a></li></ol></nav>
{landmarks}
</body></html>"""

EPUB_TEXT = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head><title>Story</title></head>
<body><h1 id="s1">Story</h1><img src="photo.png" {alt}/><div id="s2"><p>Text of the story.</p></div>
</body></html>"""

A11Y_METADATA = """
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessMode">visual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">alternativeText</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">A short story with one described photo.</meta>
    <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>"""

OPF = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:12345678-1234-1234-1234-123456789abc</dc:identifier>
    <dc:title>{title}</dc:title>
    {language}
    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>{a11y}{overlay_meta}
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="text" href="text.xhtml" media-type="application/xhtml+xml"{overlay_ref}/>
    <item id="photo" href="photo.png" media-type="image/png"/>{overlay_items}
  </manifest>
  <spine><itemref idref="text"/></spine>
</package>"""

SMIL = """<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
<body><par id="p1"><text src="text.xhtml#s1"/>
<audio src="story.mp3" clipBegin="0:00:00.000" clipEnd="0:00:02.000"/></par>
<par id="p2"><text src="text.xhtml#s2"/>
<audio src="story.mp3" clipBegin="0:00:02.000" clipEnd="0:00:05.000"/></par></body>
</smil>"""


def make_epub(
    path: Path,
    *,
    accessibility: bool = True,
    alt: bool = True,
    landmarks: bool = True,
    language: str | None = "en",
    overlay_durations: tuple[str, str] | None = None,
) -> Path:
    """A small EPUB 3; each keyword switches one property on or off."""
    overlay_meta = overlay_ref = overlay_items = ""
    if overlay_durations is not None:
        each, total = overlay_durations
        overlay_meta = (
            f'\n    <meta property="media:duration" refines="#mo">{each}</meta>'
            f'\n    <meta property="media:duration">{total}</meta>'
        )
        overlay_ref = ' media-overlay="mo"'
        overlay_items = (
            '\n    <item id="mo" href="text.smil" media-type="application/smil+xml"/>'
            '\n    <item id="audio" href="story.mp3" media-type="audio/mpeg"/>'
        )
    landmark_nav = (
        '<nav epub:type="landmarks"><ol><li><a epub:type="bodymatter" href="text.xhtml">'
        "Start</a></li></ol></nav>"
        if landmarks
        else ""
    )
    opf = OPF.format(
        title="A small book",
        language=f"<dc:language>{language}</dc:language>" if language else "",
        a11y=A11Y_METADATA if accessibility else "",
        overlay_meta=overlay_meta,
        overlay_ref=overlay_ref,
        overlay_items=overlay_items,
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", EPUB_CONTAINER)
        archive.writestr("EPUB/package.opf", opf)
        archive.writestr("EPUB/nav.xhtml", EPUB_NAV.format(landmarks=landmark_nav))
        archive.writestr(
            "EPUB/text.xhtml", EPUB_TEXT.format(alt='alt="A red square"' if alt else "")
        )
        archive.writestr("EPUB/photo.png", b"\x89PNG\r\n\x1a\n")
        if overlay_durations is not None:
            archive.writestr("EPUB/text.smil", SMIL)
            archive.writestr("EPUB/story.mp3", b"")
    return path


def make_bare_pdf(path: Path) -> Path:
    """An untagged PDF drawn by hand: Helvetica not embedded, no /Lang, no title."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"BT /F1 24 Tf 72 720 Td (Untagged text) Tj ET")
    pdf.save(path)
    return path


def silence_mp3(seconds: float = 2.0) -> bytes:
    """CBR MP3 of silence (mono, 22,050 Hz), encoded by LAME."""
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32)
    encoder.set_in_sample_rate(22050)
    encoder.set_channels(1)
    encoder.set_quality(7)
    pcm = b"\x00\x00" * int(22050 * seconds)
    return bytes(encoder.encode(pcm) + encoder.flush())


def make_mp3(path: Path, seconds: float = 2.0) -> Path:
    path.write_bytes(silence_mp3(seconds))
    return path
