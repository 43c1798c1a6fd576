"""The table of languages in ``docs/languages.md``, generated from the packs."""

from __future__ import annotations

from .pack import all_packs


def languages_table() -> str:
    """A Markdown table with one row per language pack.

    >>> languages_table().splitlines()[0].startswith("| tag | language |")
    True
    """
    rows = [
        "| tag | language | script | direction | digits | calendar | font script "
        "| voice (espeak-ng / gTTS) | strings to review |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for tag, pack in sorted(all_packs().items()):
        voices = " / ".join(pack.voices.get(engine) or "none" for engine in ("espeak", "gtts"))
        review = f"{len(pack.review)} of {len(pack.strings)}" if pack.review else "none"
        calendar = pack.calendar + (" (months from the pack)" if pack.months else "")
        calendar += "".join(f"; {other} months read" for other in pack.other_calendars)
        rows.append(
            f"| `{tag}` | {pack.name} | {pack.script} | {pack.direction} | {pack.digits} "
            f"| {calendar} | {pack.font_script} | {voices} | {review} |"
        )
    return "\n".join(rows)


def review_list() -> str:
    """The Markdown list of every pack's strings still waiting for a native speaker's review.

    >>> review_list().splitlines()[1].startswith("- `ar` (Arabic): `a11y_summary_conforms`")
    True
    """
    return "\n".join(
        f"- `{tag}` ({pack.name}): " + ", ".join(f"`{key}`" for key in sorted(pack.review))
        for tag, pack in sorted(all_packs().items())
        if pack.review
    )
