"""The eighth acceptance run's page misses, each by its shape on a hand-made page.

China News: readability-lxml takes the site's footer (a link list, copyright and licence
lines) for the body, as the article's full-width commas score nothing, and a forum box in
the side column gives a "byline". To Vima: no h1 (the title's part the page shows is the
headline), the publisher's imprint as ``<meta name=Author>``, today's date in the masthead,
the picture under the headline with its caption box. RIA: the site's social picture as
og:image, the article's picture with its credit box, a rating form's prompt after the text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newsformats.model import Article, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all
from readers.test_page_bylines import _authors, _paragraphs, _read

ZH_TEXT = "".join(
    f"<p>　　{line}</p>"
    for line in (
        "中新网北京12月15日电 (记者 杜燕)今后，北京市120与110、122、119将联动应对突发事件以及"
        "日常公共安全保障，最大限度降低生命财产损失。",
        "北京市120与110、122、119今天正式签字，启动资源共享与应急联动协作机制。今后，四家将实现"
        "信息共享、应急指挥互联互通，确保突发事件相关信息的及时、准确、一致。",
        "北京市公安消防局119指挥中心主任介绍，现在的突发事件情况越来越复杂，单独一家救援部门已经"
        "很难独立完成突发事件的救援情况。",
        "他表示，四台联动启动以后，将实现四个救援部门的信息资源共享，在遇到突发事件救援信息后，"
        "四个信息平台均会做出反应，第一时间派遣所需要的救援部门赶往现场实施救援工作。",
        "北京市卫生局卫生应急办公室主任表示，在许多突发时间发生后，医护人员未必能在第一时间赶制"
        "现场，为此，四家机构今后还将加强日常联席培训和演练。",
        "据悉，今后，四家机构将逐步建立优先保障机制，保障突发时间应急处置与医疗救援及时、快捷。完",
    )
)
ZH_FOOTER = (
    '<div class="pagebottom"><p><a href="/about.shtml">关于我们</a> | <a href="/about.shtml">'
    'About us</a> | <a href="/contact.shtml">联系我们</a> | <a href="/ad.shtml">广告服务</a> | '
    '<a href="/law.shtml">法律声明</a></p><p>本网站所刊载信息，不代表中新社和中新网观点。, '
    "刊用本网站稿件，务经书面授权。</p><p>未经授权禁止转载、摘编、复制及建立镜像，违者将依法追究"
    "法律责任。</p><p>[网上传播视听节目许可证（0106168)] [京ICP证040655号] 总机：86-10-87826688"
    "</p><p>Copyright ©1999-2011 chinanews.com. All Rights Reserved, 中国新闻网版权所有, "
    "未经书面授权不得转载, 违者必究, 电话：86-10-87826688, 传真：86-10-87826600</p></div>"
)
ZH_FORUM = (
    '<div class="side"><div class="box"><div class="tab"><div class="pane"><div><div>'
    '<div class="promo-title"><a href="http://bbs.example.com/post/132599.shtml">超市让你超额'
    '消费的14种诡计</a></div><div id="promo-author"><b>中新网友</b>的原贴：<br><span>总是上当：'
    "不看不知道</span></div></div></div></div></div></div></div>"
)


def _china_news(footer: str = ZH_FOOTER) -> str:
    return (
        '<div id="all"><div id="text"><div class="text_left"><div class="left_txt">'
        '<div class="left_bt"><h1>北京4家救援部门“牵手”应对突发事件</h1></div>'
        '<div class="left_time">2011年12月15日 20:43　来源：中国新闻网</div>'
        f'<div class="left_zw"><font id="fontzoom">{ZH_TEXT}</font></div></div></div>'
        f"{ZH_FORUM}</div>{footer}</div>"
    )


def test_a_footer_below_the_text_is_no_body(tmp_path: Path) -> None:
    """The footer's paragraphs lie below the text that follows the headline: that text wins."""
    article, notes = _read(tmp_path, _china_news(), lang="zh")
    paragraphs = _paragraphs(article)
    assert paragraphs[0].startswith("中新网北京12月15日电")
    assert paragraphs[-1].endswith("及时、快捷。完")
    assert not any("关于我们" in p or "ICP" in p for p in paragraphs)
    assert any("lies below a longer text" in n for n in notes)


def test_a_body_that_is_the_text_under_the_headline_stays(tmp_path: Path) -> None:
    """No footer: readability's body is the text under the headline; nothing is said."""
    article, notes = _read(tmp_path, _china_news(footer=""), lang="zh")
    assert any(p.startswith("中新网北京12月15日电") for p in _paragraphs(article))
    assert not any("lies below a longer text" in n for n in notes)


