"""The lead picture: matched to the page's own ``img``, with its alt text, caption and credit."""

from __future__ import annotations

import base64
import itertools
import re
import urllib.parse
from typing import Any

from lxml import etree

from ...notes import note
from ..chrome import (
    caption_credit,
    credit_label,
    without_credit_label,
)
from ..excerpts import letters_key as _key
from ..fields import name_shaped
from ..html_body import (
    FILE_NAME,
    SCREEN_READER_ONLY,
    alt_is_file_name,
    credit_after_slash,
    inline_text,
    names_caption_class,
    names_control,
    resolve_url,
)
from ..xmltree import text_of
from .headline import all_titles
from .page import (
    HEADING_TAGS,
    IMPRINT_SEPARATORS,
    LOGO_NAMES,
    PICTURE_NAMES,
    STANDFIRST_BLOCKS,
    STANDFIRST_LOOKAHEAD,
    STANDFIRST_MIN,
    block_text,
    elements_after,
    first_text,
    hidden,
    hidden_within,
    in_menu,
    outside_article,
    site_keys,
)

# A caption's parts: its credit, and labels given to screen readers only ("Credit").
CREDIT_NAMES = re.compile(r"credit|copyright")
DESCRIPTION_BOX = re.compile(r"desc|description|caption|captions|legend|legende")
CREDIT_BOX = re.compile(r"credits?|copyright|photographer")
CLASS_WORDS = re.compile(r"[\s_-]+")
CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "articleGraphicCredit": three words
CREDIT_BOX_LEVELS = 3  # boxes around a picture (a cell, a row, a table) that may hold its credit
NEXT_TO_BOXES = 2  # boxes after a picture that may hold its caption and credit
CAPTION_LOOKAHEAD = 60  # elements after a picture its caption may be among
CAPTION_CHARS = 600
SITE_PICTURE_NAMES = re.compile(
    r"(?:^|[-_ ])(?:logo|social|share|sharing|default|og-?image)(?:[-_ ]|$)"
)
HEADER_LINES = 2  # short lines (a byline, a date) above a figure that still leads the story
HEADER_LINE_CHARS = 80
ICON_SIZE = 50  # pixels: a smaller picture is an icon
PICTURE_MARGIN = 8  # characters of a path that tell one picture from another
# A folder named by a number id ("19562668"): a size has fewer digits, and a resizer's
# signature ("f899573fcca1e028…") differs between two sizes of one picture.
ID_FOLDER = re.compile(r"\d{5,}")
SIZE_IN_NAME = re.compile(r"(?:^|[-_])\d{2,4}[x_×]\d{2,4}(?=$|[-_])", re.IGNORECASE)
BASE64 = re.compile(r"[A-Za-z0-9+_-]+={0,2}")
# A folder named as a host ("i.guim.co.uk"): an image proxy's path to another site's picture.
HOST_FOLDER = re.compile(r"(?:[a-z0-9-]+\.)+(?:com|net|org|co\.[a-z]{2}|[a-z]{2})", re.IGNORECASE)
ENCODED_CHARS = 24  # characters of a folder or file name that may be an address in base64
FOLDERS_COMPARED = 12
# A slideshow's counter: two numbers with a short word or a slash between ("1 of 18.",
# "3/12", "2 von 9"), the caption's own element beside the text.
SLIDE_COUNTER = re.compile(r"\s*\d{1,3}\s*(?:/|[^\W\d_]{1,4})\s*\d{1,3}\s*[.:|–—-]?\s*")
# "… on the cervix. (Sven Hoppe)": a sentence, then a short credit in brackets.
BRACKETED_CREDIT = re.compile(r"(.+?[.!?])\s*\(([^()]{3,40})\)")


