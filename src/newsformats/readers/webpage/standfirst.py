"""The standfirst: the summary under the headline, from the page or the body's first lines."""

from __future__ import annotations

import itertools
import re
from typing import Any

from lxml import etree

from ...notes import note
from ..excerpts import letters_key as _key
from ..excerpts import repeats_the_text
from ..html_body import (
    inline_text,
)
from ..xmltree import text_of
from .body import PICTURE_BOX_LEVELS
from .names import byline_line
from .page import (
    CAMEL,
    HEADER_LINE,
    LABEL_WORDS,
    PICTURE_NAMES,
    SENTENCE_ENDS,
    STANDFIRST_BLOCKS,
    STANDFIRST_MIN,
    after_heading,
    heading_text,
    hidden,
    outside_article,
    text_upto,
)

# Class and id names of the summary under a headline ("article__standfirst", "dek",
# "c-article-summary", "storyIntro", "lead-text"), and what such a summary holds.
STANDFIRST_NAMES = re.compile(
    r"(?:^|[-_ ])(?:standfirst|sub-?title|sub-?head(?:line)?|subline|dek|deck|lead|lede|intro"
    r"|summary|teaser|excerpt|preamble|strapline|preface|desc|description|abstract)(?:[-_ ]|$)"
)
# ... and of what sits beside it but is no summary: a title, a caption, a credit, a byline.
NOT_STANDFIRST_NAMES = re.compile(
    r"(?:^|[-_ ])(?:title|headline|heading|label|caption|credit|copyright|photo|image|img|media"
    r"|byline|author|date|time|meta)(?:[-_ ]|$)"
)
CAPTION_BOX = 1.5  # a picture's box holds its caption and a credit: at most this much text
STANDFIRST_CHARS = 600


def read_standfirst(
    page: etree._Element,
    heading: etree._Element | None,
    descriptions: list[str],
    body: list[dict[str, Any]],
    where: str,
    site: str = "",
) -> tuple[str | None, list[dict[str, Any]]]:
    """The article's summary, and the body without it.

    The summary the page shows under the headline (see :func:`_shown_standfirst`)
    comes first; the body's first paragraphs that repeat it leave the body (unless
    that is the body's only paragraph: then it stays there, and is said once). Else a
    paragraph among the body's first ones that is one of the metadata's descriptions
    and that the page sets apart (named for a summary, in a header, all in bold) is the
    standfirst, not the body's first paragraph (a summary below the byline). Else the
    first description, unless it is only the first paragraph cut short (a CMS's
    automatic excerpt): that is no standfirst. A description of the site rather than of
    the article (see :func:`describes_the_site`; ``site`` is what names the site: the
    page's ``<title>`` and ``og:site_name``) is none.
    """
    paragraphs = [
        (i, inline_text(b.get("content") or []))
        for i, b in enumerate(body[:STANDFIRST_BLOCKS])
        if b["type"] == "paragraph"
    ]
    headline = heading_text(heading) if heading is not None else ""
    opening = " ".join([headline] + [text for _, text in paragraphs])
    for description in [d for d in descriptions if describes_the_site(d, site, headline, opening)]:
        note(
            f"{where}: the page's description ({description!r}) names the site and says "
            "little of the article's own words; it is the site's, not the standfirst",
            level="info",
        )
        descriptions = [d for d in descriptions if d != description]
    alone = sum(1 for b in body if b["type"] == "paragraph") <= 1
    shown = _shown_standfirst(page, heading)
    if shown:
        whole = _key(shown)
        repeats = {i for i, text in paragraphs if len(_key(text)) >= 20 and _key(text) in whole}
        if repeats and alone:  # the page's one paragraph stays its body, said once
            return None, body
        if repeats:
            note(
                f"{where}: the body's first paragraph is the summary under the headline; "
                "it is the standfirst",
                level="info",
            )
            header = _header_lines(paragraphs, min(repeats))
            left = sum(
                1 for i, b in enumerate(body) if b["type"] == "paragraph" and i not in repeats
            )
            if header and left > len(header):  # the header's lines go when text stays
                note(
                    f"{where}: {len(header)} short line(s) above the summary (the article "
                    "header's date, section…) leave the body",
                    level="info",
                )
                repeats |= header
        return _without_closing_byline(shown, where), [
            b for i, b in enumerate(body) if i not in repeats
        ]
    wanted = {_key(d) for d in descriptions} - {""}
    for index, text in paragraphs:
        if _key(text) in wanted and not alone and _set_apart(page, text):
            note(
                f"{where}: a paragraph set apart at the top of the body is the page's "
                "description; it is the standfirst",
                level="info",
            )
            return " ".join(text.split()), body[:index] + body[index + 1 :]
        if _key(text) in wanted and _below_header(paragraphs, index, body):
            note(
                f"{where}: the page's description is the paragraph below the article "
                "header's short lines (a date, a section); it is the standfirst, and those "
                "lines leave the body",
                level="info",
            )
            before = {i for i, _ in paragraphs if i < index}
            return " ".join(text.split()), [
                b for i, b in enumerate(body) if i != index and i not in before
            ]
    first = descriptions[0] if descriptions else None
    if first and repeats_the_text(first, [body[i] for i, _ in paragraphs]):
        note(
            f"{where}: the page's description is the body's own text (its opening, cut "
            "short, or one of its first paragraphs); it is not made the standfirst",
            level="info",
        )
        return None, body
    return first, body


