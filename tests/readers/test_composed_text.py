"""Every text of the model is in Unicode Normalization Form C, whatever the reader.

The eighth acceptance run's Mediapart page writes its accents decomposed ("e" + U+0301);
the HTML carried them on and Nu warned 137 times "Text run is not in Unicode
Normalization Form C" (docs/inputs.md, "Eighth acceptance run"). The model composes
every text field once (``model.composed_text``), as the W3C's Charmod-norm asks;
addresses and ids are kept as written.
"""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

from PIL import Image as PILImage

from newsformats import convert, read
from newsformats.model import FigureBlock, composed_text, plain_text, validate

ACUTE = "\u0301"
# "Les policières ont été filmées à Paris", decomposed as the page wrote it.
SENTENCE = f"Les policie\u0300res ont e{ACUTE}te{ACUTE} filme{ACUTE}es a\u0300 Paris."


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _page(folder: Path) -> Path:
    PILImage.new("RGB", (40, 30), "teal").save(folder / "photo.png")
    page = folder / "page.html"
    page.write_text(
        _nfd(
            """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Violences policières : bombe à retardement</title></head><body><article>
<h1>Violences policières : bombe à retardement</h1>
<p class="byline">Par Élodie Bérard</p>
<p>« Faites votre boulot ! » Les vidéos de l'été ont été partagées des milliers de fois
sur les réseaux, et les rédactions ont dû décider de les montrer ou non.</p>
<figure><img src="photo.png" alt="Une manifestation à Paris, l'été dernier.">
<figcaption>Une manifestation à Paris, l'été dernier.</figcaption></figure>
<p>Pour s'en sortir, les journalistes vérifient chaque vidéo avant de la publier, et
précisent d'où elle vient, qui l'a filmée et à quelle date elle a été tournée.</p>
<p>Les rédactions les plus prudentes attendent une deuxième source avant d'écrire un mot
sur ce qu'elles montrent, même quand la vidéo circule déjà partout.</p>
</article></body></html>"""
        ),
        encoding="utf-8",
    )
    return page


def test_a_decomposed_page_reads_composed(tmp_path: Path) -> None:
    article = read(_page(tmp_path))
    assert article.headline == "Violences policières : bombe à retardement"
    assert unicodedata.is_normalized("NFC", article.headline)
    assert "l'été ont été partagées" in plain_text(article.paragraphs[0].content)
    (figure,) = [b for b in article.body if isinstance(b, FigureBlock)]
    assert figure.image.alt == "Une manifestation à Paris, l'été dernier."
    assert plain_text(figure.image.caption) == "Une manifestation à Paris, l'été dernier."
    assert figure.image.src == "photo.png"


def test_the_html_and_the_epub_of_a_decomposed_page_are_composed(tmp_path: Path) -> None:
    page = _page(tmp_path)
    done = convert(read(page), tmp_path / "out", ["html", "epub"], source_dir=tmp_path)
    html = next(p for p in done.files if p.suffix == ".html").read_text(encoding="utf-8")
    assert "l'été ont été partagées" in html
    assert unicodedata.is_normalized("NFC", html)
    with zipfile.ZipFile(next(p for p in done.files if p.suffix == ".epub")) as book:
        texts = [
            book.read(name).decode("utf-8")
            for name in book.namelist()
            if name.endswith((".xhtml", ".opf", ".ncx"))
        ]
    assert any("l'été ont été partagées" in text for text in texts)
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)


def test_every_reader_s_text_is_composed(tmp_path: Path) -> None:
    text = tmp_path / "story.txt"
    text.write_text(
        _nfd("Les rédactions face aux vidéos de l'été\n\n")
        + SENTENCE
        + " Elles ont circulé partout en quelques heures, puis ont été reprises.\n\n"
        + _nfd("Les journalistes ont vérifié chaque vidéo avant de la publier.\n"),
        encoding="utf-8",
    )
    article = read(text)
    assert article.headline == "Les rédactions face aux vidéos de l'été"
    first = plain_text(article.paragraphs[0].content)
    assert first.startswith("Les policières ont été filmées à Paris.")


def test_composition_keeps_every_script_s_text() -> None:
    # Korean written in conjoining jamo composes into syllables (what NFC is for);
    # Vietnamese stacked marks and Devanagari nukta letters take their composed forms;
    # text already composed (Arabic, Chinese, Greek) is the same string after.
    jamo = "\u1112\u1161\u11ab\u1100\u116e\u11a8"
    assert composed_text(jamo) == "한국"
    assert composed_text(_nfd("Việt Nam")) == "Việt Nam"
    assert composed_text(_nfd("ग़ज़ल")) == unicodedata.normalize("NFC", "ग़ज़ल")
    for same in ("مرحبا بالعالم", "北京救援部门", "Ευρυαγγείες: πρόβλημα με λύση"):
        assert composed_text(same) is same


def test_addresses_and_ids_are_kept_as_written() -> None:
    # A file name written decomposed (as macOS names files) names another file composed.
    article = validate(
        {
            "lead_image": {"src": _nfd("photo-été.png"), "alt": _nfd("L'été")},
            "id": _nfd("urn:été:1"),
            "headline": _nfd("L'été"),
            "language": "fr",
            "canonical_url": _nfd("https://example.org/été"),
            "body": [
                {
                    "type": "paragraph",
                    "content": [
                        {
                            "type": "link",
                            "href": _nfd("https://example.org/été"),
                            "children": [_nfd("l'été")],
                        },
                    ],
                },
            ],
        }
    )
    assert article.headline == "L'été"
    assert article.id == _nfd("urn:été:1")
    decomposed = "https://example.org/e%CC%81te%CC%81"  # composed: …/%C3%A9t%C3%A9
    assert article.canonical_url == decomposed
    link = article.paragraphs[0].content[0]
    assert link.href == _nfd("https://example.org/été")  # type: ignore[union-attr]
    assert link.children == ["l'été"]  # type: ignore[union-attr]
    assert article.lead_image is not None
    assert article.lead_image.src == _nfd("photo-été.png")
    assert article.lead_image.alt == "L'été"
