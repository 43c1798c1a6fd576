"""PCM → MP3: constant bit rate, mono, with LAME (the ``lameenc`` wheel, LGPL-3.0)."""

from __future__ import annotations

from .engines import Audio

BIT_RATE = 48  # kbit/s: clear speech at 22–24 kHz mono
QUALITY = 7  # LAME's 0 (best, slowest) … 9 (fastest); 7 is plenty for speech


SETTINGS = f"lame-cbr-{BIT_RATE}k-q{QUALITY}"


def encode_mp3(audio: Audio, *, bit_rate: int = BIT_RATE, quality: int = QUALITY) -> bytes:
    """Encode mono 16-bit PCM as a constant-bit-rate MP3.

    CBR, because lameenc writes no Xing header and players misjudge the length
    of variable-rate files without one.

    >>> len(encode_mp3(Audio(bytes(44_100), 22_050))) > 0
    True
    """
    import lameenc

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bit_rate)
    encoder.set_in_sample_rate(audio.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(quality)
    return bytes(encoder.encode(audio.samples)) + bytes(encoder.flush())