def _tokens(text: str) -> set[str]:
    """A text's words of four letters or more, in lower case; in a script written without
    spaces (Chinese, Japanese), its pairs of letters."""
    found = set()
    for word in re.findall(r"\w+", text.lower()):
        if all(_UNSPACED.match(c) for c in word):
            found |= {word[i : i + 2] for i in range(len(word) - 1)}
        elif len(word) >= 4 and not word.isdigit():
            found.add(word)
    return found


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SITE_OVERLAP = 0.5  # of a description's words, fewer than this in the article's: not about it


def describes_the_site(description: str, site: str, headline: str, opening: str) -> bool:
    """Is this description the site's own (the same on every page: "The largest news and
    information source in Afghanistan", "読売新聞社のニュースサイト")? It shares a word with
    what names the site (the ``<title>`` beyond the headline, ``og:site_name``), and fewer
    than half its words are the article's opening (headline and first paragraphs), which a
    summary of the article tells again."""
    words = _tokens(description)
    if not words or not words & (_tokens(site) - _tokens(headline)):
        return False
    return len(words & _tokens(opening)) < SITE_OVERLAP * len(words)


def _without_closing_byline(text: str, where: str) -> str:
    """The summary without a byline after its last sentence ("… in Deutschland. VON GEORG
    BLUME": the pack's byline word and a name, which the byline gives)."""
    parts = re.split(r"(?<=[.!?…])\s+", " ".join(text.split()))
    if len(parts) < 2 or not byline_line(parts[-1]):
        return text
    note(f"{where}: the summary ends in a byline ({parts[-1]!r}); it leaves the standfirst")
    return " ".join(parts[:-1])


def _below_header(
    paragraphs: list[tuple[int, str]], index: int, body: list[dict[str, Any]]
) -> bool:
    """Does the paragraph at ``index`` come right after the article header's short lines
    (one or more, and nothing else), with the body's text after it?"""
    before = [i for i, _ in paragraphs if i < index]
    return (
        bool(before)
        and len(_header_lines(paragraphs, index)) == len(before)
        and any(b["type"] == "paragraph" for b in body[index + 1 :])
    )


def _header_lines(paragraphs: list[tuple[int, str]], summary: int) -> set[int]:
    """The short lines the body holds before the summary it repeats: the article header's
    date, section link and the like ("Today, 17:40", "World"), which the page shows between
    its headline and its summary; the reader says them in their fields. A sentence (a line
    that ends like one) is text; a line that is a byline ("By Ann Lee") stays for the
    byline's own test."""
    return {
        i
        for i, text in paragraphs
        if i < summary
        and len(text) <= HEADER_LINE
        and not text.rstrip().endswith(SENTENCE_ENDS)
        and not byline_line(text)
    }


def without_repeated_standfirst(
    body: list[dict[str, Any]], standfirst: str | None
) -> list[dict[str, Any]]:
    """A subheading among the body's first blocks that is the standfirst again (a page's
    ``h2`` subtitle readability kept) leaves the body."""
    key = _key(standfirst or "")
    if len(key) < STANDFIRST_MIN:
        return body
    return [
        b
        for i, b in enumerate(body)
        if not (
            i < STANDFIRST_BLOCKS
            and b["type"] == "subheading"
            and _says_standfirst(inline_text(b.get("content") or []), key)
        )
    ]


def _says_standfirst(text: str, key: str) -> bool:
    """A subheading that is the standfirst, or the standfirst after a short label of its own
    ("<span class=slug>Analyse</span> Après une semaine…": the page's kind of story)."""
    said = _key(text)
    if said == key:
        return True
    words = text.split()
    return any(_key(" ".join(words[n:])) == key for n in range(1, min(LABEL_WORDS, len(words)) + 1))