def lead_image(
    page: etree._Element,
    ld: dict[str, Any],
    meta: dict[str, str],
    base: str | None,
    body: list[dict[str, Any]],
    where: str,
) -> dict[str, Any] | None:
    """The lead image that JSON-LD or Open Graph names; the page's ``<img>`` adds alt and caption.

    When the body already shows that picture as a figure, the figure becomes the
    lead image; a picture with neither alt text nor caption is left out, with a warning.
    The page's picture is the one of the same address, or of the same file in another
    size or crop (see :func:`_picture_index`); its caption is its figure's
    ``figcaption``, else the caption element that follows it before the text begins.
    A caption's trailing credit ("Photo: AFP", a credit ``span``) becomes the credit.
    """
    image = ld.get("image")
    if isinstance(image, list) and image:
        image = image[0]
    url = image.get("url") or image.get("contentUrl") if isinstance(image, dict) else image
    url = first_text(
        url, meta.get("og:image"), meta.get("twitter:image"), meta.get("twitter:image:src")
    )
    if not url:
        # No picture named in the metadata: a figure before any text leads the story.
        # (A header's line or two above it, a byline and date the reader takes out later.)
        index = _figure_under_lines(body)
        return _figure_lead(body, index, where) if index is not None else None
    url = resolve_url(url, base)
    figures = [i for i, b in enumerate(body) if b["type"] == "figure"]
    shared = _shared_file_names([_image_urls(img, base) for img in page.iter("img")])
    found = _picture_index(url, [[body[i]["image"].get("src") or ""] for i in figures], shared)
    if found is not None:
        index = figures[found]
        if _alt_was_file_name(page, body[index]["image"], base):
            return None  # the body converter warned; a lead needs a description
        if index == 0 or all(b["type"] != "paragraph" for b in body[:index]):
            return _figure_lead(body, index, where)
        return None  # shown further down: not repeated at the top
    lead: dict[str, Any] = {"src": url}
    caption = (
        first_text(image.get("caption"), image.get("description"))
        if isinstance(image, dict)
        else None
    )
    credit = (
        first_text(image.get("creditText"), image.get("copyrightHolder"))
        if isinstance(image, dict)
        else None
    )
    alt = first_text(meta.get("og:image:alt"), meta.get("twitter:image:alt"))
    images = [img for img in page.iter("img") if not outside_article(img) and not _in_logo(img)]
    # A relative address is the page's own: where the page was (og:url) when the canonical
    # address is another site's (a syndicated story), as a browser reads it.
    bases = dict.fromkeys(b for b in (base, first_text(meta.get("og:url"))) if b)
    shown_urls = [
        list(dict.fromkeys(u for b in bases or [None] for u in _image_urls(img, b)))
        for img in images
    ]
    found = _picture_index(url, shown_urls, shared | _shared_file_names(shown_urls))
    if found is not None:
        img = images[found]
        if not any(_same_picture(u, url) for u in shown_urls[found]):
            note(
                f"{where}: the lead picture {url[:100]} is read as the page's "
                f"{shown_urls[found][0][:100]} (another size or crop of it); its alt text and "
                "caption are that picture's",
                level="info",
            )
        alt = _own_alt(alt, img, all_titles(page, ld, meta, site_keys(ld, meta, base)), where)
        shown = _caption_of(img) or _caption_beside(img) or _caption_next_to(img)
        if shown is not None and not caption:
            caption, credit = shown[0] or None, credit or shown[1]
    if caption and not credit:
        caption, credit = caption_credit(caption)
    if caption:
        lead["caption"] = caption
    if alt:
        lead["alt"] = alt
    if credit:
        lead["credit"] = credit
        if found is not None and (said := _credit_label_near(images[found], credit)):
            lead["credit_label"] = said
    if not alt and not caption:
        if _figure_first(body):
            return _figure_lead(body, 0, where)
        if found is None and (first := _figure_before_text(page, base, body, url, where)):
            return first
        note(
            f"{where}: the page's lead image {url[:100]} has no alt text or caption; it is left out"
        )
        return None
    _drop_caption_repeats(body, lead, where)
    return lead


def warn_undescribed_lead(lead: dict[str, Any] | None, where: str) -> None:
    """A lead picture with neither alt text nor caption (an empty ``alt``, a credit alone)
    is kept, shown as decorative, and said in a warning, so that its publisher can describe
    it: the picture that heads the story should say what it shows."""
    if lead is None or first_text(lead.get("alt"), lead.get("caption")):
        return
    credit = f" (only its credit, {lead['credit'][:60]!r})" if lead.get("credit") else ""
    lead["decorative"] = True
    note(
        f"{where}: the lead picture {str(lead.get('src') or '')[:80]} has no alt text and "
        f"no caption{credit}; it is shown as decorative (add alt text)"
    )


def _figure_before_text(
    page: etree._Element, base: str | None, body: list[dict[str, Any]], url: str, where: str
) -> dict[str, Any] | None:
    """The article's first ``figure``, above its text, when it has an alt text and a
    caption and the picture the metadata names (another crop, of no alt or caption: the
    Guardian's ``og:image``) is nowhere in the page: the picture the reader sees lead
    the story (the Guardian's ``figure.media-primary`` in the article's header)."""
    opening = next((_key(block_text(b)) for b in body if b["type"] == "paragraph"), None)
    if not opening:
        return None
    for node in page.iter("figure", "p"):
        if node.tag == "p" and _key(text_of(node)) == opening:
            return None  # the text has begun
        if node.tag != "figure" or outside_article(node) or in_menu(node) or hidden_within(node):
            continue
        img = next(node.iter("img"), None)
        if img is None or _in_logo(img) or _small_picture(img) or _links_away(img):
            continue  # an author's portrait linking to the author's page
        urls = [u for u in _image_urls(img, base) if u != base]
        if not urls:
            continue  # a picture loaded by a script, its address nowhere
        alt = _picture_alt(img, where)
        shown = _caption_of(img)
        if not alt or not shown or not shown[0]:
            return None  # the article's first figure, bare: the page's picture is unknown
        caption, credit = shown if shown[1] else caption_credit(shown[0])
        lead: dict[str, Any] = {"src": urls[0], "alt": alt, "caption": caption}
        if credit:
            lead["credit"] = credit
            if said := _credit_label_near(img, credit):
                lead["credit_label"] = said
        note(
            f"{where}: the lead picture is the article's first figure above its text "
            f"({lead['src'][:100]}); the page does not show the metadata's {url[:80]}",
            level="info",
        )
        _drop_caption_repeats(body, lead, where)
        return lead
    return None


def _credit_label_near(img: etree._Element, credit: str) -> str | None:
    """The label the page writes before a picture's credit ("Photograph:", "Foto:", "©"),
    found in the nearest box around the picture that shows the credit (its figure, its
    caption's box); None where the page gives the credit bare or not beside the picture."""
    boxes = (box for box in img.iterancestors() if box.tag not in ("picture", "source"))
    for box in itertools.islice(boxes, 4):
        text = text_of(box)
        if credit in text:
            return credit_label(text, credit)
    return None


def _links_away(img: etree._Element) -> bool:
    """A picture inside a link to another page (not to its own enlargement, ``#img-1``)."""
    return any(not (a.get("href") or "#").startswith("#") for a in img.iterancestors("a"))


