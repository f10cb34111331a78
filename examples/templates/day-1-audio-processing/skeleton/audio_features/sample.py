"""The shipped sample: samples/tones.wav, synthetic and deterministic.

    python3 -m audio_features.sample            # writes samples/tones.wav
    python3 -m audio_features.sample --check    # exits 1 unless the file is
                                                # what this script generates

One second of 16 kHz mono 16-bit PCM: a 440 Hz tone, its third harmonic at
1320 Hz (quieter), and white noise from a seeded generator, faded in and out
over 10 ms. Only the standard library (wave, math, random) is used.
"""

import argparse
import math
import random
import struct
import sys
import wave

PATH = "samples/tones.wav"
SAMPLE_RATE = 16000
DURATION_SECONDS = 1.0
# (frequency in Hz, amplitude of full scale); the first is the loudest.
TONES = [(440.0, 0.5), (1320.0, 0.15)]
NOISE_AMPLITUDE = 0.03
SEED = 1234
FADE_SECONDS = 0.01


def generate_samples(seed=SEED):
    """The sample values as 16-bit integers."""
    rng = random.Random(seed)
    count = int(SAMPLE_RATE * DURATION_SECONDS)
    fade = int(SAMPLE_RATE * FADE_SECONDS)
    values = []
    for n in range(count):
        t = n / SAMPLE_RATE
        x = sum(a * math.sin(2 * math.pi * f * t) for f, a in TONES)
        x += rng.gauss(0.0, NOISE_AMPLITUDE)
        x *= min(1.0, n / fade, (count - 1 - n) / fade)
        values.append(max(-32768, min(32767, round(x * 32767))))
    return values


def write_wav(path, values):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(struct.pack(f"<{len(values)}h", *values))


def read_values(path):
    with wave.open(path, "rb") as w:
        frames = w.readframes(w.getnframes())
    return list(struct.unpack(f"<{len(frames) // 2}h", frames))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--path", default=PATH)
    args = parser.parse_args(argv)
    expected = generate_samples()
    if args.check:
        # One step of 16-bit rounding is allowed: libm's sin may differ in the
        # last bit between machines.
        actual = read_values(args.path)
        if len(actual) != len(expected) or any(
            abs(a - b) > 1 for a, b in zip(actual, expected)
        ):
            print(
                f"{args.path} is not what python3 -m audio_features.sample "
                "generates; regenerate it with python3 -m audio_features.sample",
                file=sys.stderr,
            )
            return 1
        print(f"{args.path}: {len(actual)} samples at {SAMPLE_RATE} Hz, as generated with seed {SEED}")
        return 0
    write_wav(args.path, expected)
    print(f"wrote {args.path}: {len(expected)} samples at {SAMPLE_RATE} Hz, seed {SEED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
