"""The headline: the page's ``h1`` weighed against its metadata titles, and its kicker."""

from __future__ import annotations

import html as html_module
import unicodedata
import urllib.parse
from typing import Any

from lxml import etree

from ...notes import note
from ..excerpts import letters_key as _key
from ..letters import word_count
from ..xmltree import text_of
from .page import (
    HEADING_TAGS,
    LOGO_NAMES,
    TITLE_SEPARATORS,
    first_text,
    heading_text,
    hidden,
    hidden_within,
    in_menu,
    names_site,
    outside_article,
)

HEADING_BYLINE = 60  # characters of an h1's last line that may be its byline
TITLE_PART_WORDS = 3  # words of a title's part that a page shows as its headline
KICKER_END = " :|/-–—·»›"


def read_headline(
    page: etree._Element, ld: dict[str, Any], meta: dict[str, str], sites: set[str], where: str
) -> tuple[str | None, str | None, etree._Element | None]:
    """The headline the page shows its readers, the kicker above it when it shows one, and
    the heading element (None when the headline comes from the metadata alone).

    The metadata's titles (JSON-LD ``headline``, ``og:title``, ``twitter:title``,
    ``<title>``, each without the site's name) are often written for search engines
    and sharing; the page's own ``h1`` is what a reader sees. So the article's ``h1``
    wins (the one of several that a title agrees with); without one, the first title.
    An ``h1`` made of two parts, a short one above the headline (``<span>Kicker</span>
    <span>Headline</span>``), gives the kicker too.
    """
    titles = metadata_titles(page, ld, meta, sites)
    found = [title for _, title in titles]
    heading = _article_heading(page, sites, found)
    text = kicker = None
    if heading is not None:
        kicker, text = _heading_parts(heading, found)
        byline = heading_byline(heading, found)
        if byline and text.endswith(byline):
            text = text[: -len(byline)].rstrip()
            note(f"{where}: the h1's last line {byline!r} is its byline", level="info")
    if heading is None and (shown := _title_part_shown(page, titles)) is not None:
        note(
            f"{where}: the headline is the page's <{shown.tag}> that shows a part of the"
            f" {titles[0][0]} (the page shows no article h1)",
            level="info",
        )
        return " ".join(text_of(shown).split()), None, shown
    if heading is None or not text:
        if titles:
            note(
                f"{where}: the headline is the page's {titles[0][0]} (the page shows no "
                "article h1)",
                level="info",
            )
        return (found[0] if found else None), None, None
    kicker = kicker or _kicker_before(heading, text, found)
    # The same letters, but words the h1's markup glued together ("gepackt:Zwei"): the title's.
    text = next(
        (t for t in found if _key(t) == _key(text) and _word_count(t) > _word_count(text)), text
    )
    agreeing = [label for label, t in titles if _key(t) in (_key(text), _key(f"{kicker} {text}"))]
    if agreeing or not titles:
        said = f", as the {' and '.join(agreeing)} {'say' if len(agreeing) > 1 else 'says'}"
        said = said if agreeing else ""
        note(f"{where}: the headline is the page's own {heading.tag}{said}", level="info")
    else:
        note(
            f"{where}: the headline is the page's own {heading.tag} ({text[:80]!r}); the page's "
            f"metadata titles it {found[0][:80]!r} ({titles[0][0]})",
            level="info",
        )
    return text, kicker, heading


