"""Bylines: authors from metadata, byline boxes, and lines near the headline or in the body."""

from __future__ import annotations

import itertools
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any

from lxml import etree

from ...notes import note
from ..chrome import (
    LABEL_MARK,
    and_words,
    byline_names,
    is_chrome,
    names_a_role,
)
from ..excerpts import letters_key as _key
from ..fields import split_names
from ..html_body import (
    inline_text,
)
from ..xmltree import text_of
from .names import (
    byline_line,
    is_domain,
    name_beside_date,
    names_in,
    only_date,
    role_then_name,
    short_name,
    text_name,
)
from .page import (
    BYLINE_TEXT,
    CAMEL,
    HEADING_TAGS,
    IMPRINT_SEPARATORS,
    SENTENCE_ENDS,
    TEASER_LEVELS,
    TEASER_TEXT,
    UNCASED_NAME,
    after_heading,
    first_text,
    hidden,
    holds_story,
    in_figure,
    in_menu,
    in_teaser,
    lines_below,
    meta_tags,
    names_of,
    outside_article,
    page_language,
    text_upto,
)

# Class and id names CMSs give the byline (the ones Readability.js looks for too, and their
# plurals and name parts: "story-meta__authors", "authorname-txt", "BylineName", "writer").
BYLINE_NAMES = re.compile(
    r"(^|[-_ ])(by-?line|authors?|author-?name|writer|written-?by|p-author)([-_ ]|$)"
)
# Class names of the part of a byline box that holds the name ("byline__name", "name").
ROLE_WORDS = 6  # words of a role on the line below a name set apart
NAME_PART = re.compile(r"(^|[-_ ])name([-_ ]|$)")
# A class name that names a picture's author, the picture first ("article__image-author",
# "photoByline"; not "author-image", the author's portrait, nor "gallery-author-info").
PICTURE_AUTHOR = re.compile(
    r"(?:^|[-_\s])(?:image|img|photo|picture|pic|foto)[-_]+(?:by-?line|authors?|writer)(?:[-_\s]|$)"
)
# A label after a byline box's names: a word and a colon ("DOTYCZY:", "Tags:").
LABEL_AFTER_NAME = re.compile(rf"\s[^\W\d_]+{LABEL_MARK}(?=\s|$)")
PLACE_WORDS = 4  # words of the place beside a name set apart under the headline
PROMOTION_LEVELS = 6  # boxes around a byline box without the h1: a column apart from it
DATELINE_CHARS = 60  # characters of a text's first paragraph its dateline is among
DATELINE_BRACKET = re.compile(r"[(（]\s*([^()（）]{2,30}?)\s*[)）]")
NAME_ALONE_WORDS = (2, 4)
# The folder of people's pages in CMS addresses ("/profile/ann-lee", "/people/ann-lee").
PROFILE_FOLDERS = re.compile(
    r"^(?:profiles?|people|persons?|staff|team|journalists?|reporters?|contributors?|"
    r"columnists?|editors?|by-?line|authors?|autor(?:en)?|auteurs?|writers?)$"
)  # words of a name alone under the headline ("Bill McCarthy")


def chosen_people(
    sources: Iterable[Callable[[], list[dict[str, Any]]]],
    sites: set[str],
    owner: str = "",
    shown: Callable[[str], bool] = lambda name: False,
) -> list[dict[str, Any]]:
    """The first people a source names, passing over those that are only the site's name
    ("Eurosport" as the author of eurosport.de) or the owner its copyright notice names
    ("Condé Nast" in ``<meta name=author>``) unless no source names anyone else; a job
    or desk given as the author ("Us Weekly Staff", "CNN Wire") gives way to a person's
    name a later source gives that the page ``shown`` under its headline ("By Megan French"),
    not to an editor named at the end nor to an agency ("Associated Press in Valencia")."""
    fallback: list[dict[str, Any]] = []
    label: list[dict[str, Any]] = []
    for source in sources:
        people = source()
        if not people or all(
            _no_person(p["name"], sites, owner) or _lower_case(p["name"]) for p in people
        ):
            fallback = fallback or people
        elif not all(_only_label(p["name"]) for p in people):
            if not label or all(_person_shown(p["name"], shown) for p in people):
                return people
        else:
            label = label or people
    return label or fallback


