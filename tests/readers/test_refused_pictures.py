"""A picture the resource policy will not read costs the article its picture, never the article.

The eighth acceptance run's CBC page (docs/inputs.md, "Eighth acceptance run") was not
converted at all: its picture's address is the site's ("/gfx/images/…jpg"; the saved page
has no ``<base>`` and no canonical URL), which the policy refuses as a file outside the
input's folder. The news formats' readers now keep such a picture's alt text and caption on
the placeholder, with one warning naming the input and the address; the model's own
JSON, YAML and Markdown keep their strict rule (an image their author names must be read).
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image as PILImage

from helpers import read_quietly
from newsformats import ConvertOptions, ResourceError, convert, read
from newsformats.edition import write_edition
from newsformats.model import FigureBlock, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Test finds cancer earlier</title></head><body><article>
<h1>Test finds cancer earlier</h1>
<p>DNA testing for the virus is the best option for detecting the cancer, finds a new study
of forty-five thousand women in the Netherlands.</p>
<figure><img src="{src}" alt="Cells under a microscope.">
<figcaption>Cells under a microscope. (Sven Hoppe)</figcaption></figure>
<p>The report was conducted by researchers at a university medical centre in Amsterdam and
it is published in the online edition of the Lancet this Wednesday.</p>
<p>Whether testing is a better tool over a longer screening period has not been
established, say the authors of the study.</p>
</article></body></html>"""


def _page(folder: Path, src: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "page.html"
    path.write_text(PAGE.format(src=src), encoding="utf-8")
    return path


def _figures(path: Path, **kwargs: object) -> tuple[list[FigureBlock], list[str]]:
    with collecting_notes() as notes:
        (article,) = read_all(path, **kwargs)  # type: ignore[arg-type]
    figures = [b for b in article.body if isinstance(b, FigureBlock)]
    return figures, [str(n) for n in notes]


def _png(path: Path) -> Path:
    PILImage.new("RGB", (40, 30), "teal").save(path)
    return path


def test_a_site_address_with_nothing_to_resolve_it_is_a_placeholder(tmp_path: Path) -> None:
    page = _page(tmp_path, "/gfx/images/cells-220.jpg")
    (figure,), told = _figures(page)
    assert figure.image.src is None
    assert figure.image.alt == "Cells under a microscope."
    assert "Cells under a microscope." in plain_text(figure.image.caption)
    about = [t for t in told if "/gfx/images/cells-220.jpg" in t]
    assert len(about) == 1
    assert str(page) in about[0] and "placeholder" in about[0]
    # The article converts, with the placeholder picture beside it.
    done = convert(read(page), tmp_path / "out", ["html"], source_dir=tmp_path)
    html = next(p for p in done.files if p.suffix == ".html").read_text(encoding="utf-8")
    assert "Cells under a microscope." in html


def test_a_file_outside_the_folder_is_read_only_where_the_caller_allows(tmp_path: Path) -> None:
    _png(tmp_path / "shared.png")
    page = _page(tmp_path / "pages", "../shared.png")
    (figure,), told = _figures(page)
    assert figure.image.src is None
    assert any("outside the input's folder" in t and "../shared.png" in t for t in told)
    (figure,), told = _figures(page, allowed_dirs=(tmp_path,))
    assert figure.image.src == "../shared.png"
    assert not any("shared.png" in t for t in told)
    options = ConvertOptions(allowed_dirs=(tmp_path,))
    article = read(page, allowed_dirs=(tmp_path,))
    done = convert(article, tmp_path / "out", ["html"], source_dir=page.parent, options=options)
    assert any(p.suffix == ".png" for p in done.files)


def test_a_file_that_is_no_image_is_a_placeholder(tmp_path: Path) -> None:
    (tmp_path / "cells.jpg").write_text("<html>Not found</html>", encoding="utf-8")
    page = _page(tmp_path, "cells.jpg")
    (figure,), told = _figures(page)
    assert figure.image.src is None
    assert any("'cells.jpg' is not a readable image" in t for t in told)


def test_a_picture_beside_the_input_is_kept(tmp_path: Path) -> None:
    _png(tmp_path / "cells.png")
    (figure,), told = _figures(_page(tmp_path, "cells.png"))
    assert figure.image.src == "cells.png"
    assert not any("cells.png" in t for t in told)


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("/gfx/cells.jpg", "'/gfx/cells.jpg' is outside the input's folder"),
        ("cid:cells@example.org", "the cid: scheme is not allowed"),
    ],
)
def test_an_agency_item_s_picture_the_policy_refuses_is_a_placeholder(
    tmp_path: Path, address: str, message: str
) -> None:
    item = tmp_path / "item.xml"
    item.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<nitf><head><title>Test finds cancer earlier</title></head><body>
