"""Voice embeddings of many windows at once with resemblyzer's VoiceEncoder (weights in its wheel).

The mel spectrogram is computed once for the whole file, in numpy, the way resemblyzer's
`wav_to_mel_spectrogram` computes it through librosa (25 ms Hann window, 10 ms hop, power
spectrum, 40 Slaney mel bands, not logarithmic); each window is a slice of it, and the
slices go through the network in batches of BATCH, not one forward pass per window.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import numpy as np

from desktop_app.core.speakers.regions import SAMPLE_RATE, Region

N_FFT = 400  # 25 ms at 16 kHz (resemblyzer.hparams.mel_window_length)
HOP = 160  # 10 ms (mel_window_step): 100 frames a second
FRAMES_PER_S = SAMPLE_RATE // HOP
N_MELS = 40  # mel_n_channels
BATCH = 256  # windows per forward pass: 2.2x faster per window than 64 here; ~6 MB of input


def _hz_to_mel(hz: np.ndarray) -> np.ndarray:
    """The Slaney mel scale (librosa's default): linear below 1 kHz, logarithmic above."""
    hz = np.asarray(hz, dtype=np.float64)
    mel = hz / (200.0 / 3)
    log_part = hz >= 1000.0
    return np.where(log_part, 15.0 + np.log(np.maximum(hz, 1e-10) / 1000.0) / (np.log(6.4) / 27.0), mel)


def _mel_to_hz(mel: np.ndarray) -> np.ndarray:
    mel = np.asarray(mel, dtype=np.float64)
    return np.where(mel >= 15.0, 1000.0 * np.exp((np.log(6.4) / 27.0) * (mel - 15.0)), mel * 200.0 / 3)


@functools.cache
def mel_filters() -> np.ndarray:
    """(N_MELS, N_FFT // 2 + 1) Slaney-normalised triangular filters, as librosa.filters.mel."""
    fft_freqs = np.fft.rfftfreq(N_FFT, 1.0 / SAMPLE_RATE)
    edges = _mel_to_hz(np.linspace(_hz_to_mel(0.0), _hz_to_mel(SAMPLE_RATE / 2), N_MELS + 2))
    widths = np.diff(edges)
    ramps = edges[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / widths[:-1, None]
    upper = ramps[2:] / widths[1:, None]
    weights = np.maximum(0.0, np.minimum(lower, upper))
    weights *= (2.0 / (edges[2:] - edges[:-2]))[:, None]
    return weights.astype(np.float32)


def mel_spectrogram(audio: np.ndarray) -> np.ndarray:
    """(frames, N_MELS) float32 power mel spectrogram, frame i centred at sample i * HOP."""
    padded = np.pad(np.asarray(audio, dtype=np.float32), N_FFT // 2)  # librosa: center=True, zeros
    n_frames = 1 + (len(padded) - N_FFT) // HOP
    window = np.hanning(N_FFT + 1)[:-1].astype(np.float32)  # periodic Hann
    mel = np.empty((n_frames, N_MELS), dtype=np.float32)
    filters = mel_filters().T
    step = 8192  # frames per block keeps the framed copy small on hour-long files
    for first in range(0, n_frames, step):
        count = min(step, n_frames - first)
        frames = np.lib.stride_tricks.as_strided(
            padded[first * HOP:], shape=(count, N_FFT), strides=(padded.strides[0] * HOP, padded.strides[0])
        )
        power = np.abs(np.fft.rfft(frames * window, axis=1)) ** 2
        mel[first:first + count] = power.astype(np.float32) @ filters
    return mel


@functools.cache
def voice_encoder():
    """resemblyzer's VoiceEncoder on the CPU, loaded once per process (17 MB of weights)."""
    from resemblyzer import VoiceEncoder

    encoder = VoiceEncoder("cpu", verbose=False)
    encoder.eval()
    return encoder


def embed_windows(
    mel: np.ndarray,
    windows: Sequence[Region],
    on_batch: Callable[[int], None] | None = None,
) -> np.ndarray:
    """(len(windows), 256) L2-normalised embeddings; `on_batch(done)` after each forward pass."""
    import torch

    encoder = voice_encoder()
    n_frames = max(1, round(max((w.duration for w in windows), default=1.0) * FRAMES_PER_S))
    out = np.empty((len(windows), 256), dtype=np.float32)
    with torch.inference_mode():
        for first in range(0, len(windows), BATCH):
            chunk = windows[first:first + BATCH]
            batch = np.zeros((len(chunk), n_frames, N_MELS), dtype=np.float32)
            for i, w in enumerate(chunk):
                frames = mel[round(w.start * FRAMES_PER_S):round(w.start * FRAMES_PER_S) + n_frames]
                batch[i, :len(frames)] = frames
            out[first:first + len(chunk)] = encoder(torch.from_numpy(batch)).numpy()
            if on_batch is not None:
                on_batch(first + len(chunk))
    return out
