"""Saved web pages: the fifth acceptance run's misses (issue 11, the seventh round).

Four real pages (El País and Libération from goose3, Apache-2.0; cleveland.com and Yonhap
from newspaper4k, MIT: NOTICE beside them) and small hand-made pages, one shape each;
docs/inputs.md, "Seventh round: the fifth run's page misses".
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from lxml import html

from helpers import DATA
from newsformats.model import Article, plain_text
from newsformats.notes import Note, collecting_notes
from newsformats.readers import read_all
from newsformats.readers.chrome import caption_credit
from newsformats.readers.excerpts import letters_key as _key
from newsformats.readers.html_body import alt_is_file_name, html_to_blocks, inline_text
from newsformats.readers.webpage.furniture import _pull_quotes

PAGES = DATA / "inputs" / "pages-fifth"
STORY = (
    "<p>The bridge was closed on Friday as the storm reached the coast, and the ferries "
    "stayed in the harbour until the wind dropped on Sunday morning.</p>"
    "<p>Traffic was sent through the town centre, where the queues reached the ring road "
    "by the evening and the police asked drivers to stay at home.</p>"
)


def _read(path: Path) -> tuple[Article, list[Note]]:
    with collecting_notes() as notes:
        (article,) = read_all(path)
    return article, notes


def _texts(article: Article) -> list[str]:
    return [plain_text(b.content) for b in article.body if b.type == "paragraph"]


def _page(tmp_path: Path, head: str, body: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text(
        f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}</body></html>", "utf-8"
    )
    return page


def test_a_print_button_and_a_desk_are_no_authors_the_signature_below_the_text_is() -> None:
    article, notes = _read(PAGES / "cleveland.com1.html")
    assert [p.name for p in article.authors] == ["Michael Russell"]
    assert _texts(article)[-1] == "The lesson, as always: you are what you search."
    assert any("the byline; it leaves the body" in str(n) for n in notes)


def test_rel_author_links_win_over_the_publisher_given_as_the_author() -> None:
    article, _ = _read(PAGES / "elpais.html")
    assert [p.name for p in article.authors] == ["María R. Sahuquillo", "Emilio de Benito"]


def test_a_day_only_date_takes_the_time_and_zone_the_page_shows() -> None:
    article, notes = _read(PAGES / "elpais.html")
    assert article.published == datetime(2012, 10, 27, 11, 14, tzinfo=UTC)  # 12:14 CET
    assert not any("has no time zone" in str(n) for n in notes)


def test_a_credit_after_a_slash_leaves_the_caption() -> None:
    article, _ = _read(PAGES / "elpais.html")
    lead = article.lead_image
    assert lead is not None
    assert plain_text(lead.caption) == "Sala de espera de un ambulatorio madrileño."
    assert lead.credit == "GORKA LEJARCEGI"
    assert caption_credit("Sala de espera. / GORKA LEJARCEGI") == (
        "Sala de espera.",
        "GORKA LEJARCEGI",
    )
    # a slash inside the caption's words, or words in lower case after it, stay
    assert caption_credit("Rain and/or snow. / more to come")[1] is None
    assert caption_credit("The 9/11 memorial")[1] is None


def test_a_credit_element_after_a_slash_is_the_credit(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        '<title>Storm closes the bridge</title><meta property="og:image" '
        'content="https://img.example.org/2019/05/bridge-closed-storm.jpg">',
        "<h1>Storm closes the bridge</h1><div class='foto'>"
        "<img src='https://img.example.org/2019/05/bridge-closed-storm.jpg'"
        " alt='The closed bridge'>"
        "<div class='pie'>The closed bridge on Friday / <span>Ann Lee</span></div></div>"
        f"<article>{STORY}</article>",
    )
    article, _ = _read(page)
    assert article.lead_image is not None
    assert plain_text(article.lead_image.caption) == "The closed bridge on Friday"
    assert article.lead_image.credit == "Ann Lee"


def test_a_picture_box_s_legend_is_its_caption_and_size_parameters_are_the_same_picture() -> None:
    article, notes = _read(PAGES / "liberation.html")
    lead = article.lead_image
    assert lead is not None
    assert lead.alt == "Jean-Marc Ayrault, le 27 octobre 2012 à Toulouse"
    assert plain_text(lead.caption) == "Jean-Marc Ayrault, le 27 octobre 2012 à Toulouse"
    assert lead.credit == "Lionel Bonaventure. AFP"
    assert not any("has no alt text or caption" in str(n) for n in notes)


def test_a_labelled_standfirst_and_a_byline_in_capitals_leave_the_body() -> None:
    article, _ = _read(PAGES / "liberation.html")
    assert article.body[0].type == "paragraph"
    # the h2 left out, its h3s move up: no level is skipped below the headline
    assert {b.level for b in article.body if b.type == "subheading"} == {2}
    assert _texts(article)[0].startswith("A Toulouse, Jean-Marc Ayrault aura fait deux rappels")
    people = [(p.name, p.role) for p in article.authors]
    assert people == [("LILIAN ALEMAGNA", None), ("LAURE BRETTON", "Envoyés spéciaux à Toulouse")]


def test_an_e_mail_signature_at_the_end_leaves_the_body() -> None:
    article, notes = _read(PAGES / "yna_co_kr.html")
    texts = _texts(article)
    assert texts[-1].startswith("A spokesperson of the North's committee")
    assert not any("@" in t for t in texts)
    assert any("e-mail signature" in str(n) for n in notes)


def test_an_e_mail_address_in_a_sentence_stays(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "<title>Storm closes the bridge</title>",
        f"<article><h1>Storm closes the bridge</h1>{STORY}"
        "<p>Readers can send their pictures of the storm to photos@example.org.</p></article>",
    )
    article, _ = _read(page)
    assert _texts(article)[-1].endswith("to photos@example.org.")


def test_a_one_sentence_h1_is_not_cut_into_a_kicker_where_a_title_shortens_it(
    tmp_path: Path,
) -> None:
    # BBC Burmese: og:title is the h1 from its second word on.
    page = _page(
        tmp_path,
        '<meta property="og:title" content="closes the bridge for the weekend">',
        f"<article><h1>Storm closes the bridge for the weekend</h1>{STORY}</article>",
    )
    article, _ = _read(page)
    assert article.headline == "Storm closes the bridge for the weekend"
    assert article.kicker is None
    kicked = _page(
        tmp_path,
        '<meta property="og:title" content="Storm closes the bridge for the weekend">',
        f"<article><h1>Weather: Storm closes the bridge for the weekend</h1>{STORY}</article>",
    )
    article, _ = _read(kicked)
    assert (article.kicker, article.headline) == (
        "Weather",
        "Storm closes the bridge for the weekend",
    )


def test_a_caption_s_label_for_screen_readers_is_no_part_of_it() -> None:
    (figure,) = html_to_blocks(
        "<figure><img src='a.jpg' alt='The bridge'><figcaption>"
        "<span class='off-screen'>Image caption</span> <span>The closed bridge</span>"
        "</figcaption></figure>"
    )
    assert plain_text(figure["image"]["caption"]) == "The closed bridge"


def test_a_resizer_s_src_parameter_names_the_lead_picture(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        '<title>Storm closes the bridge</title><meta property="og:image" '
        'content="https://www.example.org/images/posts/post16615.jpg">',
        "<div class='post-img'><img class='main-img' alt='The closed bridge image' "
        "src='/image.php?src=/images/posts/post16615.jpg&amp;w=1280'></div>"
        f"<article><h1>Storm closes the bridge</h1>{STORY}</article>",
    )
    article, _ = _read(page)
    assert article.lead_image is not None
    assert article.lead_image.alt == "The closed bridge image"


def test_a_last_line_of_tag_links_leaves_the_body(tmp_path: Path) -> None:
    tags = "".join(
        f"<a href='https://www.example.org/post/tags/{t}/page1'>{t}</a> "
        for t in ("2020", "storm", "bridge", "ferries")
    )
    page = _page(
        tmp_path,
        "<title>Storm closes the bridge</title>",
        f"<article><h1>Storm closes the bridge</h1>{STORY}<p>{tags}</p></article>",
    )
    article, notes = _read(page)
    assert _texts(article)[-1].startswith("Traffic was sent through the town centre")
    assert any("the story's tags" in str(n) for n in notes)


def test_a_last_line_of_links_to_stories_is_no_tag_line(tmp_path: Path) -> None:
    links = (
        "<a href='https://www.example.org/2019/05/storm'>Storm</a> and "
        "<a href='https://www.example.org/2019/05/bridge'>bridge</a> and "
        "<a href='https://www.example.org/2019/05/ferry'>ferry</a>"
    )
    page = _page(
        tmp_path,
        "<title>Storm closes the bridge</title>",
        f"<article><h1>Storm closes the bridge</h1>{STORY}<p>{links}</p></article>",
    )
    article, _ = _read(page)
    assert _texts(article)[-1] == "Storm and bridge and ferry"


def test_an_alt_text_that_is_the_file_s_name_is_read_as_missing() -> None:
    with collecting_notes() as notes:
        (figure,) = html_to_blocks(
            "<figure><img src='http://example.org/2011/11/angies-list.jpeg?w=100' "
            "alt='angies-list'></figure>"
        )
    assert "alt" not in figure["image"]
    assert any("'angies-list' is a file name" in str(n) for n in notes)
    assert alt_is_file_name("DSC_0042", "/DSC_0042.JPG")
    assert not alt_is_file_name("cover", "/cover.svg")  # a word may describe it
    assert not alt_is_file_name("Angie's List's office", "/angies-list.jpeg")


def test_a_figcaption_s_credit_element_after_a_slash_is_the_credit() -> None:
    (figure,) = html_to_blocks(
        "<figure><img src='a.jpg' alt='The bridge'><figcaption>The closed bridge on Friday"
        " / <span>Ann Lee</span></figcaption></figure>"
    )
    assert plain_text(figure["image"]["caption"]) == "The closed bridge on Friday"
    assert figure["image"]["credit"] == "Ann Lee"
    (kept,) = html_to_blocks(
        "<figure><img src='a.jpg' alt='x'><figcaption>Rain <em>and</em> snow</figcaption></figure>"
    )
    assert inline_text(kept["image"]["caption"]) == "Rain and snow"
    assert "credit" not in kept["image"]


def test_pull_quotes_set_in_boxes_beside_the_text_leave_the_body() -> None:
    article, notes = _read(PAGES / "elpais.html")
    texts = _texts(article)
    assert not any(t.startswith("El plazo de demora media para una intervención") for t in texts)
    assert any("4 pull quote(s)" in str(n) for n in notes)
    assert texts[0].startswith("Los recortes pasan factura a los pacientes.")


def test_only_long_unended_lines_boxed_apart_twice_are_pull_quotes() -> None:
    long = "<p>" + "The storm kept the ferries in the harbour all weekend long. " * 5 + "</p>"
    quote = "The ferries stayed in the harbour for three days and nights"

    def quotes(*boxes: str, text_class: str = "") -> set[str]:
        text = long.replace("<p>", f"<p class='{text_class}'>") if text_class else long
        inner = "".join(text + box for box in boxes) + text
        return _pull_quotes(
            html.fromstring(f"<html><body><article>{inner}</article></body></html>")
        )

    box = "<div><a name='q'></a><p class='big'>{}</p></div>"
    assert quotes(box.format(quote), box.format(quote + " again")) == {
        _key(quote),
        _key(quote + " again"),
    }
    assert quotes(box.format(quote)) == set()  # one alone: a subheading, perhaps
    assert quotes(box.format("The ferries"), box.format("The town centre")) == set()
    assert quotes(box.format(quote + "."), box.format(quote + " again.")) == set()
    assert quotes(box.format(quote), box.format(quote + " again"), text_class="big") == set()


def test_a_text_beside_a_picture_without_a_caption_s_signs_is_no_caption(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        '<title>Storm closes the bridge</title><meta property="og:image" '
        'content="https://img.example.org/2019/05/bridge-closed-storm.jpg">',
        "<h1>Storm closes the bridge</h1><div class='product'>"
        "<img src='https://img.example.org/2019/05/bridge-closed-storm.jpg' alt='The bridge'>"
        "<div class='price'>4,80 € 10,80 €</div></div>"
        f"<article>{STORY}</article>",
    )
    article, _ = _read(page)
    assert article.lead_image is not None
    assert article.lead_image.caption == []  # a price beside a product is no caption
