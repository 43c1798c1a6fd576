"""The navigation document's schema, as EPUBCheck asserts it (part of ``epub-structure``).

EPUBCheck's ``epub-nav-30.rnc`` and ``epub-nav-30.sch`` (RSC-005): a ``nav`` with an
``epub:type`` holds an optional heading and one ``ol``; each ``li`` holds a link, or a
link or ``span`` followed by a nested ``ol``; links and spans have text; there is one
``toc`` and at most one ``page-list`` and one ``landmarks``; a landmark is not listed
twice; other typed ``nav`` elements start with a heading; headings have text.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..loaders.epub import child_elements
from ..loaders.html import EPUB_TYPE, HtmlPage
from ..registry import Problem

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hgroup"})
NAV_KINDS = ("toc", "page-list", "landmarks")


def _text(element: etree._Element) -> str:
    """Text, alt of child images and aria-labels below: what the schema counts as a label."""
    parts = ["".join(str(t) for t in element.itertext())]
    parts += [c.get("alt") or "" for c in element if c.tag == "img"]
    parts += [e.get("aria-label") or "" for e in element.iter() if isinstance(e.tag, str)]
    return "".join(parts).strip()


def _loose_text(element: etree._Element) -> bool:
    """Text directly in an element whose content model allows only elements."""
    return bool((element.text or "").strip()) or any((c.tail or "").strip() for c in element)


def nav_schema(nav: HtmlPage) -> Iterator[Problem]:
    """The navigation document's content models and assertions (RSC-005)."""
    typed = [n for n in nav.root.iter("nav") if (n.get(EPUB_TYPE) or "").split()]
    for kind in NAV_KINDS:
        if sum(kind in (n.get(EPUB_TYPE) or "").split() for n in typed) > 1:
            yield Problem(
                f'the navigation document has more than one "{kind}" nav', nav.locate(nav.root)
            )
    for element in typed:
        kinds = (element.get(EPUB_TYPE) or "").split()
        problem = _nav_content(element)
        if problem:
            yield Problem(problem, nav.locate(element))
            continue
        if not set(kinds) & set(NAV_KINDS):
            first = child_elements(element)[:1]
            if not first or first[0].tag not in HEADINGS - {"hgroup"}:
                yield Problem(
                    "a nav other than toc, page-list and landmarks starts with no heading",
                    nav.locate(element),
                )
        for label in element.iter("a", "span"):
            if next(label.iterancestors("ol"), None) is not None and not _text(label):
                yield Problem(f"a <{label.tag}> of the navigation has no text", nav.locate(label))
                break
        if "landmarks" in kinds:
            seen: set[tuple[str, str]] = set()
            for link in element.iter("a"):
                href = (link.get("href") or "").strip().lower()
                for kind in (link.get(EPUB_TYPE) or "").lower().split():
                    if (kind, href) in seen:
                        yield Problem(
                            f"the landmark {kind!r} to {href!r} is listed twice", nav.locate(link)
                        )
                    seen.add((kind, href))
    for heading in nav.root.iter(*sorted(HEADINGS - {"hgroup"})):
        if not _text(heading):
            yield Problem(
                f"a <{heading.tag}> of the navigation document has no text", nav.locate(heading)
            )


def _nav_content(nav: etree._Element) -> str | None:
    """What breaks ``heading?, ol`` in a typed nav, and ``li+`` and ``(a | (a|span), ol)``."""
    children = child_elements(nav)
    if children and children[0].tag in HEADINGS:
        children = children[1:]
    if _loose_text(nav) or len(children) != 1 or children[0].tag != "ol":
        return "a typed nav holds an optional heading and one <ol>, nothing else"
    lists = [children[0]]
    while lists:
        ordered = lists.pop()
        items = child_elements(ordered)
        if not items or any(i.tag != "li" for i in items) or _loose_text(ordered):
            return "a navigation <ol> holds <li> elements only, at least one"
        for item in items:
            parts = child_elements(item)
            if _loose_text(item):
                return "a navigation <li> holds a link or a span, not loose text"
            if [p.tag for p in parts] == ["a"]:
                continue
            if len(parts) == 2 and parts[0].tag in ("a", "span") and parts[1].tag == "ol":
                lists.append(parts[1])
                continue
            return "a navigation <li> holds a link, or a link or span and a nested <ol>"
    return None