def no_story_picture(
    page: etree._Element, ld: dict[str, Any], meta: dict[str, str], base: str | None
) -> bool:
    """The metadata names no picture, or only the site's own: a file named for its logo or
    for sharing ("ria_social.png", "default-share.jpg"), or one the page shows only in its
    logo, never in the article."""
    image = ld.get("image")
    if isinstance(image, list) and image:
        image = image[0]
    url = image.get("url") or image.get("contentUrl") if isinstance(image, dict) else image
    url = first_text(url, meta.get("og:image"), meta.get("twitter:image"))
    if not url:
        return True
    name = urllib.parse.urlsplit(url).path.lower().rpartition("/")[2]
    if SITE_PICTURE_NAMES.search(name.rpartition(".")[0]):
        return True
    shown = [img for img in page.iter("img") if url in _image_urls(img, base)]
    return bool(shown) and all(_in_logo(img) or outside_article(img) for img in shown)


def picture_under_headline(
    page: etree._Element,
    anchor: etree._Element | None,
    base: str | None,
    body: list[dict[str, Any]],
    where: str,
) -> dict[str, Any] | None:
    """The article's own picture, where the metadata names none or only the site's: the
    first picture between the headline and the start of the text (To Vima's
    ``div.article_photo``, RIA's ``itemprop=associatedMedia``), not a logo, a link's
    picture or an icon, with an alt text that is no file name or a caption; its caption is
    the caption element after it or the box beside it named as an extension of the
    picture's box (``article_photo`` → ``article_photo_lead``), its credit a credit box
    beside it ("© РИА Новости. Артем Житенев")."""
    if anchor is None:
        return None
    opening = next((_key(block_text(b)) for b in body if b["type"] == "paragraph"), None)
    for count, node in enumerate(elements_after(anchor)):
        if count > STANDFIRST_LOOKAHEAD:
            return None
        text = text_of(node).strip() if node.tag == "p" else ""
        if len(text) > CAPTION_CHARS // 4 or (text and _key(text) == opening):
            return None  # the text has begun
        if _loose_text(node) > CAPTION_CHARS // 4:
            return None  # the text has begun, lines set apart by <br> (no <p>)
        if node.tag != "img" or _small_picture(node) or _logo_file(node.get("src") or ".svg"):
            continue
        if hidden_within(node) or _in_logo(node) or outside_article(node):
            continue
        if _link_picture(node):
            continue  # another page's picture, or an app's download map
        alt = first_text(node.get("alt"))
        alt = None if alt and alt_is_file_name(alt, node.get("src") or "") else alt
        shown = _caption_of(node) or _caption_beside(node) or _caption_box_after(node)
        caption, credit = shown if shown else ("", None)
        credit = credit or _credit_box_beside(node) or _credit_in_box(node)
        if not alt and not caption:
            continue
        lead: dict[str, Any] = {"src": resolve_url(node.get("src") or "", base)}
        for key, value in (("alt", alt), ("caption", caption), ("credit", credit)):
            if value:
                lead[key] = value
        note(
            f"{where}: the lead picture is the one the page shows under its headline"
            f" ({lead['src'][:100]}); the metadata names none of the article's",
            level="info",
        )
        _drop_caption_repeats(body, lead, where)
        body[:] = [
            b
            for b in body
            if b["type"] != "figure" or not _same_picture(b["image"].get("src"), lead["src"])
        ]  # shown once, as the lead
        return lead
    return None


def _link_picture(img: etree._Element) -> bool:
    """A picture that is a link or a map of links (``usemap``: an app's download banner,
    "客户端下载", its areas linking to the app stores), never the article's own."""
    return bool(img.get("usemap")) or any(a.tag == "a" for a in img.iterancestors())


def _loose_text(node: etree._Element) -> int:
    """The characters of a box's own text, outside its child elements, when it is written
    in lines between ``<br>`` (a ``div`` of text, no paragraphs); 0 for any other box (a
    standfirst's ``div`` above the picture)."""
    if node.tag in ("script", "style", "noscript", "template") or node.find("br") is None:
        return 0
    return len("".join([node.text or "", *(c.tail or "" for c in node)]).strip())


def _small_picture(img: etree._Element) -> bool:
    """An icon or a counter's pixel: a width or height given under ``ICON_SIZE``."""
    sizes = [img.get("width") or "", img.get("height") or ""]
    return any(v.isdigit() and int(v) < ICON_SIZE for v in sizes)


def _caption_box_after(img: etree._Element) -> tuple[str, str | None] | None:
    """The caption of a picture alone in a box named for it, given in the next box, whose
    name extends the picture box's ("<div class=article_photo><img></div><div
    class=article_photo_lead>Ευρυαγγείες στα πόδια…</div>"): short text, no links."""
    box = img.getparent()
    if box is None or (box.get("class") or "").strip() == "" or len(box) != 1:
        return None
    name = (box.get("class") or "").split()[0].lower()
    if not PICTURE_NAMES.search(name):
        return None
    node = box.getnext()
    if node is None or not isinstance(node.tag, str) or hidden(node):
        return None
    names = (node.get("class") or "").lower().split()
    text = " ".join(text_of(node).split())
    if not any(n != name and n.startswith(name) for n in names):
        return None
    if not text or len(text) > CAPTION_CHARS or any(True for _ in node.iter("a", "img")):
        return None
    return _caption_parts(node)


