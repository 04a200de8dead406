"""The dedup stage: exact copies, syndicated near-copies, same-topic non-copies,
persistence through a store, and story grouping."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dyadline.dedup import Deduplicate, signature_of
from dyadline.model import Document

ORIGINAL = """\
The European Union agreed on Tuesday to impose a fresh round of sanctions on Belarus after the government of
President Alexander Lukashenko forced a passenger jet flying between Athens and Vilnius to land in Minsk.
Security officers then detained the opposition journalist Roman Protasevich, who had been on board.

Foreign ministers meeting in Brussels said the measures would freeze the assets of forty officials and bar
state-owned potash and tobacco companies from European capital markets. Belarusian airlines were already banned
from the bloc's airspace last month.

Lithuania and Poland, which border Belarus, pressed for even tougher steps, including a ban on imports of
refined oil products. Hungary asked for exemptions for fertiliser contracts that were signed before the incident.

Minsk called the decision an act of economic warfare and said it would respond by limiting transit of
European goods to Russia and Kazakhstan across Belarusian territory.
"""

# Same story, same kind of facts, written independently: must NOT be a near-duplicate.
SAME_TOPIC = """\
Belarus faces wider European Union sanctions over the forced landing of a Ryanair jet in Minsk, EU foreign
ministers decided in Brussels. The new listings freeze assets of Belarusian officials close to Alexander
Lukashenko and shut potash producers out of EU financing, after the arrest of the journalist Roman Protasevich.

Lithuania and Poland had argued for an embargo on Belarusian oil products. Minsk promised to retaliate by
restricting the transit of EU cargo bound for Russia.
"""

UNRELATED = """\
Heavy rain flooded parts of the Peruvian capital Lima on Sunday, cutting power to thousands of homes and
forcing schools in three districts to close. The national weather service warned that more storms were
expected along the Pacific coast during the week, and the government declared an emergency in two regions.
"""


def syndicated(text: str) -> str:
    """A republished copy: other page furniture, one sentence dropped, a few words changed."""
    body = text.replace(" Hungary asked for exemptions for fertiliser contracts that were signed before the incident.", "")
    body = body.replace("even tougher steps", "still harsher measures").replace("passenger jet", "passenger plane")
    return "Home | World | Politics\nShare on Facebook  Tweet  Email\n" + body + "\nSource: online.ua\nRead more:"


def doc(text: str, origin: str = "x", date: str | None = None, skip: str | None = None) -> Document:
    d = Document(origin=origin, text=text, date=date, skip_reason=skip)
    d.finalize_ids()
    return d


class FakeStore:
    """Stands in for dyadline.store.db.Store: keeps what the store would persist."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[str, bytes | None, str | None]] = {}

    def write(self, docs: list[Document]) -> None:
        for d in docs:
            if d.skip_reason and d.skip_reason.startswith(("duplicate", "error")):
                continue
            self.rows[d.doc_id] = (d.content_hash, d.meta.get("minhash"), d.story_id)

    def has_content_hash(self, h: str) -> str | None:
        return next((i for i, (ch, _, _) in self.rows.items() if ch == h), None)

    def iter_signatures(self) -> Iterator[tuple[str, str, bytes | None, str | None]]:
        for doc_id, (h, blob, story) in self.rows.items():
            yield doc_id, h, blob, story


def test_exact_copy_is_skipped_within_a_run() -> None:
    a, b = doc(ORIGINAL, "a"), doc("  " + ORIGINAL.upper().replace("\n", "  \n"), "b")
    Deduplicate()([a, b])
    assert a.skip_reason is None
    assert b.skip_reason == f"duplicate: exact copy of {a.doc_id}"


def test_exact_copy_of_a_stored_document_is_skipped() -> None:
    store = FakeStore()
    first = doc(ORIGINAL, "a")
    Deduplicate(store=store)([first])
    store.write([first])
    again = doc(ORIGINAL, "a-again")
    Deduplicate(store=store)([again])
    assert again.skip_reason == f"duplicate: exact copy of {first.doc_id}"


def test_store_lookup_is_used_for_hashes_without_signature() -> None:
    class OnlyHashes(FakeStore):
        def iter_signatures(self) -> Iterator[tuple[str, str, bytes | None, str | None]]:
            return iter(())

    store = OnlyHashes()
    first = doc(ORIGINAL, "a")
    store.rows[first.doc_id] = (first.content_hash, None, None)
    again = doc(ORIGINAL, "b")
    Deduplicate(store=store)([again])
    assert again.skip_reason == f"duplicate: exact copy of {first.doc_id}"


def test_syndicated_copy_points_at_first_copy_and_is_not_skipped() -> None:
    a, b = doc(ORIGINAL, "a"), doc(syndicated(ORIGINAL), "b")
    assert a.content_hash != b.content_hash
    stage = Deduplicate()
    stage([a, b])
    assert b.dup_of == a.doc_id
    assert b.skip_reason is None
    assert a.dup_of is None
    assert b.story_id == a.story_id == a.doc_id
    sig = signature_of(b)
    assert sig is not None and sig.dup_of == a.doc_id and sig.minhash is not None


