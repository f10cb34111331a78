"""Frame-level and whole-signal features with numpy."""

import numpy as np

FRAME_LENGTH = 1024
HOP_LENGTH = 512


def frames(samples, frame_length=FRAME_LENGTH, hop_length=HOP_LENGTH):
    """Overlapping frames (the last partial frame is zero-padded)."""
    if len(samples) <= frame_length:
        count = 1
    else:
        count = 1 + int(np.ceil((len(samples) - frame_length) / hop_length))
    padded = np.zeros((count - 1) * hop_length + frame_length)
    padded[: len(samples)] = samples
    index = np.arange(frame_length)[None, :] + hop_length * np.arange(count)[:, None]
    return padded[index]


def rms(frame):
    return float(np.sqrt(np.mean(frame**2)))


def zero_crossing_rate(frame):
    """Sign changes per sample."""
    signs = np.signbit(frame)
    return float(np.count_nonzero(signs[1:] != signs[:-1]) / (len(frame) - 1))


def magnitude_spectrum(signal, sample_rate):
    windowed = signal * np.hanning(len(signal))
    magnitudes = np.abs(np.fft.rfft(windowed))
    frequencies = np.fft.rfftfreq(len(signal), 1.0 / sample_rate)
    return frequencies, magnitudes


def spectral_centroid(frame, sample_rate):
    """The magnitude-weighted mean frequency in Hz (0 for silence)."""
    frequencies, magnitudes = magnitude_spectrum(frame, sample_rate)
    total = magnitudes.sum()
    return float((frequencies * magnitudes).sum() / total) if total > 0 else 0.0


def dominant_frequency(signal, sample_rate):
    """The frequency of the strongest FFT bin in Hz (0 for silence); the
    resolution is sample_rate / len(signal)."""
    frequencies, magnitudes = magnitude_spectrum(signal, sample_rate)
    magnitudes[0] = 0.0  # ignore DC
    if magnitudes.max() <= 0:
        return 0.0
    return float(frequencies[int(np.argmax(magnitudes))])


def extract(samples, sample_rate):
    per_frame = [
        {
            "rms": rms(f),
            "zeroCrossingRate": zero_crossing_rate(f),
            "spectralCentroidHz": spectral_centroid(f, sample_rate),
        }
        for f in frames(samples)
    ]

    def mean(key):
        return round(float(np.mean([p[key] for p in per_frame])), 6)

    return {
        "sampleRate": sample_rate,
        "samples": int(len(samples)),
        "durationSeconds": round(len(samples) / sample_rate, 6),
        "frameLength": FRAME_LENGTH,
        "hopLength": HOP_LENGTH,
        "frames": len(per_frame),
        "rms": round(rms(samples), 6),
        "meanFrameRms": mean("rms"),
        "zeroCrossingRate": mean("zeroCrossingRate"),
        "spectralCentroidHz": mean("spectralCentroidHz"),
        "dominantFrequencyHz": round(dominant_frequency(samples, sample_rate), 3),
        "frequencyResolutionHz": round(sample_rate / len(samples), 6),
        "perFrame": [{k: round(v, 6) for k, v in p.items()} for p in per_frame],
    }
