"""Friendly field names a newsroom may write (``byline``, ``image``, ``date``) → model fields."""

from __future__ import annotations

import re
from typing import Any

from .chrome import BYLINE_WORDS, LABEL_MARK, and_words, byline_names, names_a_role
from .source import Source

ALIASES = {
    "title": "headline",
    "summary": "standfirst",
    "description": "standfirst",
    "date": "published",
    "lang": "language",
    "url": "canonical_url",
    "tags": "keywords",
    "credit": "credit_line",
}
IMAGE_KEYS = {
    "image": "src",
    "alt": "alt",
    "caption": "caption",
    "photo_credit": "credit",
    "image_credit": "credit",
}

# Editors' initials that agencies sign copy with ("gr/bp", "ab/cd/ef").
DESK_INITIALS = re.compile(r"[a-z]{1,4}(?:/[a-z]{1,4})+")


def normalise_fields(data: dict[str, Any], source: Source) -> dict[str, Any]:
    """Map friendly names onto the model's, leaving unknown keys for validation to report."""
    result: dict[str, Any] = {}
    image: dict[str, Any] = {}
    for key, value in data.items():
        if not isinstance(key, str):
            raise source.error(f"field names must be text, not {key!r}")
        if key in ("byline", "author", "authors"):
            result["authors"] = split_names(value)
        elif key in IMAGE_KEYS and not (key == "image" and isinstance(value, dict)):
            image[IMAGE_KEYS[key]] = value
        elif key in ("image", "lead_image") and isinstance(value, dict):
            image.update(value)
        else:
            result[ALIASES.get(key, key)] = value
    if image:
        merged = dict(result.get("lead_image") or {})
        merged.update(image)
        result["lead_image"] = merged
    return result


def split_names(value: Any) -> Any:
    """'By A, B and C' → ['A', 'B', 'C']; lists and mappings pass through.

    A comma or "and" inside brackets joins the words of one name, not two names:

    >>> split_names("Par Ann Roy (avec Léo Petit et Eva Roux) et Tom Blanc")
    ['Ann Roy (avec Léo Petit et Eva Roux)', 'Tom Blanc']
    """
    if not isinstance(value, str):
        return value
    lead = "|".join(re.escape(w) for w in BYLINE_WORDS)
    text = re.sub(rf"^\s*(?:{lead})\b\s*{LABEL_MARK}?\s+", "", value, flags=re.IGNORECASE)
    ands = "|".join(re.escape(w) for w in sorted(and_words(), key=len, reverse=True))
    names, start = [], 0
    for cut in re.finditer(rf"\s*[,،;]\s*(?:(?:{ands})\s+)?|\s+(?:{ands})\s+", text):
        before = text[: cut.start()]
        if before.count("(") + before.count("[") > before.count(")") + before.count("]"):
            continue
        names.append(text[start : cut.start()])
        start = cut.end()
    names.append(text[start:])
    return [n.strip() for n in names if n.strip()]


def byline_people(value: str) -> list[dict[str, str]]:
    """The people of a byline, each with the affiliation or role that follows the name.

    A part that is not shaped like a name (an acronym, one word, a domain, words in
    lower case) says who the name before it works for, not who else wrote:

    >>> byline_people("Von Jonas Albrecht, SWR")
    [{'name': 'Jonas Albrecht', 'role': 'SWR'}]
    >>> byline_people("Par Awa Diop, correspondante à Dakar")
    [{'name': 'Awa Diop', 'role': 'correspondante à Dakar'}]
    >>> byline_people("Geir Molnes / Faktisk.no")
    [{'name': 'Geir Molnes', 'role': 'Faktisk.no'}]
    >>> byline_people("gr/bp")
    []
    >>> byline_people("By Marcus Webb and Priya Nair")
    [{'name': 'Marcus Webb'}, {'name': 'Priya Nair'}]
    >>> byline_people("By Tomasz Nowak, Transport Correspondent")
    [{'name': 'Tomasz Nowak', 'role': 'Transport Correspondent'}]
    """
    people: list[dict[str, str]] = []
    for part in split_names(value):
        if DESK_INITIALS.fullmatch(part):
            continue  # "gr/bp": the desk's initials, not a name
        name, _, rest = (s.strip() for s in part.partition(" / "))
        if rest and not name_shaped(rest) and name_shaped(name):
            people.append({"name": name, "role": rest})
        elif people and name_shaped(people[-1]["name"]) and not name_shaped(part):
            last = people[-1]
            last["role"] = f"{last['role']}, {part}" if "role" in last else part
        else:
            people.append({"name": part})
    return people


MAX_BYLINE_WORDS = 12
SENTENCE_WORDS = 5  # a byline of fewer words (in a script with capitals) is no sentence


def take_leading_byline(fields: dict[str, Any]) -> None:
    """A first paragraph "By Ann Lee" is the byline, not text: wire copy often starts so.

    Its people are the authors when the item names none, or only a job ("Staff Reporter").

    >>> fields = {"authors": [{"name": "Staff Reporter"}],
    ...           "body": [{"type": "paragraph", "content": ["By Toby Davis"]}]}
    >>> take_leading_byline(fields); fields
    {'authors': [{'name': 'Toby Davis'}], 'body': []}
    """
    body = fields.get("body") or []
    content = body[0].get("content") if body and body[0].get("type") == "paragraph" else None
    if isinstance(content, list) and all(isinstance(c, str) for c in content):
        content = "".join(content)
    if not isinstance(content, str) or len(content.split()) > MAX_BYLINE_WORDS:
        return
    names = byline_names(content)
    people = byline_people(names) if names else []
    if not people:
        return
    authors = fields.get("authors") or []
    if all(names_a_role(str(a.get("name", ""))) for a in authors):
        fields["authors"] = people
    else:
        known = {str(a.get("name", "")).casefold() for a in authors}
        fields["authors"] = authors + [p for p in people if p["name"].casefold() not in known]
    fields["body"] = body[1:]


