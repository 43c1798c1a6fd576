"""Issue 11's eighth acceptance run: the agency miss (docs/inputs.md, "Eighth acceptance
run").

Reuters' NewsML-G2 item has no ``<by>``: its body starts with an advisory to the desks,
"(Adds Gov. Cuomo's announcement …)", then "By Joseph Ax", then the dateline'd lead. The
advisory is an editor's note, the "By" line the byline, the lead the first paragraph. See
the folder's NOTICE (a trimmed copy).
"""

from __future__ import annotations

from typing import Any

from helpers import DATA, paragraph_texts, read_quietly
from newsformats.model import plain_text
from newsformats.readers.fields import take_advisory

AGENCIES = DATA / "inputs" / "agencies-eighth"


def test_the_advisory_is_an_editor_s_note_and_the_by_line_the_byline() -> None:
    (article,), told = read_quietly(AGENCIES / "reuters-liberty.xml")
    assert [p.name for p in article.authors] == ["Joseph Ax"]
    texts = paragraph_texts(article)
    assert texts[0].startswith("NEW YORK, Jan 21 (Reuters) - The Statue of Liberty will")
    assert not any(t.startswith(("(Adds", "By Joseph")) for t in texts)
    assert texts[-1].startswith("But in South Dakota, home of Mount Rushmore")
    assert [(n.kind, plain_text(n.text)) for n in article.notes] == [
        (
            "editors-note",
            "Adds Gov. Cuomo's announcement that the Statue of Liberty will reopen on "
            "Monday, details on park closures",
        )
    ]
    assert any("advisory to the desks" in t for t in told)


def _body(*paragraphs: str) -> dict[str, Any]:
    return {"body": [{"type": "paragraph", "content": [p]} for p in paragraphs]}


LEAD = "WASHINGTON (AP) — The Senate passed the bill late on Tuesday."


def test_an_advisory_is_told_by_its_place_before_a_dateline_d_lead() -> None:
    fields = _body("(Updates with vote count in paragraph 3)", LEAD, "More text.")
    assert take_advisory(fields) == "Updates with vote count in paragraph 3"
    assert [b["content"][0] for b in fields["body"]] == [LEAD, "More text."]
    # (ANSA)'s lead starts with the agency in brackets, then the place and date.
    fields = _body("(Corrects spelling of name)", "(ANSA) - ROME, JUL 11 - Gas cut.")
    assert take_advisory(fields) == "Corrects spelling of name"


def test_brackets_that_are_text_stay_text() -> None:
    # No dateline'd lead after it: an aside in brackets opening a feature is text.
    fields = _body("(This story contains strong language.)", "The singer walked on stage.")
    assert take_advisory(fields) is None and len(fields["body"]) == 2
    # Not wholly in brackets: a sentence that starts with one.
    fields = _body("(Reuters) reporters saw the crowd.", LEAD)
    assert take_advisory(fields) is None
    # A paragraph of text between it and the lead: not an advisory at the top.
    fields = _body("(Adds details)", "The vote was close, aides said on Tuesday.", LEAD)
    assert take_advisory(fields) is None
