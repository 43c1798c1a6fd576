"""Saved web pages: the header's box above the text, the sections after it, an appeal box
inside it and an editor-in-charge line are not the text (the tenth run, misses 4, 5, 7,
8 and 10).

Small pages of our own, in the shape of the pages named in docs/inputs.md ("Tenth
acceptance run"): The Paper (澎湃新闻), Huanqiu (环球网), the Guardian. Their text is
written here, not copied.
"""

from __future__ import annotations

from pathlib import Path

from lxml import html

from newsformats.model import Article, plain_text
from newsformats.notes import Note, collecting_notes
from newsformats.readers import read_all
from newsformats.readers.webpage.zones import without_closing_sections

ZH_TEXT = [
    "市交通局今天宣布，城东的三条公交线路将从下月起延长运营时间，末班车推迟到晚上十一点。",
    "交通局负责人表示，调整是根据乘客意见作出的，夜间下班的工人和学生此前多次提出要求。",
    "新的时刻表将在各车站张贴，乘客也可以在交通局网站上查询每条线路的具体发车时间。",
    "据统计，这三条线路每天运送乘客约四万人次，其中晚上八点以后的乘客约占五分之一。",
    "交通局还表示，如果试行效果良好，明年将把延长运营时间的做法推广到更多线路。",
]
EN_TEXT = [
    "The town's library reopened on Monday after a two-year renovation that added a "
    "reading garden, a children's wing and a room for the local history society.",
    "The work cost four million pounds, most of it raised by a lottery grant and the rest "
    "by residents who gave small sums at stalls outside the old building.",
    "Readers queued from seven in the morning, and the first book borrowed was a guide to "
    "the birds of the estuary, the librarian said.",
    "The library will now open on Sundays for the first time in its history, with "
    "volunteers from the history society staffing the front desk.",
]


def _read(tmp_path: Path, html: str, lang: str) -> tuple[Article, list[Note]]:
    page = tmp_path / "page.html"
    page.write_text(f"<html lang='{lang}'><head></head><body>{html}</body></html>", "utf-8")
    with collecting_notes() as notes:
        (article,) = read_all(page)
    return article, notes


def _paragraphs(article: Article) -> list[str]:
    return [plain_text(p.content) for p in article.paragraphs]


def _subheadings(article: Article) -> list[str]:
    return [plain_text(b.content) for b in article.body if type(b).__name__ == "Subheading"]


def _runs(texts: list[str]) -> str:
    """Paragraphs as runs of text between line breaks, a spacer box after each."""
    return '<br><div class="gap"></div>'.join(texts)


THE_PAPER = (
    '<div class="main"><div class="content">'
    '<div class="path"><a href="/">首页</a> &gt; <a href="/list_1">城市</a></div>'
    '<h1 class="title">三条公交线路下月起延长运营时间</h1>'
    '<div class="about"><p>本报记者 王小明</p><p>2024-05-06 09:30 <span>来源：本报</span></p>'
    '<div class="font"><span>字号</span><ul><li></li><li></li></ul></div></div>'
    f'<div class="txt">{_runs(ZH_TEXT)}<br><div class="gap"></div>'
    '<div class="note">(本文来自本报客户端)</div></div>'
    '<div class="words">关键词 &gt;&gt; 公交,交通局,时刻表</div>'
    '<div class="tit"><h2>相关推荐</h2></div>'
    '<div class="list"><div class="item"><a href="/news_2"><img src="a.jpg" alt=""></a>'
    '<a href="/news_2">地铁新线路开通</a></div></div>'
    '<div class="tit"><h2>评论<span>(3)</span></h2></div>'
    '<div id="comments"><div class="write"><img src="avatar.png" alt="">'
    "<p>我要跟帖</p><textarea></textarea><p>已输入0字</p></div></div>"
    "</div></div>"
)


