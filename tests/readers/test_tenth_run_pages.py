"""The tenth acceptance run's page misses (headline, bylines, lead pictures), each by its
shape on a hand-made page with text of our own.

Xinhua: an empty ``h1`` in a fixed bar, the headline in a ``div`` under the logo (and as
a link in a carousel of stories above it), the ``<title>`` with the site's name after "-".
"""

from __future__ import annotations

from pathlib import Path

from newsformats.model import Article
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
