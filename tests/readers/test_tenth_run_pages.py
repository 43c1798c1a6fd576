"""The tenth acceptance run's page misses (headline, bylines, lead pictures), each by its
shape on a hand-made page with text of our own.

Xinhua: an empty ``h1`` in a fixed bar, the headline in a ``div`` under the logo (and as
a link in a carousel of stories above it), the ``<title>`` with the site's name after "-".
"""

from __future__ import annotations

from pathlib import Path

from newsformats.model import Article, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all
from readers.test_page_bylines import _authors, _paragraphs

ZH_LINES = (
    "新华社北京3月4日电（记者王明）北京市今天起在城区新开通三条公交线路，方便市民早晚通勤出行。",
    "据市交通委介绍，三条线路全部使用新能源车辆，首末班时间比原有线路各延长了半个小时左右。",
    "不少市民表示，新线路开通后换乘次数减少，上班路上能节省二十分钟，希望今后继续增加班次。",
    "交通部门表示，将根据客流情况及时调整发车间隔，并在明年上半年再开通两条社区接驳线路。",
)
ZH_TEXT = "".join(f"<p>　　{line}</p>" for line in ZH_LINES)


def _page(tmp_path: Path, head: str, body: str, lang: str = "") -> tuple[Article, list[str]]:
    page = tmp_path / "page.html"
    at = f' lang="{lang}"' if lang else ""
    page.write_text(
        f"<!DOCTYPE html><html{at}><head><meta charset='utf-8'>{head}</head>"
        f"<body>{body}</body></html>",
        "utf-8",
    )
    with collecting_notes() as notes:
        (article,) = read_all(page)
    return article, [n.message for n in notes]


def _xinhua(title: str = "北京城区新开通三条公交线路") -> str:
    return (
        '<div class="nav"><div class="carousel"><span><a href="/2024-03/04/c_1.htm">'
        f'{title}</a></span><span><a href="/2024-03/04/c_2.htm">全市中小学今天正式开学'
        "</a></span></div></div>"
        '<div class="top"><a href="http://www.example.cn/" class="logo"><img src="/logo.png"/>'
        f'</a><div class="news-head"><div class="news-title">{title}</div><div class="info">'
        '<span class="time">2024-03-04 08:15:20</span> <span>来源：示例网</span></div></div>'
        f'</div><div class="main"><div id="detail">{ZH_TEXT}</div></div>'
        '<div class="fixed-bar"><div class="inner"><h1></h1></div></div>'
    )


XINHUA_HEAD = "<title>\n北京城区新开通三条公交线路-示例网\n</title>"


def test_an_empty_h1_gives_way_to_the_title_part_the_page_shows(tmp_path: Path) -> None:
    """An empty ``h1`` is no headline; the ``div`` that shows the title's part without
    the site's name is, though a Chinese title's part is one "word" between spaces."""
    article, notes = _page(tmp_path, XINHUA_HEAD, _xinhua())
    assert article.headline == "北京城区新开通三条公交线路"
    assert any("<div> that shows a part of the <title>" in n for n in notes)


def test_without_the_part_shown_the_chinese_title_stays(tmp_path: Path) -> None:
    article, _ = _page(tmp_path, XINHUA_HEAD, _xinhua(title=""))
    assert article.headline is not None
    assert "北京城区新开通三条公交线路" in article.headline


def _the_paper(byline: str = "示例新闻记者 王小明", banner: str = 'usemap="#topdownload"') -> str:
    banner_img = f'<img src="//file.example.cn/img/app_down.png" alt="客户端下载" {banner}>'
    app_map = (
        '<map name="topdownload"><area shape="rect" coords="3,3,147,148" '
        'href="https://apps.example.com/app/id1"></map>'
    )
    lines = "<br>".join(ZH_LINES)
    return (
        f'<div class="head"><div class="head_rt"><a href="contribute.jsp">报料</a>'
        f'<div class="download">下载APP<div class="rtapp_down">{banner_img}{app_map}</div></div>'
        '</div></div><div class="main"><div class="main_lt"><div class="newscontent">'
        '<div class="news_path"><a href="/">首页</a> &gt; <a href="list_1">城市</a></div>'
        '<h1 class="news_title">北京城区新开通三条公交线路，首末班时间延长</h1>'
        f'<div class="news_about"><p>{byline}</p><p>2024-03-04 10:08<span> 来源：示例新闻</span>'
        f'</p></div><div class="news_txt">{lines}</div></div></div>'
        f'<div class="main_rt"><div class="rtapp_down"><p>示例新闻APP下载</p>{banner_img}'
        f"{app_map}</div></div></div>"
    )