def _title_part_shown(page: etree._Element, titles: list[tuple[str, str]]) -> etree._Element | None:
    """Without an article ``h1``: the element whose whole text is a part of the first
    title, between its separators ("ΤΟ ΒΗΜΑ - Ευρυαγγείες: πρόβλημα με λύση - υγεία +
    fitness" → the ``div`` "Ευρυαγγείες: πρόβλημα με λύση"; "法国…影响交通-新华网" → the
    ``div`` "法国…影响交通" under an empty ``h1``), the longest such part, not a
    link nor in a menu, an aside or anything hidden: the headline as the page shows it,
    without the site's name and section that the title adds."""
    if not titles:
        return None
    parts = TITLE_SEPARATORS.split(titles[0][1])
    count = len(parts) // 2 + 1
    runs = {
        " ".join("".join(parts[2 * a : 2 * b - 1]).split())
        for a in range(count)
        for b in range(a + 1, count + 1)
        if (a, b) != (0, count)
    }
    runs = {r for r in runs if word_count(r) >= TITLE_PART_WORDS}  # Han letters by two
    if not runs:
        return None
    body = next(page.iter("body"), None)
    found = [
        n
        for n in (body.iter() if body is not None else ())
        if isinstance(n.tag, str)
        and n.tag not in ("a", "title", "option", "script")
        and " ".join(text_of(n).split()) in runs
        and not any(a.tag == "a" for a in n.iterancestors())
        and not outside_article(n)
        and not in_menu(n)
        and not hidden_within(n)
    ]
    # the innermost element of a text, the longest text; one that is no link's box first
    # (a carousel's ``<span><a href=…>Headline</a></span>`` above the page's own)
    found = [n for n in found if not any(c in found for c in n.iterdescendants())]
    return max(found, key=lambda n: (not _holds_link(n), len(text_of(n).strip())), default=None)


def _holds_link(node: etree._Element) -> bool:
    return any(True for _ in node.iter("a"))


def all_titles(
    page: etree._Element, ld: dict[str, Any], meta: dict[str, str], sites: set[str]
) -> list[str]:
    return [title for _, title in metadata_titles(page, ld, meta, sites)]


def metadata_titles(
    page: etree._Element, ld: dict[str, Any], meta: dict[str, str], sites: set[str]
) -> list[tuple[str, str]]:
    """The titles the page's metadata gives, each without the site's name, with where it
    was found: JSON-LD ``headline``, ``og:title``, ``twitter:title``, ``<title>``."""
    sources = (
        ("JSON-LD headline", first_text(ld.get("headline"))),
        ("og:title", first_text(meta.get("og:title"))),
        ("twitter:title", first_text(meta.get("twitter:title"))),
        ("<title>", first_text(text_of(next(page.iter("title"), None)))),
    )
    titles = [(label, _without_site_name(title, page, sites)) for label, title in sources]
    return [(label, title) for label, title in titles if title]


def _word_count(text: str) -> int:
    return sum(1 for word in text.split() if any(c.isalnum() for c in word))


def _article_heading(
    page: etree._Element, sites: set[str], titles: list[str]
) -> etree._Element | None:
    """The page's ``h1`` that heads the article: outside menus, asides, comments and the
    site's footer, not the site's name or logo; of several, the one a title agrees with."""
    headings = []
    for heading in page.iter("h1"):
        if any(a.tag in ("nav", "aside", "footer") for a in heading.iterancestors()):
            continue
        if hidden_within(heading):
            continue
        text = heading_text(heading)
        if not text or _key(text) in sites or outside_article(heading) or _is_logo(heading):
            continue
        headings.append(heading)
    shown = {_key(heading_text(h)): h for h in reversed(headings)}  # twins: one for mobiles
    headings = [h for h in headings if shown[_key(heading_text(h))] is h]
    if len(headings) == 1:
        below = _heading_below(page, headings[0], titles)
        return headings[0] if below is None else below
    if not headings:  # the article's own heading a level lower, when it says a title
        lower = [
            h
            for h in page.iter("h2")
            if any(a.tag in ("article", "main") for a in h.iterancestors())
            and not outside_article(h)
        ][:3]
        return next((h for t in titles for h in lower if _agrees(h, [t], titles)), None)
    for title in titles:
        for heading in headings:
            if _agrees(heading, [title], titles):
                return heading
    within = [h for h in headings if any(_key(heading_text(h)) in _key(t) for t in titles)]
    if len(within) == 1 and len(_key(heading_text(within[0]))) >= 10:
        return within[0]  # "Site: Section / Headline" holds it
    inside = [h for h in headings if any(a.tag in ("article", "main") for a in h.iterancestors())]
    return inside[0] if len(inside) == 1 else None