def test_the_header_box_above_the_text_leaves_the_body(tmp_path: Path) -> None:
    # The Paper: breadcrumb, byline, date and source line and a font-size button in boxes
    # between the headline and the box of the text.
    article, notes = _read(tmp_path, THE_PAPER, "zh-CN")
    paragraphs = _paragraphs(article)
    assert paragraphs[0] == ZH_TEXT[0]
    assert not any(p.startswith(("首页", "本报记者", "2024-05-06", "字号")) for p in paragraphs)
    assert any("header's box above the text" in n.message for n in notes)


def test_the_sections_after_the_text_leave_the_body(tmp_path: Path) -> None:
    # The Paper: keywords line, "related" and comments sections with their headings.
    article, _ = _read(tmp_path, THE_PAPER, "zh-CN")
    paragraphs = _paragraphs(article)
    assert paragraphs[-1] == "(本文来自本报客户端)"  # inside the text's box: it stays
    assert paragraphs[-2] == ZH_TEXT[-1]
    assert _subheadings(article) == []
    assert not any("关键词" in p or "我要跟帖" in p for p in paragraphs)


def test_a_heading_and_short_lines_inside_the_text_box_stay(tmp_path: Path) -> None:
    # The same closing shape inside the box of the text is the text's own last section.
    html = (
        "<div class='story'><h1>Library reopens after two years</h1><div class='body'>"
        + "".join(f"<p>{t}</p>" for t in EN_TEXT)
        + "<h2>Opening hours</h2><p>Monday to Friday 9-18</p><p>Sunday 10-16</p></div></div>"
    )
    article, _ = _read(tmp_path, html, "en")
    assert _subheadings(article) == ["Opening hours"]
    assert _paragraphs(article)[-1] == "Sunday 10-16"


def test_a_short_line_beside_the_text_paragraphs_stays(tmp_path: Path) -> None:
    # A short first line in the same box as the text's paragraphs is the text's.
    html = (
        "<div class='story'><h1>Library reopens after two years</h1>"
        "<p>Kilkenny, Monday</p>" + "".join(f"<p>{t}</p>" for t in EN_TEXT) + "</div>"
    )
    article, _ = _read(tmp_path, html, "en")
    assert _paragraphs(article)[0] == "Kilkenny, Monday"


HUANQIU = (
    '<div id="content"><div id="article"><h1 class="a-title"><strong>'
    "三条公交线路下月起延长运营时间</strong></h1>"
    '<div class="a-info"><span class="time">2024-05-06 09:30</span>'
    '<span class="author"><span>王小明</span><span>李红</span></span></div>'
    '<div class="a-con">'
    + "".join(f"<p>{t}</p>" for t in ZH_TEXT)
    + '<p>图片均来自网络</p></div><div class="a-edit"><span>责编：赵六</span></div>'
    "</div></div>"
)


def test_the_time_and_author_line_above_the_text_leaves_the_body(tmp_path: Path) -> None:
    # Huanqiu: the header's time and author spans in a box of their own.
    article, _ = _read(tmp_path, HUANQIU, "zh")
    assert _paragraphs(article)[0] == ZH_TEXT[0]


def test_an_editor_in_charge_line_after_the_text_leaves_the_body(tmp_path: Path) -> None:
    # "责编：赵六", the editor in charge (a pack's job word, no brackets), is no text and
    # no byline.
    article, _ = _read(tmp_path, HUANQIU, "zh")
    assert _paragraphs(article)[-1] == "图片均来自网络"
    assert "赵六" not in [a.name for a in article.authors]


def test_a_labelled_line_that_is_a_sentence_stays(tmp_path: Path) -> None:
    html = (
        "<div class='story'><h1>Library reopens after two years</h1><div class='body'>"
        + "".join(f"<p>{t}</p>" for t in EN_TEXT)
        + "<p>Editor: thanks to all who helped.</p></div></div>"
    )
    article, _ = _read(tmp_path, html, "en")
    assert _paragraphs(article)[-1] == "Editor: thanks to all who helped."


