"""Pure pieces of dyadline.dedup, without a store: signatures, the banded LSH index,
the persisted blob, the story clusterer; plus property tests on the whole stage."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadline.dedup import (
    Deduplicate,
    Fingerprint,
    NearDuplicateIndex,
    Signature,
    StoryClusterer,
    jaccard,
    minhash_of,
    pack,
    unpack,
)
from dyadline.dedup.signature import day_number, unpack_many
from dyadline.dedup.text import shingles, tokens
from dyadline.model import Document

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa".split()


def random_text(rng: np.random.Generator, n: int = 200) -> str:
    return " ".join(rng.choice(WORDS, size=n).tolist()) + " " + " ".join(f"w{int(x)}" for x in rng.integers(0, 10**6, n))


def test_tokens_ignore_case_punctuation_and_split_cjk() -> None:
    assert tokens("The EU's  sanctions—on Belarus!") == ["the", "eu", "s", "sanctions", "on", "belarus"]
    assert tokens("中国外交部") == ["中", "国", "外", "交", "部"]
    assert shingles("one two", 3) == [b"one two"]
    assert shingles("...", 3) == []


def test_minhash_of_identical_and_empty_text() -> None:
    text = "Ministers met in Brussels on Tuesday and agreed new measures against the government in Minsk."
    a, b = minhash_of(text), minhash_of("  " + text.upper())
    assert a is not None and b is not None and a.dtype == np.uint32 and len(a) == 128
    assert jaccard(a, b) == 1.0
    assert minhash_of("") is None and minhash_of(" -- !! ") is None
    assert len(minhash_of(text, num_perm=64)) == 64  # type: ignore[arg-type]


def test_index_finds_edited_copy_and_prefers_the_earlier_document() -> None:
    rng = np.random.default_rng(0)
    text = random_text(rng)
    idx = NearDuplicateIndex(threshold=0.5)
    idx.add("first", minhash_of(text))  # type: ignore[arg-type]
    idx.add("second", minhash_of(text))  # type: ignore[arg-type]
    idx.add("other", minhash_of(random_text(rng)))  # type: ignore[arg-type]
    edited = text.replace("w", "v", 3) + " Source: online.ua"
    hits = idx.query(minhash_of(edited))  # type: ignore[arg-type]
    assert [h[0] for h in hits] == ["first", "second"]
    assert 0.5 <= hits[0][1] < 1.0


def test_index_bulk_load_and_incremental_adds_agree() -> None:
    rng = np.random.default_rng(1)
    sigs = rng.integers(0, 2**32 - 1, size=(3000, 128), dtype=np.uint64).astype(np.uint32)
    bulk, one_by_one = NearDuplicateIndex(), NearDuplicateIndex()
    bulk.add_many([f"d{i}" for i in range(3000)], sigs)
    for i in range(3000):  # crosses the pending -> frozen fold-in at least once
        one_by_one.add(f"d{i}", sigs[i])
    for i in (0, 1234, 2047, 2999):
        assert bulk.best(sigs[i]) == (f"d{i}", 1.0)
        assert one_by_one.best(sigs[i]) == (f"d{i}", 1.0)
    assert len(bulk) == len(one_by_one) == 3000


def test_signature_blob_round_trip() -> None:
    mh = minhash_of("a few words to hash for the round trip")
    fp = Fingerprint(np.array([3, 9, 12], dtype=np.uint32), np.array([0.6, 0.6, 0.52915], dtype=np.float32))
    sig = Signature(mh, fp, day_number("2024-09-08"), "orig_doc", 7)
    back = unpack(pack(sig))
    assert np.array_equal(back.minhash, mh)  # type: ignore[arg-type]
    assert back.dup_of == "orig_doc" and back.date_days == day_number("2024-09-08") and back.n_shingles == 7
    assert np.array_equal(back.fingerprint.hashes, fp.hashes)
    assert np.allclose(back.fingerprint.weights, fp.weights, atol=1e-3)
    empty = unpack(pack(Signature(None, Fingerprint.empty())))
    assert empty.minhash is None and empty.date_days is None and empty.dup_of is None
    with pytest.raises(ValueError):
        unpack(b"DLS1short")
    with pytest.raises(ValueError):
        unpack(pack(sig)[:-1])
    cols = unpack_many([("a", pack(sig)), ("b", pack(Signature(mh, fp))), ("c", b"junk")], 128)
    assert cols.ids == ["a", "b"] and cols.near_ids == ["b"] and [b for b, _ in cols.bad] == ["c"]
    assert cols.kw_lengths.tolist() == [3, 3] and np.array_equal(cols.near_sigs[0], mh)  # type: ignore[arg-type]
    assert day_number("2024-13-99") is None and day_number(None) is None


def test_story_clusterer_standalone() -> None:
    quake = [
        "A magnitude 7.1 earthquake struck Tokyo on Monday. The Japan Meteorological Agency issued a tsunami warning.",
        "Tokyo was shaken by a 7.1 magnitude earthquake; the Japan Meteorological Agency warned of a tsunami.",
    ]
    other = "Argentina beat Brazil two goals to one in Buenos Aires to reach the Copa America final, Messi scoring."
    sc = StoryClusterer(threshold=0.3)
    sc.observe([*quake, other])
    s1 = sc.assign("q1", sc.fingerprint(quake[0]))
    s2 = sc.assign("q2", sc.fingerprint(quake[1]))
    s3 = sc.assign("f1", sc.fingerprint(other))
    assert (s1, s2, s3) == ("q1", "q1", "f1")
    assert sc.story_of("q2") == "q1" and sc.story_of("nope") is None
    assert sc.fingerprint("").hashes.size == 0


_texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_texts, min_size=1, max_size=6), st.sampled_from([None, "2024-02-30", "2024-09-08", "garbage"]))
def test_random_text_never_crashes_the_stage(texts: list[str], date: str | None) -> None:
    docs = []
    for i, t in enumerate(texts):
        d = Document(origin=f"r{i}", text=t, date=date)
        d.finalize_ids()
        docs.append(d)
    out = Deduplicate()(docs)
    assert len(out) == len(docs)
    for d in out:
        assert d.skip_reason is None or d.skip_reason.startswith("duplicate: exact copy of ")
        if d.text and not d.skip_reason:
            assert unpack(d.meta["minhash"]).dup_of == d.dup_of


@settings(max_examples=60, deadline=None)
@given(_texts.filter(lambda t: bool(tokens(t))))
def test_text_is_always_a_near_duplicate_of_an_identical_copy(text: str) -> None:
    idx = NearDuplicateIndex(threshold=0.9)
    sig = minhash_of(text)
    assert sig is not None
    idx.add("orig", sig)
    assert idx.best(minhash_of(text)) == ("orig", 1.0)  # type: ignore[arg-type]
    # Through the stage an identical copy is caught even earlier, as an exact copy.
    a, b = Document(origin="a", text=text), Document(origin="b", text=text)
    a.finalize_ids()
    b.finalize_ids()
    Deduplicate()([a, b])
    assert b.skip_reason == f"duplicate: exact copy of {a.doc_id}"
