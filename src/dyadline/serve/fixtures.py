"""A small database for the API and browser tests: realistic articles plus one hostile one.

Why in the package and not in tests/: the browser tests, the API tests and the screenshot
script all need the same data, and building it goes through the store's own writer
(``Store.write_batch`` with ``dyadline.store.synthetic.make_document``), so the test database
has exactly the shape real ingest produces, without running the NLP stages.

The hostile article carries everything an attacker could put in a page: a ``<script>`` in
the text and in the evidence sentence, an ``onerror=`` attribute, a ``javascript:`` link as
its URL, and a title and outlet name made of markup. The dashboard must show all of it as text.
"""

from __future__ import annotations

from pathlib import Path

XSS_TITLE = '<img src=x onerror="window.__xss=1;alert(1)">Hostile <b>title</b>'
XSS_SITE = '<svg onload="window.__xss=2">evil.example'
XSS_URL = "javascript:window.__xss=3;alert(3)"
XSS_SENTENCE = 'Russia accused Ukraine of shelling <script>window.__xss=4;alert(4)</script> the plant on Monday.'
XSS_TEXT = (
    '<p onmouseover="window.__xss=5">Intro</p> Officials spoke to reporters. '
    + XSS_SENTENCE
    + ' <a href="javascript:window.__xss=6">click</a> <img src=x onerror=window.__xss=7> End.'
)

BLR_CHN_1 = "Belarusian President Alexander Lukashenko met Chinese President Xi Jinping in Beijing on Monday."
BLR_CHN_2 = "China pledged economic aid to Belarus for a new industrial park near Minsk."
BLR_CHN_3 = "Belarus rejected a Chinese request to extend the loan terms."
RUS_UKR_1 = "Russian forces shelled Kharkiv overnight, Ukrainian officials said."
USA_RUS_1 = "The United States imposed new sanctions on Russian banks."


def build_fixture_db(path: str | Path) -> dict[str, int]:
    """Write the test database at ``path`` (replaced if present); returns table counts."""
    from dyadline.store.db import Store
    from dyadline.store.synthetic import make_document

    path = Path(path)
    if path.exists():
        path.unlink()
    docs = [
        make_document(
            "Minsk, 8 September. " + BLR_CHN_1 + " The two leaders discussed trade. " + BLR_CHN_2,
            doc_id="doc_belta_1", site="BelTA", url="https://www.belta.by/politics/view/1", date="2024-09-08",
            title="Lukashenko meets Xi in Beijing",
            events=[
                {"sentence": BLR_CHN_1, "type": "CONSULT", "source": ("BLR", "GOV"), "target": ("CHN", "GOV"),
                 "mode": "visit", "trigger": "met", "location": "Beijing"},
                {"sentence": BLR_CHN_2, "type": "AID", "source": "CHN", "target": "BLR", "mode": "economic",
                 "trigger": "pledged"},
            ],
        ),
        make_document(
            "Beijing. " + BLR_CHN_1 + " Xinhua reported the talks were friendly.",
            doc_id="doc_xinhua_1", site="Xinhua", url="https://english.news.cn/20240908/a.html", date="2024-09-08",
            title="Xi holds talks with Lukashenko",
            events=[{"sentence": BLR_CHN_1, "type": "CONSULT", "source": ("BLR", "GOV"), "target": ("CHN", "GOV"),
                     "mode": "visit", "trigger": "met", "attribution": "Xinhua"}],
        ),
        make_document(
            "Minsk, 3 November. " + BLR_CHN_3,
            doc_id="doc_belta_2", site="BelTA", url="https://www.belta.by/economics/view/2", date="2024-11-03",
            title="Belarus says no to new loan terms",
            events=[{"sentence": BLR_CHN_3, "type": "REJECT", "source": "BLR", "target": "CHN", "trigger": "rejected"}],
        ),
        make_document(
            "Kyiv. " + RUS_UKR_1,
            doc_id="doc_kyiv_1", site="Kyiv Independent", url="https://kyivindependent.com/a", date="2024-10-02",
            title="Overnight shelling of Kharkiv",
            events=[{"sentence": RUS_UKR_1, "type": "ASSAULT", "source": ("RUS", "MIL"), "target": "UKR",
                     "mode": "heavy-weapons", "trigger": "shelled", "attribution": "Ukrainian officials"}],
        ),
        make_document(
            "Washington. " + USA_RUS_1,
            doc_id="doc_ap_1", site="AP", url="https://apnews.com/article/1", date="2024-10-15",
            title="US sanctions Russian banks",
            events=[{"sentence": USA_RUS_1, "type": "SANCTION", "source": "USA", "target": "RUS", "trigger": "imposed"}],
        ),
        make_document(
            XSS_TEXT, doc_id="doc_xss", site=XSS_SITE, url=XSS_URL, date="2024-10-20", title=XSS_TITLE,
            events=[{"sentence": XSS_SENTENCE, "type": "ACCUSE", "source": "RUS", "target": "UKR", "trigger": "accused",
                     "attribution": '<img src=x onerror="window.__xss=8">'}],
        ),
        make_document(
            "Какой-то текст на русском языке.", doc_id="doc_ru", site="TASS", date="2024-10-01", language="ru",
            skip_reason="language: ru",
        ),
    ]
    for d in docs:  # make_event puts the trigger at the sentence start; place it on the word itself
        for ev in d.events:
            at = d.text.find(ev.trigger, ev.evidence[0], ev.evidence[1]) if ev.trigger else -1
            if at >= 0:
                ev.trigger_span = (at, at + len(ev.trigger))
    # What the coder stores for `dyadline explain`; the event page renders it.
    docs[0].events[0].explanation = {
        "trigger": {"text": "met", "lemma": "meet", "lexicon": "CONSULT/visit"},
        "source": {"text": "Belarusian President Alexander Lukashenko", "rule": "leader-with-term", "code": "BLR GOV"},
        "target": {"text": "Chinese President Xi Jinping", "rule": "leader-with-term", "code": "CHN GOV"},
        "factuality": {"value": "asserted", "cues": []},
        "date": {"value": "2024-09-08", "source": "dateline"},
    }
    with Store(path) as store:
        store.write_batch(docs)
        return {t: store.count(t) for t in ("documents", "events", "event_reports", "event_actors")}
