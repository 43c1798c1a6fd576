"""Moved: the sentence splitter is :mod:`newsformats.sentences`."""

from __future__ import annotations

from ..sentences import Sentence, sentence_id, split_inline, split_text

__all__ = ["Sentence", "sentence_id", "split_inline", "split_text"]
