"""XML without surprises: one lxml parser setting for every XML the project reads.

Entities are never expanded, no DTD is loaded, nothing is fetched and no tree
grows past lxml's default limits, so hostile input cannot inflate or reach out.
Readers (NewsML-G2, NITF), speech (PLS lexicons), the EPUB package and the
checks all parse through :func:`safe_xml_parser`.
"""

from __future__ import annotations

from lxml import etree


def safe_xml_parser(
    *, remove_comments: bool = False, remove_pis: bool = False, recover: bool = False
) -> etree.XMLParser:
    """An lxml XML parser with every external and expanding feature off.

    >>> etree.fromstring(b"<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>", safe_xml_parser()).text
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=remove_comments,
        remove_pis=remove_pis,
        recover=recover,
    )


def parse_xml_bytes(data: bytes, *, remove_comments: bool = False) -> etree._Element:
    """Parse with :func:`safe_xml_parser`; a namespace name that is no valid URI is no error.

    libxml2 (2.14) stops at ``xmlns:epub="http://http://…"``, but such a document is
    well-formed: Namespaces in XML leaves the URI syntax to applications, and EPUBCheck
    accepts it. Any other error is raised as ``etree.XMLSyntaxError``.

    >>> parse_xml_bytes(b'<a xmlns:x="http://http://example.org/"/>').tag
    'a'
    """
    parser = safe_xml_parser(remove_comments=remove_comments)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        # the parser's own log: the exception's may hold earlier parses' errors too
        log = parser.error_log
        if not log or any(e.type_name != "WAR_NS_URI" for e in log):
            raise
    return etree.fromstring(data, safe_xml_parser(remove_comments=remove_comments, recover=True))
