"""A saved page's lead picture: its caption and credit, and a body that starts with the text.

Real pages from Readability.js' test pages (``tests/data/inputs/pages/NOTICE``); small
hand-made pages for one shape each.
"""

from __future__ import annotations

from pathlib import Path

from helpers import DATA
from newsformats.model import Article, Paragraph, Subheading, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all

PAGES = DATA / "inputs" / "pages"


def _read(path: Path) -> tuple[Article, list[str]]:
    with collecting_notes() as notes:
        (article,) = read_all(path)
    return article, [str(n) for n in notes]


def _network_pictures(notes: list[str]) -> list[str]:
    """The addresses of the pictures the reader kept placeholders for, lead first."""
    return [n.split("the image ", 1)[1].split()[0] for n in notes if "is on the network" in n]


def _paragraphs(article: Article) -> list[str]:
    return [plain_text(b.content) for b in article.body if isinstance(b, Paragraph)]


def test_a_figure_that_lost_its_picture_gives_the_lead_its_caption_not_the_body() -> None:
    # og:image is "13SUDAN-1-facebookJumbo.jpg", the page shows "13SUDAN-1-master768.jpg".
    article, notes = _read(PAGES / "nytimes-1" / "source.html")
    lead = article.lead_image
    assert lead is not None
    assert any("13SUDAN-1-master768.jpg (another size or crop of it)" in n for n in notes)
    caption = plain_text(lead.caption)
    assert caption.startswith("United Nations peacekeepers at a refugee camp in Sudan")
    assert caption.endswith("cooperate with American intelligence agents.")
    assert lead.credit == "Ashraf Shazly/Agence France-Presse — Getty Images"
    paragraphs = _paragraphs(article)
    assert paragraphs[0].startswith("LONDON — After nearly 20 years")
    assert caption not in paragraphs


def test_the_caption_and_a_subtitle_repeating_the_standfirst_leave_the_body() -> None:
    article, _ = _read(PAGES / "folha" / "source.html")
    standfirst = "Na ocasião, técnico do Corinthians entregou réplica do troféu ao ex-presidente"
    assert article.standfirst == standfirst
    assert isinstance(article.body[0], Paragraph)
    assert plain_text(article.body[0].content).startswith("Após rechaçar um encontro")
    headings = [plain_text(b.content) for b in article.body if isinstance(b, Subheading)]
    assert standfirst not in headings
    lead = article.lead_image
    assert lead is not None
    assert plain_text(lead.caption) == (
        "Luiz Inácio Lula da Silva (ao centro) recebe de Tite e outros representantes do "
        "Corinthians réplica da taça da Libertadores"
    )
    assert lead.credit == "Heinrich Aikawa/Instituto Lula"
    assert not any(
        p.startswith("Luiz Inácio Lula da Silva (ao centro)") for p in _paragraphs(article)
    )


def test_the_caption_a_page_puts_after_its_lead_picture_outside_a_figure() -> None:
    # The lead picture is another crop of og:image's; its figcaption follows the headline.
    # A body photo's file has the same name ("4800.jpg") in another folder: not the lead.
    article, notes = _read(PAGES / "guardian-1" / "source.html")
    lead = article.lead_image
    assert lead is not None
    assert _network_pictures(notes)[0].startswith(
        "https://i.guim.co.uk/img/media/df84b519a877d652e950ecd4248320eec985934e/"
    )
    assert plain_text(lead.caption) == "Whale expert Hori Parata."
    assert lead.credit == "Adrian Malloch for the Guardian"
    assert _paragraphs(article)[0].startswith("Whale whisperer Hori Parata was just seven")


def test_the_byline_box_below_the_text_is_the_byline_not_the_last_paragraph() -> None:
    # Readability.js reads "Par Sébastien Farcis", a related story's byline in an aside;
    # the article's own author (itemprop=author) is AFP.
    article, _ = _read(PAGES / "liberation-1" / "source.html")
    assert [p.name for p in article.authors] == ["AFP"]
    paragraphs = _paragraphs(article)
    assert paragraphs[-1] != "AFP"
    assert paragraphs[-1].startswith("Le séisme a fait près de 5")
    lead = article.lead_image
    assert lead is not None
    assert plain_text(lead.caption) == "Un Népalais prie à Katmandou, le 30 avril 2015."
    assert lead.credit == "Prakash Mathema. AFP"


PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>Harbour wall rebuilt</title>'
    '<meta property="og:image" content="https://img.example.org/{lead}/4800.jpg?w=1200">'
    "</head><body><header><h1>Harbour wall rebuilt after the winter storms</h1></header>"
    '<div class="hero"><img src="https://img.example.org/{shown}/4800.jpg?w=300" alt=""></div>'
    '<p class="caption">Divers inspect the new wall. Photo: Ann Lee</p>'
    "<article>{text}"
    '<figure><img src="https://img.example.org/b7e2c91f0a4d3e5f6a7b8c9d/4800.jpg" alt="Boats">'
    "<figcaption>Boats back in the harbour.</figcaption></figure>{text}</article></body></html>"
)
TEXT = (
    "<p>The harbour wall that the winter storms broke in two places has been rebuilt, "
    "the port authority said on Friday, a month before the fishing season opens.</p>"
    "<p>Divers checked the foundations in March and found them sound, so only the upper "
    "courses of stone had to be laid again, at half the cost first feared.</p>"
)


def test_a_file_name_shared_by_two_pictures_does_not_make_them_one(tmp_path: Path) -> None:
    lead_id = "a3f9c2e1b7d4a6c8e0f2"
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(lead=lead_id, shown=f"{lead_id}/crop2", text=TEXT), "utf-8")
    article, notes = _read(page)
    lead = article.lead_image
    assert lead is not None
    assert lead_id in _network_pictures(notes)[0]
    assert plain_text(lead.caption) == "Divers inspect the new wall."
    assert lead.credit == "Ann Lee"
    figures = [b for b in article.body if b.type == "figure"]
    assert figures and plain_text(figures[0].image.caption) == "Boats back in the harbour."


def test_a_picture_the_page_does_not_show_has_no_caption_and_warns(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(lead="c0ffee00", shown="d15ea5e1/crop2", text=TEXT), "utf-8")
    article, notes = _read(page)
    assert article.lead_image is None
    assert any("has no alt text or caption; it is left out" in n for n in notes)


def test_a_credit_span_and_a_label_for_screen_readers_are_not_the_caption(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    figure = (
        '<figure><div class="image"><img src="https://img.example.org/harbour-wall-1-large.jpg"'
        ' alt=""></div><figcaption><span class="caption-text">Divers inspect the new wall.'
        '</span> <span class="credit"><span class="visually-hidden">Credit</span>'
        " Foto: Ann Lee/Example Press</span></figcaption></figure>"
    )
    page.write_text(
        PAGE.format(lead="x", shown="x", text=TEXT)
        .replace("https://img.example.org/x/4800.jpg?w=1200", "/harbour-wall-1-social.jpg")
        .replace('<p class="caption">Divers inspect the new wall. Photo: Ann Lee</p>', "")
        .replace("<article>", f"<article>{figure}", 1),
        "utf-8",
    )
    article, _ = _read(page)
    lead = article.lead_image
    assert lead is not None
    assert plain_text(lead.caption) == "Divers inspect the new wall."
    assert lead.credit == "Ann Lee/Example Press"
    assert _paragraphs(article)[0].startswith("The harbour wall that the winter storms")


def test_a_caption_held_twice_for_two_screen_sizes_is_said_once(tmp_path: Path) -> None:
    said = "Divers inspect the new wall."
    twice = "".join(
        f'<span class="caption-{size}">{said}<span class="caption-credit">Photo: Ann Lee</span>'
        "</span>"
        for size in ("mobile", "desktop")
    )
    page = tmp_path / "page.html"
    page.write_text(
        PAGE.format(lead="x", shown="x", text=TEXT).replace(
            f"{said} Photo: Ann Lee", f"<span>{twice}</span>"
        ),
        "utf-8",
    )
    article, _ = _read(page)
    lead = article.lead_image
    assert lead is not None
    assert plain_text(lead.caption) == said
    assert lead.credit == "Ann Lee"


def test_a_credit_the_figure_caption_ends_with_is_the_credit(tmp_path: Path) -> None:
    figure = (
        '<figure><img src="https://img.example.org/harbour-wall-1.jpg" alt="">'
        "<figcaption>Divers inspect the new wall. (Foto: Ann Lee)</figcaption></figure>"
    )
    page = tmp_path / "page.html"
    page.write_text(
        PAGE.format(lead="x", shown="x", text=TEXT)
        .replace(
            '<meta property="og:image" content="https://img.example.org/x/4800.jpg?w=1200">', ""
        )
        .replace(
            '<div class="hero"><img src="https://img.example.org/x/4800.jpg?w=300" alt=""></div>',
            "",
        )
        .replace('<p class="caption">Divers inspect the new wall. Photo: Ann Lee</p>', "")
        .replace("<article>", f"<article>{figure}", 1),
        "utf-8",
    )
    article, _ = _read(page)
    lead = article.lead_image
    assert lead is not None
    assert plain_text(lead.caption) == "Divers inspect the new wall."
    assert lead.credit == "Ann Lee"


def test_a_caption_element_holding_the_headline_is_the_header_not_a_caption(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        PAGE.format(lead="a3f9c2e1b7d4a6c8e0f2", shown="a3f9c2e1b7d4a6c8e0f2", text=TEXT)
        .replace("<header><h1>Harbour wall rebuilt after the winter storms</h1></header>", "")
        .replace(
            '<p class="caption">Divers inspect the new wall. Photo: Ann Lee</p>',
            "<figcaption><small>31.01.2022</small>"
            "<h1>Harbour wall rebuilt after the winter storms</h1></figcaption>",
        ),
        "utf-8",
    )
    article, notes = _read(page)
    assert article.headline == "Harbour wall rebuilt after the winter storms"
    assert article.lead_image is None
    assert any("has no alt text or caption; it is left out" in n for n in notes)


def _lead_page(tmp_path: Path, og_image: str, img: str, body_class: str = "") -> Path:
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>Harbour wall rebuilt</title>'
        f'<meta property="og:image" content="{og_image}"></head>'
        f'<body class="{body_class}"><header><h1>Harbour wall rebuilt after the winter storms'
        f"</h1></header><article><figure>{img}</figure>{TEXT}</article></body></html>",
        "utf-8",
    )
    return page


