"""Hand-written sample documents for the validator smoke tests.

Each ``good`` sample must pass its validator with zero findings; each ``bad``
sample carries known, named defects so the tests can prove the harness fails.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

# A 1x1 transparent PNG, so the pages have a real image to describe.
PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63606060600000000500017aa857500000000049454e44ae426082"
)

_CSS = """\
:root { color-scheme: light dark; }
body { font-family: sans-serif; color: #1a1a1a; background: #ffffff; margin: 1rem; }
a { color: #0645ad; }
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 1rem; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #121212; }
  a { color: #8ab4f8; }
}
"""

GOOD_HTML = f"""\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Harbour reopens after storm</title>
<style>
{_CSS}</style>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header><p>The Example Gazette</p></header>
<main id="content">
<article>
<h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Monday after three days of repairs.</p>
<img src="pixel.png" alt="The repaired harbour wall at dawn" width="1" height="1">
</article>
</main>
<footer><p>Published by the Example Gazette.</p></footer>
</body>
</html>
"""

# Defects: no lang (html-has-lang), img without alt (image-alt, and a Nu
# error), no <main> or other landmark (landmark-one-main, region).
BAD_HTML = """\
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Broken page</title>
</head>
<body>
<h1>Broken page</h1>
<p>Some text outside any landmark.</p>
<img src="pixel.png">
</body>
</html>
"""

GOOD_XHTML = """\
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<meta charset="utf-8"/>
<title>Harbour reopens after storm</title>
</head>
<body>
<main>
<h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Monday.</p>
<img src="pixel.png" alt="The repaired harbour wall at dawn" width="1" height="1"/>
</main>
</body>
</html>
"""

# Well-formed HTML syntax but not XML: an unclosed <br> is fatal in XHTML.
BAD_XHTML = GOOD_XHTML.replace("<p>The harbour reopened on Monday.</p>", "<p>Line<br>break</p>")


# Fine in the light scheme; in the dark one grey text on near-black fails
# colour contrast, so only a dark-scheme check finds it.
DARK_ONLY_CONTRAST_HTML = GOOD_HTML.replace(
    "body { color: #e8e8e8; background: #121212; }",
    "body { color: #444444; background: #121212; }",
)


def write_pages(directory: Path) -> dict[str, Path]:
    """Write the sample HTML/XHTML pages (and their image) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "pixel.png").write_bytes(PIXEL_PNG)
    pages = {
        "good.html": GOOD_HTML,
        "bad.html": BAD_HTML,
        "good.xhtml": GOOD_XHTML,
        "bad.xhtml": BAD_XHTML,
        # The same bytes as bad.xhtml: as HTML they are fine, as XHTML fatal.
        "bad-xhtml-as.html": BAD_XHTML,
    }
    out: dict[str, Path] = {}
    for name, text in pages.items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


_CONTAINER = """\
<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

_A11Y_META = """\
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessMode">visual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">alternativeText</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityFeature">tableOfContents</meta>
    <meta property="schema:accessibilityFeature">readingOrder</meta>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">A short article with one described image \
and a navigation document.</meta>
    <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>
    <meta property="a11y:certifiedBy">The newsformats developers</meta>
"""


def _opf(*, modified: bool, nav: bool, a11y: bool) -> str:
    meta_modified = (
        '    <meta property="dcterms:modified">2024-05-01T12:00:00Z</meta>\n' if modified else ""
    )
    nav_item = (
        '    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
        'properties="nav"/>\n'
        if nav
        else ""
    )
    return f"""\
<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"
         xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:2b1b1d0e-4a5e-4c1e-9a57-6f1c3f2b8e01</dc:identifier>
    <dc:title>Harbour reopens after storm</dc:title>
    <dc:language>en</dc:language>
    <dc:creator>The Example Gazette</dc:creator>
{meta_modified}{_A11Y_META if a11y else ""}  </metadata>
  <manifest>
{nav_item}    <item id="article" href="article.xhtml" media-type="application/xhtml+xml"/>
    <item id="pixel" href="pixel.png" media-type="image/png"/>
  </manifest>
  <spine>
    <itemref idref="article"/>
  </spine>
</package>
"""


_NAV = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"
      lang="en" xml:lang="en">
<head>
<title>Contents</title>
</head>
<body>
<nav epub:type="toc" id="toc" role="doc-toc">
<h1>Contents</h1>
<ol>
<li><a href="article.xhtml">Harbour reopens after storm</a></li>
</ol>
</nav>
</body>
</html>
"""

_ARTICLE = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<title>Harbour reopens after storm</title>
</head>
<body>
<main>
<h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Monday after three days of repairs.</p>
<p><img src="pixel.png" alt="The repaired harbour wall at dawn"/></p>
</main>
</body>
</html>
"""

# Defect for Ace: image without alt text (an axe "image-alt" violation).
_ARTICLE_BAD = _ARTICLE.replace(' alt="The repaired harbour wall at dawn"', "")


def write_epub(path: Path, *, good: bool = True) -> Path:
    """Write a minimal EPUB 3 to ``path``.

    ``good=True`` gives a valid, accessible book. ``good=False`` drops
    ``dcterms:modified``, the navigation document and the accessibility
    metadata, and removes the image's alt text.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        deflate = zipfile.ZIP_DEFLATED
        zf.writestr("META-INF/container.xml", _CONTAINER, deflate)
        zf.writestr("EPUB/package.opf", _opf(modified=good, nav=good, a11y=good), deflate)
        if good:
            zf.writestr("EPUB/nav.xhtml", _NAV, deflate)
        zf.writestr("EPUB/article.xhtml", _ARTICLE if good else _ARTICLE_BAD, deflate)
        zf.writestr("EPUB/pixel.png", PIXEL_PNG, deflate)
    return path
