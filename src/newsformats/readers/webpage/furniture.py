"""The body's furniture left after extraction: sign-offs, signatures, tag and follow lines,
pull quotes, a live blog's stream label, comment preambles.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

from lxml import etree

from ...notes import note
from ..chrome import (
    BYLINE,
    names_a_role,
)
from ..datelines import date_line
from ..excerpts import letters_key as _key
from ..html_body import (
    inline_text,
    is_control,
)
from ..xmltree import text_of
from .names import looks_like_name, text_name
from .page import (
    BYLINE_TEXT,
    HEADER_LINE,
    HEADING_TAGS,
    LABEL_WORDS,
    NAME_WORDS,
    SENTENCE_ENDS,
    UNCASED_NAME,
    block_text,
    in_figure,
    outside_article,
    text_upto,
)

CONTROL_BOX_CHARS = 400  # characters of a box of controls and their labels (html_body's widget)
CLOCK_TIME = re.compile(r"[0-2]?\d[.:h][0-5]\d")
LIVE_ENTRIES = 3  # timed updates that make a live blog
# Class and id names of a page's comments ("fb-comments", "comments", "disqus_thread").
COMMENTS_NAMES = re.compile(r"(?:^|[-_\s])(?:comments?|disqus|discussion)(?:[-_\s]|$)")
_COMMENTS_TESTS = " or ".join(  # "omment": "comments", "Comments"
    f"contains(@{name}, '{part}')"
    for name in ("class", "id")
    for part in ("omment", "isqus", "iscussion")
)
COMMENTS_XPATH = f"//*[{_COMMENTS_TESTS}]"  # a first sieve, in C, one walk of the page
PREAMBLE_LINES = 3  # short paragraphs a comment box's preamble may hold
PREAMBLE_CHARS = 400
# "(c)AFP/Aminu ABUBAKAR", "© Reuters" at the very end of the text's last paragraph.
SIGN_OFF = re.compile(r"\s*(?:\([cC]\)|©)\s*([A-Z][\w&.-]{1,15})(?:\s*/\s*([^/()©]{3,40}))?\s*$")
# "（编辑：严玉洁 王辉）", "【责任编辑：严玉洁】", "[Editing: Ann Lee]": a label of a few letters.
EDITOR_LINE = re.compile(
    r"[(（【\[]\s*([^\W\d]{1,12}(?: [^\W\d]{1,12})?)\s*[:：]"
    r"\s*([^()（）【】\[\]:：]{1,40})[)）】\]]"
)
# "责编：薛艺磊": a label of a few letters, a colon and names, with no brackets.
LABELLED_LINE = re.compile(r"([^\W\d]{1,12})\s*[:：]\s*([^\d:：]{1,40})")
# "… QZ8501. (Juni Kriswanto/AFP/Getty Images)": after a sentence, two to five parts.
SLASH_CREDIT = re.compile(r"[.!?]\s*(\(\s*([^()/]{2,40}(?:/[^()/]{2,40}){1,4})\s*\))\s*$")
PULL_QUOTE_WORDS = 8
SENTENCE_ENDS_IN = re.compile("[" + re.escape("".join(SENTENCE_ENDS)) + "]")
SIDE_BOXES = 3  # boxes of one class, each of one paragraph, that end the body
BRACKETED_SOURCE = re.compile(r"^\s*\([^()]{1,30}\)\s*")  # "(futurezone) Erstellt am …"
NOTICE_CHARS = 300  # characters of a site's notice after the text
WIDGET_PROMPT = 200  # characters of the prompt above a form's controls
PULL_QUOTE_TEXT = 200  # characters of a paragraph of the text beside a pull quote
TAG_LINKS = 3  # links of a line of tags
PROMOTION_LINES = 3  # short paragraphs promoting the site's accounts that end the body
PROMOTION_WORDS = 30
E_MAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SIGNATURE_WORDS = 2  # words beside the e-mail address of a signature ("Contact", "END")


def without_closing_byline(
    body: list[dict[str, Any]], authors: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """A last paragraph that only names the article's authors (the page's byline box
    below the text: "AFP") leaves the body; the byline says it."""
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    if len(paragraphs) < 2 or not authors:
        return body
    last = paragraphs[-1]
    text = _key(inline_text(body[last].get("content") or []))
    if text and text == _key(" ".join(a["name"] for a in authors)):
        note(f"{where}: the body's last paragraph is the byline; it leaves the body", level="info")
        return body[:last] + body[last + 1 :]
    return body


def without_header_lines(
    heading: etree._Element | None, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's first paragraphs that are short lines of the ``header`` element holding
    the headline (its section links, its date and place line: "ニュース 戦争・紛争 Video",
    "2018年6月18日 10:01 発信地：カノ/ナイジェリア [ ナイジェリア アフリカ ]") are the
    header's furniture, not text: they leave the body (info note)."""
    body = _without_kicker_heading(heading, body, where)
    header = (
        next((a for a in heading.iterancestors("header")), None) if heading is not None else None
    )
    if header is None:
        return body
    lines = {_key(text_of(n)) for n in header.iter() if isinstance(n.tag, str) and not in_figure(n)}
    lines.discard("")
    start = 0
    while start < len(body) - 1 and body[start]["type"] == "paragraph":
        text = inline_text(body[start].get("content") or [])
        if len(text) > BYLINE_TEXT or _key(text) not in lines:
            break
        start += 1
    if start:
        note(f"{where}: {start} line(s) of the headline's header leave the body", level="info")
    return body[start:]