def _credit_in_box(img: etree._Element) -> str | None:
    """The credit a box of the picture's own holds, before or after it: an element whose
    class names a credit, also as the last word of a name in camel case ("<table
    class=articleGraphic><tr><td class=articleGraphicCredit>Share Conference</td></tr><tr>
    <td><img></td></tr>…", Folha's), in the nearest box around the picture that holds no
    other picture and no more than a caption's words."""
    for box in itertools.islice(img.iterancestors(), CREDIT_BOX_LEVELS):
        if sum(1 for _ in box.iter("img")) > 1 or len(text_of(box)) > CAPTION_CHARS:
            return None
        for node in box.iter():
            if not isinstance(node.tag, str) or node is box or any(True for _ in node.iter("img")):
                continue
            names = CAMEL_CASE.sub(" ", node.get("class") or "").lower()
            text = " ".join(text_of(node).split())
            if not text or len(text) > CAPTION_CHARS // 4 or hidden(node):
                continue
            if any(CREDIT_BOX.fullmatch(word) for word in CLASS_WORDS.split(names)):
                return without_credit_label(text.lstrip("©").strip()) or None
    return None


def _credit_box_beside(img: etree._Element) -> str | None:
    """The credit a box named for it gives right after the picture ("<div
    class=media_copyright><a>© РИА Новости. Артем Житенев</a> | <a>Купить …</a></div>"):
    its first part, without the copyright sign."""
    node = img.getnext()
    if node is None or not isinstance(node.tag, str) or hidden(node):
        return None
    if not CREDIT_NAMES.search(f"{node.get('class') or ''} {node.get('id') or ''}".lower()):
        return None
    first = IMPRINT_SEPARATORS.split(" ".join(text_of(node).split()))[0]
    credit = without_credit_label(first.strip().lstrip("©").strip())
    return credit if credit and len(credit) <= CAPTION_CHARS // 4 else None


def _alt_was_file_name(page: etree._Element, image: dict[str, Any], base: str | None) -> bool:
    """A figure of no alt text and no caption whose picture the page gave its file's name as
    alt text (the body converter read it as missing): no lead picture."""
    src = image.get("src") or ""
    if image.get("alt") or image.get("caption") or not src:
        return False
    return any(
        alt_is_file_name(img.get("alt") or "", src) and src in _image_urls(img, base)
        for img in page.iter("img")
        if img.get("alt")
    )


def _figure_first(body: list[dict[str, Any]]) -> bool:
    """Does the body start with a picture that may lead the story: not the site's logo or
    a badge (a file named for a logo, or a vector drawing: "logo-main.png", "topplus.svg"),
    which the body can start with once the lines above it are left out?"""
    if not body or body[0]["type"] != "figure":
        return False
    return not _logo_file(body[0]["image"].get("src") or "")


def _logo_file(src: str) -> bool:
    """A file named for a logo, or a vector drawing ("logo-main.png", "topplus.svg")."""
    name = urllib.parse.urlsplit(src).path.lower().rpartition("/")[2]
    return bool(LOGO_NAMES.search(name.replace(".", " ")) or name.endswith(".svg"))


def _figure_under_lines(body: list[dict[str, Any]]) -> int | None:
    """The body's first figure when it may lead the story (see :func:`_figure_first`) and
    only a short line or two comes before it ("By Khaama Press - Sat Apr 23 2016, 10:55
    am"; a subtitle under the headline, Yomiuri's ``h2`` "木曽三川公園で見頃"), no text."""
    for index, block in enumerate(body[: HEADER_LINES + 1]):
        if block["type"] == "figure":
            return index if _figure_first(body[index:]) else None
        if (
            block["type"] not in ("paragraph", "subheading")
            or len(block_text(block)) > HEADER_LINE_CHARS
        ):
            return None
    return None


def _figure_lead(body: list[dict[str, Any]], index: int, where: str) -> dict[str, Any] | None:
    """The body's figure at ``index`` as the lead picture; an alt text that is only a file name
    goes (the caption gives one), and without a caption the picture is left out, with a
    warning."""
    image = dict(body.pop(index)["image"])
    _credited_alt_line(body, image, where)
    alt = image.get("alt") or ""
    if not FILE_NAME.search(alt):
        return image
    del image["alt"]
    if image.get("caption"):
        return image
    note(f"{where}: the lead picture's alt text {alt[:60]!r} is a file name; it is left out")
    return None


def _picture_alt(img: etree._Element, where: str) -> str | None:
    """A picture's alt text, unless it is only a file name ("caucus VP preview.jpg", the
    picture's own name without its extension and query), which says nothing of the picture
    (with a warning)."""
    alt = first_text(img.get("alt"))
    if alt and alt_is_file_name(alt, img.get("src") or ""):
        note(f"{where}: the lead picture's alt text {alt[:60]!r} is a file name; it is not used")
        return None
    return alt


def _own_alt(alt: str | None, img: etree._Element, titles: list[str], where: str) -> str | None:
    """The lead picture's alt text: the metadata's (``og:image:alt``), unless it only says one
    of the page's titles (a CMS's default: Energetyka24's ``twitter:image:alt`` is the
    headline) and the picture in the page has an alt text of its own ("jamał europol gaz");
    without one, the page picture's."""
    if alt and _key(alt) not in {_key(title) for title in titles}:
        return alt
    own = _picture_alt(img, where)
    return own if own and _key(own) else alt