def _person_shown(name: str, shown: Callable[[str], bool]) -> bool:
    """A person's name as a byline shows it: two to five capitalised words, no particle or
    other word in lower case ("Megan French"; not "Associated Press in Valencia"), that the
    page shows under its headline."""
    words = name.split()
    return text_name(name) and not any(w[:1].islower() for w in words) and shown(name)


def near_headline(page: etree._Element, anchor: etree._Element | None, name: str) -> bool:
    """The page shows ``name`` between its headline and the start of the article's text."""
    if anchor is None:
        return False
    key = _key(name)
    for node in after_heading(page, anchor):
        text = text_upto(node, BYLINE_TEXT)
        if text is None:
            if node.tag == "p":
                return False  # the article's text has begun
            continue
        if key in _key(text) and not hidden(node) and not in_figure(node):
            return True
    return False


def _picture_credit(node: etree._Element) -> bool:
    """A byline box that is a picture's: inside a figure, or named for a picture's author
    (``div.article__image-author`` under the lead picture: "PAP/ Rafał Guz")."""
    names = CAMEL.sub(r"\1-\2", f"{node.get('class') or ''} {node.get('id') or ''}").lower()
    return in_figure(node) or bool(PICTURE_AUTHOR.search(names))


def _only_label(name: str) -> bool:
    """A byline that names a job or a desk, not a person ("Us Weekly Staff", "CNN Wire")."""
    return names_a_role(name)


def _lower_case(name: str) -> bool:
    """A byline's name in lower case, as a person's is not written: a paper's name and its
    tagline given as the author ("taz, die tageszeitung" in ``<meta name=author>``)."""
    return name.lower() == name != name.upper()  # scripts without case are not in lower case


def _no_person(name: str, sites: set[str], owner: str = "") -> bool:
    """A byline's name that is the site's, or the owner's its copyright notice names."""
    key = _key(name)
    return key in sites or (len(key) >= 4 and key in owner) or is_domain(name)


def owner_of(ld: dict[str, Any], meta: dict[str, str]) -> str:
    """The page's copyright notices and its publisher's names, as a key to look names up in
    ("copyrightccondenast2022", "edicioneselpais")."""
    publisher = ld.get("publisher")
    notices = (
        meta.get("copyright"),
        meta.get("dc.rights"),
        first_text(ld.get("copyrightHolder")),
        meta.get("dc.publisher"),
        meta.get("dcterms.publisher"),
        first_text(publisher.get("name")) if isinstance(publisher, dict) else first_text(publisher),
    )
    return " ".join(_key(n) for n in notices if n)


def not_imprint(value: str | None) -> str | None:
    """``<meta name=author>`` unless it is the publisher's imprint (:func:`_imprint`): that
    names no author, not even as a last resort."""
    return None if _imprint(value) else value


def _imprint(value: str | None) -> str | None:
    """The company a publisher's imprint names: the site's domain and, after a dash or bar,
    the company that owns it ("tovima.gr — Δημοσιογραφικός Οργανισμός Λαμπράκη Α.Ε." →
    "Δημοσιογραφικός Οργανισμός Λαμπράκη Α.Ε."); None for anything else."""
    parts = [p.strip() for p in IMPRINT_SEPARATORS.split(value or "") if p.strip()]
    if len(parts) >= 2 and is_domain(parts[0]):
        return " – ".join(parts[1:])
    return None


def imprint_publisher(value: str | None) -> dict[str, Any] | None:
    """The publisher an imprint given as ``<meta name=author>`` names, where the page names
    none otherwise."""
    company = _imprint(value)
    return {"name": company} if company else None