def _heading_below(
    page: etree._Element, heading: etree._Element, titles: list[str]
) -> etree._Element | None:
    """The article's heading a level below a page's only ``h1`` that no title says, when it
    says one: a blog's or a channel's name as the ``h1`` ("Beauty Blog"), the post's title
    in the ``h2`` under it that the page's titles give."""
    if not titles or _agrees(heading, titles, titles):
        return None
    if any(_key(heading_text(heading)) in _key(t) for t in titles):
        return None  # "Site: Section / Headline" holds it
    after = False
    below: list[etree._Element] = []
    for node in page.iter("h1", "h2"):
        after = after or node is heading
        if after and node.tag == "h2" and not outside_article(node) and not hidden_within(node):
            below.append(node)
    return next((h for h in below[:3] if _agrees(h, titles, titles)), None)


def _agrees(heading: etree._Element, wanted: list[str], titles: list[str]) -> bool:
    """The heading says one of the wanted titles, alone or with its kicker."""
    kicker, text = _heading_parts(heading, titles)
    return any(_key(t) in (_key(text), _key(f"{kicker} {text}")) for t in wanted)


def _is_logo(heading: etree._Element) -> bool:
    """An ``h1`` that is the site's logo: named so (``site-title``, ``logo``, ``brand``),
    a picture, or a link to the site's home page."""
    for node in (heading, *heading.iterancestors()):
        if node.tag in ("article", "main", "body"):
            break
        if LOGO_NAMES.search(f"{node.get('class') or ''} {node.get('id') or ''}".lower()):
            return True
    links = [a.get("href") or "" for a in heading.iter("a")]
    if any(urllib.parse.urlsplit(href).path in ("", "/") and href != "" for href in links):
        return True
    return any(True for _ in heading.iter("img", "svg")) and len(heading_text(heading)) < 40


def heading_byline(heading: etree._Element, titles: list[str]) -> str | None:
    """A byline the ``h1`` holds on a line of its own after the headline (``<h1><span>
    Headline</span><br/><span>Staff writer Ann Lee</span></h1>``): the short last line
    after a line break that no title of the page says, when a title starts with what is
    above it (the page's titles name the story, never its writer)."""
    breaks = [c for c in heading if c.tag == "br"]
    if not breaks or not titles:
        return None
    last = breaks[-1]
    after = " ".join(
        [last.tail or ""]
        + [heading_text(c) + " " + (c.tail or "") for c in last.itersiblings() if not hidden(c)]
    )
    after = " ".join(after.split())
    whole = heading_text(heading)
    if not after or len(after) > HEADING_BYLINE or not whole.endswith(after):
        return None
    above = _key(whole[: -len(after)])
    if not above or not any(
        _key(t).startswith(above) and _key(after) not in _key(t) for t in titles
    ):
        return None
    return after


def _heading_parts(heading: etree._Element, titles: list[str]) -> tuple[str | None, str]:
    """The kicker an ``h1`` holds above its headline, and the headline: (None, text) for none.

    Two shapes: two shown parts with nothing between them but punctuation, the first
    the shorter (``<h1><span>Kicker</span> <span>Headline</span></h1>``); or a text
    that ends with one of the page's titles after something more ("Local News |
    Headline", "Open ProgressWhy …" where the title is "Why …").
    """
    whole = heading_text(heading)
    shown = [c for c in heading if isinstance(c.tag, str) and not hidden(c)]
    loose = (heading.text or "") + "".join(c.tail or "" for c in heading)
    if (
        len(shown) == 2
        and all(c.tag in ("span", "div", "p", "small", "strong", "b", "em") for c in shown)
        and not any(ch.isalnum() for ch in loose)
    ):
        kicker, text = (heading_text(c) for c in shown)
        if kicker and text and len(kicker) < len(text):
            return kicker.rstrip(KICKER_END), text
    key = _key(whole)
    for title in titles:
        wanted = _key(title)
        if not wanted or wanted == key or not key.endswith(wanted) or len(wanted) < 10:
            continue
        for start in range(1, len(whole)):
            if whole[start].isalnum() and _key(whole[start:]) == wanted:
                kicker = whole[:start].strip().rstrip(KICKER_END).strip()
                if _key(kicker) and not _one_sentence(heading, whole[:start]):
                    return kicker, whole[start:]
    return None, whole