<body.head><hedline><hl1>Test finds cancer earlier</hl1></hedline></body.head>
<body.content><media media-type="image">
<media-reference source="{address}" alternate-text="Cells under a microscope."/>
<media-caption>Cells under a microscope.</media-caption><media-producer>Sven Hoppe</media-producer>
</media><block><p>DNA testing for the virus is the best option for detecting the cancer,
finds a new study of women in the Netherlands, published in the Lancet.</p></block>
</body.content></body></nitf>""".replace("{address}", address),
        encoding="utf-8",
    )
    (article,), told = read_quietly(item)
    pictures = [article.lead_image] + [b.image for b in article.body if isinstance(b, FigureBlock)]
    (picture,) = [p for p in pictures if p is not None]
    assert picture.src is None and picture.alt == "Cells under a microscope."
    assert picture.credit == "Sven Hoppe"
    assert sum(message in t for t in told) == 1


def test_the_model_s_own_markdown_keeps_its_strict_rule(tmp_path: Path) -> None:
    source = tmp_path / "story.md"
    source.write_text(
        "---\nheadline: Test finds cancer earlier\nlanguage: en\n---\n\n"
        "DNA testing is the best option, finds a new study.\n\n"
        "![Cells under a microscope.](/gfx/images/cells-220.jpg)\n",
        encoding="utf-8",
    )
    with pytest.raises(ResourceError, match="outside the input's folder"):
        convert(read(source), tmp_path / "out", ["html"], source_dir=tmp_path)


@pytest.fixture
def picture_server(tmp_path: Path) -> Iterator[str]:
    """A web server on this machine: /cells.png a picture, /logo.svg an SVG, others 404."""
    served = tmp_path / "served"
    served.mkdir()
    _png(served / "cells.png")
    (served / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    handler = functools.partial(QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_network_picture_that_cannot_be_used_is_a_placeholder(
    tmp_path: Path, picture_server: str
) -> None:
    # With --allow-network the writers fetch the pictures: a 404 or an SVG was an error
    # that lost the whole article; now each is the placeholder, and the others are kept.
    story = tmp_path / "story.json"
    figures = [
        {"type": "figure", "image": {"src": f"{picture_server}/{name}", "caption": caption}}
        for name, caption in (
            ("gone.jpg", "A picture the server no longer has."),
            ("logo.svg", "A drawing the writers cannot use."),
            ("cells.png", "Cells under a microscope."),
        )
    ]
    story.write_text(
        json.dumps(
            {
                "headline": "Test finds cancer earlier",
                "language": "en",
                "body": ["DNA testing is the best option, finds a new study.", *figures],
            }
        ),
        encoding="utf-8",
    )
    options = ConvertOptions(allow_network=True)
    done = convert(read(story), tmp_path / "out", ["html"], source_dir=tmp_path, options=options)
    assert sum("/gone.jpg" in w and "placeholder" in w for w in done.warnings) == 1
    assert sum("/logo.svg" in w and "placeholder" in w for w in done.warnings) == 1
    assert not any("cells.png" in w for w in done.warnings)
    names = sorted(p.suffix for p in done.files)
    assert names.count(".svg") == 2 and names.count(".png") == 1
    html = next(p for p in done.files if p.suffix == ".html").read_text(encoding="utf-8")
    assert "A picture the server no longer has." in html and "Cells under a microscope." in html


def test_an_edition_s_network_picture_that_cannot_be_used_is_a_placeholder(
    tmp_path: Path, picture_server: str
) -> None:
    story = tmp_path / "story.json"
    story.write_text(
        json.dumps(
            {
                "headline": "Test finds cancer earlier",
                "language": "en",
                "body": [
                    "DNA testing is the best option, finds a new study.",
                    {
                        "type": "figure",
                        "image": {"src": f"{picture_server}/gone.jpg", "caption": "Cells."},
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    options = ConvertOptions(allow_network=True)
    with collecting_notes() as notes:
        book = write_edition([read(story)], tmp_path / "ed.epub", "Morning", options=options)
    assert book.is_file()
    assert any("/gone.jpg" in str(n) and "placeholder" in str(n) for n in notes)