def _image_urls(img: etree._Element, base: str | None) -> list[str]:
    """The addresses an ``<img>`` shows: ``src``, lazy ``data-src`` (``data-original``), each
    ``srcset`` candidate, its ``picture``'s sources; and the pictures a resizer's address
    names."""
    urls = [img.get("src"), img.get("data-src"), img.get("data-original")]
    for attribute in ("srcset", "data-srcset"):
        urls += [c.split()[0] for c in (img.get(attribute) or "").split(",") if c.split()]
    urls += _picture_sources(img)
    shown = [resolve_url(u.strip(), base) for u in urls if u and u.strip()]
    return shown + [
        u for url in shown for u in (*_resized_from(url), *_encoded_path(url), *_proxied(url))
    ]


def _proxied(url: str) -> list[str]:
    """The picture an image proxy's address names by its host and path, a folder named as a
    host ("/i/s/i.guim.co.uk/img/media/…/4186.jpg", an AMP page's, shows
    "https://i.guim.co.uk/img/media/…/4186.jpg").

    >>> _proxied("https://www.theguardian.com/i/s/i.guim.co.uk/img/a.jpg?w=620")
    ['https://i.guim.co.uk/img/a.jpg']
    >>> _proxied("https://example.com/img/a.jpg")
    []
    """
    parts = urllib.parse.urlsplit(url)
    folders = parts.path.split("/")
    for at, folder in enumerate(folders[1:-1], 1):
        if HOST_FOLDER.fullmatch(folder) and FILE_NAME.search(parts.path):
            return [f"{parts.scheme or 'https'}://{folder}/{'/'.join(folders[at + 1 :])}"]
    return []


def _picture_sources(img: etree._Element) -> list[str]:
    """The addresses a ``<picture>`` gives its ``img`` in its ``source`` elements (each
    ``srcset`` or lazy ``data-srcset`` candidate): the same picture in other sizes or
    formats, and the only addresses of an ``img`` without ``src`` (VICE's lede). (The HTML
    parser nests an unclosed ``source`` around what follows it: rp.pl's ``img``.)"""
    holder = img.getparent()
    while holder is not None and holder.tag == "source":
        holder = holder.getparent()
    if holder is None or holder.tag != "picture":
        return []
    return [
        candidate.split()[0]
        for source in holder.iter("source")
        for attribute in ("srcset", "data-srcset")
        for candidate in (source.get(attribute) or "").split(",")
        if candidate.split()
    ]


def _encoded_path(url: str) -> list[str]:
    """The picture a resizer names in its address in base64 (imgproxy's way): a folder or
    file name that decodes to a picture's path or address ("/thumbs/95b/OTYwL3VfMS9j…
    LmpwZWc=.jpeg" shows ".../2021/04/29/1200/596/c4a23b3a….jpeg"), read on the resizer's
    host."""
    found = []
    for part in urllib.parse.urlsplit(url).path.split("/"):
        stem = part[: -len(ext.group())] if (ext := FILE_NAME.search(part)) else part
        if len(stem) < ENCODED_CHARS or not BASE64.fullmatch(stem):
            continue
        core = stem.rstrip("=").replace("+", "-")
        try:
            path = base64.urlsafe_b64decode(core + "=" * (-len(core) % 4)).decode("ascii")
        except ValueError:  # not base64, or not ASCII (UnicodeDecodeError)
            continue
        if (
            "/" in path
            and path.isprintable()
            and FILE_NAME.search(urllib.parse.urlsplit(path).path)
        ):
            found.append(
                urllib.parse.urljoin(url, path if "://" in path else "/" + path.lstrip("/"))
            )
    return found


def _resized_from(url: str) -> list[str]:
    """The picture a resizer's address shows: a parameter whose value is a picture's path
    ("/image.php?src=/images/posts/post16615.jpg&w=1280" shows "/images/posts/post16615.jpg"),
    read against the resizer's address."""
    query = urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query)
    return [
        urllib.parse.urljoin(url, value)
        for _, value in query
        if value.startswith(("/", "http://", "https://"))
        and FILE_NAME.search(urllib.parse.urlsplit(value).path)
    ]


def _in_logo(img: etree._Element) -> bool:
    """A picture inside the site's logo (up to the article, ``main`` or ``body``, whose names
    describe the whole page's layout: "logo-left-with-search-nav-variation")."""
    for node in (img, *img.iterancestors()):
        if node.tag in ("article", "main", "body"):
            return False
        if LOGO_NAMES.search(f"{node.get('class') or ''} {node.get('id') or ''}".lower()):
            return True
    return False


def _picture_index(
    url: str, candidates: list[list[str]], shared: frozenset[str] | None = None
) -> int | None:
    """Which candidate (each a list of addresses) shows the picture at ``url``.

    The same address or file (:func:`_same_picture`) first; else the one candidate
    whose path shares clearly the longest start with the picture's, reaching into its
    file name or over a directory named by an id: the same picture in another size
    or crop ("13SUDAN-1-master768.jpg" for "13SUDAN-1-facebookJumbo.jpg",
    ".../df84b519…/0_507_4039_2693/master/4039.jpg" for ".../df84b519…/0_320_…").
    """
    names = _shared_file_names(candidates) if shared is None else shared
    url, candidates = _single_slashes(url), [[_single_slashes(u) for u in c] for c in candidates]
    for index, urls in enumerate(candidates):
        if any(_same_picture(u, url, names) for u in urls):
            return index
    if (sized := _sized_alike(url, candidates)) is not None:
        return sized
    wanted = urllib.parse.urlsplit(url)
    scores: list[tuple[int, str, int]] = []
    for index, urls in enumerate(candidates):
        for candidate in urls:
            other = urllib.parse.urlsplit(candidate)
            if other.hostname and wanted.hostname and other.hostname != wanted.hostname:
                continue
            scores.append((_shared_start(wanted.path, other.path), other.path, index))
    if not scores:
        return None
    scores.sort(reverse=True)
    length, path, index = scores[0]
    runner_up = next((n for n, p, i in scores if i != index and p != path), 0)
    common = wanted.path[:length]
    into_file = length - (wanted.path.rfind("/") + 1)
    id_folder = any(
        len(part) >= 16 and any(c.isdigit() for c in part) and any(c.isalpha() for c in part)
        for part in common.split("/")[:-1]
    )
    if length - runner_up >= PICTURE_MARGIN and (into_file >= PICTURE_MARGIN or id_folder):
        return index
    return None