# A wire lead's dateline: a place (a date, the agency in brackets) joined to the text by a
# dash, within the first words ("NEW YORK, Jan 21 (Reuters) - ", "LOS ANGELES
# (Variety.com) - ", "(ANSA) - ROME, JUL 11 - ", "WASHINGTON (AP) — ").
WIRE_DATELINE = re.compile(r"\(?[^\W\d_][^.!?\n]{0,60}?\s(?:--|[-–—])\s")
MAX_DATELINE_WORDS = 8
# An editor's advisory to the desks, wholly in brackets, at the top of wire copy: Reuters'
# "(Adds Gov. Cuomo's announcement …)", "(Updates with …)", "(Corrects …)".
ADVISORY = re.compile(r"\((?P<text>[^()]*(?:\([^()]*\)[^()]*)*)\)")
MAX_ADVISORY_WORDS = 40


def take_advisory(fields: dict[str, Any]) -> str | None:
    """A first paragraph wholly in brackets before a dateline'd lead is an advisory to the
    desks, not text: it becomes an editor's note (its text is returned). Only a "By NAME"
    line may stand between it and the lead, which is then the byline.

    >>> fields = {"body": [{"type": "paragraph", "content": ["(Adds details)"]},
    ...     {"type": "paragraph", "content": ["By Ann Lee"]},
    ...     {"type": "paragraph", "content": ["LONDON, May 2 (Reuters) - Rain fell."]}]}
    >>> take_advisory(fields), fields["authors"], len(fields["body"]), fields["notes"]
    ('Adds details', [{'name': 'Ann Lee'}], 1, [{'kind': 'editors-note', 'text': 'Adds details'}])
    """
    body = fields.get("body") or []
    texts = [_paragraph_text(block) for block in body[:3]]
    advisory = ADVISORY.fullmatch(" ".join((texts or [""])[0].split())) if texts else None
    if advisory is None or len(advisory.group("text").split()) > MAX_ADVISORY_WORDS:
        return None
    lead = next((i for i, text in enumerate(texts[1:], 1) if _dateline_lead(text)), None)
    if lead is None or any(byline_names(text) is None for text in texts[1:lead]):
        return None
    note_text = advisory.group("text").strip()
    fields["notes"] = [*(fields.get("notes") or []), {"kind": "editors-note", "text": note_text}]
    fields["body"] = body[1:]
    take_leading_byline(fields)
    return note_text


def _paragraph_text(block: Any) -> str:
    if not isinstance(block, dict) or block.get("type") != "paragraph":
        return ""
    content = block.get("content")
    if isinstance(content, list) and all(isinstance(c, str) for c in content):
        content = "".join(content)
    return content if isinstance(content, str) else ""


def _dateline_lead(text: str) -> bool:
    match = WIRE_DATELINE.match(text)
    return match is not None and len(match.group().split()) <= MAX_DATELINE_WORDS + 1


def name_shaped(text: str) -> bool:
    """Two or more words, the first with a capital in scripts that have case, no domain or
    digits, and no job (a pack's ``role_words``): "Ann Lee", "Frances d'Emilio" (not "SWR",
    "Faktisk.no", "correspondante", "Transport Correspondent").

    >>> name_shaped("Ann Lee"), name_shaped("SWR"), name_shaped("bureau européen")
    (True, False, False)
    """
    words = text.split()
    if len(words) < 2 or re.search(r"\d|\w\.\w", text) or names_a_role(text):
        return False
    first = words[0]
    return not (first[:1].lower() != first[:1].upper() and first[:1].islower())


def sentence_shaped(text: str) -> bool:
    """Whether a byline's text is a sentence, not names: in a script with capitals, five
    words or more, of which those in lower case (four letters or more, not "and")
    outnumber the capitalised ones. A job ("staff writer") and a desk's name ("Politics
    desk", shorter) are not sentences.

    >>> sentence_shaped("Situation serious, ready for all scenarios says EC")
    True
    >>> sentence_shaped("By Ann Lee, staff writer"), sentence_shaped("Mario della Rocca")
    (False, False)
    >>> sentence_shaped("Awa Diop, correspondante à Dakar"), sentence_shaped("Politics desk")
    (False, False)
    """
    words = [w.strip("'’.,;:()") for w in text.split()]
    cased = [w for w in words if w[:1].lower() != w[:1].upper()]
    if len(cased) < SENTENCE_WORDS or names_a_role(text):
        return False
    joins = {w.casefold() for w in and_words()}
    lower = [w for w in cased if w.islower() and len(w) >= 4 and w.casefold() not in joins]
    upper = [w for w in cased if w[:1].isupper()]
    return bool(upper) and len(lower) > len(upper)


def clean_dateline(value: str | None) -> str | None:
    """The place of a dateline, without the dash that joins it to the text and the agency's
    name in brackets that wire copy puts there.

    >>> clean_dateline("London (dpa) - ")
    'London'
    >>> clean_dateline("Grossetto, Italy")
    'Grossetto, Italy'
    """
    if not value:
        return None
    text = re.sub(r"[\s,:\-–—]+$", "", " ".join(value.split()))
    text = re.sub(r"\s*\([^()]*\)$", "", text)
    return text.strip(" ,:-–—") or None