def _without_kicker_heading(
    heading: etree._Element | None, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's first block when it is a subheading saying the short heading right above
    the headline (taz's ``<h4>Protestkultur in Japan nach der Katastrophe</h4><h1>…``): the
    headline's kicker, not the text's first section (info note)."""
    above = heading.getprevious() if heading is not None else None
    if above is None or above.tag not in HEADING_TAGS or not body or len(body) < 2:
        return body
    first = body[0]
    if first["type"] != "subheading" or len(text_of(above)) > BYLINE_TEXT:
        return body
    if _key(inline_text(first.get("content") or [])) != _key(text_of(above)):
        return body
    note(
        f"{where}: the body's first subheading is the kicker above the headline; it leaves "
        "the body",
        level="info",
    )
    return body[1:]


def without_alt_legends(body: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """A short paragraph (a line, not the text's first paragraph some sites give as the alt)
    right after a picture that only says its alt text again (El
    Mundo's "<div class=foto><img alt="Izaskun Lesaka."><p>Izaskun Lesaka.</p></div>") is
    the picture's legend, not text: it leaves the body (info note)."""
    kept: list[dict[str, Any]] = []
    for block in body:
        before = kept[-1] if kept else None
        if (
            before is not None
            and before["type"] == "figure"
            and block["type"] == "paragraph"
            and len(inline_text(block.get("content") or [])) <= BYLINE_TEXT
            and _key(before["image"].get("alt") or "")
            == _key(inline_text(block.get("content") or []))
            != ""
        ):
            note(
                f"{where}: a paragraph after a picture only says its alt text; it leaves the body",
                level="info",
            )
            continue
        kept.append(block)
    return kept


def bracket_credit(image: dict[str, Any] | None) -> None:
    """A credit in brackets after a picture's caption, its photographer and agencies joined
    by slashes with no label ("… flight QZ8501. (Juni Kriswanto/AFP/Getty Images)"), leaves
    the caption and the alt text that repeat it, and is the picture's credit."""
    if not image:
        return
    caption: Any = image.get("caption")
    last = caption[-1] if isinstance(caption, list) and caption else caption
    found = SLASH_CREDIT.search(last) if isinstance(last, str) else None
    if found is None or not all(
        len(part.split()) <= NAME_WORDS and part.strip()[:1].isupper()
        for part in found[2].split("/")
    ):
        return
    credit = found[2].strip()
    cut = last[: found.start() + 1]
    image["caption"] = [*caption[:-1], cut] if isinstance(caption, list) else cut
    image["credit"] = image.get("credit") or credit
    alt = image.get("alt")
    if isinstance(alt, str) and alt.rstrip().endswith(found[1]):
        image["alt"] = alt.rstrip()[: -len(found[1])].rstrip()


def closing_sign_off(
    body: list[dict[str, Any]], authors: list[dict[str, Any]], where: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The signatures at the end of the text, by their shape, are not text (info note):

    - an editor's line in brackets, a short label, a colon and names ("（编辑：严玉洁 王辉）",
      "【责任编辑：严玉洁】", "[Editing: Ann Lee]") leave the body;
    - a last paragraph that is a reporter's name (and a pack's job word) and e-mail address
      ("최윤호 기자 uknow@donga.com") leaves it and gives the byline when the page named none;
    - a copyright sign-off glued to the last paragraph ("…と指摘している。(c)AFP/Aminu
      ABUBAKAR") is cut off, its photographer's or writer's name the byline if none.
    """
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    while len(paragraphs) > 1 and _editor_line(
        inline_text(body[paragraphs[-1]].get("content") or [])
    ):
        note(
            f"{where}: the body's last paragraph is an editor's sign-off; it leaves the body",
            level="info",
        )
        body = body[: paragraphs[-1]] + body[paragraphs[-1] + 1 :]
        paragraphs.pop()
    if len(paragraphs) < 2:
        return body, authors
    last = paragraphs[-1]
    content = body[last].get("content") or []
    people = _signature_people(inline_text(content))
    if people:
        note(f"{where}: the body's last paragraph is a signature; it leaves the body", level="info")
        return body[:last] + body[last + 1 :], authors or people
    end = SIGN_OFF.search(content[-1]) if content and isinstance(content[-1], str) else None
    if end is None or (end.start() == 0 and len(content) == 1):
        return body, authors
    name = " ".join((end.group(2) or "").split())
    people = [{"name": name}] if looks_like_name(name) else [{"name": end.group(1)}]
    note(f"{where}: the sign-off {end.group(0).strip()!r} leaves the last paragraph", level="info")
    block = {**body[last], "content": [*content[:-1], content[-1][: end.start()].rstrip()]}
    return [*body[:last], block, *body[last + 1 :]], authors or people


def _editor_line(text: str) -> bool:
    """A line in brackets: a short label, a colon and a few names ("（编辑：严玉洁 王辉）"),
    or the same line without brackets whose label is a pack's job word (:func:`_role_line`)."""
    found = EDITOR_LINE.fullmatch(" ".join(text.split()))
    names = found.group(2) if found else ""
    if not names:
        return _role_line(text)
    return len(names.split()) <= NAME_WORDS and not any(c.isdigit() for c in names)


def _role_line(text: str) -> bool:
    """A line that is a label naming a job other than the writer's, a colon and a few
    names ("责编：薛艺磊", the editor in charge; "Editor: Ann Lee"): the staff's credit
    after the text. A byline's word ("记者：", "作者：") is the writer's line, not this."""
    line = " ".join(text.split())
    found = LABELLED_LINE.fullmatch(line)
    if found is None or BYLINE.match(line) or not names_a_role(found.group(1)):
        return False
    return len(found.group(2).split()) <= NAME_WORDS and not SENTENCE_ENDS_IN.search(found[2])


def _signature_people(text: str) -> list[dict[str, Any]]:
    """The reporter a signature line names: a name, perhaps a pack's job word, an e-mail
    address ("최윤호 기자 uknow@donga.com", "순천, 광양 구현모 기자 ninek@hankookilbo.com",
    "Ann Lee ann@example.com"); not a sentence that gives an address."""
    words = E_MAIL.sub(" ", text).replace(",", " ").split()
    if words == text.split() or not words or len(words) > NAME_WORDS:
        return []
    role: list[str] = []
    while len(words) > 1 and names_a_role(words[-1]):
        role.insert(0, words.pop())
    name = " ".join(words)
    if words[-1][:1].lower() == words[-1][:1].upper():
        name = words[-1]  # a script without case: the name last, a place before it
        if not role and len(name) > UNCASED_NAME:
            return []  # "如有问题请联系 …": a sentence
    elif not text_name(name):
        return []  # "Do you have a story to tell? Email: …": a sentence, no name
    if not looks_like_name(name):
        return []
    return [{"name": name, "role": " ".join(role)} if role else {"name": name}]


def without_stream_label(body: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """A live blog's body without the label over its stream of updates.

    A live blog's updates each start with their time in a mark ("<strong>17.00 </strong>We
    are going…"); a short subheading (at most three words, no digit) standing right before
    the first of three or more such updates, and the only subheading that opens one, labels
    the stream ("Latest"), not a part of the text: it leaves the body (info note). Headings
    that open several updates (the days of a blog) stay."""
    entries = {i for i, b in enumerate(body) if _time_led(b)}
    if len(entries) < LIVE_ENTRIES:
        return body
    openers = [i for i in sorted(entries) if i and body[i - 1]["type"] == "subheading"]
    first = min(entries) - 1
    if openers != [first + 1]:
        return body
    label = inline_text(body[first].get("content") or [])
    if len(label.split()) > LABEL_WORDS or any(c.isdigit() for c in label):
        return body
    note(
        f"{where}: the subheading {label!r} over the live blog's timed updates labels them; "
        "it is left out",
        level="info",
    )
    return body[:first] + body[first + 1 :]


def _time_led(block: dict[str, Any]) -> bool:
    """A paragraph that starts with a time in a mark of its own ("17.00 ", "9:45")."""
    content = block.get("content") if block["type"] == "paragraph" else None
    if not content or not isinstance(content[0], dict):
        return False
    return bool(CLOCK_TIME.fullmatch(inline_text([content[0]]).strip()))


def without_signature(body: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """A last paragraph that is a reporter's e-mail address and at most a mark or two beside
    it ("kokobj@yna.co.kr (END)", "Contact: ann@example.com") is a signature, not text: it
    leaves the body (info note)."""
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    if len(paragraphs) < 2:
        return body
    last = paragraphs[-1]
    text = inline_text(body[last].get("content") or [])
    rest = E_MAIL.sub(" ", text)
    if rest == text or len(re.findall(r"\w+", rest)) > SIGNATURE_WORDS:
        return body
    note(
        f"{where}: the body's last paragraph is an e-mail signature; it leaves the body",
        level="info",
    )
    return body[:last] + body[last + 1 :]


def without_pull_quotes(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """Paragraphs the page shows as pull quotes leave the body (info note): they say again,
    in large type beside the text, what the text says (:func:`_pull_quotes`)."""
    quotes = _pull_quotes(page)
    if not quotes:
        return body
    kept = [
        b
        for b in body
        if not (b["type"] == "paragraph" and _key(inline_text(b.get("content") or [])) in quotes)
    ]
    if len(kept) < len(body):
        note(
            f"{where}: {len(body) - len(kept)} pull quote(s) set beside the text leave the body",
            level="info",
        )
    return kept


def _pull_quotes(page: etree._Element) -> set[str]:
    """The keys of the paragraphs a page sets apart as pull quotes, by structure: two or
    more boxes among the text's paragraphs, each holding only one paragraph (and empty
    anchors), a line of eight words or more that does not end like a sentence, of a class
    that none of the text's paragraphs has ("<div class=izquierda><a name=sumario_1></a><p
    class=texto_grande>El plazo … crece de 32 a 72 días</p></div>"). A subheading is
    shorter, or a heading."""
    found: dict[str, list[str]] = {}
    text_classes: set[str] = set()
    for p in page.iter("p"):
        box = p.getparent()
        if box is None or outside_article(p):
            continue
        if len(text_of(p)) >= PULL_QUOTE_TEXT:
            text_classes.add(p.get("class") or "")
            continue
        if box.tag != "div" or not p.get("class") or (box.text or "").strip():
            continue
        others = [c for c in box if isinstance(c.tag, str) and c is not p]
        if any(c.tag != "a" or text_of(c).strip() for c in others):
            continue
        if any((c.tail or "").strip() for c in box):
            continue
        line = " ".join(text_of(p).split())
        if len(line.split()) < PULL_QUOTE_WORDS or line.endswith((*SENTENCE_ENDS, ":")):
            continue
        beside = [box.getprevious(), box.getnext()]
        if not all(
            b is not None and b.tag == "p" and len(text_of(b)) >= PULL_QUOTE_TEXT for b in beside
        ):
            continue
        found.setdefault(p.get("class") or "", []).append(_key(line))
    return {
        key
        for name, keys in found.items()
        if len(keys) >= 2 and name not in text_classes
        for key in keys
    }


def without_tag_line(body: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """A last paragraph that is only links of a word or two each, to addresses that differ
    in one folder ("/post/tags/nissan/page1", "/post/tags/sentra/page1"): the story's tags,
    the site's index of its subjects, not text (info note)."""
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    if len(paragraphs) < 2:
        return body
    last = paragraphs[-1]
    content = body[last].get("content") or []
    links = [c for c in content if isinstance(c, dict) and c.get("type") == "link"]
    if len(links) < TAG_LINKS or any(
        not (isinstance(c, str) and not c.strip(" ,|·•/")) for c in content if c not in links
    ):
        return body
    if any(len(inline_text(c.get("children") or []).split()) > 2 for c in links):
        return body
    paths = [urllib.parse.urlsplit(str(c.get("href") or "")) for c in links]
    parts = [p.path.strip("/").split("/") for p in paths]
    if len({p.netloc for p in paths}) != 1 or len({len(p) for p in parts}) != 1:
        return body
    differ = [i for i in range(len(parts[0])) if len({p[i] for p in parts}) > 1]
    if len(differ) != 1 or len(parts[0]) < 2:
        return body
    note(
        f"{where}: the body's last paragraph is the story's tags; it leaves the body", level="info"
    )
    return body[:last] + body[last + 1 :]


def without_control_prompt(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's last paragraph, when the page shows it as the prompt of a box of controls
    that readability dropped (RIA's rating form: "Оцените, пожалуйста, статью. Нам важно
    Ваше мнение." above its radio buttons), leaves it, with an info note: the paragraph that
    opens a box of short paragraphs holding a control."""
    if not body or body[-1]["type"] != "paragraph":
        return body
    text = " ".join(inline_text(body[-1]["content"]).split())
    if not text or len(text) > WIDGET_PROMPT:
        return body
    for node in page.iter("p", "div", "span", "h2", "h3", "h4", "label", "legend"):
        if " ".join(text_of(node).split()) != text:
            continue
        box = node.getparent()
        if box is None or box.tag in ("body", "html") or node.getprevious() is not None:
            continue  # the prompt opens its box
        if any(len(text_of(p).strip()) > WIDGET_PROMPT for p in box.iter("p")):
            continue  # a box of the text's paragraphs
        controls = [c for c in box.iter("form", "input", "select", "button", "textarea")]
        if any(c.get("type") != "hidden" for c in controls):
            note(
                f"{where}: the prompt of a box of controls is left out: {text[:60]!r}", level="info"
            )
            return body[:-1]
    return body


def without_site_notice(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's last paragraph, when the page shows it after the box of the text, as a
    paragraph of a class that none of the text's paragraphs has (Le Club de Mediapart's
    ``p.notice`` "Le Club est l'espace de libre expression des abonnés …" after the post):
    the site's notice under every text, which leaves the body, with an info note."""
    if len(body) < 2 or body[-1]["type"] != "paragraph":
        return body
    text = " ".join(inline_text(body[-1]["content"]).split())
    if not text or len(text) > NOTICE_CHARS:
        return body
    for node in page.iter("p"):
        names = set((node.get("class") or "").split())
        if not names or " ".join(text_of(node).split()) != text:
            continue
        box = node.getprevious()
        if box is None or box.tag not in ("div", "section", "article"):
            continue
        paragraphs = list(box.iter("p"))
        if len(paragraphs) < 2 or any(
            names & set((p.get("class") or "").split()) for p in paragraphs
        ):
            continue
        if node.getnext() is not None and any(True for _ in node.itersiblings("p")):
            continue  # more text follows
        note(
            f"{where}: the site's notice after the text leaves the body: {text[:60]!r}",
            level="info",
        )
        return body[:-1]
    return body


def without_closing_date_line(
    body: list[dict[str, Any]], data: dict[str, Any], where: str
) -> list[dict[str, Any]]:
    """A last paragraph that is only the article's date line, after the source it names in
    brackets ("(futurezone) Erstellt am 09.08.2013, 06:00"): the day the page gives as the
    publication or the last update, not the text; it leaves the body, with an info note."""
    if len(body) < 2 or body[-1]["type"] != "paragraph":
        return body
    line = " ".join(inline_text(body[-1]["content"]).split())
    found = date_line(BRACKETED_SOURCE.sub("", line, count=1), data["language"] or "en")
    days = {m.date() for m in (data["published"], data["updated"]) if m is not None}
    if found is None or not found[0] or found[0][0].day not in days:
        return body
    note(
        f"{where}: the body's last paragraph is the article's date line; it leaves the body",
        level="info",
    )
    return body[:-1]


def without_side_boxes(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's last paragraphs, when each is the only paragraph of a box of its own, of
    one class, three or more in a row after the text (futurezone's nine ``div.sidecontent``,
    the section titles a script sets beside the text: "Erlaubnisse und Einschränkungen" …):
    boxes beside the text, not its paragraphs; they leave the body, with an info note. Short
    lines only (up to ``HEADER_LINE`` characters), not boxes the text's paragraphs are in
    too (a CMS that wraps each paragraph in a box of its own)."""
    boxes: dict[str, str] = {}
    for node in page.iter("p"):
        box = node.getparent()
        if box is not None and box.tag == "div" and len(box) == 1 and box.get("class"):
            boxes.setdefault(" ".join(text_of(node).split()), box.get("class") or "")
    end = len(body)
    while end > 0 and body[end - 1]["type"] == "paragraph":
        text = " ".join(inline_text(body[end - 1]["content"]).split())
        if boxes.get(text) is None or boxes[text] != boxes.get(block_text(body[-1])):
            break
        if len(text) > HEADER_LINE:
            return body  # a paragraph of the text, each in a box of its own
        end -= 1
    if len(body) - end < SIDE_BOXES or end == 0:
        return body
    if boxes.get(block_text(body[end - 1])) == boxes.get(block_text(body[-1])):
        return body  # the text's paragraphs are in such boxes too
    note(f"{where}: {len(body) - end} boxes beside the text after it leave the body", level="info")
    return body[:end]


def without_follow_lines(
    body: list[dict[str, Any]], sites: set[str], where: str
) -> list[dict[str, Any]]:
    """A last paragraph of lines each of which but its label gives the site's own address
    or handle on another service ("Follow us:", "Facebook https://fb.me/site", "Twitter
    https://twitter.com/site", "LINE ID = @site"): the site's follow-us box, not the
    story's text. It leaves the body, with an info note."""
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    if len(paragraphs) < 2 or not sites:
        return body
    last = paragraphs[-1]
    lines: list[str] = [""]
    for part in body[last].get("content") or []:
        if isinstance(part, dict) and part.get("type") == "line-break":
            lines.append("")
        else:
            lines[-1] += inline_text([part]) + " ".join(
                [part.get("href", "")] if isinstance(part, dict) else []
            )
    follow = [line for line in lines[1:] if line.strip()]
    if len(follow) < 2 or not all(_names_own_account(line, sites) for line in follow):
        return _without_promotion_lines(body, paragraphs, sites, where)
    note(
        f"{where}: the body's last paragraph is the site's follow-us box; it leaves the body",
        level="info",
    )
    return body[:last] + body[last + 1 :]


def _without_promotion_lines(
    body: list[dict[str, Any]], paragraphs: list[int], sites: set[str], where: str
) -> list[dict[str, Any]]:
    """The body's last short paragraphs (up to ``PROMOTION_LINES``) whose every link goes to
    the site's own pages or its own account on another service, when one of them links such
    an account ("KEEP UPDATED … our FREE newsletter" to news24.com/Newsletters, "- FOLLOW
    News24 on Twitter" to twitter.com/news24; "Follow … on Twitter, become a fan on
    Facebook. Stay updated via RSS"): the site's promotion, in sentences rather than in a
    follow-us box's lines. They leave the body, with an info note."""
    run: list[int] = []
    accounts = 0
    for index in reversed(paragraphs[1:]):
        links = _links(body[index].get("content") or [])
        text = inline_text(body[index].get("content") or [])
        kinds = [_own_link(href, sites) for href in links]
        if (
            not links
            or None in kinds
            or len(text.split()) > PROMOTION_WORDS
            or len(run) == PROMOTION_LINES
            or index != (run[-1] - 1 if run else paragraphs[-1])
        ):
            break
        run.append(index)
        accounts += kinds.count("account")
    if not run or not accounts or run[0] != len(body) - 1:
        return body
    note(
        f"{where}: the body's last {len(run)} paragraph(s) promote the site's own accounts "
        "and pages; they leave the body",
        level="info",
    )
    return body[: run[-1]]


def _links(content: list[Any]) -> list[str]:
    """The addresses of the links in a block's inline content, at any depth."""
    found: list[str] = []
    for part in content:
        if isinstance(part, dict):
            if part.get("type") == "link":
                found.append(str(part.get("href") or ""))
            found += _links(part.get("children") or [])
    return found


def _own_link(href: str, sites: set[str]) -> str | None:
    """ "page" for an address on the site's own host, "account" for one whose path names the
    site on another host (twitter.com/news24, facebook.com/khaama.org), else None."""
    parts = urllib.parse.urlsplit(href.strip())
    host = (parts.hostname or "").removeprefix("www.")
    if host and (_key(host) in sites or _key(host.rsplit(".", 1)[0]) in sites):
        return "page"
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if host and last and (_key(last) in sites or _key(last.split(".")[0]) in sites):
        return "account"
    return None


def _names_own_account(line: str, sites: set[str]) -> bool:
    """A short line holding an address or a handle whose last part is the site's name."""
    handles = re.findall(r"(?:https?://\S+|@[\w.]+|\b[\w-]+\.[a-z]{2,}/\S+)", line)
    return len(line.split()) <= 6 and any(
        _key(re.split(r"[/@]", h.rstrip("/"))[-1]) in sites for h in handles
    )


def without_comments_preamble(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's last few short paragraphs, when the page holds them, and only them, in a
    box of their own right before its comments (the comment policy, "The views below are
    the readers' own"), belong to the comments, not to the article: they leave the body."""
    boxes = _boxes_before_comments(page)
    lines = _control_box_lines(page)
    if not boxes and not lines:
        return body
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    keys = [_key(inline_text(body[i].get("content") or [])) for i in paragraphs]
    for count in range(1, PREAMBLE_LINES + 1):
        if count * 2 > len(paragraphs) or len(keys[-count]) > PREAMBLE_CHARS:
            break
        if "".join(keys[-count:]) in boxes:
            note(
                f"{where}: {count} paragraph(s) in a box before the page's comments leave the body",
                level="info",
            )
        elif all(k in lines for k in keys[-count:]):
            note(
                f"{where}: {count} paragraph(s) in a box of the page's controls (a sign-up or "
                "paywall box) leave the body; the text above it may be cut short"
            )
        else:
            continue
        dropped = set(paragraphs[-count:])
        return [b for i, b in enumerate(body) if i not in dropped]
    return body


def _control_box_lines(page: etree._Element) -> set[str]:
    """The lines (as keys) of the small boxes that hold a control beside them: a button, a
    control's role, or a link that runs a script instead of going anywhere
    (``javascript:``). A sign-up or paywall box ("This article is for members. Sign up to
    read on" beside "Sign up" and "Log in"), whose buttons the extraction dropped."""
    found: set[str] = set()
    for box in page.iter("div", "section"):
        text = text_of(box)
        if len(text) > CONTROL_BOX_CHARS or any(True for _ in box.iter("img", "figure", "table")):
            continue
        if not any(
            is_control(n)
            or (n.tag == "a" and (n.get("href") or "").strip().lower().startswith("javascript:"))
            for n in box.iter()
            if isinstance(n.tag, str)
        ):
            continue
        for line in box.iter("p"):  # its own lines, not those of a box inside it
            own = next((a for a in line.iterancestors() if a.tag in ("div", "section")), None)
            if own is box and _key(text_of(line)):
                found.add(_key(text_of(line)))
    return found


def _boxes_before_comments(page: etree._Element) -> set[str]:
    """The texts (as keys) of the small boxes (not paragraphs) whose next element is the
    page's comments (named for them: ``fb-comments``, ``#comments``, ``disqus_thread``)."""
    found = set()
    named = page.xpath(COMMENTS_XPATH)
    for comments in named if isinstance(named, list) else []:
        if not isinstance(comments, etree._Element):
            continue
        names = f"{comments.get('class') or ''} {comments.get('id') or ''}".lower()
        if not COMMENTS_NAMES.search(names):
            continue
        box = comments.getprevious()
        while box is not None and not isinstance(box.tag, str):
            box = box.getprevious()
        if box is None or box.tag not in ("div", "section", "aside", "footer"):
            continue
        shown = text_upto(box, PREAMBLE_LINES * PREAMBLE_CHARS)
        if shown is not None and _key(shown):
            found.add(_key(shown))
    return found
