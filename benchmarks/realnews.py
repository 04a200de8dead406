"""Precision of dyadline's events on real, mixed-topic web news, by judged events.

Run: ``.venv/bin/python benchmarks/realnews.py`` (gold folder: $DYADLINE_GOLD, default ``<repo>/../shared/gold``;
skips with a message when it is absent). Prints a table and writes ``benchmarks/results/realnews.json``;
``--dump FILE`` writes every event with its key and its verdict (or none) for judging.

Why: the GSR and our own held-out sets hold one event per sentence, written to show a type. Real pages are
mostly sentences with no political event (sport, crime, business, disasters), and an event coder is judged by
what it makes of them. No gold event file exists for such pages, so we judged dyadline's own output:
every event was read, with its sentence, by a judge who saw neither the code nor the rules, and given a
verdict: ``correct``, ``wrong_actors`` (an event of that type is there, a side is wrong), ``wrong_type``,
``wrong_factuality`` or ``no_event`` (nothing there to code). The verdicts live in
``benchmarks/data/realnews_judgments.jsonl``, keyed by a hash of (document, trigger offset, type, source codes,
target codes, factuality); they hold no text of the articles, which are read from the gold folder.

Three sets of articles, used differently:
- ``scrapinghub``: the 181 news pages of the article-extraction benchmark (2018-2019; technology, sport,
  politics, business), coded from their gold article bodies dated 2019-11-19. Every event that either the
  code of the start of the seventh session or the code after it produced was judged, and no rule was written
  while reading them: a held-out measurement, before and after.
- ``ecbplus``: the 982 ECB+ articles (2008-2012, 43 topics: celebrity, crime, disasters, sport, business, war).
  A random 150 events of the odd topics (dev) and 150 of the even topics (held-out) were judged; the rules of
  the seventh session were written reading the dev verdicts, and the held-out ones are counted only. At the end
  of the eighth session every held-out event the code then produced was judged (counted, never read).
- ``re3d``: the 98 re3d documents (2014-2017, the wars in Syria and Iraq: CENTCOM strike reports, government and UN
  statements, Wikipedia, BBC), added in the eighth session as a political genre beside ECB+'s crime and
  disasters. Every event of the code at the time was judged; even positions of the sorted ids are dev, odd ones
  held-out (rules were written reading only the dev verdicts).

A second judge read a random 100 of the held-out pages' events blind (``realnews_second_judge.jsonl``); the
agreement is printed with the figures. Precision is over judged events that the current code still produces; events it now produces that were never
judged are counted as ``unjudged`` and must be judged before a figure is quoted as complete. The judges' brief
is ``benchmarks/data/realnews_judge_brief.md``.

Recall: 800 random sentences were coded blind by helpers with every event a coder should find
(``realnews_annotations.jsonl``, brief in ``realnews_annotation_brief.md``); the benchmark reports how many of those
events dyadline finds, by type alone and with both sides' codes.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import re
import sys
import time
from collections import Counter
from typing import Any

from gold import GOLD, REPO, ecbplus_files  # (benchmarks/gold.py: the shared gold readers)

JUDGMENTS = REPO / "benchmarks" / "data" / "realnews_judgments.jsonl"
SECOND_JUDGE = REPO / "benchmarks" / "data" / "realnews_second_judge.jsonl"  # a blind second reading of 100
# events a coder should find in 800 random sentences, coded blind by helpers (codes only, keyed by sentence hash)
ANNOTATIONS = REPO / "benchmarks" / "data" / "realnews_annotations.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "realnews.json"
TYPE_RIGHT = ("correct", "wrong_actors", "wrong_factuality")


def _detok(words: list[str]) -> str:
    """ECB+ ships tokens; glue them back into running text the way a page would show it."""
    s = " ".join(words)
    s = re.sub(r" ([.,;:!?%)\]])", r"\1", s)
    s = re.sub(r"([(\[$]) ", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    return re.sub(r'" (.*?) "', r'"\1"', s)


def load_ecbplus() -> list[tuple[str, str, str | None, str]]:
    """(doc id, text, date, split): one paragraph per ECB+ sentence; a leading URL line is dropped."""
    out = []
    for name, topic, _, sents in ecbplus_files():
        lines = [_detok(w) for k, w in sents if not (k == 0 and w and w[0].startswith("http"))]
        out.append((name, "\n\n".join(lines), None, "dev" if topic % 2 else "heldout"))
    return out


def load_scrapinghub() -> list[tuple[str, str, str | None, str]]:
    with open(GOLD / "scrapinghub-article-extraction-benchmark" / "ground-truth.json", encoding="utf-8") as fh:
        gt = json.load(fh)
    return [(k, v["articleBody"], "2019-11-19", "heldout") for k, v in sorted(gt.items())]


def load_re3d() -> list[tuple[str, str, str | None, str]]:
    """The 98 re3d documents (2014-2017, the wars in Syria and Iraq: CENTCOM strike reports, UK and US government
    statements, Wikipedia, BBC). Sorted by id; even positions are dev, odd ones held-out."""
    docs = []
    for fn in sorted(glob.glob(str(GOLD / "re3d" / "*" / "documents.json"))):
        with open(fn, encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh if line.strip()]
    docs.sort(key=lambda d: d["_id"])
    return [(d["_id"], d["text"], None, "dev" if i % 2 == 0 else "heldout") for i, d in enumerate(docs)]


def event_key(doc_id: str, e: Any) -> str:
    codes = [",".join(sorted(str(p.actor.code) for p in side)) for side in (e.source, e.target)]
    raw = "|".join([doc_id, str(e.trigger_span[0]), e.type, *codes, e.factuality])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def sentence_key(doc_id: str, sentence: str) -> str:
    return hashlib.sha1(f"{doc_id}|{sentence.strip()}".encode()).hexdigest()[:16]


def code(docs_in: list[tuple[str, str, str | None, str]]) -> list[dict[str, Any]]:
    from dyadline.actors.resolver import ResolveActors
    from dyadline.events.coder import CodeEvents
    from dyadline.model import Document
    from dyadline.nlp.annotate import Annotate

    docs = []
    for doc_id, text, date, _ in docs_in:
        d = Document(origin=doc_id, text=text, given_id=doc_id, date=date)
        d.finalize_ids()
        docs.append(d)
    Annotate()(docs)
    ResolveActors()(docs)
    CodeEvents()(docs)
    out = []
    for (doc_id, _, _, split), d in zip(docs_in, docs, strict=True):
        for e in d.events or []:
            out.append({"key": event_key(doc_id, e), "doc": doc_id, "split": split, "type": e.type,
                        "sentence_key": sentence_key(doc_id, e.sentence),
                        "sides": [[[p.actor.code, p.actor.sector] for p in side] for side in (e.source, e.target)],
                        "source": [f"{p.text}={p.actor.code}" for p in e.source],
                        "target": [f"{p.text}={p.actor.code}" for p in e.target],
                        "factuality": e.factuality, "confidence": round(e.confidence, 3), "sentence": e.sentence})
    return out


def score(events: list[dict[str, Any]], verdicts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    judged = [verdicts[e["key"]] for e in events if e["key"] in verdicts]
    c = Counter(j["verdict"] for j in judged)
    n = len(judged)
    return {
        "events": len(events), "judged": n, "unjudged": len(events) - n, "verdicts": dict(sorted(c.items())),
        "precision": round(c["correct"] / n, 3) if n else None,
        "type_precision": round(sum(c[v] for v in TYPE_RIGHT) / n, 3) if n else None,
        "false_events": round(c["no_event"] / n, 3) if n else None,
    }


def _side_matches(gold: str | None, ours: list[list[Any]]) -> bool:
    """A gold side with no code matches whatever we found; a coded one needs that code among ours. An armed
    group (IMG) matches our armed-group code or a state code read for a rebel-sector mention (CAMEO codes
    Hezbollah as LBN REB)."""
    if not gold:
        return True
    return any(code == gold or (gold == "IMG" and sector == "REB") for code, sector in ours)


def _event_matches(g: dict[str, Any], e: dict[str, Any], with_sides: bool) -> bool:
    if g["type"] != e["type"]:
        return False
    if not with_sides:
        return True
    src, tgt = e["sides"]
    return (_side_matches(g["source"], src) and _side_matches(g["target"], tgt)) or (
        _side_matches(g["source"], tgt) and _side_matches(g["target"], src))  # a joint act either way round


def recall(events: list[dict[str, Any]], annotated: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Recall against blind annotations of random sentences: how many of the events a coder should find we find
    (type alone, and type with both sides), and how often we code an event in a sentence that holds none."""
    ours: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        ours.setdefault(e["sentence_key"], []).append(e)
    # dyadline codes only events with a coded actor on one side: gold events with neither side coded ("2,000
    # people have been killed") are counted apart, not as misses
    gold = [(k, g) for k, a in annotated.items() for g in a["events"] if g["source"] or g["target"]]
    uncoded = sum(1 for a in annotated.values() for g in a["events"] if not (g["source"] or g["target"]))
    empty = [k for k, a in annotated.items() if not a["events"]]
    found_type = sum(any(_event_matches(g, e, False) for e in ours.get(k, [])) for k, g in gold)
    found = sum(any(_event_matches(g, e, True) for e in ours.get(k, [])) for k, g in gold)
    coded = [(k, e) for k in annotated for e in ours.get(k, [])]
    right = sum(any(_event_matches(g, e, True) for g in annotated[k]["events"]) for k, e in coded)
    n = len(gold)
    return {"sentences": len(annotated), "sentences_with_events": len(annotated) - len(empty), "gold_events": n,
            "gold_events_without_a_coded_side": uncoded,
            "recall_type": round(found_type / n, 3) if n else None, "recall": round(found / n, 3) if n else None,
            "our_events": len(coded), "precision": round(right / len(coded), 3) if coded else None,
            "false_on_empty_sentences": round(sum(bool(ours.get(k)) for k in empty) / len(empty), 3) if empty else None}


