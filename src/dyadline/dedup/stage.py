"""The ``dedup`` pipeline stage: exact copies, near-duplicates and story clusters.

Runs after language detection and before annotation. For each document, in order:

1. Exact copy (same normalised-text hash as a stored document or one seen earlier in
   this run): ``skip_reason = "duplicate: exact copy of <doc_id>"``, so the store does
   not write it again. This is what makes re-ingesting the same input a no-op and an
   interrupted ingest resumable.
2. Near-duplicate (MinHash estimate of word-shingle Jaccard >= ``threshold`` with an
   earlier original): ``doc.dup_of = <original doc_id>``. The document is *not*
   skipped: the store attaches its events to the original's as extra reports, which
   is how the analytics count outlets per event.
3. Story: ``doc.story_id`` from the story clusterer (a near-duplicate simply shares the
   story of its original).

The signature blob goes to ``doc.meta["minhash"]`` so the store writes it in the same
transaction as the document; at construction the stage reloads every stored blob via
``store.iter_signatures()``, so tomorrow's ingest sees today's documents.

Documents set aside for language keep their ``skip_reason`` (unless they are exact
copies, which must not be stored twice) but are still indexed, so a later copy of
them is recognised. Documents that failed earlier (``error: ...``) pass untouched.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from dyadline.dedup.minhash import DEFAULT_NUM_PERM, DEFAULT_SHINGLE_SIZE, DEFAULT_THRESHOLD, NearDuplicateIndex
from dyadline.dedup.minhash import minhash_of_shingles as _minhash
from dyadline.dedup.signature import Signature, day_number, pack, unpack, unpack_many
from dyadline.dedup.stories import DEFAULT_STORY_THRESHOLD, Fingerprint, StoryClusterer
from dyadline.dedup.text import shingles
from dyadline.model import Document, content_hash

log = logging.getLogger(__name__)

META_KEY = "minhash"


class SignatureStore(Protocol):
    """What the stage needs from ``dyadline.store.db.Store``."""

    def has_content_hash(self, h: str) -> str | None: ...

    def iter_signatures(self) -> Iterable[tuple[str, str, bytes | None, str | None]]: ...


class Deduplicate:
    """Pipeline stage ``dedup`` (see module docstring).

    ``threshold`` is the estimated word-3-gram Jaccard similarity from which a document
    counts as a copy of an earlier one; ``story_threshold`` the keyword-fingerprint
    cosine from which it joins an earlier document's story (None disables stories).
    """

    name = "dedup"

    def __init__(
        self,
        store: SignatureStore | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        story_threshold: float | None = DEFAULT_STORY_THRESHOLD,
        num_perm: int = DEFAULT_NUM_PERM,
        shingle_size: int = DEFAULT_SHINGLE_SIZE,
        story_window_days: int = 14,
    ) -> None:
        self.store = store
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.near = NearDuplicateIndex(threshold=threshold, num_perm=num_perm)
        self.stories = (
            StoryClusterer(threshold=story_threshold, window_days=story_window_days)
            if story_threshold is not None
            else None
        )
        self.hashes: dict[str, str] = {}  # content hash -> doc_id of the first copy
        self.stats: dict[str, int] = {"exact": 0, "near": 0, "new_stories": 0, "joined_stories": 0}
        self.loaded = 0
        self.load_seconds = 0.0
        if store is not None:
            t0 = time.perf_counter()
            self.load(store.iter_signatures())
            self.load_seconds = time.perf_counter() - t0

    # ---- persistence ----------------------------------------------------------------
    def load(self, rows: Iterable[tuple[str, str, bytes | None, str | None]]) -> int:
        """Index stored (doc_id, content_hash, signature blob, story_id) rows in bulk."""
        items: list[tuple[str, bytes]] = []
        story_of: dict[str, str] = {}
        n = 0
        for doc_id, h, blob, story_id in rows:
            n += 1
            if h:
                self.hashes.setdefault(h, doc_id)
            if blob:
                items.append((doc_id, bytes(blob)))
                if story_id:
                    story_of[doc_id] = story_id
        cols = unpack_many(items, self.num_perm)
        for doc_id, why in cols.bad[:5]:
            log.warning("dedup: ignoring unreadable signature of %s: %s", doc_id, why)
        if cols.near_ids:
            self.near.add_many(cols.near_ids, cols.near_sigs)
        if self.stories is not None and cols.ids:
            self.stories.add_many(
                cols.ids, [story_of.get(i, i) for i in cols.ids], cols.dates,
                cols.kw_hashes, cols.kw_weights, cols.kw_lengths,
            )
        self.loaded += n
        return n

    # ---- the stage ------------------------------------------------------------------
    def __call__(self, docs: Sequence[Document]) -> Sequence[Document]:
        live = [d for d in docs if not (d.skip_reason or "").startswith("error")]
        if self.stories is not None:
            # Count document frequencies over the whole batch first: idf is better
            # informed and does not depend on the order inside a batch.
            self.stories.observe(d.text for d in live if d.text)
        for doc in live:
            self._one(doc)
        return docs

    def _one(self, doc: Document) -> None:
        if not doc.text:
            return
        if not doc.content_hash:
            doc.content_hash = content_hash(doc.text)
        if not doc.doc_id:
            doc.finalize_ids()
        original = self._exact_original(doc.content_hash)
        if original is not None:
            doc.skip_reason = f"duplicate: exact copy of {original}"
            self.stats["exact"] += 1
            return
        self.hashes[doc.content_hash] = doc.doc_id

        sh = shingles(doc.text, self.shingle_size)
        sig = _minhash(sh, self.num_perm)
        if sig is not None:
            hit = self.near.best(sig)
            if hit is not None and hit[0] != doc.doc_id:
                doc.dup_of = hit[0]
                self.stats["near"] += 1
            else:
                self.near.add(doc.doc_id, sig)

        day = day_number(doc.date)
        fp = Fingerprint.empty()
        if self.stories is not None:
            fp = self.stories.fingerprint(doc.text)
            story = self.stories.story_of(doc.dup_of) if doc.dup_of else None
            if story is None:
                story = self.stories.assign(doc.doc_id, fp, day, add=False)
            self.stories.add(doc.doc_id, story, fp, day)
            doc.story_id = story
            self.stats["new_stories" if story == doc.doc_id else "joined_stories"] += 1
        doc.meta[META_KEY] = pack(Signature(sig, fp, day, doc.dup_of, len(sh)))

    def _exact_original(self, h: str) -> str | None:
        hit = self.hashes.get(h)
        if hit is None and self.store is not None:
            hit = self.store.has_content_hash(h)
        return hit


def iter_story_ids(docs: Iterable[Document]) -> Iterator[tuple[str, str | None]]:
    """(doc_id, story_id) pairs, for reports and tests."""
    for d in docs:
        yield d.doc_id, d.story_id


def signature_of(doc: Document) -> Signature | None:
    """The decoded signature the stage attached to a document, if any."""
    blob: Any = doc.meta.get(META_KEY)
    return unpack(blob) if blob else None