PAPER_HEAD = "<title>北京城区新开通三条公交线路，首末班时间延长_示例新闻</title>"


def test_a_job_glued_to_the_paper_s_name_before_a_name_is_the_byline(tmp_path: Path) -> None:
    """ "示例新闻记者 王小明": the pack's "记者" (reporter) after the paper's name, written
    without a space, then the name: the name is the byline, the job its role."""
    article, _ = _page(tmp_path, PAPER_HEAD, _the_paper())
    assert _authors(article) == ["王小明"]
    assert article.authors[0].role == "示例新闻记者"


def test_a_name_with_no_job_before_it_is_no_job_line(tmp_path: Path) -> None:
    article, _ = _page(tmp_path, PAPER_HEAD, _the_paper(byline="示例新闻 王小明"))
    assert "示例新闻" not in _authors(article)


def test_an_app_s_download_map_is_never_the_lead_picture(tmp_path: Path) -> None:
    """The top bar's banner (an image map of links to the app stores) and its twin in the
    side column after the text, whose lines a ``<br>`` sets apart, are not the article's."""
    article, _ = _page(tmp_path, PAPER_HEAD, _the_paper())
    assert article.lead_image is None
    assert ZH_LINES[0] in " ".join(_paragraphs(article))


def test_a_picture_under_the_headline_that_is_no_map_still_leads(tmp_path: Path) -> None:
    body = _the_paper().replace(
        '<div class="news_txt">',
        '<div class="news_pic"><img src="/img/bus.jpg" alt="新开通的公交线路首班车"></div>'
        '<div class="news_txt">',
    )
    article, _ = _page(tmp_path, PAPER_HEAD, body)
    assert article.lead_image is not None
    assert article.lead_image.alt == "新开通的公交线路首班车"


def test_a_picture_after_text_in_lines_between_br_is_not_under_the_headline(
    tmp_path: Path,
) -> None:
    """The text written in ``<br>`` lines in a ``div`` has begun: a picture in the side
    column after it is not the one "under the headline"."""
    body = _the_paper(banner="").replace(
        "<p>示例新闻APP下载</p>", '<img src="/img/jobs.jpg" alt="示例新闻招聘编辑记者">'
    )
    article, _ = _page(tmp_path, PAPER_HEAD, body)
    assert article.lead_image is None


def _huanqiu(names: str = "<span>王小明</span> <span>李四</span> <span>张小飞刀</span>") -> str:
    text = "".join(f"<p>{line}</p>" for line in ZH_LINES)
    return (
        '<div class="container"><div class="main"><div class="content" id="article">'
        '<h1 class="a-title"><strong>北京城区新开通三条公交线路，首末班时间延长</strong></h1>'
        '<div class="a-info"><span class="time">2024-03-04 20:35</span>'
        f'<span class="original">{names}</span><span class="tag"></span></div>'
        f'<div class="a-con">{text}</div></div></div></div>'
    )


def test_name_spans_beside_the_time_under_the_headline_are_the_byline(tmp_path: Path) -> None:
    """Huanqiu: a header box under the ``h1`` with the time and a box of short spans, each
    a name alone: the byline, the names joined."""
    article, _ = _page(tmp_path, PAPER_HEAD, _huanqiu())
    assert _authors(article) == ["王小明", "李四", "张小飞刀"]


def test_linked_words_beside_the_time_are_no_byline(tmp_path: Path) -> None:
    """Tags (links to other pages) or a sentence in spans are not names."""
    tags = '<span><a href="/t/1">交通</a></span><span><a href="/t/2">北京</a></span>'
    article, _ = _page(tmp_path, PAPER_HEAD, _huanqiu(names=tags))
    assert _authors(article) == []
    long = "<span>北京城区新开通三条公交线路</span><span>首末班时间延长</span>"
    article, _ = _page(tmp_path, PAPER_HEAD, _huanqiu(names=long))
    assert _authors(article) == []