def _sized_alike(url: str, candidates: list[list[str]]) -> int | None:
    """The one candidate that shows the picture's file in another size: in the same folder,
    a file name that is the picture's but for the size it names ("840_472_matched__qbe7fh_
    jamaeuropolgaz.jpg" for "1200_660_matched__…", "…-610x343.jpg" for "….jpg"); the name
    without its size is long enough to be the picture's own."""
    key = _without_size(url)
    if key is None:
        return None
    found = {
        index for index, urls in enumerate(candidates) for u in urls if _without_size(u) == key
    }
    return found.pop() if len(found) == 1 else None


def _without_size(url: str) -> tuple[str, str, str] | None:
    """A picture's host, folder and file name without the size it names (two numbers with an
    "x" or "_" between), when what is left is a name of its own."""
    parts = urllib.parse.urlsplit(url)
    folder, _, name = parts.path.rpartition("/")
    stem, dot, extension = name.rpartition(".")
    rest = SIZE_IN_NAME.sub("-", stem if dot else name).strip("-_")
    if len(rest) < PICTURE_MARGIN or not any(c.isalpha() for c in rest):
        return None
    return parts.netloc, folder, f"{rest}.{extension.lower()}" if dot else rest


def _shared_file_names(candidates: list[list[str]]) -> frozenset[str]:
    """File names the page gives pictures of different ids: the same name in folders that
    differ by an id ("/linde/19562668/2-formatOriginal.jpg", "/banner/23843480/2-format
    Original.jpg"), a resizer's name for a size, not a picture's own. (Folders that differ
    only by a size or a resizer's signature, "/max/60/" and "/max/1400/", hold one picture
    in two sizes.)"""
    folders: dict[str, set[tuple[str, str]]] = {}
    for urls in candidates:
        for url in urls:
            parts = urllib.parse.urlsplit(url)
            folder, _, name = parts.path.rpartition("/")
            folders.setdefault(name, set()).add((parts.netloc, folder))
    shared = set()
    for name, where in folders.items():
        pairs = itertools.combinations(list(where)[:FOLDERS_COMPARED], 2)
        if name and any(
            ID_FOLDER.fullmatch(part)
            for (host_a, a), (host_b, b) in pairs
            if host_a == host_b
            for part in set(a.split("/")) ^ set(b.split("/"))
        ):
            shared.add(name)
    return frozenset(shared)


