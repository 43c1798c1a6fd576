"""Issue 11's fourth acceptance run: agency files and feeds the project had never seen.

Agency files from the Superdesk projects of Belga, NTB and the Canadian Press, a Russian
blog's Atom feed from feedparser's tests and UOL's Latin-1 RSS from rss-parser's (see each
folder's NOTICE); docs/inputs.md, "Fourth acceptance run", has the whole table.
"""

from __future__ import annotations

from datetime import UTC, datetime

from helpers import DATA, paragraph_texts, read_quietly
from newsformats.model import Paragraph, plain_text

quietly, paragraphs = read_quietly, paragraph_texts
AGENCIES = DATA / "inputs" / "agencies-superdesk-forks"
FEEDS = DATA / "inputs" / "feeds-fourth"


def test_dpa_notes_for_the_newsroom_are_not_published() -> None:
    # An edNote with pubconstraint="…nonpublic" held a reporter's telephone number; the
    # notepad repeated the other notes with its own "np-nonpublic" part.
    [article], notes = quietly(AGENCIES / "belga-dpa-newsml2.xml")
    assert article.headline == "Mehr als 200 Migranten in der Ägäis aufgegriffen"
    assert (article.language, article.dateline) == ("de", "Athen")
    shown = " ".join(plain_text(n.text) for n in article.notes)
    assert "6944" not in shown and "Tsafos" not in shown and "Notizblock" not in shown
    assert any("Migranten sind nach Definition" in plain_text(n.text) for n in article.notes)
    assert "dpa tt xx n1" not in shown  # the closing line's desk codes
    assert any("marked for the newsroom only are left out" in n for n in notes)
    assert paragraphs(article)[0].startswith("Athen (dpa) - Ungeachtet der EU-Vereinbarung")
    assert paragraphs(article)[-1].startswith("Der im März 2016 geschlossenen")


def test_a_wire_sign_off_is_the_credit_line_not_a_paragraph() -> None:
    [article], _ = quietly(AGENCIES / "ntb-nitf.xml")  # ISO-8859-1, declared
    assert article.headline.startswith("*En 41-årig mand, der onsdag")
    assert article.publisher is not None and article.publisher.name == "Ritzau"
    assert paragraphs(article)[-1] == "Det oplyser Københavns Vestegns Politi."
    assert article.credit_line == "ritzau"
    assert article.published == datetime(2016, 5, 11, 22, 5, 13, tzinfo=UTC)


def test_an_abstract_that_is_the_texts_start_cut_is_no_standfirst() -> None:
    [article], _ = quietly(AGENCIES / "cp-globenewswire-fr.xml")
    assert article.language == "fr-FR"
    assert article.standfirst is None  # "Les vitesses de téléchargement … Affichant une..."
    # The body's first heading repeated the headline word for word.
    first = article.body[0]
    assert isinstance(first, Paragraph)
    assert plain_text(first.content).startswith("Le communiqué suivant corrige")


def test_ninjs_bylines_name_slash_agency_and_a_standfirst_the_body_repeats() -> None:
    [article], _ = quietly(AGENCIES / "ntb-tt-ninjs.json")
    assert article.headline == "Krisen allt djupare – Mellberg sämst någonsin"
    assert [(p.name, p.role) for p in article.authors] == [
        ("Martin Hardenberger", "TT"),
        ("Anders Bjurö", "Fotograf"),
    ]
    assert article.standfirst is None  # description_text is the body's own lead
    assert any(p.startswith("Bottenmötet mellan HIF och Mjällby") for p in paragraphs(article))


def test_an_excerpt_summary_is_no_standfirst_in_a_feed() -> None:
    articles, _ = quietly(FEEDS / "touchnokia-atom.xml")
    assert len(articles) == 15
    assert articles[0].headline == "Невидимая броня для Вашего Nokia 5800"
    assert {a.language for a in articles} == {"ru"}
    # "Voice Inbox v.1.09.112 Уменьшено до 50%360 x 640 …": the text's start, cut.
    assert articles[2].standfirst is None


def test_latin_1_feed_without_declaration_and_portuguese_dates() -> None:
    articles, notes = quietly(FEEDS / "uol.rss")
    # Four entries have no text, one only "Por Matt Spetalnick e Jason Szep" (a byline):
    # each is skipped with a warning.
    assert len(articles) == 10
    assert sum("no body text found; that item is skipped" in n for n in notes) == 5
    assert not any(a.headline.startswith("Relatório do governo dos EUA") for a in articles)
    first = articles[0]
    assert first.headline.startswith(
        "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações"
    )
    assert first.language == "pt"
    # "Seg, 24 Set 2018 19:42:40 -0300": the seconds kept
    assert first.published == datetime(2018, 9, 24, 22, 42, 40, tzinfo=UTC)


def test_a_body_in_an_unknown_xml_vocabulary_is_read_by_its_structure() -> None:
    # TT's own upper-case body (<BODY><TEXT><RUBRIK>…<INGRESS><P>…<MELLIS>…): before, a
    # list first and one paragraph of everything; now its paragraphs in order, warned.
    [article], notes = quietly(AGENCIES / "ntb-tt-newsml.xml")
    assert article.headline == "Polen: EU hämnas för flyktingmotstånd"
    assert article.language == "sv"
    texts = paragraphs(article)
    assert texts[1].startswith("För första gången sedan EU:s Lissabonfördrag")
    assert texts[3].startswith("Tyvärr har vår oro fördjupats")
    assert "Polen: EU hämnas för flyktingmotstånd" not in texts  # the headline, said once
    assert not any(t.startswith("http://") for t in texts)  # the picture's file
    assert texts.index("Jämförs med Sovjet") < texts.index("Fakta: EU:s storslägga")
    assert any("an XML vocabulary newsformats does not know (<BODY>)" in n for n in notes)
