"""Synthetic data: hand-built documents for tests, and large realistic databases for benchmarks.

``make_document`` / ``make_event`` build pipeline records without running the NLP stages,
so store tests do not depend on the coder. ``generate`` writes a database of any size
directly in SQL (no Python loop per row), so a million events take well under the
benchmark's time budget on two cores, with the same skewed shape as real news: a few busy
dyads, many quiet ones, several reports per event from a pool of outlets, dates over years.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from dyadline.model import Actor, Attribution, Document, Event, Location, Participant

# PLOVER event types with quad class (1 verbal cooperation, 2 material cooperation, 3 verbal
# conflict, 4 material conflict), a typical cooperation-conflict score, and common modes.
PLOVER_TYPES: dict[str, tuple[int, float, tuple[str, ...]]] = {
    "AGREE": (1, 4.0, ("settle", "ceasefire", "")),
    "CONSULT": (1, 2.5, ("visit", "third-party", "phone", "")),
    "SUPPORT": (1, 3.5, ("praise", "")),
    "CONCEDE": (1, 5.0, ("policy", "release", "")),
    "COOPERATE": (2, 6.0, ("economic", "military", "")),
    "AID": (2, 7.0, ("economic", "humanitarian", "military", "")),
    "RETREAT": (2, 5.0, ("withdraw", "")),
    "REQUEST": (3, -1.0, ("assist", "change", "")),
    "ACCUSE": (3, -2.0, ("disapprove", "investigate", "")),
    "REJECT": (3, -4.0, ("assist", "yield", "")),
    "THREATEN": (3, -6.0, ("coerce", "assault", "")),
    "PROTEST": (4, -6.5, ("demonstrate", "riot", "")),
    "SANCTION": (4, -7.0, ("economic", "diplomatic", "")),
    "MOBILIZE": (4, -7.5, ("troops", "")),
    "COERCE": (4, -8.0, ("seize", "arrest", "")),
    "ASSAULT": (4, -10.0, ("firearms", "explosives", "aerial", "")),
}

COUNTRIES = (
    "USA CHN RUS UKR BLR DEU FRA GBR JPN IND BRA TUR IRN ISR PSE SAU EGY SYR IRQ AFG PAK KOR PRK POL ITA ESP CAN "
    "MEX ARG ZAF NGA ETH KEN VNM IDN PHL THA AUS NZL SWE FIN NOR NLD BEL CHE AUT HUN CZE ROU BGR SRB GRC GEO ARM "
    "AZE KAZ UZB MNG QAT ARE JOR LBN LBY TUN DZA MAR SDN SSD SOM VEN COL CHL PER CUB"
).split()
IGOS = ("EUR", "NATO", "UNO", "AFU", "ASN", "WST")
SECTORS = ("GOV", "MIL", "COP", "OPP", "REB", "BUS", "MED", "CVL")
OUTLETS = (
    "Reuters AP AFP BBC Xinhua TASS BelTA Interfax Al-Jazeera DW France24 Kyodo Yonhap NHK PTI ANI Anadolu IRNA "
    "Haaretz TimesOfIsrael Guardian NYTimes WashingtonPost Bloomberg FT WSJ Politico Euronews RFE/RL Meduza "
    "UkrInform Kyiv-Independent SCMP GlobalTimes ChinaDaily TheHindu Dawn ArabNews Ahram Sputnik RT CNN NBC ABC "
    "CBS NPR LeMonde Spiegel ElPais Corriere ANSA EFE Lusa Agerpres PAP CTK MTI Tanjug Kathimerini Civil.ge "
    "Armenpress APA Kazinform UzA Montsame AlArabiya Gulf-News Jordan-Times LOrientLeJour TAP APS MAP SUNA "
    "Garowe Telesur ElTiempo LaTercera Granma"
).split()
FACTUALITY_MIX = ("asserted",) * 8 + ("negated", "possible")


def _hid(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def make_event(
    doc_id: str,
    sentence: str,
    type: str,
    source: str | tuple[str, str | None],
    target: str | tuple[str, str | None],
    *,
    sent_idx: int = 0,
    start: int = 0,
    date: str | None = None,
    date_precision: str = "day",
    factuality: str = "asserted",
    mode: str | None = None,
    attribution: str | None = None,
    reciprocal: bool = False,
    trigger: str = "",
    location: str | None = None,
    confidence: float = 0.8,
) -> Event:
    """An Event as the events stage would produce it; actors as "RUS" or ("RUS", "GOV")."""
    quad, score, _ = PLOVER_TYPES[type]

    def part(a: str | tuple[str, str | None]) -> Participant:
        code, sector = (a, None) if isinstance(a, str) else a
        return Participant(text=code, actor=Actor(code=code, sector=sector, kind="state"))

    return Event(
        doc_id=doc_id, sent_idx=sent_idx, sentence=sentence, evidence=(start, start + len(sentence)), type=type,
        mode=mode, quad=quad, score=score, source=[part(source)], target=[part(target)], reciprocal=reciprocal,
        factuality=factuality, attribution=Attribution(attribution) if attribution else None, date=date,
        date_precision=date_precision if date else "document",
        location=Location(location) if location else None, confidence=confidence, trigger=trigger,
        trigger_span=(start, start + len(trigger)),
    )


def make_document(
    text: str,
    *,
    doc_id: str | None = None,
    site: str | None = None,
    url: str | None = None,
    date: str | None = None,
    title: str | None = None,
    dup_of: str | None = None,
    source_outlet: str | None = None,
    language: str = "en",
    skip_reason: str | None = None,
    events: list[dict[str, Any]] | None = None,
    minhash: bytes | None = None,
    story_id: str | None = None,
) -> Document:
    """A Document past the events stage; ``events`` are make_event keyword dicts (doc_id filled in).

    Each event's sentence is located in ``text`` so evidence offsets are real.
    """
    doc = Document(origin=f"<test>:{doc_id or title or text[:20]}", text=text, title=title, url=url, date=date,
                   site=site, source_outlet=source_outlet, language=language, dup_of=dup_of, story_id=story_id,
                   skip_reason=skip_reason, given_id=doc_id)
    doc.finalize_ids()
    if minhash is not None:
        doc.meta["minhash"] = minhash
    for i, kw in enumerate(events or []):
        kw = dict(kw)
        sentence = kw.pop("sentence")
        start = max(text.find(sentence), 0)
        kw.setdefault("date", date)
        kw.setdefault("sent_idx", i)
        doc.events.append(make_event(doc.doc_id, sentence, start=start, **kw))
    return doc




def generate(path: str | Path, n_events: int, seed: int = 0, reports_per_event: float = 2.5,
             start_year: int = 2018, years: int = 7) -> dict[str, int]:
    """Write a synthetic database with about ``n_events`` merged events; returns table counts.

    Everything is generated by DuckDB SQL from ``range()`` and hashes of the row number and
    seed (deterministic, vectorised, parallel). Shape: actors drawn with a Zipf-like skew
    (a few countries dominate the news), 15% of actors with a sector, 1-6 reports per event
    (mean ~``reports_per_event``) from a pool of outlets, about 10% of reports from
    syndicated copies, ~3% contested events, dates spread over ``years`` years.
    """
    from dyadline.store.db import Store
    from dyadline.store.writer import event_rows_sql

    path = Path(path)
    if path.exists():
        path.unlink()
    with Store(path) as store:
        con = store.con
        types = list(PLOVER_TYPES)
        con.execute("CREATE TEMP TABLE t_types AS SELECT * FROM (VALUES " + ",".join(
            f"({i}, '{t}', {q}, {s}, {list(m)!r})" for i, (t, (q, s, m)) in enumerate(PLOVER_TYPES.items())
        ) + ") v(i, type, quad, score, modes)")
        actors = COUNTRIES + list(IGOS)
        con.execute("CREATE TEMP TABLE t_actors AS SELECT * FROM (VALUES " + ",".join(
            f"({i}, '{a}')" for i, a in enumerate(actors)) + ") v(i, code)")
        con.execute("CREATE TEMP TABLE t_sectors AS SELECT * FROM (VALUES " + ",".join(
            f"({i}, '{s}')" for i, s in enumerate(SECTORS)) + ") v(i, sector)")
        con.execute("CREATE TEMP TABLE t_outlets AS SELECT * FROM (VALUES " + ",".join(
            f"({i}, '{o}')" for i, o in enumerate(OUTLETS)) + ") v(i, outlet)")
        na, nt, no, days = len(actors), len(types), len(OUTLETS), 365 * years
        # u(k) = a uniform [0,1) draw for row i and stream k
        def U(k: int) -> str:
            return f"((hash(i, {k}, {int(seed)}) % 1000003)::DOUBLE / 1000003)"

        # skewed actor index: floor(na * x^2.2) favours low indices (USA, CHN, RUS, ...)
        con.execute(f"""
        CREATE TEMP TABLE t_ev AS
        SELECT i,
               'g_' || i::VARCHAR AS event_id,
               floor({nt} * {U(1)})::INT AS ti,
               floor({na} * pow({U(2)}, 2.2))::INT AS si,
               floor({na} * pow({U(3)}, 2.2))::INT AS gi,
               DATE '{start_year}-01-01' + floor({days} * pow({U(4)}, 0.8))::INT AS d,
               CASE WHEN {U(5)} < 0.15 THEN floor(8 * {U(6)})::INT END AS ssec,
               CASE WHEN {U(7)} < 0.15 THEN floor(8 * {U(8)})::INT END AS tsec,
               greatest(1, least(6, floor(-ln(1 - {U(9)}) * {reports_per_event - 0.5} + 1)))::INT AS nrep,
               {U(10)} < 0.03 AS contested,
               {U(11)} < 0.05 AS recip
        FROM range({n_events}) t(i)""")
        con.execute("UPDATE t_ev SET gi = (gi + 1) % " + str(na) + " WHERE gi = si")
        sentences = (
            "'Officials from ' || sa.code || ' and ' || ga.code || ' were reported to ' || lower(ty.type) || "
            "' on ' || strftime(e.d, '%d %B %Y') || ' in the capital, according to statements from both sides.'"
        )
        con.execute(f"""
        CREATE TEMP TABLE t_rep AS
        SELECT e.event_id, e.i, k,
               'ev_' || substr(md5(e.event_id || '-' || k::VARCHAR || '-{seed}'), 1, 16) AS report_id,
               'doc_' || substr(md5((e.i // 3)::VARCHAR || '-' || k::VARCHAR || '-{seed}'), 1, 16) AS doc_id,
               'doc_' || substr(md5((e.i // 3)::VARCHAR || '-0-{seed}'), 1, 16) AS orig_doc,
               o.outlet, (k > 0 AND hash(e.i, k, 12) % 10 = 0) AS is_copy,
               ty.type, ty.quad, ty.score + ((hash(e.i, 13) % 11)::DOUBLE - 5) / 10 AS score,
               ty.modes[1 + (hash(e.i, 14) % len(ty.modes))::INT] AS mode,
               sa.code AS scode, ga.code AS tcode, ss.sector AS ssector, ts.sector AS tsector, e.recip,
               CASE WHEN e.contested AND k = 1 THEN 'negated'
                    WHEN e.contested THEN 'asserted'
                    ELSE {list(FACTUALITY_MIX)!r}[1 + (hash(e.i, 15) % {len(FACTUALITY_MIX)})::INT] END AS factuality,
               e.d + (hash(e.i, k, 16) % 2)::INT AS doc_date, e.d AS date,
               {sentences} AS sentence
        FROM t_ev e
        CROSS JOIN LATERAL (SELECT unnest(range(e.nrep)) AS k) ks
        JOIN t_types ty ON ty.i = e.ti
        JOIN t_actors sa ON sa.i = e.si JOIN t_actors ga ON ga.i = e.gi
        LEFT JOIN t_sectors ss ON ss.i = e.ssec LEFT JOIN t_sectors ts ON ts.i = e.tsec
        JOIN t_outlets o ON o.i = (hash(e.i, k, 17) % {no})::INT""")
        # the event id is its smallest report id, as in incremental ingest
        con.execute("""
        CREATE TEMP TABLE t_min AS SELECT event_id, min(report_id) AS eid FROM t_rep GROUP BY event_id""")
        con.execute("""
        INSERT INTO documents BY NAME
        SELECT doc_id, md5(doc_id) AS content_hash, 'synthetic:' || doc_id AS origin,
               'https://' || lower(replace(any_value(outlet), '/', '-')) || '.example/' || doc_id AS url,
               any_value(sentence) AS title, min(doc_date) AS date, 'meta' AS date_source,
               any_value(outlet) AS site, any_value(outlet) AS outlet, 'en' AS language,
               any_value(orig_doc) FILTER (WHERE is_copy AND orig_doc <> doc_id) AS dup_of,
               string_agg(sentence, ' ') AS text, count(*)::INT AS n_events, now()::TIMESTAMP AS ingested_at
        FROM t_rep GROUP BY doc_id""")
        con.execute("""
        INSERT INTO event_reports BY NAME
        SELECT r.report_id, m.eid AS event_id, r.doc_id, r.outlet, r.outlet AS site, r.is_copy, r.type,
               array_to_string(list_sort([r.scode, r.tcode]), '|') AS pair_key, r.scode || '>' || r.tcode AS direction,
               r.recip AS reciprocal, r.scode AS source_code, r.ssector AS source_sector,
               r.tcode AS target_code, r.tsector AS target_sector, nullif(r.mode, '') AS mode, r.quad, r.score,
               (r.i % 7)::INT AS sent_idx, r.sentence, 0 AS ev_start, length(r.sentence) AS ev_end,
               lower(r.type) AS trigger, 0 AS trig_start, 0 AS trig_end,
               CASE WHEN hash(r.i, r.k, 18) % 4 = 0 THEN 'a spokesperson' END AS attribution_text,
               r.factuality, r.date, 'day' AS date_precision, r.doc_date, 0.5 + (hash(r.i, 19) % 50) / 100 AS confidence,
               '{}' AS explanation, false AS historical
        FROM t_rep r JOIN t_min m USING (event_id)""")
        con.execute("""
        INSERT INTO event_actors BY NAME
        SELECT m.eid AS event_id, r.report_id, 'source' AS role, 0 AS position, r.scode AS text, r.scode AS code,
               r.ssector AS sector, 'state' AS kind, 'alias' AS rule, 1.0 AS confidence
        FROM t_rep r JOIN t_min m USING (event_id)
        UNION ALL
        SELECT m.eid, r.report_id, 'target', 0, r.tcode, r.tcode, r.tsector, 'state', 'alias', 1.0
        FROM t_rep r JOIN t_min m USING (event_id)""")
        con.execute(f"INSERT INTO events BY NAME {event_rows_sql()}")
        for t in ("t_types", "t_actors", "t_sectors", "t_outlets", "t_ev", "t_rep", "t_min"):
            con.execute(f"DROP TABLE {t}")
        con.execute("CHECKPOINT")
        return {t: store.count(t) for t in ("documents", "events", "event_reports", "event_actors")}


def sample_documents() -> list[Document]:
    """A small hand-built corpus covering what the store must handle (tests, docs examples).

    Independent reports of one meeting (BelTA, Xinhua), a syndicated copy of BelTA, a denial
    (contested), sectors (RUS MIL, RUS GOV), attribution, a possible event, and a Ukrainian
    article set aside by language.
    """
    meet = "Belarusian President Alexander Lukashenko met Chinese President Xi Jinping in Beijing on Monday."
    meet2 = "Xi Jinping held talks with Lukashenko in Beijing, Chinese state media reported."
    deny = "Lukashenko did not meet Xi Jinping in Beijing, the Belarusian opposition claimed."
    sanction = "The European Union imposed new sanctions on Belarus over the crackdown."
    shell = "Russian forces shelled Kharkiv overnight, according to the Ukrainian General Staff."
    accuse = "The Kremlin accused Washington of prolonging the war."
    loan = "China may provide a new loan to Belarus next year, officials said."
    return [
        make_document(f"Minsk, 9 September. {meet} The leaders discussed trade. {sanction}", doc_id="belta-1",
                      site="BelTA", url="https://www.belta.by/1", date="2024-09-09", title="Lukashenko in Beijing",
                      events=[dict(sentence=meet, type="CONSULT", source=("BLR", "GOV"), target=("CHN", "GOV"),
                                   mode="visit", trigger="met", location="Beijing"),
                              dict(sentence=sanction, type="SANCTION", source="EUR", target="BLR",
                                   trigger="imposed")]),
        make_document(f"Beijing. {meet2}", doc_id="xinhua-1", site="Xinhua", url="https://xinhua.example/2",
                      date="2024-09-09",
                      events=[dict(sentence=meet2, type="CONSULT", source="CHN", target="BLR", reciprocal=True,
                                   trigger="held talks", location="Beijing")]),
        make_document(f"Share | Comments (3)\nMinsk, 9 September. {meet} The leaders discussed trade. {sanction}\n"
                      "Read in Russian", doc_id="sputnik-1", url="https://www.sputnik.example/3", date="2024-09-10",
                      dup_of="belta-1",
                      events=[dict(sentence=meet, type="CONSULT", source=("BLR", "GOV"), target=("CHN", "GOV"),
                                   mode="visit", trigger="met", location="Beijing", date="2024-09-10")]),
        make_document(f"Vilnius. {deny}", doc_id="charter-1", site="Charter97", date="2024-09-09",
                      events=[dict(sentence=deny, type="CONSULT", source=("BLR", "GOV"), target="CHN",
                                   factuality="negated", trigger="meet", location="Beijing",
                                   attribution="the Belarusian opposition")]),
        make_document(f"Kyiv. {shell} {accuse}", doc_id="tass-1", site="TASS", date="2024-03-15",
                      events=[dict(sentence=shell, type="ASSAULT", source=("RUS", "MIL"), target="UKR",
                                   trigger="shelled", location="Kharkiv", attribution="the Ukrainian General Staff"),
                              dict(sentence=accuse, type="ACCUSE", source=("RUS", "GOV"), target="USA",
                                   trigger="accused")]),
        make_document(f"Minsk. {loan}", doc_id="reuters-1", site="Reuters", date="2024-11-02",
                      events=[dict(sentence=loan, type="AID", source="CHN", target="BLR", mode="economic",
                                   factuality="possible", trigger="provide", attribution="officials")]),
        make_document("Президент зустрівся з делегацією у Києві.", doc_id="uk-1", language="uk",
                      skip_reason="language: uk", date="2024-09-09"),
    ]
