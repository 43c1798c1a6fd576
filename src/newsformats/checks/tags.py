"""Language tags as the checks judge them: well formed and every subtag in the IANA registry."""

from __future__ import annotations

from functools import lru_cache

from ..language import is_valid_tag, is_well_formed_tag


@lru_cache(maxsize=512)
def tag_problem(tag: str) -> str | None:
    """Why ``tag`` is not a valid BCP 47 language tag, or ``None`` when it is.

    Syntax first, then the IANA Language Subtag Registry (through ``langcodes``),
    as axe-core's ``html-lang-valid`` and EPUBCheck do.

    >>> tag_problem("fa-AF") is None, tag_problem("klingon")
    (True, "'klingon' is not a language in the IANA registry")
    >>> tag_problem("en_US")
    "'en_US' is not a BCP 47 language tag"
    """
    if not is_well_formed_tag(tag):
        return f"{tag!r} is not a BCP 47 language tag"
    if not is_valid_tag(tag):
        return f"{tag!r} is not a language in the IANA registry"
    return None
