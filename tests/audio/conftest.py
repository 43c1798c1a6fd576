"""Shared fixtures of the audio tests: articles, a private speech cache, spoken examples.

Everything runs offline with the real espeak-ng; expensive things (speaking
and recognising a whole article) happen once per session.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsformats.convert import Conversion, convert
from newsformats.files import OutputSet
from newsformats.model import Article
from newsformats.options import ConvertOptions
from newsformats.readers import read
from newsformats.resources import ResourcePolicy
from newsformats.writers import WriteJob
from newsformats.writers.audio import AudioResult, write_audio

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "csto-sco-afghanistan.txt"


@dataclass(frozen=True)
class Made:
    """An article converted into a folder."""

    article: Article
    conversion: Conversion
    outdir: Path

    def file(self, suffix: str) -> Path:
        return next(p for p in self.conversion.files if p.name.endswith(suffix))


def make(
    article: Article,
    outdir: Path,
    formats: list[str],
    *,
    stem: str = "article",
    source_dir: Path = EXAMPLES,
    **options: object,
) -> Made:
    """Convert ``article`` with options (cache_dir is required: never the user's cache)."""
    assert "cache_dir" in options or options.get("use_cache") is False
    conversion = convert(
        article,
        outdir,
        formats,
        stem=stem,
        source_dir=source_dir,
        options=ConvertOptions(**options),  # type: ignore[arg-type]
    )
    return Made(article, conversion, outdir)


@pytest.fixture(scope="session")
def example() -> Article:
    return read(EXAMPLE)


@pytest.fixture(scope="session")
def explainer() -> Article:
    return read(EXAMPLES / "election-explainer.md")


@pytest.fixture(scope="session")
def heatwave() -> Article:
    return read(EXAMPLES / "heatwave-update.json")


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("speech-cache")


@pytest.fixture(scope="session")
def spoken_example(
    example: Article, cache_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Made:
    """The example article as audio and HTML, made once."""
    outdir = tmp_path_factory.mktemp("example-audio")
    return make(example, outdir, ["audio", "html"], stem="example", cache_dir=cache_dir)


@pytest.fixture(scope="session")
def spoken_explainer(
    explainer: Article, cache_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Made:
    outdir = tmp_path_factory.mktemp("explainer-audio")
    return make(explainer, outdir, ["audio"], stem="explainer", cache_dir=cache_dir)


def words(text: str) -> list[str]:
    """Lower-case words, as a speech recogniser writes them."""
    return re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())


WordErrorRate = Callable[[list[str], list[str]], float]


def word_error_rate(reference: list[str], hypothesis: list[str]) -> float:
    """Levenshtein distance over words, divided by the reference's length."""
    row = list(range(len(hypothesis) + 1))
    for i in range(1, len(reference) + 1):
        previous, row[0] = row[0], i
        for j in range(1, len(hypothesis) + 1):
            current = min(
                row[j] + 1, row[j - 1] + 1, previous + (reference[i - 1] != hypothesis[j - 1])
            )
            previous, row[j] = row[j], current
    return row[len(hypothesis)] / max(len(reference), 1)


_BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
_BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
_RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


def frame_bitrates(path: Path) -> list[int]:
    """The bit rate (kbit/s) of every MPEG Layer III frame after the ID3 tag."""
    data = path.read_bytes()
    position = 0
    if data[:3] == b"ID3":
        size = data[6:10]
        position = 10 + ((size[0] << 21) | (size[1] << 14) | (size[2] << 7) | size[3])
    rates = []
    while position + 4 <= len(data):
        header = int.from_bytes(data[position : position + 4], "big")
        if header >> 21 != 0x7FF:
            raise AssertionError(f"no frame sync at byte {position}")
        version = (header >> 19) & 3
        bitrate_index = (header >> 12) & 15
        rate_index = (header >> 10) & 3
        padding = (header >> 9) & 1
        table = _BITRATES_V1_L3 if version == 3 else _BITRATES_V2_L3
        bitrate = table[bitrate_index]
        sample_rate = _RATES[version][rate_index]
        factor = 144 if version == 3 else 72
        position += factor * bitrate * 1000 // sample_rate + padding
        rates.append(bitrate)
    return rates


@pytest.fixture(scope="session")
def helpers() -> object:
    """Plain helper functions for tests (tests are not importable modules here)."""

    class Helpers:
        make = staticmethod(make)
        words = staticmethod(words)
        word_error_rate = staticmethod(word_error_rate)
        frame_bitrates = staticmethod(frame_bitrates)

    return Helpers


@pytest.fixture(scope="session")
def audio(
    example: Article, cache_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> AudioResult:
    """The example's audio as the audio writer leaves it for the EPUB writer."""
    outdir = tmp_path_factory.mktemp("readalong-audio")
    with OutputSet() as outputs:
        job = WriteJob(
            article=example,
            outdir=outdir,
            stem="example",
            policy=ResourcePolicy(base_dir=EXAMPLES),
            options=ConvertOptions(cache_dir=cache_dir),
            outputs=outputs,
        )
        write_audio(job)
    result = job.artifacts.audio
    assert result is not None
    assert result.mp3.read_bytes() == result.mp3_data
    return result


@pytest.fixture(scope="session")
def read_along(example: Article, cache_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Made:
    """The example as audio and a read-along EPUB, as ``--to audio,epub`` makes them."""
    outdir = tmp_path_factory.mktemp("read-along")
    return make(example, outdir, ["audio", "epub"], stem="example", cache_dir=cache_dir)
