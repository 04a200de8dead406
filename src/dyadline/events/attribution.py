"""Attribution: according to whom did the event happen?

Null means the outlet itself asserts the event. Otherwise the chain runs outermost first:
the page outlet (``doc.site``) -> the credited outlet (``doc.source_outlet``, "Source: online.ua")
-> the publication a speaker wrote in ("in an article for Y") -> the named speaker ("according to
columnist Nikola Mikovich", "X said", "X told Reuters", "officials said", quotes).
Why a chain: an analyst weighs "Reuters quoting an anonymous official" differently from "Reuters",
and a syndicated copy should not look like independent confirmation.
"""

from __future__ import annotations

from typing import Any

from dyadline.events.frames import MentionIndex
from dyadline.model import Attribution, Document

REPORT_VERBS = frozenset(
    """say tell report write state claim announce add note declare confirm assert insist argue explain
    quote cite reveal disclose stress emphasise emphasize allege acknowledge admit suggest told hint signal
    indicate""".split()
)
TITLES = frozenset(
    """columnist analyst expert journalist correspondent reporter spokesman spokeswoman spokesperson official
    minister president commentator editor observer source sources officials the a an""".split()
)


def _speaker_text(tok: Any) -> tuple[str, Any]:
    """The name inside a speaker phrase: a PERSON/ORG entity if there is one, else the phrase."""
    sub = list(tok.subtree)
    for ent in tok.doc.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and ent.start >= sub[0].i and ent.end <= sub[-1].i + 1:
            return ent.text, ent
    words = [t for t in sub if t.dep_ not in ("punct", "det") and t.dep_ not in ("relcl", "acl", "appos")]
    text = " ".join(t.text for t in words if t.i <= tok.i or t.head.i <= tok.i) or tok.text
    return text, None


def _publication(verb: Any) -> str | None:
    """ "wrote in an article for Y" / "told Y" -> Y (the publication carrying the speaker)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "for"):
            for pobj in prep.children:
                for p2 in pobj.children:
                    if p2.dep_ == "prep" and p2.lower_ in ("for", "in", "of"):
                        for y in p2.children:
                            if y.dep_ == "pobj":
                                return _speaker_text(y)[0]
    return None


def find_speaker(trigger: Any, idx: MentionIndex | None = None) -> tuple[str, str | None, str | None, str] | None:
    """(speaker text, actor code, publication, cue) for the event at ``trigger``, or None."""
    sent = trigger.sent
    # "according to X" anywhere in the sentence that governs the trigger's clause
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            to = tok.nbor(1)
            pobjs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
            if pobjs:
                text, _ = _speaker_text(pobjs[0])
                code = _code(pobjs[0], idx)
                return text, code, None, "according to"
    # a reporting verb that governs the trigger ("X said (that) ...") or sits beside it ("..., X said")
    cur = trigger
    for _ in range(8):
        head = cur.head  # spaCy makes a new Token object per access: compare positions, never identity
        if head.lemma_.lower() in REPORT_VERBS and cur.dep_ in ("ccomp", "parataxis", "xcomp") and head.i != cur.i:
            got = _subject_speaker(head, idx)
            if got:
                return got
        if head.i == cur.i:
            break
        cur = head
    root = cur
    for c in root.children:  # "Russia attacked Kyiv, officials said" -> said is parataxis/ccomp of attacked
        if c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_.lower() in REPORT_VERBS and c.i > trigger.i:
            got = _subject_speaker(c, idx)
            if got:
                return got
    if root.lemma_.lower() in REPORT_VERBS and root.i != trigger.i:
        got = _subject_speaker(root, idx)
        if got:
            return got
    return None


def _code(tok: Any, idx: MentionIndex | None) -> str | None:
    if idx is None:
        return None
    m = idx.find(tok)
    return m.actor.code if m is not None else None


def _subject_speaker(verb: Any, idx: MentionIndex | None) -> tuple[str, str | None, str | None, str] | None:
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subs:
        return None
    text, _ = _speaker_text(subs[0])
    if subs[0].lower_ in ("it", "he", "she", "they", "we", "i") and idx is not None:
        m = idx.find(subs[0])
        text = m.text if m is not None else text
    return text, _code(subs[0], idx), _publication(verb), f"reporting verb '{verb.text}'"


def attribute(doc: Document, trigger: Any, idx: MentionIndex | None,
              sources: list[str]) -> tuple[Attribution | None, list[str]]:
    """The attribution for one event and the cues behind it.

    A speaker who is also the event's own source ("Lukashenko said Belarus would ...") still
    counts: the outlet reports the claim, it does not assert the act.
    """
    chain: list[str] = []
    if doc.site:
        chain.append(doc.site)
    if doc.source_outlet and doc.source_outlet != doc.site:
        chain.append(doc.source_outlet)
    spk = find_speaker(trigger, idx)
    if spk is not None:
        text, code, publication, cue = spk
        if publication:
            chain.append(publication)
        chain.append(text)
        return Attribution(text=text, code=code, kind="speaker", chain=chain), [cue]
    if doc.source_outlet and doc.source_outlet != doc.site:
        return Attribution(text=doc.source_outlet, kind="outlet", chain=chain), ["credited outlet"]
    return None, []
