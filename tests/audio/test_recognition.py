"""The audio says the article: a speech recogniser finds its words, and controls fail.

pocketsphinx with a language model built from the article's own speech script
(the generic model alone is useless on espeak's voice). Each decode costs
seconds, so every recording is decoded once for the module.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import miniaudio
import pytest
from pocketsphinx import Decoder, get_model_path
from pocketsphinx.lm import ArpaBoLM

from newsformats.model import Article
from newsformats.speech.encode import encode_mp3
from newsformats.speech.engines import Audio
from newsformats.speech.script import build_script

Recognise = Callable[[Path, Article], float]


@pytest.fixture(scope="module")
def recognise(tmp_path_factory: pytest.TempPathFactory, helpers) -> Recognise:
    """Word error rate of an MP3 against an article, with a model built from that article."""
    folder = tmp_path_factory.mktemp("lm")
    results: dict[tuple[Path, str], float] = {}

    def run(mp3: Path, article: Article) -> float:
        key = (mp3, article.headline)
        if key in results:
            return results[key]
        lines = [" ".join(helpers.words(u.spoken)) for u in build_script(article).utterances]
        model = ArpaBoLM(text="\n".join(lines), add_start=True)
        model.compute()
        arpa = folder / f"{abs(hash(article.headline))}.arpa"
        model.write_file(str(arpa))
        sound = miniaudio.decode_file(
            str(mp3), output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=16000
        )
        decoder = Decoder(
            hmm=os.path.join(get_model_path(), "en-us", "en-us"),
            dict=os.path.join(get_model_path(), "en-us", "cmudict-en-us.dict"),
            lm=str(arpa),
            samprate=16000,
            loglevel="FATAL",
        )
        decoder.start_utt()
        decoder.process_raw(sound.samples.tobytes(), full_utt=True)
        decoder.end_utt()
        hypothesis = decoder.hyp().hypstr if decoder.hyp() else ""
        reference = helpers.words(" ".join(lines))
        results[key] = helpers.word_error_rate(reference, helpers.words(hypothesis))
        print(f"WER {mp3.name} against {article.headline[:40]!r}: {results[key]:.3f}")
        return results[key]

    return run


@pytest.fixture(scope="module")
def silence(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("silence") / "silence.mp3"
    path.write_bytes(encode_mp3(Audio(bytes(2 * 22050 * 20), 22050)))
    return path


def test_recogniser_finds_most_words_of_the_example(
    recognise: Recognise, spoken_example, example: Article
) -> None:
    assert recognise(spoken_example.file(".mp3"), example) < 0.3


def test_another_articles_audio_fails_the_check(
    recognise: Recognise, spoken_example, spoken_explainer, example: Article
) -> None:
    own = recognise(spoken_example.file(".mp3"), example)
    other = recognise(spoken_explainer.file(".mp3"), example)
    assert other > 0.6
    assert other > 3 * own


def test_silence_fails_the_check(recognise: Recognise, silence: Path, example: Article) -> None:
    assert recognise(silence, example) > 0.9


def test_a_second_english_article_is_recognised_too(
    recognise: Recognise,
    spoken_explainer,
    explainer: Article,
    heatwave: Article,
    tmp_path: Path,
    helpers,
) -> None:
    control = helpers.make(heatwave, tmp_path, ["audio"], use_cache=False)
    own = recognise(spoken_explainer.file(".mp3"), explainer)
    other = recognise(control.file(".mp3"), explainer)
    assert own < 0.45  # numbers and a Kyrgyz name are said but not in the word list
    assert other > 2 * own