def test_a_forum_box_in_the_side_column_gives_no_byline(tmp_path: Path) -> None:
    article, _ = _read(tmp_path, _china_news(), lang="zh")
    assert not any("原贴" in name or "中新网友" in name for name in _authors(article))


ZH_SITE = (
    '<meta name="author" content="chinanews">'
    '<meta name="copyright" content="www.chinanews.com,版权所有">'
)


def test_the_reporter_the_dateline_names_is_the_author_over_the_sites_name(
    tmp_path: Path,
) -> None:
    """ "(记者 杜燕)" in the dateline names the reporter; the meta author names the site."""
    article, notes = _read(tmp_path, _china_news(), ZH_SITE, lang="zh")
    assert _authors(article) == ["杜燕"]
    assert any("the reporter the dateline names" in n for n in notes)


def test_without_a_reporter_in_the_dateline_the_sites_name_stays(tmp_path: Path) -> None:
    page = _china_news().replace("(记者 杜燕)", "")
    article, _ = _read(tmp_path, page, ZH_SITE, lang="zh")
    assert _authors(article) == ["chinanews"]


def test_a_byline_box_with_a_link_to_the_authors_page_stays(tmp_path: Path) -> None:
    """A box of a name that links to the author's page is a byline, not a promotion."""
    body = (
        '<div class="story"><h1>Harbour wall rebuilt after the winter storms</h1></div>'
        '<div class="col"><div class="a"><div class="b"><div class="c"><div class="d">'
        '<div class="author"><a href="/author/ann-lee">Ann Lee</a></div></div></div></div>'
        "</div></div>"
        "<div><p>The harbour wall that the winter storms broke in two places has been rebuilt,"
        " the port authority said on Friday, a month before the fishing season opens.</p>"
        "<p>Divers checked the foundations in March and found them sound, so only the upper "
        "courses of stone had to be laid again, at half the cost first feared.</p></div>"
    )
    article, _ = _read(tmp_path, body)
    assert _authors(article) == ["Ann Lee"]


def _page(tmp_path: Path, head: str, body: str, lang: str) -> tuple[Article, list[str]]:
    page = tmp_path / "page.html"
    page.write_text(
        f'<!DOCTYPE html><html lang="{lang}"><head>{head}</head><body>{body}</body></html>',
        "utf-8",
    )
    with collecting_notes() as notes:
        (article,) = read_all(page)
    return article, [n.message for n in notes]


EL_TEXT = "".join(
    f"<p>{line}</p>"
    for line in (
        "Ενοχλητικές, τόσο στην όψη όσο και στην πράξη. Οι ευρυαγγείες στα πόδια συνοδεύονται "
        "συνήθως από συμπτώματα όπως πρήξιμο, αίσθημα βάρους και κράμπες.",
        "Οι ειδικοί δίδουν τον ορισμό του προβλήματος, ως «παθολογική διάταση των μικρών φλεβών "
        "στα πόδια». Τα τριχοειδή αγγεία που «σπάνε» αποκτούν μπλε ή κόκκινο χρώμα.",
        "Oι ευρυαγγείες στο πρόσωπο σπάνια οφείλονται σε ανεπαρκή φλεβική κυκλοφορία, "
        "και εμφανίζονται συχνά μετά από έντονη ηλιοφάνεια.",
    )
)
EL_HEAD = (
    "<title>ΤΟ ΒΗΜΑ - Ευρυαγγείες: πρόβλημα με λύση - υγεία + fitness</title>"
    '<meta name="Author" content="tovima.gr — Δημοσιογραφικός Οργανισμός Λαμπράκη Α.Ε.">'
)


def _to_vima(title: str = '<div class="article_title">Ευρυαγγείες: πρόβλημα με λύση</div>') -> str:
    return (
        '<div class="page_top"><div class="header"><div class="logo"><a href="/">'
        '<img src="/logo.png" alt="ΤΟ ΒΗΜΑ"></a></div><div class="info_panel"><div class="date">'
        'Παρασκευή 6 Ιανουαρίου 2012</div></div></div><ul class="menu"><li><a href="/health">'
        'υγεία + fitness</a></li><li><a href="/world">κόσμος</a></li><li><a href="/sport">'
        'σπορ</a></li></ul></div><div class="page_main"><div class="article_ext">'
        f'{title}<div class="article_info">ΔΗΜΟΣΙΕΥΣΗ:  07/12/2011, 07:07</div>'
        '<div class="article_photo"><img alt="Ευρυαγγείες: πρόβλημα με λύση" '
        'src="http://static.example.gr/780CAC22.jpg"></div><div class="article_photo_lead">'
        "Ευρυαγγείες στα πόδια, ενδέχεται να δημιουργηθούν κατά την περίοδο της εγκυμοσύνης</div>"
        f'<div class="article_text">{EL_TEXT}</div></div></div>'
    )


