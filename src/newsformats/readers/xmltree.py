"""Hostile-input XML parsing for the XML readers (NewsML-G2, NITF): bytes in, a tree out.

The file's own encoding declaration wins; entities are never expanded, no DTD
is loaded, nothing is fetched, and a syntax error names its line.
"""

from __future__ import annotations

from lxml import etree

from ..safe_xml import safe_xml_parser
from .source import Source

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_xml(source: Source) -> etree._Element:
    """Parse the source's bytes as XML with every external and expanding feature off.

    >>> from pathlib import Path
    >>> parse_xml(Source("x", "", Path("."), data=b"<a><b/></a>"))[0].tag
    'b'
    """
    parser = safe_xml_parser(remove_comments=True, remove_pis=True)
    data = source.xml_data
    try:
        root: etree._Element = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        message = str(error.msg).split(", line ")[0] if error.msg else "not well-formed"
        raise source.error(f"invalid XML: {message}", line, column) from None
    return root


def text_of(element: etree._Element | None) -> str:
    """All the text inside an element, white space collapsed ('' for none)."""
    if element is None:
        return ""
    return " ".join("".join(t for t in element.itertext() if isinstance(t, str)).split())


def language_of(element: etree._Element) -> str | None:
    """The nearest ``xml:lang`` on the element or its ancestors."""
    for node in (element, *element.iterancestors()):
        value = node.get(XML_LANG)
        if value:
            return value
    return None
