"""Timed text for the track: a WebVTT transcript and EPUB 3 media overlays (SMIL).

Both use the sentence ids of the speech script, which are the ids of the
sentence spans in the document tree, so a cue, a ``<par>`` and a ``<span>``
name the same sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree

from .render import SentenceTiming

SMIL_NAMESPACE = "http://www.w3.org/ns/SMIL"
EPUB_NAMESPACE = "http://www.idpf.org/2007/ops"
ACTIVE_CLASS = "nf-active"
ACTIVE_STYLE = f".{ACTIVE_CLASS} {{ background-color: #fff3a0; color: #000; }}\n"


def vtt_time(seconds: float) -> str:
    """A WebVTT timestamp.

    >>> vtt_time(3723.5)
    '01:02:03.500'
    """
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours:02d}:{minutes:02d}:{millis // 1000:02d}.{millis % 1000:03d}"


def clock_value(seconds: float) -> str:
    """A SMIL clock value for ``media:duration``, e.g. ``0:01:02.345``.

    >>> clock_value(62.345)
    '0:01:02.345'
    """
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours}:{minutes:02d}:{millis // 1000:02d}.{millis % 1000:03d}"


def webvtt(sentences: Sequence[SentenceTiming]) -> str:
    """A WebVTT transcript with one cue per sentence; each cue's id is the sentence id.

    >>> print(webvtt([SentenceTiming("p1-s1", "A & B.", "story", "p1-s1", 0, 1.5)]))
    WEBVTT
    <BLANKLINE>
    p1-s1
    00:00:00.000 --> 00:00:01.500
    A &amp; B.
    <BLANKLINE>
    """
    lines = ["WEBVTT", ""]
    for sentence in sentences:
        text = " ".join(sentence.text.split())
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines += [
            sentence.id,
            f"{vtt_time(sentence.start)} --> {vtt_time(sentence.end)}",
            text,
            "",
        ]
    return "\n".join(lines)


def overlay_duration(sentences: Sequence[SentenceTiming]) -> float:
    """The ``media:duration`` of an overlay: the sum of its clips, as written (whole ms).

    Sentences only heard (no ``target``) have no clip, and pauses lie between
    clips, so this is shorter than the MP3.

    >>> overlay_duration([SentenceTiming("p1-s1", "Hi.", "story", "p1-s1", 0.2, 1.5),
    ...                   SentenceTiming("dateline", "X.", "headline", None, 1.5, 3.0)])
    1.3
    """
    millis = sum(
        round(s.end * 1000) - round(s.start * 1000) for s in sentences if s.target is not None
    )
    return millis / 1000


def media_overlay(sentences: Sequence[SentenceTiming], text_href: str, audio_href: str) -> bytes:
    """An EPUB 3 media overlay (SMIL 3.0) syncing every sentence shown in ``text_href``.

    Sentences that only the audio has (``target`` None, e.g. the dateline said
    aloud) get no ``<par>``; their time stays in the audio between clips.

    >>> smil = media_overlay(
    ...     [SentenceTiming("p1-s1", "Hi.", "story", "p1-s1", 0.0, 1.2)], "a.xhtml", "a.mp3"
    ... )
    >>> b'clipEnd="0:00:01.200"' in smil
    True
    """
    namespaces: Any = {None: SMIL_NAMESPACE, "epub": EPUB_NAMESPACE}
    smil = etree.Element(f"{{{SMIL_NAMESPACE}}}smil", nsmap=namespaces, version="3.0")
    body = etree.SubElement(smil, f"{{{SMIL_NAMESPACE}}}body")
    seq = etree.SubElement(
        body,
        f"{{{SMIL_NAMESPACE}}}seq",
        {"id": "seq1", f"{{{EPUB_NAMESPACE}}}textref": text_href},
    )
    for sentence in sentences:
        if sentence.target is None:
            continue
        par = etree.SubElement(seq, f"{{{SMIL_NAMESPACE}}}par", id=f"par-{sentence.id}")
        etree.SubElement(par, f"{{{SMIL_NAMESPACE}}}text", src=f"{text_href}#{sentence.target}")
        etree.SubElement(
            par,
            f"{{{SMIL_NAMESPACE}}}audio",
            src=audio_href,
            clipBegin=clock_value(sentence.start),
            clipEnd=clock_value(sentence.end),
        )
    data: bytes = etree.tostring(smil, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return data
