"""Document metadata: the Info dictionary (through WeasyPrint) and our own XMP packet."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lxml import etree

from ..document import Document
from ..version import __version__
from .objects import resolve

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}
CREATOR = f"newsformats {__version__}"


def set_document_metadata(metadata: Any, document: Document) -> None:
    """Fill WeasyPrint's ``DocumentMetadata`` (the PDF Info dictionary) from the article."""
    article = document.article
    metadata.title = document.title
    metadata.authors = document.author_names
    metadata.description = document.description
    metadata.keywords = list(article.keywords)
    metadata.generator = CREATOR
    metadata.lang = article.language
    if article.published:
        metadata.created = article.published.isoformat()
    if article.updated or article.published:
        metadata.modified = (article.updated or article.published or datetime.min).isoformat()


def xmp_packet(document: Document, producer: str) -> bytes:
    """The XMP metadata of the PDF: PDF/UA-1 identification, Dublin Core, dates, tools.

    >>> from newsformats.document import build_document
    >>> from newsformats.model import Article
    >>> packet = xmp_packet(build_document(Article(headline="Hi", language="ru", body=["x"])), "W")
    >>> b"<pdfuaid:part>1</pdfuaid:part>" in packet, b"<rdf:li>ru</rdf:li>" in packet
    (True, True)
    """
    article = document.article
    meta = etree.Element(f"{{{NS['x']}}}xmpmeta", nsmap={"x": NS["x"]})
    rdf = etree.SubElement(meta, f"{{{NS['rdf']}}}RDF", nsmap=NS)
    about = etree.SubElement(rdf, f"{{{NS['rdf']}}}Description")
    about.set(f"{{{NS['rdf']}}}about", "")

    def add(name: str, text: str) -> etree._Element:
        prefix, local = name.split(":")
        node = etree.SubElement(about, f"{{{NS[prefix]}}}{local}")
        node.text = text
        return node

    add("pdfuaid:part", "1")
    _language_alternative(about, "dc:title", document.title, article.language)
    _language_alternative(about, "dc:description", document.description, article.language)
    _container(about, "dc:creator", "Seq", document.author_names)
    _container(about, "dc:language", "Bag", [article.language])
    _container(about, "dc:subject", "Bag", list(article.keywords))
    if article.publisher:
        _container(about, "dc:publisher", "Bag", [article.publisher.name])
    add("dc:format", "application/pdf")
    if article.published:
        _container(about, "dc:date", "Seq", [article.published.isoformat()])
        add("xmp:CreateDate", article.published.isoformat())
    if article.updated or article.published:
        moment = (article.updated or article.published or datetime.min).isoformat()
        add("xmp:ModifyDate", moment)
        add("xmp:MetadataDate", moment)
    add("xmp:CreatorTool", CREATOR)
    add("pdf:Producer", producer)
    if article.keywords:
        add("pdf:Keywords", ", ".join(article.keywords))
    body = etree.tostring(meta, encoding="utf-8")
    return (
        b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        + body
        + b'\n<?xpacket end="r"?>'
    )


def _language_alternative(parent: etree._Element, name: str, text: str, language: str) -> None:
    prefix, local = name.split(":")
    holder = etree.SubElement(parent, f"{{{NS[prefix]}}}{local}")
    alternatives = etree.SubElement(holder, f"{{{NS['rdf']}}}Alt")
    for tag in ("x-default", language):
        item = etree.SubElement(alternatives, f"{{{NS['rdf']}}}li")
        item.set("{http://www.w3.org/XML/1998/namespace}lang", tag)
        item.text = text


def _container(parent: etree._Element, name: str, kind: str, items: list[str]) -> None:
    if not items:
        return
    prefix, local = name.split(":")
    holder = etree.SubElement(parent, f"{{{NS[prefix]}}}{local}")
    container = etree.SubElement(holder, f"{{{NS['rdf']}}}{kind}")
    for text in items:
        etree.SubElement(container, f"{{{NS['rdf']}}}li").text = text


def replace_xmp(pdf: Any, packet: bytes) -> None:
    """Put ``packet`` in place of the XMP stream WeasyPrint wrote (uncompressed, as PDF/A asks)."""
    stream = resolve(pdf, pdf.catalog["Metadata"])
    stream.stream = [packet]
    stream.compress = False