def test_a_part_of_the_title_the_page_shows_is_the_headline(tmp_path: Path) -> None:
    """No h1: the element that shows the title's middle part is the headline; the site's
    name and the section the title adds are cut."""
    article, notes = _page(tmp_path, EL_HEAD, _to_vima(), "el")
    assert article.headline == "Ευρυαγγείες: πρόβλημα με λύση"
    assert any("shows a part of the <title>" in n for n in notes)


def test_without_the_part_shown_the_title_stays(tmp_path: Path) -> None:
    article, _ = _page(tmp_path, EL_HEAD, _to_vima(title=""), "el")
    assert "Ευρυαγγείες: πρόβλημα με λύση" in article.headline


def test_a_domain_and_its_company_as_meta_author_is_no_byline(tmp_path: Path) -> None:
    article, _ = _page(tmp_path, EL_HEAD, _to_vima(), "el")
    assert _authors(article) == []


def test_the_mastheads_date_is_not_the_articles(tmp_path: Path) -> None:
    """Today's date in the site's header gives way to the line under the headline."""
    article, _ = _page(tmp_path, EL_HEAD, _to_vima(), "el")
    assert article.published is not None
    assert article.published.date() == date(2011, 12, 7)


def test_the_picture_under_the_headline_leads_with_its_caption_box(tmp_path: Path) -> None:
    article, _ = _page(tmp_path, EL_HEAD, _to_vima(), "el")
    assert article.lead_image is not None
    assert article.lead_image.alt == "Ευρυαγγείες: πρόβλημα με λύση"
    assert article.lead_image.caption is not None
    assert plain_text(article.lead_image.caption).startswith("Ευρυαγγείες στα πόδια")


RU_TEXT = (
    "<p><strong>МОСКВА, 3 янв - РИА Новости.</strong> Роспотребнадзор рекомендует россиянам, "
    "отдыхающим в странах Юго-Восточной Азии, внимательнее следить за своим здоровьем.</p>"
    "<p>В последний день 2011 года стало известно, что житель провинции Гуандун на юге Китая "
    "скончался от вируса птичьего гриппа.</p><p>По данным агентства Синьхуа, 39-летний "
    "водитель автобуса был госпитализирован 21 декабря. Медики установили, что мужчина "
    "скончался от вируса гриппа H5N1.</p>"
)
RU_LABELS = ("Не согласен", "Скорее не согласен", "Затрудняюсь ответить", "Скорее согласен")
RU_QUESTIONS = (
    "Статья легко читается",
    "В статье отсутствуют грамматические ошибки",
    "Объем статьи оптимальный",
    "Статья была информативна",
)
RU_RATING = (  # more than a small box of controls: four questions of four answers
    '<div class="article_assessment"><p class="article_assessment_title">Оцените, пожалуйста, '
    'статью. Нам важно Ваше мнение.</p><form action="#"><input type="hidden" name="id" '
    'value="1">'
    + "".join(
        f'<div class="item"><p class="article_assessment_title">{question}</p>'
        + "".join(
            f'<label><input type="radio" value="{v}" name="q{q}"> {label}</label>'
            for v, label in enumerate(RU_LABELS)
        )
        + "</div>"
        for q, question in enumerate(RU_QUESTIONS)
    )
    + "</form></div>"
)
RU_HEAD = (
    "<title>Онищенко призвал туристов к бдительности из-за птичьего гриппа | РИА Новости</title>"
    '<meta property="og:image" content="http://cdn.example.ru/i/ria_social.png">'
)


def _ria(picture: str = "") -> str:
    return (
        '<div class="article"><div class="article_header"><h1>Онищенко призвал туристов к '
        'бдительности из-за птичьего гриппа</h1></div><div class="article_full_text" '
        f'itemprop="articleBody">{picture}{RU_TEXT}{RU_RATING}</div></div>'
    )


RU_PICTURE = (
    '<div class="article_illustration"><div class="slideshow_item"><img src="http://cdn.example'
    '.ru/images/405051023.jpg" alt="Брифинг Геннадия Онищенко по итогам селекторного совещания"'
    ' itemprop="associatedMedia"><div class="media_copyright"><a href="/docs/copyright.html">'
    '© РИА Новости. Артем Житенев</a> | <a href="/buy/936339" class="buy">Купить иллюстрацию'
    "</a></div></div></div>"
)