def agreement(first: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """How often a second, blind judge gave the same verdict: the noise in every precision figure here."""
    pairs = []
    with open(SECOND_JUDGE, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                j = json.loads(line)
                one = first.get(j["set"], {}).get(j["key"])
                if one is not None:
                    pairs.append((one["verdict"], j["verdict"]))
    n = len(pairs)
    if not n:
        return {"events": 0}
    right = [(a == "correct", b == "correct") for a, b in pairs]
    po = sum(a == b for a, b in right) / n
    p1, p2 = sum(a for a, _ in right) / n, sum(b for _, b in right) / n
    pe = p1 * p2 + (1 - p1) * (1 - p2)
    return {"events": n, "same_verdict": round(sum(a == b for a, b in pairs) / n, 3),
            "same_right_or_not": round(po, 3), "kappa_right_or_not": round((po - pe) / (1 - pe), 3) if pe < 1 else None,
            "same_no_event_call": round(sum((a == "no_event") == (b == "no_event") for a, b in pairs) / n, 3)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", help="write every coded event with its key and verdict here (for judging)")
    args = ap.parse_args()
    if not GOLD.exists():
        print(f"gold folder {GOLD} not found: skipping the real-news benchmark")
        return 0
    verdicts: dict[str, dict[str, dict[str, Any]]] = {}
    with open(JUDGMENTS, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                j = json.loads(line)
                verdicts.setdefault(j["set"], {})[j["key"]] = j
    annotations: dict[str, dict[str, dict[str, Any]]] = {}
    if ANNOTATIONS.exists():
        with open(ANNOTATIONS, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    a = json.loads(line)
                    annotations.setdefault(a["set"], {})[a["key"]] = a
    results: dict[str, Any] = {}
    dump = []
    for name, loader in (("scrapinghub", load_scrapinghub), ("ecbplus", load_ecbplus), ("re3d", load_re3d)):
        t0 = time.time()
        docs = loader()
        events = code(docs)
        v = verdicts.get(name, {})
        results[name] = {"documents": len(docs), "seconds": round(time.time() - t0, 1)}
        for split in sorted({e["split"] for e in events}):
            results[name][split] = score([e for e in events if e["split"] == split], v)
            ann = {k: a for k, a in annotations.get(name, {}).items() if a["split"] == split}
            if ann:
                results[name][split]["recall"] = recall([e for e in events if e["split"] == split], ann)
        for e in events:
            dump.append({"set": name, **e, "verdict": v.get(e["key"], {}).get("verdict")})
    print("real news: judged events still produced (precision = correct / judged)")
    print(f"{'set':12} {'split':8} {'events':>6} {'judged':>6} {'unjudged':>8} {'precision':>9} {'type-prec':>9} "
          f"{'false':>6}")
    for name, r in results.items():
        for split in ("dev", "heldout"):
            if split in r:
                s = r[split]
                print(f"{name:12} {split:8} {s['events']:6d} {s['judged']:6d} {s['unjudged']:8d} "
                      f"{s['precision'] or 0:9.3f} {s['type_precision'] or 0:9.3f} {s['false_events'] or 0:6.3f}")
    if annotations:
        print("\nreal news: blind annotations of random sentences (recall = gold events we find)")
        print(f"{'set':12} {'split':8} {'sents':>5} {'w/event':>7} {'gold':>5} {'rec-type':>8} {'recall':>6} "
              f"{'ours':>5} {'prec':>5} {'false-on-empty':>14}")
        for name, r in results.items():
            for split in ("dev", "heldout"):
                if split in r and "recall" in r[split]:
                    q = r[split]["recall"]
                    print(f"{name:12} {split:8} {q['sentences']:5d} {q['sentences_with_events']:7d} {q['gold_events']:5d} "
                          f"{q['recall_type'] or 0:8.3f} {q['recall'] or 0:6.3f} {q['our_events']:5d} "
                          f"{q['precision'] or 0:5.3f} {q['false_on_empty_sentences'] or 0:14.3f}")
    results["judge_agreement"] = agreement(verdicts)
    a = results["judge_agreement"]
    if a.get("events"):
        print(f"second judge on {a['events']} events: same verdict {a['same_verdict']:.2f}, same right/not-right call "
              f"{a['same_right_or_not']:.2f} (kappa {a['kappa_right_or_not']}), same no-event call "
              f"{a['same_no_event_call']:.2f}")
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for d in dump:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