def _shared_start(a: str, b: str) -> int:
    """How many characters two paths share from their start."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _caption_of(img: etree._Element) -> tuple[str, str | None] | None:
    """The caption the page shows with a picture, and its credit: its figure's
    ``figcaption`` (or element named for a caption), else the first caption element
    that follows the picture before another picture or the text begins (unless it holds
    a heading: then it is the story's header)."""
    figure = next(img.iterancestors("figure"), None)
    if figure is not None:
        for node in figure.iter():
            if isinstance(node.tag, str) and node is not figure and _names_caption(node):
                if not text_of(node).strip():
                    continue  # an empty button that shows the caption ("reveal-caption")
                return _caption_parts(node)
    for count, node in enumerate(elements_after(img)):
        if count > CAPTION_LOOKAHEAD or node.tag in ("img", "picture", "figure", "video"):
            return None
        if node.tag == "p" and len(text_of(node)) > CAPTION_CHARS // 4:
            return None  # the text has begun
        if (
            _names_caption(node)
            and not hidden(node)
            and len(text_of(node)) <= CAPTION_CHARS
            and not in_menu(node)
        ):
            # a "figcaption" holding the headline is the story's header, no caption
            return None if any(True for _ in node.iter(*HEADING_TAGS)) else _caption_parts(node)
    return None


def _caption_beside(img: etree._Element) -> tuple[str, str | None] | None:
    """The caption of a picture whose box holds it and, after it, one short text named for
    nothing that a caption's signs mark: it says the picture's alt text first, or ends with
    a photo credit after its words ("<div><img alt='Ayrault à Toulouse'><div
    class=legende>Ayrault à Toulouse (Photo Lionel Bonaventure. AFP)</div></div>"). Not a
    heading or a paragraph (the text's), not links, not one holding another picture."""
    picture = img
    while (holder := picture.getparent()) is not None and holder.tag in ("a", "picture"):
        picture = holder
    if holder is None or (holder.text or "").strip():
        return None
    others = [c for c in holder if isinstance(c.tag, str) and c is not picture]
    if len(others) != 1 or any((c.tail or "").strip() for c in holder):
        return None
    node = others[0]
    if node.getprevious() is not picture or node.tag in ("p", *HEADING_TAGS) or hidden(node):
        return None
    text = " ".join(text_of(node).split())
    if not text or len(text) > CAPTION_CHARS or any(True for _ in node.iter("a", "img", "video")):
        return None
    if any(True for _ in node.iter(*HEADING_TAGS)):
        return None
    alt = " ".join((img.get("alt") or "").split())
    # The alt text and more (its credit): a text that only says the alt again is its title.
    says_alt = len(alt.split()) >= 3 and _key(text).startswith(_key(alt)) and text != alt
    rest, credit = caption_credit(text)
    if not says_alt and not (credit and _key(rest)):
        return None
    return _caption_parts(node)


def _caption_next_to(img: etree._Element) -> tuple[str, str | None] | None:
    """The caption and credit in the boxes right after a picture (after the link, ``picture``
    or wrappers that hold it alone), named for them: a box whose class names a description
    (``desc``, ``description``, ``caption``, ``legend``) is the caption ("article__image-desc",
    "…_multimedia_desc"), one named for a credit (``credit``, ``copyright``, ``photographer``;
    ``author`` after a description; not ``source``, CNN's "CNN —") the credit, and both
    when its text ends with a labelled credit ("short-form__lede-credit": "The deserted
    streets … Credit: Hady Ashraf / Alamy Live News."). At most two boxes; not a heading,
    not a box holding another picture, a heading or a list, not a menu's, not a hidden one."""
    holder = img
    while (parent := holder.getparent()) is not None and _holds_alone(parent, holder):
        holder = parent
    caption = credit = None
    boxes = [box for box in holder.itersiblings() if isinstance(box.tag, str)]
    for box in boxes[:NEXT_TO_BOXES]:
        if box.tag in HEADING_TAGS or hidden(box) or len(text_of(box)) > CAPTION_CHARS:
            break
        if any(True for _ in box.iter("img", "picture", "video", "figure", "ul", "ol", "nav")):
            break  # another picture, or a menu's links
        if any(True for _ in box.iter(*HEADING_TAGS)) or in_menu(box):
            break
        named = [n for n in box.iter() if isinstance(n.tag, str) and not hidden(n)]
        described = next((n for n in named if _box_names(n, DESCRIPTION_BOX)), None)
        credited = next(
            (n for n in named if _box_names(n, CREDIT_BOX, "author" if caption else "")), None
        )
        if described is None and credited is None:
            break
        if described is not None and caption is None:
            caption, credit = _caption_parts(described)
        if credited is not None and not credit:
            text = " ".join(text_of(credited).split())
            rest, credit = caption_credit(text)  # "… in April. Credit: Hady Ashraf / Alamy"
            caption = (caption or rest) if credit else caption
            credit = credit or without_credit_label(text) or None
    return (caption or "", credit) if caption or credit else None


def _holds_alone(parent: etree._Element, child: etree._Element) -> bool:
    """A wrapper (a link, a ``picture``, a ``div``/``span``, a ``source`` the HTML parser
    left open around it) whose only content is ``child`` and a ``picture``'s ``source``
    elements: no text of its own."""
    if parent.tag not in ("a", "picture", "div", "span", "source") or _key(parent.text or ""):
        return False
    return all(
        (c is child or c.tag == "source" or not isinstance(c.tag, str)) and not _key(c.tail or "")
        for c in parent
    )


def _box_names(node: etree._Element, names: re.Pattern[str], more: str = "") -> bool:
    """Does the element's class or id name it with one of these words (as a word of a class
    name: "article__image-desc", "…_multimedia_credit")?"""
    words = CLASS_WORDS.split(f"{node.get('class') or ''} {node.get('id') or ''}".lower())
    return any(names.fullmatch(word) or (more and word == more) for word in words)


def _names_caption(node: etree._Element) -> bool:
    return (
        node.tag == "figcaption"
        or "caption" in (node.get("itemprop") or "").split()
        or names_caption_class(node)
    )


def _caption_parts(node: etree._Element) -> tuple[str, str | None]:
    """A caption element's text and the credit inside it (an element named for a credit
    or copyright), without the labels only screen readers are given ("Credit").

    A caption the page holds twice (one for small screens, one for large) is said once,
    and so is its credit."""
    caption: list[str] = []
    credits: list[list[str]] = []

    def walk(element: etree._Element, into: list[str]) -> None:
        names = f"{element.get('class') or ''} {element.get('itemprop') or ''}".lower()
        if hidden(element) or SCREEN_READER_ONLY.search(names):
            return
        if element is not node and names_control(element):
            return  # a "Close" button inside the caption
        if element is not node and SLIDE_COUNTER.fullmatch(text_of(element)):
            return  # a slideshow's "1 of 18." in an element of its own
        if into is caption and CREDIT_NAMES.search(names):
            credits.append([])
            into = credits[-1]
        into.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                walk(child, into)
            into.append(child.tail or "")

    walk(node, caption)
    text = " ".join("".join(caption).split()).strip(" -–—|")
    for cut in {len(text) // 2, (len(text) + 1) // 2}:
        if cut and text[:cut].strip() == text[cut:].strip():
            text = text[:cut].strip()
            break
    said = " ".join("".join(credits[0]).split()) if credits else ""
    if not said and (after := credit_after_slash(node)) and text.endswith(f"/ {after}"):
        text, said = text[: -len(after) - 1].rstrip(" /"), after
    if said.startswith("(") and said.endswith(")"):
        said = said[1:-1].strip()  # "(Credit: AP/Manuel Balce Ceneta)"
    return text, without_credit_label(said) if said else None


def _drop_caption_repeats(body: list[dict[str, Any]], lead: dict[str, Any], where: str) -> None:
    """The body's first paragraphs that say the lead picture's caption again (with or
    without its credit) leave the body: its figure lost its picture on the way, the caption
    stayed as text. (Not its alt text: some sites give the picture the first paragraph.)"""
    _credited_alt_line(body, lead, where)
    caption = lead.get("caption") or ""
    said = {_key(caption), _key(f"{caption} {lead.get('credit') or ''}")}
    said = {k for k in said if len(k) >= STANDFIRST_MIN}
    repeats = [
        b
        for b in body[:STANDFIRST_BLOCKS]
        if b["type"] == "paragraph" and _says_caption(inline_text(b.get("content") or []), said)
    ]
    if repeats and sum(1 for b in body if b["type"] == "paragraph") > len(repeats):
        note(
            f"{where}: the lead picture's caption also stood as the body's text; it is said once",
            level="info",
        )
        body[:] = [b for b in body if not any(b is r for r in repeats)]


def _credited_alt_line(body: list[dict[str, Any]], lead: dict[str, Any], where: str) -> None:
    """A first paragraph that is the lead picture's alt text with a credit in brackets after
    it is the picture's caption line, left as text when its figure lost the picture (CBC's
    "The report suggests … on the cervix. (Sven Hoppe)" beside an ``img`` whose alt is that
    sentence): the credit goes to the picture, the line leaves the body (the alt says it)."""
    alt = _key(lead.get("alt") or "")
    if len(alt) < STANDFIRST_MIN or lead.get("credit"):
        return
    for block in body[:STANDFIRST_BLOCKS]:
        if block["type"] != "paragraph":
            continue
        match = BRACKETED_CREDIT.fullmatch(inline_text(block.get("content") or []).strip())
        if match and _key(match.group(1)) == alt and name_shaped(match.group(2)):
            lead["credit"] = match.group(2).strip()
            body[:] = [b for b in body if b is not block]
            note(
                f"{where}: the lead picture's caption line stood as the body's text; its credit "
                f"{lead['credit']!r} goes to the picture",
                level="info",
            )
            return


def _says_caption(text: str, said: set[str]) -> bool:
    """Does a paragraph say the caption (``said``: its keys, with and without the credit),
    also with its credit's label ("… in April. Credit: Hady Ashraf / Alamy Live News.")?"""
    rest, credit = caption_credit(text)
    return _key(text) in said or bool(credit and _key(f"{rest} {credit}") in said)


def _same_picture(a: str | None, b: str | None, shared: frozenset[str] = frozenset()) -> bool:
    """The same address, or the same file name: in the same folder, or a name long enough
    to be the picture's own ("4800.jpg" in two folders is two pictures) and not one the
    page gives pictures in other folders too (``shared``), also in another format (".jpg"
    and ".webp")."""
    if not a or not b:
        return False
    path_a, path_b = urllib.parse.urlsplit(a).path, urllib.parse.urlsplit(b).path
    if a == b or _same_resized(a, b):
        return True
    folder_a, _, name_a = path_a.rpartition("/")
    folder_b, _, name_b = path_b.rpartition("/")
    stem = name_a.rsplit(".", 1)[0]
    own = (
        len(stem) >= PICTURE_MARGIN
        and any(c.isdigit() or c in "-_" for c in stem)
        and name_a not in shared
    )
    if name_a and name_a == name_b:
        return folder_a == folder_b or own or _same_folders_at_end(folder_a, folder_b)
    # The same picture in another format ("…-need.jpg" shown as "…-need.webp").
    return own and stem == name_b.rsplit(".", 1)[0]


def _single_slashes(url: str) -> str:
    """The address with its path's doubled slashes made single, as servers read them
    ("https://www.energetyka24.com//cache/img/…" is "/cache/img/…")."""
    parts = urllib.parse.urlsplit(url)
    return parts._replace(path=re.sub(r"/{2,}", "/", parts.path)).geturl()


def _same_resized(a: str, b: str) -> bool:
    """One picture a resizer serves in two sizes from one address, its query naming it: the
    same host and path, every parameter both give with a value the same, and one of those an
    id (``?i=1008545958&w=580&ll=`` and ``?i=1008545958&w=&ll=580&pl=378``)."""
    one, other = urllib.parse.urlsplit(a), urllib.parse.urlsplit(b)
    if not one.query or (one.netloc, one.path) != (other.netloc, other.path):
        return False
    first = dict(urllib.parse.parse_qsl(one.query))
    second = dict(urllib.parse.parse_qsl(other.query))
    both = first.keys() & second.keys()
    return all(first[k] == second[k] for k in both) and any(
        ID_FOLDER.search(first[k]) or len(first[k]) >= PICTURE_MARGIN * 2 for k in both
    )


def _same_folders_at_end(a: str, b: str) -> bool:
    """Two folders that end in the same three or more folders, 12 characters or more: a
    resizer's addresses that end with the original's path ("/thumbor/<sig>/750x422/media/img/
    mt/2016/09/RTSO9RP/" and "/thumbor/<other>/1200x625/media/img/mt/2016/09/RTSO9RP/")."""
    parts_a, parts_b = a.strip("/").split("/"), b.strip("/").split("/")
    shared = 0
    while shared < min(len(parts_a), len(parts_b)) and (
        parts_a[-1 - shared] == parts_b[-1 - shared]
    ):
        shared += 1
    tail = "/".join(parts_a[len(parts_a) - shared :])
    return shared >= 3 and len(tail) >= 12
