"""MinHash signatures and a banded LSH index for near-duplicate documents.

Signatures come from datasketch's ``MinHash`` (scheme ``affine32``: 32-bit values, so
a 128-permutation signature is 512 bytes), over distinct word shingles of the
normalised text. The band layout (b bands of r rows) is the one datasketch's
``MinHashLSH`` derives for the threshold.

The bucket tables themselves are numpy arrays rather than ``MinHashLSH``'s dicts:
loading 100k stored signatures into ``MinHashLSH`` took ~12 s here (one Python dict
insert per band per document), while sorting band keys in numpy takes well under a
second, and that load happens at the start of every ingest. New signatures go into a
small dict of pending buckets and are folded into the sorted arrays in bulk.

Candidates from the buckets are always verified by the estimated Jaccard similarity
(the fraction of equal signature positions), so bucket-key collisions only cost time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from dyadline.dedup.text import shingles

DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE_SIZE = 3
DEFAULT_THRESHOLD = 0.5

_MIX = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> np.ndarray:
    # Building permutations draws num_perm random pairs; doing it once per process
    # instead of once per document makes hashing several times faster.
    return MinHash(num_perm=num_perm, seed=seed).permutations


def minhash_of(
    text: str, num_perm: int = DEFAULT_NUM_PERM, shingle_size: int = DEFAULT_SHINGLE_SIZE, seed: int = 1
) -> np.ndarray | None:
    """MinHash signature (uint32 array of length ``num_perm``) of a text's word shingles.

    Returns None for a text with no word at all: an empty signature would match every
    other empty text, and exact hashing already covers those.
    """
    return minhash_of_shingles(shingles(text, shingle_size), num_perm, seed)


def minhash_of_shingles(sh: Sequence[bytes], num_perm: int = DEFAULT_NUM_PERM, seed: int = 1) -> np.ndarray | None:
    """MinHash signature of an already-shingled text (None when there are no shingles)."""
    if not sh:
        return None
    m = MinHash(num_perm=num_perm, seed=seed, permutations=_permutations(num_perm, seed), scheme="affine32")
    m.update_batch(sh)
    return np.asarray(m.hashvalues, dtype=np.uint32)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH picks for this threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One 64-bit key per (signature, band): a multiply-xor fold of the band's values.

    Shape (n, bands). Collisions between different bands' contents are possible but
    rare, and harmless because every candidate is verified.
    """
    s = sigs[:, : bands * rows].reshape(len(sigs), bands, rows)
    key = np.zeros((len(sigs), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(rows):
            key = (key ^ s[:, :, j].astype(np.uint64)) * _MIX
            key ^= key >> np.uint64(29)
    return key


class _Growable:
    """Row-appendable 2-D numpy array (amortised doubling), so adding one signature
    does not copy the whole matrix."""

    def __init__(self, width: int, dtype: type) -> None:
        self.data = np.empty((1024, width), dtype=dtype)
        self.n = 0

    def extend(self, rows: np.ndarray) -> None:
        need = self.n + len(rows)
        if need > len(self.data):
            cap = max(need, 2 * len(self.data))
            new = np.empty((cap, self.data.shape[1]), dtype=self.data.dtype)
            new[: self.n] = self.data[: self.n]
            self.data = new
        self.data[self.n : need] = rows
        self.n = need

    @property
    def view(self) -> np.ndarray:
        return self.data[: self.n]


class NearDuplicateIndex:
    """Finds earlier documents whose shingle sets overlap a new one by at least ``threshold``
    (estimated Jaccard). Usable on its own, without a store or a pipeline.

    The LSH buckets are tuned slightly below ``threshold`` (``lsh_slack``) so that true
    pairs near the threshold are not lost to banding, then the estimate decides.
    """

    def __init__(
        self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = DEFAULT_NUM_PERM, lsh_slack: float = 0.1
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = band_params(max(0.05, threshold - lsh_slack), num_perm)
        self.ids: list[str] = []
        self._sigs = _Growable(num_perm, np.uint32)
        # Frozen buckets: per band, keys sorted and the row each key came from.
        self._keys = np.empty((self.bands, 0), dtype=np.uint64)
        self._rows = np.empty((self.bands, 0), dtype=np.int64)
        self._pending: list[dict[int, list[int]]] = [{} for _ in range(self.bands)]
        self._n_pending = 0

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, doc_id: str, sig: np.ndarray) -> None:
        """Index one signature; it is found by queries from now on."""
        row = len(self.ids)
        self.ids.append(doc_id)
        self._sigs.extend(sig.reshape(1, -1))
        for band, key in enumerate(_band_keys(sig.reshape(1, -1), self.bands, self.rows)[0].tolist()):
            self._pending[band].setdefault(key, []).append(row)
        self._n_pending += 1
        if self._n_pending > max(2048, len(self.ids) // 8):
            self._freeze()

    def add_many(self, doc_ids: Sequence[str], sigs: np.ndarray) -> None:
        """Bulk load (the store's signatures at start-up): one sort per band, no Python loop."""
        if not len(doc_ids):
            return
        self.ids.extend(doc_ids)
        self._sigs.extend(np.asarray(sigs, dtype=np.uint32))
        self._freeze()

    def _freeze(self) -> None:
        keys = _band_keys(self._sigs.view, self.bands, self.rows).T  # (bands, n)
        order = np.argsort(keys, axis=1, kind="stable")
        self._keys = np.take_along_axis(keys, order, axis=1)
        self._rows = order
        self._pending = [{} for _ in range(self.bands)]
        self._n_pending = 0

    def candidates(self, sig: np.ndarray) -> np.ndarray:
        """Rows sharing at least one band bucket with ``sig`` (unverified)."""
        keys = _band_keys(sig.reshape(1, -1), self.bands, self.rows)[0]
        found: list[np.ndarray] = []
        if self._keys.shape[1]:
            for band, key in enumerate(keys):
                column = self._keys[band]
                lo = int(column.searchsorted(key, side="left"))
                hi = int(column.searchsorted(key, side="right"))
                if hi > lo:
                    found.append(self._rows[band, lo:hi])
        if self._n_pending:
            for band, key in enumerate(keys.tolist()):
                rows = self._pending[band].get(key)
                if rows:
                    found.append(np.asarray(rows, dtype=np.int64))
        if not found:
            return np.empty(0, dtype=np.int64)
        return np.unique(np.concatenate(found))

    def query(self, sig: np.ndarray, threshold: float | None = None) -> list[tuple[str, float]]:
        """(doc_id, estimated Jaccard) of indexed documents at or above the threshold,
        most similar first; ties go to the earlier document (the first copy)."""
        t = self.threshold if threshold is None else threshold
        rows = self.candidates(sig)
        if not len(rows):
            return []
        sims = np.count_nonzero(self._sigs.view[rows] == sig, axis=1) / self.num_perm
        keep = sims >= t - 1e-9
        rows, sims = rows[keep], sims[keep]
        order = np.lexsort((rows, -sims))
        return [(self.ids[r], float(sims[r_i])) for r_i, r in zip(order.tolist(), rows[order].tolist(), strict=True)]

    def best(self, sig: np.ndarray) -> tuple[str, float] | None:
        hits = self.query(sig)
        return hits[0] if hits else None


def signatures_matrix(sigs: Iterable[np.ndarray], num_perm: int = DEFAULT_NUM_PERM) -> np.ndarray:
    """Stack signatures into an (n, num_perm) uint32 matrix (empty-safe)."""
    rows = list(sigs)
    if not rows:
        return np.empty((0, num_perm), dtype=np.uint32)
    return np.vstack(rows).astype(np.uint32, copy=False)