def page_authors(page: etree._Element, sites: set[str]) -> list[dict[str, Any]]:
    """Authors the page marks: ``rel=author``, ``itemprop=author``, else a byline box.

    Marks inside comments, forms and lists of other stories are not the article's
    byline. When a box's whole text is not a list of names (it holds a date, an
    address, a long sentence), the names of its links or ``itemprop=name`` are taken.
    """
    nodes = [n for n in page.iter() if isinstance(n.tag, str) and not outside_article(n)]
    nodes = [n for n in nodes if not in_teaser(n) and not _in_promotion(n)]
    marked = [
        n
        for n in nodes
        if "author" in (n.get("rel") or "").split() or "author" in (n.get("itemprop") or "").split()
    ]
    # A byline box inside a figure is its picture's or recording's ("Bild © Roman Warschauer").
    boxes = [
        n
        for n in nodes
        if BYLINE_NAMES.search(names_of(n)) and not _picture_credit(n) and not holds_story(n)
    ]
    fallback: list[dict[str, Any]] = []
    for node in marked:
        people = _people_of(node, sites)
        if people and not all(_key(p["name"]) in sites for p in people):
            # The marks beside it name the other authors ("<a rel=author>A</a> and <a…>B</a>").
            beside = [o for o in marked if o is not node and o.getparent() is node.getparent()]
            people += [person for other in beside for person in _people_of(other, sites)]
            people = list({person["name"]: person for person in people}.values())
            people += _line_beside(node, people)
            return [p for p in people if _key(p["name"]) not in sites]
        fallback = fallback or people
    for node in boxes:
        people = _people_of(node, sites)
        if people and not all(_key(p["name"]) in sites for p in people):
            return people
        fallback = fallback or people
    return fallback