def _set_apart(page: etree._Element, text: str) -> bool:
    """Does the page set this paragraph apart from the body's text: named for a summary
    (itself or a wrapper holding only it), inside a ``header``, or all in bold?"""
    key = _key(text)
    for node in page.iter("p", "div"):
        shown = text_upto(node, 2 * len(text))
        if shown is None or _key(shown) != key:
            continue
        for holder in (node, *node.iterancestors()):
            if holder.tag in ("article", "main", "body") or len(text_of(holder)) > len(text) * 1.5:
                break
            if holder.tag == "header" or _named_standfirst(holder):
                return True
        bold = [c for c in node if isinstance(c.tag, str) and c.tag in ("strong", "b")]
        if len(bold) == 1 and _key(text_of(bold[0])) == key:
            return True
    return False


def _shown_standfirst(page: etree._Element, heading: etree._Element | None) -> str | None:
    """The summary the page shows after its headline: an element named for it (class or
    id ``standfirst``, ``subtitle``, ``dek``, ``lead``, ``intro``, ``summary``, ``excerpt``,
    ``teaser``…, or ``itemprop=description``), of one to a few sentences, no picture in
    it, mostly not links, not the headline again, before the article's text begins;
    with the like elements right after it (a summary in several paragraphs)."""
    if heading is None:
        return None
    headline = _key(heading_text(heading))
    for node in after_heading(page, heading):
        if node.tag in ("script", "style", "noscript", "template") or hidden(node):
            continue
        marked = node.get("itemprop") == "description" or _named_standfirst(node)
        text = heading_text(node) if marked or node.tag == "p" else ""
        if not marked:
            if node.tag == "p" and len(text) > STANDFIRST_CHARS // 2:
                return None  # the article's text has begun
            continue
        if (
            node.tag in ("p", "div", "h2", "h3", "span", "section")
            and STANDFIRST_MIN <= len(text) <= STANDFIRST_CHARS
            and _key(text) != headline
            and not text.endswith(":")  # a box's label ("In short:")
            and not _in_picture(node, len(text))
            and not _caption_or_card(node, len(text), heading)
            and not any(True for _ in node.iter("img", "picture", "video", "iframe", "figure"))
            and not any(a.tag in ("figure", "figcaption") for a in node.iterancestors())
            and sum(len(text_of(a)) for a in node.iter("a")) < len(text) / 2
            and not outside_article(node)
        ):
            parts = [text]
            for sibling in node.itersiblings():
                if sibling.tag != node.tag or sibling.get("class") != node.get("class"):
                    break
                parts.append(heading_text(sibling))
            joined = " ".join(p for p in parts if p)
            return joined if len(joined) <= STANDFIRST_CHARS else text
    return None


def _in_picture(node: etree._Element, length: int) -> bool:
    """Inside a wrapper of a picture (named for a caption, credit, photo, gallery…) that
    holds little more than this text: a caption, not a summary."""
    for wrapper in node.iterancestors():
        if wrapper.tag in ("article", "main", "body") or text_upto(wrapper, 3 * length) is None:
            return False
        names = f"{wrapper.get('class') or ''} {wrapper.get('id') or ''}"
        if PICTURE_NAMES.search(CAMEL.sub(r"\1-\2", names).lower()):
            return True
    return False


def _caption_or_card(node: etree._Element, length: int, heading: etree._Element) -> bool:
    """Words that are no summary of this article, by where they stand: inside a link (a
    card of another story, a carousel's video: "<a href=/video/…><span class=description>
    …</span></a>"; a picture's caption in the link to its larger file), inside a box that
    holds a picture and, beside this text, little more (a caption and its credit, whatever
    the box is named; not the box of the headline and its summary). (Not a teaser's test,
    :func:`in_teaser`: a page's subtitles may end with a link to its live coverage,
    "<h2><a href=…>Latest on the fire</a></h2>".)"""
    if any(a.tag == "a" and (a.get("href") or "#")[:1] != "#" for a in node.iterancestors()):
        return True
    for box in itertools.islice(node.iterancestors(), PICTURE_BOX_LEVELS):
        if box.tag in ("article", "main", "body", "header") or box.find(".//h1") is not None:
            break
        if heading in box.iterdescendants():
            break
        if next(box.iter("img", "picture"), None) is not None:
            return text_upto(box, int(CAPTION_BOX * length)) is not None
    return False


def _named_standfirst(node: etree._Element) -> bool:
    names = CAMEL.sub(r"\1-\2", f"{node.get('class') or ''} {node.get('id') or ''}").lower()
    return bool(STANDFIRST_NAMES.search(names)) and not NOT_STANDFIRST_NAMES.search(names)