EN_TEXT = "".join(
    f"<p>{line}</p>"
    for line in (
        "The harbour master’s house in Whitby, where the painter Ann Lee lived for twenty years, "
        "has been given a blue plaque by the town council.",
        "Lee moved into the house in 1961 and painted most of her seascapes in its attic, "
        "looking out over the piers and the abbey on the cliff.",
        "The council said the plaque was the first it had given to a woman artist.",
    )
)
GUARDIAN_HEAD = (
    "<title>Painter’s Whitby home gets blue plaque | Art | The Daily Example</title>"
    '<meta property="og:image" content="https://i.example.com/img/media/aaa111/0_0_2000_1200/'
    'master/2000.jpg?width=1200&amp;overlay=1">'
)


def _guardian(
    caption: str = "Home to the seascapes … the house in Whitby. Photograph: Town Council",
) -> str:
    figcaption = f'<figcaption class="caption caption--main">{caption}</figcaption>'
    return (
        '<article class="content"><div class="content__main"><header class="content__head">'
        "<h1>Painter’s Whitby home gets blue plaque</h1>"
        '<p class="byline">By Tom Roe</p><figure class="media-primary" data-media-id="bbb222">'
        '<a href="#img-1" class="article__img-container"><picture><img alt="The blue plaque '
        'on the harbour master’s house in Whitby" src="https://i.example.com/img/media/bbb222/'
        '0_10_5000_3000/master/5000.jpg?width=300"></picture></a>'
        '<label class="reveal-caption" for="show-caption"><span class="icon"></span></label>'
        f'{figcaption}</figure></header><div class="content__article-body">{EN_TEXT}</div>'
        "</div></article>"
    )


def test_the_articles_first_figure_leads_when_the_og_image_is_not_shown(tmp_path: Path) -> None:
    """The og:image (another crop, of no alt or caption) is nowhere in the page; the
    article's first figure above its text, with alt and caption, is the lead picture (its
    caption after an empty "reveal-caption" button)."""
    article, _ = _page(tmp_path, GUARDIAN_HEAD, _guardian(), "en")
    assert article.lead_image is not None
    assert article.lead_image.alt.startswith("The blue plaque")
    assert plain_text(article.lead_image.caption) == "Home to the seascapes … the house in Whitby."
    assert article.lead_image.credit == "Town Council"
    assert article.lead_image.credit_label == "Photograph:"  # the page's label, not "Image:"


def test_a_shown_lead_picture_keeps_the_label_its_page_gives_its_credit(tmp_path: Path) -> None:
    """The og:image shown in a figure whose caption ends "Foto: Ann Lee/dpa": the credit is
    "Ann Lee/dpa" and the writers show the page's "Foto:", not the pack's label."""
    url = "https://i.example.com/img/harbour.jpg"
    body = (
        f'<article><h1>Painter’s Whitby home gets blue plaque</h1><figure><img src="{url}" '
        'alt="The harbour master’s house"><figcaption>The house on the pier. Foto: Ann Lee/dpa'
        f"</figcaption></figure>{EN_TEXT}</article>"
    )
    article, _ = _page(tmp_path, f'<meta property="og:image" content="{url}">', body, "en")
    assert article.lead_image is not None
    assert article.lead_image.credit == "Ann Lee/dpa"
    assert article.lead_image.credit_label == "Foto:"


def test_a_first_figure_without_a_caption_does_not_lead(tmp_path: Path) -> None:
    article, notes = _page(tmp_path, GUARDIAN_HEAD, _guardian(caption=""), "en")
    assert article.lead_image is None
    assert any("has no alt text or caption; it is left out" in n for n in notes)


def test_a_site_name_after_a_dash_between_han_letters_is_cut(tmp_path: Path) -> None:
    """ "…首末班时间延长-示例网" with ``og:site_name`` 示例网: the dash between Han letters,
    written without spaces, sets the site's name apart (a hyphen between Latin letters
    does not: "Jarvis-Gibson")."""
    head = XINHUA_HEAD + '<meta property="og:site_name" content="示例网">'
    article, _ = _page(tmp_path, head, _xinhua(title=""))
    assert article.headline == "北京城区新开通三条公交线路"


def test_a_first_figure_linking_to_another_page_does_not_lead(tmp_path: Path) -> None:
    """An author's portrait with a caption, linking to the author's page, is not the lead."""
    body = _guardian().replace('href="#img-1"', 'href="/profile/tom-roe"')
    article, _ = _page(tmp_path, GUARDIAN_HEAD, body, "en")
    assert article.lead_image is None
