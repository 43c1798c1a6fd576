"""The standards the rules cite, with their addresses."""

from __future__ import annotations

from .findings import Reference

_WCAG_UNDERSTANDING = "https://www.w3.org/WAI/WCAG22/Understanding/"

# success criterion -> (title, level, slug of its Understanding page)
WCAG_CRITERIA: dict[str, tuple[str, str, str]] = {
    "1.1.1": ("Non-text Content", "A", "non-text-content"),
    "1.2.1": (
        "Audio-only and Video-only (Prerecorded)",
        "A",
        "audio-only-and-video-only-prerecorded",
    ),
    "1.3.1": ("Info and Relationships", "A", "info-and-relationships"),
    "1.3.2": ("Meaningful Sequence", "A", "meaningful-sequence"),
    "1.3.5": ("Identify Input Purpose", "AA", "identify-input-purpose"),
    "1.4.1": ("Use of Color", "A", "use-of-color"),
    "1.4.3": ("Contrast (Minimum)", "AA", "contrast-minimum"),
    "1.4.6": ("Contrast (Enhanced)", "AAA", "contrast-enhanced"),
    "1.4.12": ("Text Spacing", "AA", "text-spacing"),
    "2.2.1": ("Timing Adjustable", "A", "timing-adjustable"),
    "2.2.2": ("Pause, Stop, Hide", "A", "pause-stop-hide"),
    "2.4.1": ("Bypass Blocks", "A", "bypass-blocks"),
    "2.4.2": ("Page Titled", "A", "page-titled"),
    "2.4.4": ("Link Purpose (In Context)", "A", "link-purpose-in-context"),
    "2.4.5": ("Multiple Ways", "AA", "multiple-ways"),
    "2.4.6": ("Headings and Labels", "AA", "headings-and-labels"),
    "2.5.3": ("Label in Name", "A", "label-in-name"),
    "2.5.8": ("Target Size (Minimum)", "AA", "target-size-minimum"),
    "3.1.1": ("Language of Page", "A", "language-of-page"),
    "3.1.2": ("Language of Parts", "AA", "language-of-parts"),
    "4.1.2": ("Name, Role, Value", "A", "name-role-value"),
}


def wcag(criterion: str) -> Reference:
    """A WCAG 2.2 success criterion.

    >>> wcag("3.1.1").url
    'https://www.w3.org/WAI/WCAG22/Understanding/language-of-page.html'
    """
    title, level, slug = WCAG_CRITERIA[criterion]
    return Reference(
        "WCAG 2.2", criterion, f"{title} (Level {level})", f"{_WCAG_UNDERSTANDING}{slug}.html"
    )


def wcag_level(criterion: str) -> str:
    """The conformance level (A, AA, AAA) of a WCAG 2.2 success criterion."""
    return WCAG_CRITERIA[criterion][1]


def epub_a11y(anchor: str, title: str) -> Reference:
    """A section of EPUB Accessibility 1.1."""
    return Reference(
        "EPUB Accessibility 1.1", anchor, title, f"https://www.w3.org/TR/epub-a11y-11/#{anchor}"
    )


def epub_a11y_technique(anchor: str, title: str) -> Reference:
    """A technique of EPUB Accessibility Techniques 1.1."""
    return Reference(
        "EPUB Accessibility Techniques 1.1",
        anchor,
        title,
        f"https://www.w3.org/TR/epub-a11y-tech-11/#{anchor}",
    )


def epub33(anchor: str, title: str) -> Reference:
    """A section of EPUB 3.3."""
    return Reference("EPUB 3.3", anchor, title, f"https://www.w3.org/TR/epub-33/#{anchor}")


def pdfua(clause: str, title: str) -> Reference:
    """A clause of ISO 14289-1 (PDF/UA-1)."""
    return Reference("PDF/UA-1", clause, title, "https://www.iso.org/standard/64599.html")


def matterhorn(checkpoint: str, title: str) -> Reference:
    """A failure condition of the Matterhorn Protocol 1.1 (PDF/UA-1 checks)."""
    return Reference(
        "Matterhorn Protocol 1.1",
        checkpoint,
        title,
        "https://pdfa.org/resource/the-matterhorn-protocol/",
    )


def pdf_technique(technique: str, title: str) -> Reference:
    """A WCAG 2.2 technique for PDF."""
    return Reference(
        "WCAG 2.2 Techniques",
        technique,
        title,
        f"https://www.w3.org/WAI/WCAG22/Techniques/pdf/{technique}",
    )


def id3(frame: str, title: str) -> Reference:
    """A frame of ID3v2.4 (audio metadata)."""
    return Reference("ID3v2.4", frame, title, "https://id3.org/id3v2.4.0-frames")


def webvtt(anchor: str, title: str) -> Reference:
    """A section of WebVTT."""
    return Reference("WebVTT", anchor, title, f"https://www.w3.org/TR/webvtt1/#{anchor}")


def newsformats_guide(anchor: str, title: str) -> Reference:
    """Advice of this project where no standard speaks (see docs/rules.md)."""
    return Reference("newsformats", anchor, title, f"docs/rules.md#{anchor}")