def test_a_body_named_for_its_logo_layout_does_not_make_every_picture_a_logo(
    tmp_path: Path,
) -> None:
    # Condé Nast pages name their <body> "logo-left-with-search-nav-variation".
    page = _lead_page(
        tmp_path,
        "https://img.example.org/photos/5cefef26/16:9/w_1280/harbour_wall_night.jpg",
        '<img src="https://img.example.org/photos/5cefef26/1:1/w_450/harbour_wall_night.jpg"'
        ' alt="The rebuilt wall lit at night">',
        body_class="logo-left-with-search-nav-variation",
    )
    article, _ = _read(page)
    assert article.lead_image is not None
    assert article.lead_image.alt == "The rebuilt wall lit at night"


def test_the_lead_picture_shown_in_another_format_or_through_a_resizer(tmp_path: Path) -> None:
    webp = _lead_page(
        tmp_path,
        "https://img.example.org/upload/w_1280/fc/3067012-harbour-wall-rebuilt.jpg",
        '<img srcset="https://img.example.org/upload/w_562,ar_16:9/fc/3067012-harbour-wall-'
        'rebuilt.webp 562w" alt="Divers at the foot of the wall">',
    )
    lead = _read(webp)[0].lead_image
    assert lead is not None and lead.alt == "Divers at the foot of the wall"
    resized_og = (
        "https://cdn.example.org/thumbor/wSPiU9k=/0x102:4246x2313/1200x625/media/img/2016/09/"
        "RTSO9RP/original.jpg"
    )
    other_img = (
        "https://cdn.example.org/thumbor/EaBfd4Q=/750x422/media/img/2016/09/XX71QAB/original.jpg"
    )
    resized = _lead_page(
        tmp_path,
        resized_og,
        '<img src="https://cdn.example.org/thumbor/EaBfd4Q=/646x186:4249x2213/750x422/media/'
        'img/2016/09/RTSO9RP/original.jpg" alt="Police near the harbour">'
        "<figcaption>Police near the harbour on Monday.</figcaption>",
    )
    lead = _read(resized)[0].lead_image
    assert lead is not None and lead.alt == "Police near the harbour"
    assert plain_text(lead.caption) == "Police near the harbour on Monday."
    other = tmp_path / "other.html"
    other.write_text(  # the same file name in another folder is another picture
        PAGE.format(lead="c0ffee00", shown="d15ea5e1/crop2", text=TEXT)
        .replace("https://img.example.org/c0ffee00/4800.jpg?w=1200", resized_og)
        .replace("https://img.example.org/d15ea5e1/crop2/4800.jpg?w=300", other_img),
        "utf-8",
    )
    article, notes = _read(other)
    assert article.lead_image is None
    assert any("has no alt text or caption; it is left out" in n for n in notes)


def test_an_alt_text_that_is_a_file_name_is_no_alt_text(tmp_path: Path) -> None:
    page = _lead_page(
        tmp_path,
        "https://img.example.org/2016/12/caucus-vp-preview.jpg",
        '<img src="https://img.example.org/2016/12/caucus-vp-preview.jpg"'
        ' alt="caucus VP preview.jpg">',
    )
    article, notes = _read(page)
    assert article.lead_image is None
    assert any("'caucus VP preview.jpg' is a file name" in n for n in notes)