def _one_sentence(heading: etree._Element, before: str) -> bool:
    """An ``h1`` of one text whose words before a title's only a space sets apart: one
    headline that the title shortens ("…ပုဒ်မနဲ့ တရားစွဲခံထားရတဲ့ …" titled from its second
    word on), not a kicker, which markup or punctuation sets apart ("Local News | …")."""
    plain = not any(isinstance(c.tag, str) for c in heading)
    last = before.rstrip()[-1:]
    return plain and before[-1:].isspace() and unicodedata.category(last or " ")[0] in "LMN"


def _kicker_before(heading: etree._Element, text: str, titles: list[str]) -> str | None:
    """The kicker a title puts before the headline ("Kicker: Headline") when the page
    shows it just above the ``h1``, in the same header (an element before it)."""
    wanted = _key(text)
    for title in titles:
        key = _key(title)
        if key == wanted or not key.endswith(wanted):
            continue
        start = next(
            (i for i in range(1, len(title)) if title[i].isalnum() and _key(title[i:]) == wanted),
            0,
        )
        head = title[:start].strip().rstrip(KICKER_END).strip()
        if not _key(head):
            continue
        for holder in (heading, heading.getparent()):
            if holder is None:
                break
            for before in holder.itersiblings(preceding=True):
                if not isinstance(before.tag, str):
                    continue
                if any(
                    isinstance(n.tag, str) and _key(heading_text(n)) == _key(head)
                    for n in before.iter()
                ):
                    return head
    return None


def _without_site_name(title: str | None, page: etree._Element, names: set[str]) -> str | None:
    """ "Headline | Site", "Site - Headline", "Headline _Section _Site" → "Headline".

    A part is dropped only when it names the site (Open Graph's site name, the
    publisher, the application name or the host, compared without accents, case
    or punctuation) or when what is left is one of the page's own ``h1``/``h2``.
    A title that is only the site's name gives way to the page's first other heading.
    """
    if not title:
        return title
    title = " ".join(html_module.unescape(title).split())
    headings = _headings(page, "h1") or _headings(page, "h2")
    if title in headings:
        return title
    short = title.removesuffix("...").removesuffix("…").rstrip()
    if short != title:  # a title the CMS cut short: the heading that goes on from it
        return next((h for h in headings if h.startswith(short) and len(h) > len(short)), title)
    if _key(title) in names:
        others = [h for h in _headings(page, "h1") + _headings(page, "h2") if _key(h) not in names]
        return next((h for h in others if len(h) >= 10), title)
    parts = TITLE_SEPARATORS.split(title)
    # parts alternate text and separator: [text, sep, text, sep, text…]
    count = len(parts) // 2 + 1
    for cut in range(count - 1, 0, -1):
        head = "".join(parts[: 2 * cut - 1])
        if head in headings:
            return head
    start, end = 0, count
    for cut in range(1, count):  # the longest tail that names the site
        if names_site("".join(parts[2 * cut :]), names):
            end = cut
            break
    for cut in range(end - 1, 0, -1):  # the longest head that names the site
        if names_site("".join(parts[: 2 * cut - 1]), names):
            start = cut
            break
    if (start, end) == (0, count):
        return title
    return "".join(parts[2 * start : 2 * end - 1]).strip() or title


def _headings(page: etree._Element, level: str) -> list[str]:
    """The texts of the page's headings of one level, outside menus, asides and comments."""
    found = []
    for heading in page.iter(level):
        if any(a.tag in ("nav", "aside", "footer") for a in heading.iterancestors()):
            continue
        if hidden_within(heading):
            continue
        text = " ".join(text_of(heading).split())
        if text and not outside_article(heading):
            found.append(text)
    return found


def headline_anchor(
    page: etree._Element, heading: etree._Element | None, headline: str | None
) -> etree._Element | None:
    """Where the article's byline and date lines follow: the headline's heading, else (the
    page's ``h1`` is its logo) the first heading of the article that says the headline
    (``<h3>`` under the site's ``<h1>``)."""
    if heading is not None or not headline:
        return heading
    key = _key(headline)
    return next(
        (
            h
            for h in page.iter(*HEADING_TAGS)
            if _key(heading_text(h)) == key and not outside_article(h) and not _is_logo(h)
        ),
        None,
    )