def _line_beside(node: etree._Element, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The others a byline line names beside a marked author: "By <a rel=author>Ann Lee</a>,
    <span>Tom Roe and Eva Cole</span>" marks one of three. Only a line that is a byline as
    a whole (a pack's byline word, then names) and names the marked people too counts."""
    line = node.getparent()
    if line is None or len(text_of(line)) > BYLINE_TEXT:
        return []
    named = byline_line(text_of(line))
    keys = {_key(p["name"]) for p in named}
    if not all(_key(p["name"]) in keys for p in people):
        return []
    have = {_key(p["name"]) for p in people}
    return [p for p in named if _key(p["name"]) not in have]


def _people_of(node: etree._Element, sites: set[str]) -> list[dict[str, Any]]:
    """The people an author mark or byline box names: its whole text, else (a box that holds
    a date or a sentence too, or names only the site) the names of its links or
    ``itemprop=name``."""
    inner = [
        text_of(n) or n.get("content") or ""
        for n in node.iter()
        if isinstance(n.tag, str)
        and n is not node
        and (
            n.tag == "a"
            or "name" in (n.get("itemprop") or "").split()
            or NAME_PART.search(names_of(n))
        )
    ]
    fallback: list[dict[str, Any]] = []
    hosts = _link_hosts(node)
    whole = _before_label(node) or text_of(node) or node.get("content") or ""
    for texts in ([whole], [t for t in inner if t]):
        names = [n for n in (names_in(t) for t in texts) if n]
        people = list({person["name"]: person for found in names for person in found}.values())
        people = [p for p in people if not _names_services(p["name"], hosts)]
        # A control's label in the box ("<a class=PrintLink>Print</a>") names no one.
        people = [p for p in people if not is_chrome(p["name"])]
        if people and not all(_key(p["name"]) in sites for p in people):
            return people
        fallback = fallback or people
    return fallback


def _before_label(node: etree._Element) -> str | None:
    """A byline box's text up to a label that follows the names and begins another line of
    the box: "Daniel Czyżewski DOTYCZY: gazociąg Jamalski gazprom" (a label, then the
    story's tags) is Daniel Czyżewski; None without such a label (one before the names,
    "Autor: Ann Lee", stays, as does one after words that no element of the box holds as a
    name of its own: "Text and photos:"). The box's parts are words apart, as its lines are."""
    text = " ".join(" ".join(str(part) for part in node.itertext()).split())
    label = LABEL_AFTER_NAME.search(text)
    if label is None:
        return None
    names = split_names(text[: label.start()])
    # Each name set apart in an element of its own (a link, a span), as a byline box shows it.
    shown = {" ".join(text_of(n).split()) for n in node.iter() if n is not node}
    if names and all(text_name(n) and n in shown for n in names):
        return text[: label.start()]
    return None


def _link_hosts(node: etree._Element) -> set[str]:
    """The names of the sites a box links to ("twitter" for https://twitter.com/…)."""
    hosts = (urllib.parse.urlsplit(a.get("href") or "").hostname or "" for a in node.iter("a"))
    return {_key(label) for host in hosts for label in host.split(".")[:-1]} - {"www", ""}


def _names_services(name: str, hosts: set[str]) -> bool:
    """A "name" each word of which is the name of a site the box links to: its profile
    links' labels ("Twitter Facebook" beside links to twitter.com and facebook.com), not a
    person (a person's own site, michaellarabel.com, is named by no one word)."""
    return bool(hosts) and all(_key(word) in hosts for word in name.split())


def shown_byline(page: etree._Element, heading: etree._Element | None) -> list[dict[str, Any]]:
    """The people of a byline that is only text, shown between the headline and the start of
    the article's text: a short element that begins with a byline word of a language pack
    and capitalised names ("By Sage Lazzaro • 12/16/16 12:21pm", "Von Anna Weber, 3. Mai"),
    or, by its shape alone, a name beside a date ("Sage Lazzaro | 12/16/16", "Patricio
    Candia | Palma de Mallorca | 08/01/2014"). Comments never come between the headline and
    the text: a bar there named for them (its comment count) holds the byline too."""
    language = page_language(page)
    begun = False  # a paragraph of the text has come: a name alone is no longer the byline
    for node, text in lines_below(page, heading, BYLINE_TEXT, comments=False):
        if node.tag in ("a", "time"):
            continue
        people = byline_line(text) or _author_page_names(node, text) or _set_name_line(node)
        people = people or role_then_name(text)  # "澎湃新闻记者 贺梨萍"
        people = people or name_spans_beside_time(node, language)
        if not people and not begun:
            people = _name_alone(node, text, heading, _page_host(page))
            people = [] if _in_common_words(people, page) else people
        begun = begun or (node.tag == "p" and text.rstrip().endswith(SENTENCE_ENDS))
        if not people:
            people = name_beside_date(text, language)
            people = [] if _in_common_words(people, page) else people
        if people:
            return people
    return []


def name_spans_beside_time(node: etree._Element, language: str) -> list[dict[str, Any]]:
    """The people of a header box under the headline that holds a time and, in a box of
    their own, two or more short spans each of a name alone, no links (Huanqiu's ``<div
    class=a-info><span class=time>2020-06-05 20:35</span><span class=original><span>叨叨姐
    </span><span>胡一刀</span>…``): the byline, its names joined."""
    for holder in (node, *(c for c in node if isinstance(c.tag, str))):
        names = _name_spans(holder)
        parent = holder.getparent()
        if not names or parent is None:
            continue
        beside = [c for c in parent if isinstance(c.tag, str) and c is not holder]
        if any(only_date(" ".join(text_of(c).split()), language) for c in beside):
            return [{"name": name} for name in names]
    return []


def _name_spans(box: etree._Element) -> list[str]:
    """The names of a box of two or more spans, each a name alone, with nothing but spaces
    or separators between them."""
    spans = [c for c in box if isinstance(c.tag, str)]
    loose = (box.text or "") + "".join(c.tail or "" for c in spans)
    if (
        len(spans) < 2
        or loose.strip(" ,，、&/|·\n\t")
        or any(c.tag not in ("span", "em", "i", "b", "strong") or len(c) for c in spans)
    ):
        return []
    names = [" ".join(text_of(c).split()) for c in spans]
    return names if all(short_name(n) for n in names) else []


def _set_name_line(node: etree._Element) -> list[dict[str, Any]]:
    """A line under the headline that begins with a person's name set apart in an element of
    its own (italic, bold, a span), then a separator and a place of a few words ("<p><em>Ángeles
    Escrivá</em> | <span>Madrid</span></p>"): the name is the byline, the place its role. A
    link is a menu's, not a name set apart."""
    while len(node) == 1 and not (node.text or "").strip() and node[0].tag in ("p", "div"):
        node = node[0]  # a credits box around the line
    first = node[0] if len(node) else None
    if (
        first is None
        or (node.text or "").strip()
        or first.tag not in ("em", "i", "strong", "b", "span")
    ):
        return []
    name = " ".join(text_of(first).split())
    rest = " ".join(text_of(node).split())[len(name) :].strip()
    if _role_below(first, name, rest):
        return [{"name": name, "role": rest}]
    parts = re.fullmatch(r"[|•·/—–-]\s*([^\d|•·/]+)", rest)
    if not text_name(name) or not parts or len(parts.group(1).split()) > PLACE_WORDS:
        return []
    return [{"name": name, "role": parts.group(1).strip()}]


def _role_below(first: etree._Element, name: str, rest: str) -> bool:
    """A name set apart in bold, a line break, and the person's role on the line below, a
    few words without digits (Folha's "<b>MARIANA VERSOLATO</b><br>EDITORA-ADJUNTA DE
    "COTIDIANO"")."""
    after = first.getnext()
    return (
        first.tag in ("strong", "b")
        and after is not None
        and after.tag == "br"
        and not (first.tail or "").strip()
        and text_name(name)
        and 0 < len(rest.split()) <= ROLE_WORDS
        and not re.search(r"\d", rest)
    )


def _name_alone(
    node: etree._Element, text: str, heading: etree._Element | None, host: str
) -> list[dict[str, Any]]:
    """A name alone under the headline, in an element of its own, with no byline word and
    no date: each name two to four capitalised words, no digit, no sentence end ("Bill
    McCarthy", "Ann Lee and Tom Roe"), marked as the author's, or linking to the author's
    profile on the same site. Marked: the element, one inside it or a box around it that
    does not hold the headline has ``rel=author``, ``itemprop=author`` or a class or id
    named for a byline or author in any case style ("metaInfoAuthorList"). A profile: each
    name a link whose address ends with the name as an address writes it, at the site's
    root or in a folder of people's pages ("/bill-mccarthy", "/people/ann-lee/"; not
    "/topics/ann-lee"). Text alone, neither marked nor linked, is
    no byline: a kicker or a section's name looks the same."""
    line = " ".join(text.split())
    if node.tag in HEADING_TAGS or re.search(r"\d", line) or line.endswith(SENTENCE_ENDS):
        return []
    names = [" ".join(n.split()) for n in split_names(line)]
    if not names or not all(map(_short_name, names)):
        return []
    if in_menu(node) or not _list_of_names(node):
        return []
    if not (_marked_author(node, heading) or _profile_links(node, names, host)):
        return []
    return [{"name": n} for n in names]


def _list_of_names(node: etree._Element) -> bool:
    """Not one item of a list of other things: in a list, every item is a name alone (a
    list of the authors, not of the story's tags "github", "MIT License")."""
    item = next((n for n in (node, *node.iterancestors()) if n.tag == "li"), None)
    holder = item.getparent() if item is not None else None
    if holder is None:
        return True
    return all(_short_name(text_of(other).strip(" ,;")) for other in holder.iterchildren("li"))


def _short_name(text: str) -> bool:
    """Two to four words, each capitalised ("Bill McCarthy", "Bill MCCARTHY")."""
    words = text.split()
    low, high = NAME_ALONE_WORDS
    return low <= len(words) <= high and all(w[:1].isupper() for w in words)


def _marked_author(node: etree._Element, heading: etree._Element | None) -> bool:
    """The element, one inside it, or a box around it that does not hold the headline is
    marked as the author's (``rel``, ``itemprop``, class or id names in any case style)."""
    around = []
    for box in node.iterancestors():
        if heading is not None and (box is heading or heading in box.iterdescendants()):
            break
        around.append(box)
    for element in (*node.iter(), *around):
        if not isinstance(element.tag, str):
            continue
        marks = f"{element.get('rel') or ''} {element.get('itemprop') or ''}".split()
        names = CAMEL.sub(r"\1-\2", f"{element.get('class') or ''} {element.get('id') or ''}")
        if "author" in marks or BYLINE_NAMES.search(names.lower()):
            return True
    return False


def _profile_links(node: etree._Element, names: list[str], host: str) -> bool:
    """Each name is a link of the element to a person's page of the same site: its address
    ends with the name as addresses write it, at the site's root or in a folder of
    people's pages ("Bill McCarthy" → ``/bill-mccarthy``, ``/people/bill_mccarthy/``)."""
    links = {" ".join(text_of(a).split()): a.get("href") or "" for a in node.iter("a")}
    for name in names:
        href = links.get(name)
        if href is None:
            return False
        parts = urllib.parse.urlsplit(href)
        there = (parts.hostname or "").removeprefix("www.")
        *folders, last = parts.path.strip("/").split("/")
        if (there and there != host) or _slug(last.rsplit(".", 1)[0]) != _slug(name):
            return False
        # At the site's root, or in a folder of people's pages (not "/topics/ann-lee").
        if folders and not PROFILE_FOLDERS.search(folders[-1].lower()):
            return False
    return True


def _slug(text: str) -> str:
    """A name as an address writes it, letters and digits only ("Bill McCarthy",
    "bill-mccarthy" and "bill_mccarthy" are "billmccarthy")."""
    plain = unicodedata.normalize("NFKD", urllib.parse.unquote(text))
    return "".join(c for c in plain.casefold() if c.isalnum())


def _page_host(page: etree._Element) -> str:
    """The host of the page's own address (its canonical link or ``og:url``), without "www."."""
    meta = meta_tags(page)
    address = meta.get("canonical") or meta.get("og:url") or ""
    return (urllib.parse.urlsplit(address).hostname or "").removeprefix("www.")


def _author_page(href: str) -> bool:
    """An address in a folder named for authors ("/author/ann-lee", "/authors/ann-lee/")."""
    folders = urllib.parse.urlsplit(href).path.lower().split("/")[:-1]
    return any(BYLINE_NAMES.search(folder) for folder in folders)


def _author_page_names(node: etree._Element, text: str) -> list[dict[str, Any]]:
    """A name alone under the headline that links to the author's page: the element's text
    is only its links' text (and the separators and "and" between them), each a person's
    name linking to an address with a folder named for authors ("/author/ann-lee",
    "/authors/ann-lee/", as a byline box is named)."""
    links = [a for a in node.iter("a") if text_of(a).strip()]
    if not links or not all(_author_page(a.get("href") or "") for a in links):
        return []
    names = [" ".join(text_of(a).split()) for a in links]
    rest = " ".join(text.split())
    for name in names:
        rest = rest.replace(name, " ", 1)
    if any(w.casefold() not in and_words() for w in re.findall(r"\w+", rest)):
        return []
    return [{"name": n} for n in names if text_name(n)] if all(map(text_name, names)) else []


def aside_byline(page: etree._Element) -> list[dict[str, Any]]:
    """The byline of a box in the column beside the text (an ``aside``) named for its author,
    whose text is a byline line ("von Carolina von Canal": a pack's byline word, then
    names): asked last, when no other source names a person, and only when the page shows
    one such byline (a column of several authors' boxes is a list of the site's writers)."""
    found: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for node in page.iter():
        if (
            isinstance(node.tag, str)
            and BYLINE_NAMES.search(names_of(node))
            and any(a.tag == "aside" for a in node.iterancestors())
            and not in_figure(node)
            and len(text_of(node)) <= BYLINE_TEXT
        ):
            people = byline_line(text_of(node))
            if people:
                found[tuple(p["name"] for p in people)] = people
    return next(iter(found.values())) if len(found) == 1 else []


def _in_common_words(people: list[dict[str, Any]], page: etree._Element) -> bool:
    """A "name" one of whose words the page also writes in lower case, as a common word
    ("World News", "Breaking Story"): a label, not a person's name."""
    body = next(page.iter("body"), page)
    words = {w for w in re.findall(r"[^\W\d_]{4,}", text_of(body)) if w.islower()}
    return any(w.casefold() in words for p in people for w in p["name"].split() if len(w) >= 4)


def body_byline(
    body: list[dict[str, Any]], authors: list[dict[str, Any]], sites: set[str], where: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A paragraph at the top or the bottom of the body that is only a byline ("By Ann Lee")
    leaves the body. Its people are the authors when the page named none, or only the
    site; a byline naming others than the page's authors stays text."""
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    if len(paragraphs) < 2:
        return body, authors
    for index in (*paragraphs[:2], paragraphs[-1]):
        people = byline_line(inline_text(body[index].get("content") or []))
        if not people:
            continue
        known = {_key(a["name"]) for a in authors}
        if authors and not all(
            _no_person(a["name"], sites) or _only_label(a["name"]) for a in authors
        ):
            if not all(_key(p["name"]) in known for p in people):
                continue
        else:
            authors = people
        note(f"{where}: a paragraph of the body is the byline; it leaves the body", level="info")
        return body[:index] + body[index + 1 :], authors
    return body, authors


def dateline_reporter(
    body: list[dict[str, Any]],
    authors: list[dict[str, Any]],
    sites: set[str],
    owner: str,
    where: str,
) -> list[dict[str, Any]]:
    """The reporter the text's dateline names in brackets after a pack's byline word
    ("中新网北京12月15日电 (记者 杜燕)今后，…"), when the page named no one but the site
    ("chinanews" as ``<meta name=author>``): the author, with an info note. The line stays
    text."""
    if authors and not all(_no_person(a["name"], sites, owner) for a in authors):
        return authors
    first = next((b for b in body[:2] if b["type"] == "paragraph"), None)
    if first is None:
        return authors
    found = DATELINE_BRACKET.search(inline_text(first["content"])[:DATELINE_CHARS])
    if found is None:
        return authors
    said = found.group(1)
    people = [w for w in (byline_names(said) or "").split(" ") if w]
    if not people or not all(map(_uncased_name, people)):
        people = [p["name"] for p in byline_line(said)]
    if not people:
        return authors
    note(f"{where}: the author is the reporter the dateline names ({said})", level="info")
    return [{"name": name} for name in people]


def _uncased_name(word: str) -> bool:
    """A name of a script without case (Chinese, Japanese…): at most ``UNCASED_NAME``
    letters, none of them upper or lower case."""
    return 2 <= len(word) <= UNCASED_NAME and all(
        c.isalpha() and not (c.isupper() or c.islower()) for c in word
    )


def _in_promotion(node: etree._Element) -> bool:
    """Inside a box that promotes another page, far from the headline (China News' forum
    box in the side column: a title that is wholly a link to a forum post, then
    "<b>中新网友</b>的原贴：…"): a short box (up to ``TEASER_TEXT`` characters) that holds an
    element, not around ``node``, whose whole text is one link to a page other than an
    author's, in a column of the page apart from the headline's (no ``h1`` among the
    ``PROMOTION_LEVELS`` boxes around it). Its "author" is the other page's."""
    boxes = list(itertools.islice(node.iterancestors(), PROMOTION_LEVELS))
    if any(next(box.iter("h1"), None) is not None or box.tag == "body" for box in boxes):
        return False
    for box in boxes[:TEASER_LEVELS]:
        if len(text_of(box)) > TEASER_TEXT:
            return False
        for link in box.iter("a"):
            href = link.get("href") or ""
            title = link.getparent()
            text = " ".join(text_of(link).split())
            if (
                text
                and title is not None
                and node not in title.iterancestors()
                and title is not node
                and " ".join(text_of(title).split()) == text
                and not href.startswith(("#", "javascript:"))
                and not _author_page(href)
            ):
                return True
    return False
