"""Sentence splitting and the sentence ids shared by the speech script and the document."""

from __future__ import annotations

import pytest

from newsformats.document import DocumentOptions, build_document
from newsformats.model import Article, Emphasis, Link
from newsformats.sentences import split_inline, split_text
from newsformats.speech.script import build_script


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Zas arrived. He spoke.", ["Dr. Zas arrived.", "He spoke."]),
        (
            "Vladimir V. Putin spoke. Then J. K. Rowling wrote.",
            ["Vladimir V. Putin spoke.", "Then J. K. Rowling wrote."],
        ),
        (
            "The U.S.-led mission ended. U.S. forces left.",
            ["The U.S.-led mission ended.", "U.S. forces left."],
        ),
        (
            "It cost 3.5 million. Founded in 2001. The No. 2 man left.",
            ["It cost 3.5 million.", "Founded in 2001.", "The No. 2 man left."],
        ),
        (
            '"Nobody is hurrying," Lavrov said. He added: "We watch." Then he left.',
            ['"Nobody is hurrying," Lavrov said.', 'He added: "We watch."', "Then he left."],
        ),
        ("“Why?” he asked. Nobody knew!", ["“Why?” he asked.", "Nobody knew!"]),
        (
            "Polls open at 8 a.m. and close at 8 p.m. local time.",
            ["Polls open at 8 a.m. and close at 8 p.m. local time."],
        ),
        (
            "On Sept. 15 they met. It rained…  Then it stopped.",
            ["On Sept. 15 they met.", "It rained…", "Then it stopped."],
        ),
    ],
)
def test_english_sentences_survive_abbreviations_initials_quotes_and_numbers(
    text: str, expected: list[str]
) -> None:
    assert split_text(text, "en") == expected


def test_russian_initials_and_abbreviations_do_not_end_sentences() -> None:
    text = "В. В. Путин прибыл в г. Душанбе, т.е. в столицу. Он сказал: «Всё хорошо». Итак."
    assert split_text(text, "ru") == [
        "В. В. Путин прибыл в г. Душанбе, т.е. в столицу.",
        "Он сказал: «Всё хорошо».",
        "Итак.",
    ]


def test_persian_sentences_end_at_arabic_question_mark_and_full_stop() -> None:
    text = "روسیه و متحدانش گفتگو کردند. آیا این درست است؟ بله."
    assert split_text(text, "fa") == ["روسیه و متحدانش گفتگو کردند.", "آیا این درست است؟", "بله."]


def test_chinese_sentences_end_without_spaces() -> None:
    assert split_text("会议开始了。领导人发言！", "zh") == ["会议开始了。", "领导人发言！"]


def test_a_sentence_end_inside_a_mark_does_not_cut_the_mark() -> None:
    content = ["He said ", Emphasis(children=["stop. Now"]), " and left. Next one."]
    sentences = split_inline(content, "en")
    assert [s.text for s in sentences] == ["He said stop. Now and left.", "Next one."]
    assert sentences[0].content[1] == Emphasis(children=["stop. Now"])
    assert sentences[0].trailing == " "


def test_marks_stay_inside_their_sentence() -> None:
    link = Link(href="https://example.org/", children=["site"])
    sentences = split_inline(["See the ", link, ". It is new."], "en")
    assert [s.content for s in sentences] == [["See the ", link, "."], ["It is new."]]


@pytest.mark.parametrize("name", ["example", "explainer", "heatwave"])
def test_every_sentence_the_audio_shows_has_its_span_in_the_document(
    name: str, request: pytest.FixtureRequest
) -> None:
    article: Article = request.getfixturevalue(name)
    document = build_document(article, DocumentOptions(sentence_spans=True))
    ids = {node.get("id") for node in document.root.iter() if node.get("id")}
    spans = [s.get("id") for s in document.root.iter("span") if s.get("class") == "nf-s"]
    script = build_script(article)
    targets = [u.target for u in script.utterances if u.target is not None]
    assert targets, "the script shows nothing"
    assert set(targets) <= ids
    # Every sentence span of the text is spoken, in the same order.
    spoken_spans = [t for t in targets if t in set(spans)]
    assert spoken_spans == [s for s in spans if s in set(spoken_spans)]
    assert len(set(spans) - set(targets)) <= 1  # at most a caption sentence said as alt text


def test_sentence_spans_change_no_text() -> None:
    article = Article(
        headline="One. Two",
        language="en",
        standfirst="A standfirst. In two sentences.",
        body=[
            {
                "type": "paragraph",
                "content": ["First. ", {"type": "strong", "children": ["Bold."]}, " Last."],
            }
        ],
        credit_line="With reporting by AFP.",
    )
    plain = build_document(article)
    spanned = build_document(article, DocumentOptions(sentence_spans=True))
    assert "".join(plain.root.itertext()) == "".join(spanned.root.itertext())
    assert [s.get("id") for s in spanned.root.iter("span") if s.get("class") == "nf-s"] == [
        "headline-s1",
        "headline-s2",
        "standfirst-s1",
        "standfirst-s2",
        "p1-s1",
        "p1-s2",
        "p1-s3",
        "credit-line-s1",
    ]
    assert not [s for s in plain.root.iter("span") if s.get("class") == "nf-s"]
