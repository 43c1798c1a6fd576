"""Seconds to speak the example articles: engine, encoder, and a re-run from the cache.

Run: .venv/bin/python bench/bench_audio.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import newsformats
from newsformats.speech import speak_article
from newsformats.speech.encode import encode_mp3
from newsformats.speech.engines import engine_named

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in {".txt", ".md", ".json"})


def main() -> None:
    started = time.perf_counter()
    engine = engine_named("espeak")
    engine.voice_for("en")
    print(f"espeak-ng start-up: {time.perf_counter() - started:.3f} s")
    with tempfile.TemporaryDirectory() as folder:
        out, cache = Path(folder) / "out", Path(folder) / "cache"
        for path in EXAMPLES:
            article = newsformats.read(path)
            t0 = time.perf_counter()
            spoken = speak_article(article, engine)
            t1 = time.perf_counter()
            encode_mp3(spoken.audio)
            t2 = time.perf_counter()
            options = newsformats.ConvertOptions(cache_dir=cache)
            newsformats.convert(article, out, ["audio"], source_dir=path.parent, options=options)
            t3 = time.perf_counter()
            newsformats.convert(article, out, ["audio"], source_dir=path.parent, options=options)
            t4 = time.perf_counter()
            sentences = len(spoken.sentences)
            print(
                f"{path.name}: {spoken.duration:.1f} s of speech, {sentences} sentences; "
                f"speak {t1 - t0:.2f} s, encode {t2 - t1:.2f} s, "
                f"--to audio cold {t3 - t2:.2f} s, warm (cache) {t4 - t3:.2f} s"
            )


if __name__ == "__main__":
    main()
