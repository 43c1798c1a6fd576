"""Spoken audio: the article as a speech script, spoken by an engine, timed per sentence.

``script`` (model → utterances) → ``engines`` (utterance → PCM, through
``cache``) → ``render`` (sentence timings and chapters as the track streams)
→ ``encode`` (MP3, fed sentence by sentence) → ``record`` (all of it into a
file, with the track cache), then ``tags`` (ID3) and ``timing`` (WebVTT, SMIL).
"""

from __future__ import annotations

from ..lang import messages_for
from ..model import Article
from .cache import SpeechCache
from .engines import SpeechEngine, choose_voice
from .lexicon import Lexicon
from .render import SpokenArticle, assemble, speak_utterances
from .script import build_script


def speak_article(
    article: Article,
    engine: SpeechEngine,
    *,
    voice: str | None = None,
    cache: SpeechCache | None = None,
    lexicon: Lexicon | None = None,
) -> SpokenArticle:
    """Speak a whole article into one PCM track held in memory, with every sentence timed.

    For files, :func:`newsformats.speech.record.record_article` streams instead.

    >>> from newsformats.speech.engines import engine_named
    >>> spoken = speak_article(Article(headline="Hi", language="en", body=["Yes."]),
    ...                        engine_named("espeak"))
    >>> [s.id for s in spoken.sentences]
    ['headline-s1', 'p1-s1']
    """
    voices = {article.language: choose_voice(engine, article.language, voice)}
    script = build_script(article, lexicon)
    sentences = list(speak_utterances(script, engine, voices, cache))
    titles = script.part_titles(messages_for(article.language), article.headline)
    return assemble(script, sentences, titles)