def test_the_sites_social_picture_gives_way_to_the_articles(tmp_path: Path) -> None:
    """og:image is the site's default for sharing: the picture under the headline leads,
    with the credit its box gives."""
    article, _ = _page(tmp_path, RU_HEAD, _ria(RU_PICTURE), "ru")
    assert article.lead_image is not None
    assert article.lead_image.alt == "Брифинг Геннадия Онищенко по итогам селекторного совещания"
    assert article.lead_image.credit == "РИА Новости. Артем Житенев"


def test_without_a_picture_of_its_own_the_social_one_stays_out(tmp_path: Path) -> None:
    article, _ = _page(tmp_path, RU_HEAD, _ria(), "ru")
    assert article.lead_image is None


def test_a_rating_forms_prompt_is_not_the_last_paragraph(tmp_path: Path) -> None:
    article, notes = _page(tmp_path, RU_HEAD, _ria(RU_PICTURE), "ru")
    assert _paragraphs(article)[-1].endswith("скончался от вируса гриппа H5N1.")
    assert any("prompt of a box of controls" in n for n in notes)


FR_TEXT = (
    "<p>« Faites votre boulot. Faites votre boulot, merde ! » Le cri du cœur résonne entre les "
    "murs des Assises internationales du journalisme de Tours, devant trois cents personnes.</p>"
    "<p>Phénomène médiatique du premier semestre, la question des violences policières a "
    "cristallisé les critiques à l'égard des journalistes et de leurs rédactions.</p>"
    "<p>Pour s'en sortir Ivan Du Roy pense qu'il faut donc documenter factuellement, sans "
    "jugement et en enquêtant en profondeur.</p>"
)
FR_PICTURE = (
    '<img src="https://static.example.fr/files/2019/06/27/54374685-602885716849316-34593'
    '-n.jpg?width=960&amp;height=639" alt="54374685-602885716849316-34593-n">'
)


def _mediapart(
    notice: str = '<p class="notice">Le Club est l\'espace de libre expression des '
    "abonnés. Ses contenus n'engagent pas la rédaction.</p>",
) -> str:
    return (
        '<header class="header"><div class="bust"><a class="logo" href="/">Le Club'
        '<span class="date-edition">lun. 5 août 2019</span></a></div></header><main>'
        '<div class="sub-header"><h1 class="title">Violences policières: bombe à retardement '
        'médiatique</h1><ul class="info"><li>27 juin 2019</li><li>Par <a rel="author" '
        f'href="/elba">Elba</a></li></ul><div class="media">{FR_PICTURE}</div></div>'
        f'<div class="content-article"><div class="body">{FR_TEXT}</div>{notice}</div></main>'
    )


FR_HEAD = (
    "<title>Violences policières: bombe à retardement médiatique | Le Club</title>"
    '<meta property="og:image" content="https://static.example.fr/files/2019/06/27/54374685-'
    '602885716849316-34593-n.jpg">'
)


def test_the_edition_date_in_the_sites_header_is_not_the_posts(tmp_path: Path) -> None:
    """The date in the logo of the site's ``header`` is today's edition; the post's date is
    the one under its headline."""
    article, _ = _page(tmp_path, FR_HEAD, _mediapart(), "fr")
    assert article.published is not None
    assert article.published.date() == date(2019, 6, 27)


def test_a_numbered_file_name_is_no_lead_pictures_alt(tmp_path: Path) -> None:
    """The picture's own name, behind a query string, is no description."""
    article, notes = _page(tmp_path, FR_HEAD, _mediapart(), "fr")
    assert article.lead_image is None or article.lead_image.alt is None
    assert any("is a file name" in n for n in notes)


def test_the_sites_notice_after_the_text_leaves_the_body(tmp_path: Path) -> None:
    article, notes = _page(tmp_path, FR_HEAD, _mediapart(), "fr")
    assert _paragraphs(article)[-1].startswith("Pour s'en sortir Ivan Du Roy")
    assert any("site's notice" in n for n in notes)


def test_a_last_paragraph_of_the_texts_own_class_stays(tmp_path: Path) -> None:
    """A paragraph after the text's box that is not set apart by a class stays."""
    last = "<p>Un dernier mot de l'auteur, après le texte, qui fait partie de l'article.</p>"
    article, _ = _page(tmp_path, FR_HEAD, _mediapart(notice=last), "fr")
    assert _paragraphs(article)[-1].startswith("Un dernier mot")


