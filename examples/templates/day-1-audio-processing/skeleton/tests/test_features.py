import json
import os
import struct
import tempfile
import unittest
import wave

import numpy as np

from audio_features import extract, sample
from audio_features.decode import decode_wav
from audio_features.features import (
    dominant_frequency,
    frames,
    rms,
    spectral_centroid,
    zero_crossing_rate,
)

RATE = 16000


def sine(frequency, amplitude=0.5, seconds=1.0):
    t = np.arange(int(RATE * seconds)) / RATE
    return amplitude * np.sin(2 * np.pi * frequency * t)


def write_wav(path, values, channels=1, width=2):
    with wave.open(path, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(RATE)
        w.writeframes(values)


class SampleTest(unittest.TestCase):
    def test_the_shipped_wav_decodes_to_what_the_generator_writes(self):
        samples, rate = decode_wav(sample.PATH)
        self.assertEqual(rate, sample.SAMPLE_RATE)
        expected = np.array(sample.generate_samples()) / 32768.0
        self.assertEqual(len(samples), len(expected))
        self.assertLessEqual(np.abs(samples - expected).max(), 1 / 32768.0)

    def test_its_dominant_frequency_is_the_loudest_generated_tone(self):
        samples, rate = decode_wav(sample.PATH)
        loudest = max(sample.TONES, key=lambda tone: tone[1])[0]
        self.assertLessEqual(
            abs(dominant_frequency(samples, rate) - loudest), rate / len(samples)
        )


class FeaturesTest(unittest.TestCase):
    def test_a_pure_tone(self):
        x = sine(1000.0, amplitude=0.5)
        self.assertAlmostEqual(dominant_frequency(x, RATE), 1000.0, delta=1.0)
        self.assertAlmostEqual(rms(x), 0.5 / np.sqrt(2), delta=0.001)
        # Two zero crossings per period.
        self.assertAlmostEqual(zero_crossing_rate(x), 2 * 1000.0 / RATE, delta=0.002)
        self.assertAlmostEqual(spectral_centroid(x[:1024], RATE), 1000.0, delta=50.0)

    def test_the_louder_of_two_tones_dominates_and_the_centroid_lies_between(self):
        x = sine(300.0, 0.2) + sine(2500.0, 0.6)
        self.assertAlmostEqual(dominant_frequency(x, RATE), 2500.0, delta=1.0)
        self.assertTrue(300.0 < spectral_centroid(x, RATE) < 2500.0)

    def test_silence_has_no_energy_crossings_or_frequency(self):
        x = np.zeros(RATE)
        self.assertEqual(
            (rms(x), zero_crossing_rate(x), spectral_centroid(x, RATE), dominant_frequency(x, RATE)),
            (0.0, 0.0, 0.0, 0.0),
        )

    def test_frames_cover_the_signal_with_the_last_one_padded(self):
        f = frames(np.arange(2000.0), frame_length=1024, hop_length=512)
        self.assertEqual(f.shape, (3, 1024))
        self.assertEqual(f[1, 0], 512.0)
        self.assertEqual(f[2, 2000 - 1024 - 1], 1999.0)
        self.assertEqual(f[2, -1], 0.0)


class DecodeTest(unittest.TestCase):
    def test_stereo_is_averaged_to_mono(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "stereo.wav")
            write_wav(path, struct.pack("<4h", 1000, 3000, -2000, 0), channels=2)
            samples, _ = decode_wav(path)
        self.assertEqual(samples.tolist(), [2000 / 32768.0, -1000 / 32768.0])

    def test_8_bit_and_non_wav_files_are_refused_with_a_reason(self):
        with tempfile.TemporaryDirectory() as tmp:
            eight = os.path.join(tmp, "eight.wav")
            write_wav(eight, bytes([128, 200, 50]), width=1)
            with self.assertRaisesRegex(ValueError, "8-bit samples; only 16-bit PCM"):
                decode_wav(eight)
            text = os.path.join(tmp, "notes.wav")
            with open(text, "w", encoding="utf-8") as f:
                f.write("not audio")
            with self.assertRaisesRegex(ValueError, "not a PCM WAV file"):
                decode_wav(text)


class ExtractTest(unittest.TestCase):
    def test_writes_features_and_the_evidence_summary(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "features.json")
            evidence = os.path.join(tmp, "evidence.json")
            os.environ["ONRAMP_EVIDENCE_FILE"] = evidence
            try:
                self.assertEqual(extract.main([sample.PATH, "--out", out]), 0)
            finally:
                del os.environ["ONRAMP_EVIDENCE_FILE"]
            with open(out, encoding="utf-8") as f:
                features = json.load(f)
            with open(evidence, encoding="utf-8") as f:
                summary = json.load(f)
        self.assertEqual(features["dominantFrequencyHz"], 440.0)
        self.assertEqual(features["frames"], len(features["perFrame"]))
        self.assertNotIn("perFrame", summary)
        self.assertEqual(summary["featuresFile"], out)
        self.assertEqual(summary["dominantFrequencyHz"], 440.0)

    def test_an_empty_wav_fails_and_records_nothing(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "empty.wav")
            write_wav(path, b"")
            evidence = os.path.join(tmp, "evidence.json")
            os.environ["ONRAMP_EVIDENCE_FILE"] = evidence
            try:
                code = extract.main([path, "--out", os.path.join(tmp, "f.json")])
            finally:
                del os.environ["ONRAMP_EVIDENCE_FILE"]
            self.assertEqual(code, 2)
            self.assertFalse(os.path.exists(evidence))


if __name__ == "__main__":
    unittest.main()