def test_copy_of_a_copy_points_at_the_original() -> None:
    a, b, c = doc(ORIGINAL, "a"), doc(syndicated(ORIGINAL), "b"), doc(syndicated(ORIGINAL) + "\nComments (0)", "c")
    Deduplicate()([a, b, c])
    assert b.dup_of == a.doc_id and c.dup_of == a.doc_id


def test_same_topic_article_is_not_a_near_duplicate() -> None:
    a, b, c = doc(ORIGINAL, "a"), doc(SAME_TOPIC, "b"), doc(UNRELATED, "c")
    Deduplicate()([a, b, c])
    assert b.dup_of is None and c.dup_of is None


def test_threshold_is_configurable() -> None:
    # Half of the article: a near-copy at 0.5 would be lenient, but with a strict threshold it is its own document.
    half = ORIGINAL[: len(ORIGINAL) // 2] + "\nMore on this story later."
    lenient, strict = Deduplicate(threshold=0.3), Deduplicate(threshold=0.95)
    a1, b1 = doc(ORIGINAL, "a"), doc(half, "b")
    lenient([a1, b1])
    a2, b2 = doc(ORIGINAL, "a"), doc(half, "b")
    strict([a2, b2])
    assert b1.dup_of == a1.doc_id
    assert b2.dup_of is None
    with pytest.raises(ValueError):
        Deduplicate(threshold=0.0)


def test_index_persists_across_instances_through_the_store() -> None:
    store = FakeStore()
    today = Deduplicate(store=store)
    a, other = doc(ORIGINAL, "a", date="2021-06-21"), doc(UNRELATED, "c", date="2021-06-21")
    today([a, other])
    store.write([a, other])

    tomorrow = Deduplicate(store=store)
    assert tomorrow.loaded == 2
    copy, follow_up = doc(syndicated(ORIGINAL), "b", date="2021-06-22"), doc(SAME_TOPIC, "d", date="2021-06-22")
    tomorrow([copy, follow_up])
    assert copy.dup_of == a.doc_id
    assert copy.story_id == a.story_id
    assert follow_up.dup_of is None
    assert follow_up.story_id == a.doc_id
    store.write([copy, follow_up])

    # A third run: a copy of the copy still resolves to the first copy (dups are not indexed as originals).
    third = Deduplicate(store=store)
    again = doc(syndicated(ORIGINAL) + "\nAll rights reserved.", "e", date="2021-06-23")
    third([again])
    assert again.dup_of == a.doc_id


def test_story_grouping_separates_unrelated_news() -> None:
    a, b, c = doc(ORIGINAL, "a"), doc(SAME_TOPIC, "b"), doc(UNRELATED, "c")
    stage = Deduplicate()
    stage([a, b, c])
    assert a.story_id == a.doc_id
    assert b.story_id == a.doc_id
    assert c.story_id == c.doc_id
    assert stage.stats["new_stories"] == 2 and stage.stats["joined_stories"] == 1


def test_story_window_keeps_distant_dates_apart() -> None:
    a, b = doc(ORIGINAL, "a", date="2021-06-21"), doc(SAME_TOPIC, "b", date="2022-03-01")
    Deduplicate(story_window_days=14)([a, b])
    assert b.story_id == b.doc_id


def test_stories_can_be_disabled() -> None:
    a, b = doc(ORIGINAL, "a"), doc(SAME_TOPIC, "b")
    Deduplicate(story_threshold=None)([a, b])
    assert a.story_id is None and b.story_id is None


def test_language_set_aside_is_indexed_but_keeps_its_reason() -> None:
    store = FakeStore()
    uk = doc("Європейський союз ухвалив нові санкції проти Білорусі після примусової посадки літака.", "uk",
             skip="language: uk")
    Deduplicate(store=store)([uk])
    assert uk.skip_reason == "language: uk"
    assert "minhash" in uk.meta
    store.write([uk])
    again = doc(uk.text, "uk2", skip="language: uk")
    Deduplicate(store=store)([again])
    assert again.skip_reason == f"duplicate: exact copy of {uk.doc_id}"


def test_errored_documents_pass_untouched() -> None:
    bad = Document(origin="bad.html", text="", skip_reason="error: empty file")
    also_bad = Document(origin="bad2.html", text=ORIGINAL, skip_reason="error: binary content")
    out = Deduplicate()([bad, also_bad])
    assert list(out) == [bad, also_bad]
    assert bad.skip_reason == "error: empty file" and also_bad.skip_reason == "error: binary content"
    assert "minhash" not in also_bad.meta and also_bad.dup_of is None and also_bad.story_id is None


def test_unreadable_stored_blob_is_ignored() -> None:
    store = FakeStore()
    store.rows["x"] = ("abc", b"garbage", None)
    stage = Deduplicate(store=store)
    assert stage.loaded == 1
    d = doc(ORIGINAL, "a")
    stage([d])
    assert d.skip_reason is None