DE_TEXT = "".join(
    f"<p>{line}</p>"
    for line in (
        "Wer das Werk eines anderen - etwa ein Foto in einer Präsentation - benutzt, benötigt "
        "dessen Erlaubnis. Creative Commons macht diese Erlaubnis einfach.",
        "Zwischen CopyRight und CopyLeft entstand mit Creative Commons ein Lizenzmodell, das "
        "Urhebern erlaubt, selbst festzulegen, was mit ihren Werken geschehen darf.",
        "Dass viele nicht einmal etwas von CC wissen, liegt daran, dass das Thema immer noch "
        "ein wenig in der Nerd-Ecke beheimatet ist.",
    )
)
DE_SIDE = "".join(
    f'<div class="sidecontent"><p><strong>{title}</strong></p></div>'
    for title in (
        "Erlaubnisse und Einschränkungen",
        "Rechtssicherheit erwünscht",
        "Wie man CC-Werke richtig kennzeichnet",
        "Zum Schluss ein Wunsch: mehr davon!",
    )
)


def _futurezone(side: str = DE_SIDE) -> str:
    return (
        '<article><section class="articlewrapper"><h1><span class="kicker">KNOWHOW</span> '
        '<span class="title"><span itemprop="headline">Wie CreativeCommons richtig genutzt wird'
        '</span><span class="hide">.</span></span></h1><div class="author" itemprop="author">'
        '<span class="hide">Autor: </span><span itemprop="name">Georg Holzer</span></div>'
        '<time itemprop="datePublished" datetime="2013-08-09T06:00:00+02:00">09.08.2013</time>'
        f'<section class="text"><div class="textsection">{DE_TEXT}{side}</div></section>'
        '<div class="editedby">(futurezone) <span>Erstellt am 09.08.2013, 06:00</span></div>'
        "</section></article>"
    )


DE_HEAD = "<title>Wie CreativeCommons richtig genutzt wird | futurezone.at</title>"


def test_hidden_text_is_no_part_of_the_headline_nor_the_name(tmp_path: Path) -> None:
    article, _ = _page(tmp_path, DE_HEAD, _futurezone(), "de")
    assert article.headline == "Wie CreativeCommons richtig genutzt wird"
    assert _authors(article) == ["Georg Holzer"]


def test_side_boxes_and_the_date_line_after_the_text_leave_it(tmp_path: Path) -> None:
    article, _ = _page(tmp_path, DE_HEAD, _futurezone(), "de")
    assert _paragraphs(article)[-1].startswith("Dass viele nicht einmal etwas von CC wissen")


def test_one_box_after_the_text_stays(tmp_path: Path) -> None:
    """Fewer than three such boxes are no row of side boxes."""
    side = '<div class="sidecontent"><p>Ein Nachsatz des Autors zum Schluss.</p></div>'
    article, _ = _page(tmp_path, DE_HEAD, _futurezone(side), "de")
    assert "Ein Nachsatz des Autors zum Schluss." in _paragraphs(article)


def test_the_imprint_names_the_publisher(tmp_path: Path) -> None:
    """The company after the domain publishes the site (the audio's artist, without a byline)."""
    article, _ = _page(tmp_path, EL_HEAD, _to_vima(), "el")
    assert article.publisher is not None
    assert article.publisher.name == "Δημοσιογραφικός Οργανισμός Λαμπράκη Α.Ε."


def test_paragraphs_each_in_a_box_of_one_class_stay(tmp_path: Path) -> None:
    """A CMS that wraps every paragraph in a box of its own (the Washington Post): short last
    paragraphs in such boxes are the text's, not side boxes."""
    lines = [
        "Wer das Werk eines anderen benutzt, benötigt dessen Erlaubnis, so sieht es das "
        "Urheberrecht vor, und das ist grundsätzlich auch üblich und gut so.",
        "Zwischen CopyRight und CopyLeft entstand mit Creative Commons ein Lizenzmodell, das "
        "Urhebern erlaubt, selbst festzulegen, was mit ihren Werken geschehen darf.",
        "Das ist gut so, sagt der Jurist, und die Nutzer sehen das ebenso.",
        "Es bleibt dabei, dass man die Lizenz immer nennen muss, auch im Druck.",
        "Mehr dazu morgen, im zweiten Teil der Serie über freie Lizenzen.",
    ]
    text = f"<p>{lines[0]}</p>" + "".join(
        f'<div class="wpds-c-para"><p>{line}</p></div>' for line in lines[1:]
    )
    body = f"<article><h1>Wie CreativeCommons richtig genutzt wird</h1>{text}</article>"
    article, _ = _page(tmp_path, DE_HEAD, body, "de")
    assert _paragraphs(article)[-1].startswith("Mehr dazu morgen")
