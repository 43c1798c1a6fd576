"""EPUB 3: content documents from the document tree, package, cover, accessibility metadata.

``book.make_epub`` is the entry point; the writer (``writers/epub.py``) and
editions (``edition.py``) call it. One module per concern:

- ``xhtml``: the document tree as XHTML content documents, the cover page, the nav;
- ``chapter``: one article as a content document with its images and toc entry;
- ``cover``: the lead photo, or a title cover drawn as SVG;
- ``accessibility``: EPUB Accessibility 1.1 metadata computed from the content, and
  the self-check that decides whether the book may claim conformance;
- ``package``: ebooklib assembly, metadata, and the media-overlay hook;
- ``reproducible``: identifier, ``dcterms:modified`` and a normalised zip.
"""