GUARDIAN = (
    "<article><h1>Library reopens after two years</h1><div class='article-body'>"
    + "".join(f"<p>{t}</p>" for t in EN_TEXT)
    + "<div class='appeal'><div><h2>Before you go…</h2>"
    "<p>Local reporting like this costs money, and we keep it free for every reader.</p>"
    "<p>If you can, give a small sum each month to keep the newsroom open.</p></div>"
    "<div class='buttons'><div><a href='/support'>Support us</a></div>"
    "<div><img src='cards.png' alt='Cards we take'></div></div></div>"
    "</div></article>"
)


def test_an_appeal_box_after_the_text_leaves_the_body(tmp_path: Path) -> None:
    # The Guardian: a box among the text's paragraphs with a heading, a call to give money
    # and a button to the support page.
    article, notes = _read(tmp_path, GUARDIAN, "en")
    assert _paragraphs(article)[-1] == EN_TEXT[-1]
    assert _subheadings(article) == []
    assert any("appeal box" in n.message for n in notes)


def test_a_last_section_with_a_link_in_its_paragraph_stays(tmp_path: Path) -> None:
    html = GUARDIAN.replace(
        "<div class='buttons'><div><a href='/support'>Support us</a></div>",
        "<div class='buttons'><p>Read <a href='/support'>the report</a> in full.</p>",
    )
    article, _ = _read(tmp_path, html, "en")
    assert _subheadings(article) == ["Before you go…"]


def test_a_run_of_text_with_an_underline_after_a_line_break_is_one_paragraph(
    tmp_path: Path,
) -> None:
    # The Paper: "…约占五分之一，<u>其中多数是学生</u>。<br>": readability-lxml made the text
    # after the break one paragraph and the underline with what follows it another.
    underlined = "据统计，这三条线路每天运送乘客约四万人次，<u>其中多数是学生</u>。"
    html = THE_PAPER.replace(_runs(ZH_TEXT), _runs([*ZH_TEXT[:3], underlined, ZH_TEXT[4]]))
    article, _ = _read(tmp_path, html, "zh-CN")
    assert "据统计，这三条线路每天运送乘客约四万人次，其中多数是学生。" in _paragraphs(article)


def test_short_lines_above_a_heading_outside_the_text_box_stay(tmp_path: Path) -> None:
    # A post whose own lines and list stand above a footer of sentences: the lines are
    # no header's box when what follows them is not the text's box either.
    html = (
        "<article><h1>Meeting in March</h1><div class='entry'>"
        "<p><strong>Moderator</strong>: Ann Lee</p><p>Place: the town library</p>"
        "<h2>Agenda</h2><ol><li>Two short talks (30 mins)</li><li>Discussion (1 hour)</li></ol>"
        "</div><footer class='meta'>"
        + "".join(f"<p>{t}</p>" for t in EN_TEXT[:2])
        + "</footer></article>"
    )
    article, _ = _read(tmp_path, html, "en")
    assert _paragraphs(article)[0] == "Moderator: Ann Lee"


def test_a_closing_line_ending_in_a_colon_stays() -> None:
    # "Das Konzeptpapier finden Sie hier:" in a box after the text's: it leads into what
    # the page shows next; the newsletter's heading after it leaves.
    page = html.fromstring(
        "<html><body><article><h1>Library reopens</h1><div class='body'>"
        + "".join(f"<p>{t}</p>" for t in EN_TEXT)
        + "</div><div class='files'><p>The full plan is here:</p></div>"
        "<div class='newsletter'><h2>Get our newsletter</h2></div></article></body></html>"
    )
    body = [{"type": "paragraph", "content": [t]} for t in [*EN_TEXT, "The full plan is here:"]]
    body.append({"type": "subheading", "content": ["Get our newsletter"]})
    kept = without_closing_sections(page, body, "page.html")
    assert [b["content"][0] for b in kept][-1] == "The full plan is here:"
