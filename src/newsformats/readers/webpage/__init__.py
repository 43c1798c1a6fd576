"""Saved web article pages: metadata from JSON-LD, Open Graph and ``<meta>``; body by extraction.

Metadata comes first from a schema.org ``NewsArticle`` (or ``Article``…) in
JSON-LD, then Open Graph and ``<meta>`` as fallbacks. The article body is found
by readability-lxml (see docs/inputs.md for the comparison with trafilatura),
which keeps the page's own markup, and then goes through the shared HTML body
converter, so page furniture, scripts and forms are left out.
"""

from .reader import page_titles, read_web_page

__all__ = ["page_titles", "read_web_page"]
