"""The sixth acceptance run's page misses, each by its shape on a hand-made page.

A byline and a date inside a card that points to another story (VICE's related cards among
the text), a site's domain given as ``<meta name=author>`` (El Mundo's "elmundo.es"), a name
set apart under the headline beside a place ("<em>Ángeles Escrivá</em> | Madrid"), the
``parsely-author`` meta (cricket.com.au); signatures after the text (Dong-A's "NAME 기자
e-mail", China Daily's bracketed editor lines, AFPBB's "(c)AFP/NAME"); zone abbreviations of
one offset (Globe and Mail's "6:00 AM EST"); the headline's header lines and an epoch meta
(AFPBB); a legend that says the alt again (El Mundo); a bracketed slash credit (Globe and Mail).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from newsformats.model import plain_text
from readers.test_page_bylines import H1, TEXT, _authors, _paragraphs, _read

CARD = (
    '<div class="embed"><div class="card"><div class="rubric"><a href="/section/world">World'
    '</a></div><h3 class="card-hed"><a href="/article/other-story">How Women Are Dealing with'
    ' the Double Pandemic</a></h3><div class="card-details"><div class="card-details__byline">'
    'Urooba Jamal</div><time datetime="2020-07-22T14:16">07.22.20</time></div></div></div>'
)


def test_a_related_card_among_the_text_gives_no_byline_nor_date(tmp_path: Path) -> None:
    body = (
        f'<div class="article">{H1}<div class="contributors"><a href="/contributor/jr">James '
        'Reinl</a></div><div class="datebar">27 July 2020</div>'
        f'<div class="article-body">{TEXT[:200]}{CARD}{TEXT[200:]}</div></div>'
    )
    article, _ = _read(tmp_path, body)
    assert "Urooba Jamal" not in _authors(article)
    assert article.published is not None and article.published.date() == date(2020, 7, 27)


def test_a_card_of_the_article_itself_is_no_teaser(tmp_path: Path) -> None:
    """The box that holds the page's h1 is the article's, however short."""
    body = (
        f'<div class="story">{H1}<div class="byline">Ann Lee</div>'
        '<time datetime="2020-07-22T14:16">07.22.20</time></div>'
        f"<div>{TEXT}</div>"
    )
    article, _ = _read(tmp_path, body)
    assert _authors(article) == ["Ann Lee"]
    assert article.published is not None and article.published.date() == date(2020, 7, 22)


def test_a_domain_as_meta_author_gives_way_to_a_byline(tmp_path: Path) -> None:
    """A domain names the site, not a person: a byline the page shows wins; alone, it stays
    (as the site's name does: fundus expects "ndr.de", "nieuwsblad.be")."""
    head = '<meta name="author" content="elmundo.es">'
    article, _ = _read(tmp_path, f'{H1}<p class="byline">By Ann Lee</p>{TEXT}', head)
    assert _authors(article) == ["Ann Lee"]
    article, _ = _read(tmp_path, f"{H1}{TEXT}", head)
    assert _authors(article) == ["elmundo.es"]


def test_a_name_set_apart_beside_a_place_under_the_headline(tmp_path: Path) -> None:
    head = '<meta name="author" content="elmundo.es">'
    body = (
        f'{H1}<div class="meta"><p class="firma"><em>Ángeles Escrivá</em> | '
        f'<span class="loc">Madrid</span></p></div>{TEXT}'
    )
    article, _ = _read(tmp_path, body, head, lang="es")
    assert [(p.name, p.role) for p in article.authors] == [("Ángeles Escrivá", "Madrid")]


def test_a_menu_line_is_no_name_set_apart(tmp_path: Path) -> None:
    body = f'{H1}<p><a href="/world">World News</a> | <a href="/europe">Europe</a></p>{TEXT}'
    article, _ = _read(tmp_path, body)
    assert _authors(article) == []


def test_the_parsely_author_meta(tmp_path: Path) -> None:
    head = '<meta name="parsely-author" content="Andrew Ramsey">'
    article, _ = _read(tmp_path, f"{H1}{TEXT}", head)
    assert _authors(article) == ["Andrew Ramsey"]
    assert plain_text(article.paragraphs[0].content).startswith("The harbour wall")


def test_a_signature_line_after_the_text_is_the_byline(tmp_path: Path) -> None:
    body = f"{H1}{TEXT}<p>최윤호 기자 uknow@donga.com</p>"
    article, _ = _read(tmp_path, body, lang="ko")
    assert _authors(article) == ["최윤호"]
    assert not any("@" in p for p in _paragraphs(article))


def test_a_signature_does_not_replace_the_pages_byline(tmp_path: Path) -> None:
    body = f'{H1}<p class="byline">By Ann Lee</p>{TEXT}<p>Tom Roe tom@example.com</p>'
    article, _ = _read(tmp_path, body)
    assert _authors(article) == ["Ann Lee"]


def test_a_call_out_with_an_address_is_no_signature(tmp_path: Path) -> None:
    last = "<p>Do you have a story to tell? Email: news@example.com</p>"
    article, _ = _read(tmp_path, f"{H1}{TEXT}{last}")
    assert _authors(article) == []


def test_a_sentence_with_an_address_stays_text(tmp_path: Path) -> None:
    last = "<p>Readers can write to the harbour master at harbour@example.com with questions.</p>"
    article, _ = _read(tmp_path, f"{H1}{TEXT}{last}")
    assert _paragraphs(article)[-1].endswith("with questions.")
    assert _authors(article) == []


def test_bracketed_editor_lines_at_the_end_leave_the_body(tmp_path: Path) -> None:
    body = f"{H1}{TEXT}<p>（编辑：严玉洁 王辉）</p><p>【责任编辑：严玉洁】</p>"
    article, _ = _read(tmp_path, body, lang="zh")
    assert _paragraphs(article)[-1].startswith("Fishermen said")


def test_a_bracketed_aside_with_a_colon_inside_the_text_stays(tmp_path: Path) -> None:
    body = f"{H1}{TEXT}<p>(Note: the port reopens on Monday at six in the morning.)</p>"
    article, _ = _read(tmp_path, body)
    assert _paragraphs(article)[-1].startswith("(Note:")


def test_a_copyright_sign_off_glued_to_the_last_paragraph(tmp_path: Path) -> None:
    body = f"{H1}{TEXT[:-4]}(c)AFP/Aminu ABUBAKAR</p>"
    article, _ = _read(tmp_path, body)
    assert _paragraphs(article)[-1].endswith("anyone in the village expected.")
    assert _authors(article) == ["Aminu ABUBAKAR"]


def test_a_shown_time_with_a_named_zone(tmp_path: Path) -> None:
    body = f"{H1}<p class='meta'>Monday, Dec. 29 2014, 6:00 AM EST</p>{TEXT}"
    article, notes = _read(tmp_path, body)
    assert article.published == datetime(2014, 12, 29, 11, 0, tzinfo=UTC)
    assert not any("without a time zone" in n for n in notes)


def test_an_ambiguous_zone_keeps_the_day_only(tmp_path: Path) -> None:
    body = f"{H1}<p class='meta'>Monday, Dec. 29 2014, 6:00 AM IST</p>{TEXT}"
    article, _ = _read(tmp_path, body)
    assert article.published == datetime(2014, 12, 29, tzinfo=UTC)


def test_a_meta_date_with_a_named_zone(tmp_path: Path) -> None:
    head = '<meta name="last-modified" content="2014-12-29 08:57:25 EST">'
    article, _ = _read(tmp_path, f"{H1}{TEXT}", head)
    assert article.updated == datetime(2014, 12, 29, 13, 57, 25, tzinfo=UTC)


def test_the_headlines_header_lines_leave_the_body(tmp_path: Path) -> None:
    """A CMS whose text box holds the article's header too: its section links and its date
    and place line are the header's, not the text's first paragraphs."""
    body = (
        '<main><article><header class="signage"><div class="subcate"><a href="/news" '
        'class="btn">ニュース</a> <a href="/war" class="btn">戦争・紛争</a></div>'
        '<h1 class="title">港の防波堤、冬の嵐の後に再建</h1><div><span class="day">2018年6月18日 '
        '10:01\u3000<span class="location">発信地：カノ/ナイジェリア [ <a href="/s/ng">ナイジェリア'
        '</a> ]</span></span></div></header><div class="body">'
        "<p>冬の嵐で二か所が壊れた港の防波堤が再建されたと、港湾当局が金曜日に発表した。漁の季節が始まる"
        "一か月前のことだ。</p><p>潜水士が三月に基礎を調べたところ問題はなく、上部の石積みだけを積み直せば"
        "よかったため、費用は当初の見込みの半分で済んだ。</p><p>漁師たちは、工事が村の誰もが予想したより"
        "早く終わったと話した。</p></div></article></main>"
    )
    article, _ = _read(tmp_path, body, lang="ja")
    assert _paragraphs(article)[0].startswith("冬の嵐")


def test_a_header_without_the_headline_keeps_the_body(tmp_path: Path) -> None:
    body = f"<header><p>Harbour news</p></header>{H1}<p>Harbour news</p>{TEXT}"
    article, _ = _read(tmp_path, body)
    assert _paragraphs(article)[0] == "Harbour news"


def test_the_publication_as_an_epoch_meta(tmp_path: Path) -> None:
    head = (
        '<meta name="epoch-publish-date" content="1529283660000">'
        '<meta name="epoch-end-date" content="1623942000000">'
    )
    article, _ = _read(tmp_path, f"{H1}{TEXT}", head)
    assert article.published == datetime(2018, 6, 18, 1, 1, tzinfo=UTC)


def test_a_legend_that_says_the_alt_again_leaves_the_body(tmp_path: Path) -> None:
    picture = (
        '<div class="foto"><img src="a.jpg" alt="Izaskun Lesaka."><p>Izaskun Lesaka.</p></div>'
    )
    article, _ = _read(tmp_path, f"{H1}<div>{picture}{TEXT}</div>", lang="es")
    assert "Izaskun Lesaka." not in _paragraphs(article)
    assert _paragraphs(article)[0].startswith("The harbour wall")


def test_a_long_first_paragraph_given_as_alt_stays(tmp_path: Path) -> None:
    first = (
        "The harbour wall that the winter storms broke in two places has been rebuilt, "
        "the port authority said on Friday, a month before the fishing season opens."
    )
    picture = f'<div class="foto"><img src="a.jpg" alt="{first}"></div>'
    article, _ = _read(tmp_path, f"{H1}<div>{picture}{TEXT}</div>")
    assert _paragraphs(article)[0] == first


SAR = "A soldier looks out of the window during a search and rescue operation for the flight."


def test_a_bracketed_slash_credit_leaves_caption_and_alt(tmp_path: Path) -> None:
    figure = (
        f'<figure><img src="a.jpg" alt="{SAR} (Juni Kriswanto/AFP/Getty Images)">'
        f"<figcaption>{SAR} (Juni Kriswanto/AFP/Getty Images)</figcaption></figure>"
    )
    article, _ = _read(tmp_path, f"<article>{H1}{figure}{TEXT}</article>")
    images = [article.lead_image, *(b.image for b in article.body if hasattr(b, "image"))]
    image = next(i for i in images if i is not None)
    assert (image.alt, plain_text(image.caption)) == (SAR, SAR)
    assert image.credit == "Juni Kriswanto/AFP/Getty Images"


def test_a_bracket_of_words_after_a_caption_is_no_credit(tmp_path: Path) -> None:
    caption = f"{SAR} (before/after the storm)"
    figure = f'<figure><img src="a.jpg" alt="A soldier"><figcaption>{caption}</figcaption></figure>'
    article, _ = _read(tmp_path, f"<article>{H1}{figure}{TEXT}</article>")
    images = [article.lead_image, *(b.image for b in article.body if hasattr(b, "image"))]
    image = next(i for i in images if i is not None)
    assert plain_text(image.caption) == caption
