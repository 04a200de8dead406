"""The bytes the store keeps per document (``doc.meta["minhash"]``), and back.

One self-describing blob carries everything the dedup stage needs to rebuild its
indexes at the next ingest without re-reading any text:

    magic  b"DLS1"
    header <HIiHH>: num_perm, shingle count, publication day (days since 1970-01-01,
           or NO_DATE), keyword count, length of the dup_of id in bytes
    dup_of utf-8 (empty for an original): near-duplicates are left out of the
           near-duplicate index so that later copies point at the first copy
    minhash  uint32 x num_perm (num_perm is 0 for a text without words)
    keywords uint32 x n, then float16 weights x n (story fingerprint)

The magic carries a version so the layout can change without misreading old rows.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import date

import numpy as np

from dyadline.dedup.stories import NO_DATE, Fingerprint

MAGIC = b"DLS1"
_HEADER = struct.Struct("<HIiHH")
_EPOCH = date(1970, 1, 1).toordinal()


@dataclass(slots=True)
class Signature:
    minhash: np.ndarray | None
    fingerprint: Fingerprint
    date_days: int | None = None
    dup_of: str | None = None
    n_shingles: int = 0


def day_number(iso: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date ("2024-09-08" or a longer timestamp), else None."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal() - _EPOCH
    except ValueError:
        return None


def pack(sig: Signature) -> bytes:
    mh = b"" if sig.minhash is None else np.asarray(sig.minhash, dtype="<u4").tobytes()
    dup = (sig.dup_of or "").encode("utf-8")[:65535]
    fp = sig.fingerprint
    num_perm = 0 if sig.minhash is None else len(sig.minhash)
    header = _HEADER.pack(
        num_perm, min(sig.n_shingles, 2**32 - 1), NO_DATE if sig.date_days is None else sig.date_days, len(fp.hashes),
        len(dup),
    )
    return b"".join(
        [MAGIC, header, dup, mh, fp.hashes.astype("<u4").tobytes(), fp.weights.astype("<f2").tobytes()]
    )


def unpack(blob: bytes) -> Signature:
    """Inverse of ``pack``. Raises ValueError on a blob this version cannot read."""
    if len(blob) < len(MAGIC) + _HEADER.size or blob[:4] != MAGIC:
        raise ValueError("not a dyadline signature blob (bad magic or too short)")
    num_perm, n_sh, day, n_kw, n_dup = _HEADER.unpack_from(blob, 4)
    off = 4 + _HEADER.size
    expected = off + n_dup + 4 * num_perm + 6 * n_kw
    if len(blob) != expected:
        raise ValueError(f"signature blob has {len(blob)} bytes, expected {expected}")
    dup = blob[off : off + n_dup].decode("utf-8") or None
    off += n_dup
    mh = np.frombuffer(blob, dtype="<u4", count=num_perm, offset=off).astype(np.uint32) if num_perm else None
    off += 4 * num_perm
    hashes = np.frombuffer(blob, dtype="<u4", count=n_kw, offset=off).astype(np.uint32)
    off += 4 * n_kw
    weights = np.frombuffer(blob, dtype="<f2", count=n_kw, offset=off).astype(np.float32)
    return Signature(mh, Fingerprint(hashes, weights), None if day == NO_DATE else day, dup, n_sh)


@dataclass(slots=True)
class Columns:
    """Many blobs decoded at once, column-wise (what a bulk load needs).

    ``near_*``: originals with a MinHash (near-duplicates are left out, see module
    docstring). ``kw_*``: every readable blob's keywords, concatenated, with
    ``kw_lengths`` giving each document's share in order of ``ids``.
    """

    ids: list[str]
    dates: list[int | None]
    kw_hashes: np.ndarray
    kw_weights: np.ndarray
    kw_lengths: np.ndarray
    near_ids: list[str]
    near_sigs: np.ndarray
    bad: list[tuple[str, str]]


def unpack_many(items: list[tuple[str, bytes]], num_perm: int) -> Columns:
    """Decode (doc_id, blob) pairs with one numpy conversion per column instead of per
    blob: per-blob ``np.frombuffer`` calls made loading 100k signatures ~1 s slower."""
    ids: list[str] = []
    dates: list[int | None] = []
    kw_h: list[bytes] = []
    kw_w: list[bytes] = []
    lengths: list[int] = []
    near_ids: list[str] = []
    near_mh: list[bytes] = []
    bad: list[tuple[str, str]] = []
    hsize = 4 + _HEADER.size
    for doc_id, blob in items:
        if len(blob) < hsize or blob[:4] != MAGIC:
            bad.append((doc_id, "bad magic or too short"))
            continue
        n_perm, _n_sh, day, n_kw, n_dup = _HEADER.unpack_from(blob, 4)
        if len(blob) != hsize + n_dup + 4 * n_perm + 6 * n_kw:
            bad.append((doc_id, "length does not match header"))
            continue
        off = hsize + n_dup
        if n_perm == num_perm and n_dup == 0:
            near_ids.append(doc_id)
            near_mh.append(blob[off : off + 4 * n_perm])
        off += 4 * n_perm
        ids.append(doc_id)
        dates.append(None if day == NO_DATE else day)
        kw_h.append(blob[off : off + 4 * n_kw])
        kw_w.append(blob[off + 4 * n_kw : off + 6 * n_kw])
        lengths.append(n_kw)
    return Columns(
        ids=ids,
        dates=dates,
        kw_hashes=np.frombuffer(b"".join(kw_h), dtype="<u4").astype(np.uint32),
        kw_weights=np.frombuffer(b"".join(kw_w), dtype="<f2").astype(np.float32),
        kw_lengths=np.asarray(lengths, dtype=np.int64),
        near_ids=near_ids,
        near_sigs=np.frombuffer(b"".join(near_mh), dtype="<u4").astype(np.uint32).reshape(len(near_ids), num_perm),
        bad=bad,
    )
