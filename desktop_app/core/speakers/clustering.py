"""Group window embeddings by voice: spectral clustering (scikit-learn) on a pruned affinity.

The affinity is the cosine similarity of the embeddings with each row pruned to its
nearest neighbours, then made symmetric. The number of voices, when not given, is read
from the largest gap between the eigenvalues of its normalised Laplacian (the eigengap),
and how much to prune is tuned per file by the normalised maximum eigengap (NME-SC:
Park et al., "Auto-Tuning Spectral Clustering for Speaker Diarization Using Normalized
Maximum Eigengap", IEEE SPL 2019). One voice gives its largest gap after the first
eigenvalue, so "one speaker" needs no threshold of its own. A plain distance threshold
merged two espeak-ng voices (docs/benchmarks.md, speakers).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_SPEAKERS = 10
KEEP_FRACTIONS = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5)  # share of each row's neighbours kept, tried in turn
MIN_NEIGHBOURS = 8
MAX_CLUSTERED = 1000  # windows clustered directly; more are labelled by their nearest centroid


@dataclass(frozen=True)
class Clusters:
    """A group number per window, and how many groups there are."""

    labels: np.ndarray
    count: int


def pruned_affinity(embeddings: np.ndarray, keep: float) -> np.ndarray:
    """Cosine similarities, each row keeping only its `keep` share of nearest neighbours."""
    affinity = np.clip(embeddings @ embeddings.T, 0.0, None)
    np.fill_diagonal(affinity, 0.0)
    n = len(affinity)
    k = min(n - 1, max(MIN_NEIGHBOURS, int(np.ceil(keep * n))))
    pruned = np.zeros_like(affinity)
    nearest = np.argpartition(affinity, n - k, axis=1)[:, n - k:]
    rows = np.arange(n)[:, None]
    pruned[rows, nearest] = affinity[rows, nearest]
    return (pruned + pruned.T) / 2


def eigengap(affinity: np.ndarray, max_speakers: int) -> tuple[int, float]:
    """(count, gap): the count after which the normalised Laplacian's eigenvalues jump most."""
    degree = np.maximum(affinity.sum(axis=1), 1e-10)
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(len(affinity)) - affinity * scale[:, None] * scale[None, :]
    values = np.linalg.eigvalsh(laplacian)[: max_speakers + 1]
    gaps = np.diff(values)
    count = int(np.argmax(gaps)) + 1
    return count, float(gaps[count - 1])


def _spectral(affinity: np.ndarray, count: int) -> np.ndarray:
    from sklearn.cluster import SpectralClustering

    if count <= 1:
        return np.zeros(len(affinity), dtype=int)
    model = SpectralClustering(n_clusters=count, affinity="precomputed", random_state=0, assign_labels="cluster_qr")
    return model.fit_predict(affinity)


def _cluster_directly(embeddings: np.ndarray, count: int | None) -> np.ndarray:
    n = len(embeddings)
    max_speakers = min(MAX_SPEAKERS, n - 1)
    best: tuple[float, np.ndarray, int] | None = None
    for keep in KEEP_FRACTIONS:
        affinity = pruned_affinity(embeddings, keep)
        found, gap = eigengap(affinity, max_speakers)
        score = keep / max(gap, 1e-10)  # NME-SC: little pruning and a clear gap
        if best is None or score < best[0]:
            best = (score, affinity, found)
    assert best is not None
    _, affinity, found = best
    return _spectral(affinity, count if count is not None else found)


def cluster_windows(embeddings: np.ndarray, count: int | None) -> Clusters:
    """Group the windows into `count` voices, or into an estimated number when it is None."""
    n = len(embeddings)
    if n < 2 * MIN_NEIGHBOURS or count == 1:
        return Clusters(np.zeros(n, dtype=int), 1 if n else 0)
    if count is not None:
        count = min(count, n)
    if n <= MAX_CLUSTERED:
        labels = _cluster_directly(embeddings, count)
    else:  # an evenly spread sample, then every window to its nearest centroid
        sample = np.linspace(0, n - 1, MAX_CLUSTERED).round().astype(int)
        sample_labels = _cluster_directly(embeddings[sample], count)
        labels = nearest_centroid(embeddings, centroids(embeddings[sample], sample_labels))
    labels = _renumber(labels)
    return Clusters(labels, int(labels.max()) + 1 if n else 0)


def centroids(embeddings: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """(groups, 256) the mean embedding of each group, L2-normalised."""
    means = np.stack([embeddings[labels == g].mean(axis=0) for g in range(int(labels.max()) + 1)])
    return means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-10)


def nearest_centroid(embeddings: np.ndarray, means: np.ndarray) -> np.ndarray:
    """The group whose centroid is nearest (cosine) to each embedding."""
    return np.argmax(embeddings @ means.T, axis=1)


def _renumber(labels: np.ndarray) -> np.ndarray:
    """Groups numbered 0, 1, ... in order of first appearance, empty ones dropped."""
    order: dict[int, int] = {}
    for label in labels.tolist():
        order.setdefault(label, len(order))
    return np.array([order[label] for label in labels.tolist()], dtype=int)
