"""Duplicates and story clusters (issue 3, item 5).

``Deduplicate`` is the pipeline stage; the pieces it is made of work on their own:
``minhash_of`` / ``NearDuplicateIndex`` for near-duplicate text, ``StoryClusterer``
for documents reporting the same story, ``pack``/``unpack`` for the persisted blob.
"""

from dyadline.dedup.minhash import (
    DEFAULT_NUM_PERM,
    DEFAULT_SHINGLE_SIZE,
    DEFAULT_THRESHOLD,
    NearDuplicateIndex,
    jaccard,
    minhash_of,
)
from dyadline.dedup.signature import Signature, pack, unpack
from dyadline.dedup.stage import META_KEY, Deduplicate, signature_of
from dyadline.dedup.stories import DEFAULT_STORY_THRESHOLD, Fingerprint, StoryClusterer

__all__ = [
    "DEFAULT_NUM_PERM",
    "DEFAULT_SHINGLE_SIZE",
    "DEFAULT_STORY_THRESHOLD",
    "DEFAULT_THRESHOLD",
    "META_KEY",
    "Deduplicate",
    "Fingerprint",
    "NearDuplicateIndex",
    "Signature",
    "StoryClusterer",
    "jaccard",
    "minhash_of",
    "pack",
    "signature_of",
    "unpack",
]
