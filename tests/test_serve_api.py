"""API tests (FastAPI TestClient) on a database written through the store's own writer.

They check real behaviour: filters select the right events, the contract fields are there,
every error is JSON with a 4xx status and no trace, injection strings in every filter are
treated as data, and the security headers are on every response.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from dyadline.model import CONTRACT_FIELDS
from dyadline.serve.app import create_app
from dyadline.serve.fixtures import BLR_CHN_1, XSS_SENTENCE, XSS_TITLE, XSS_URL, build_fixture_db

INJECTIONS = (
    "' OR 1=1 --",
    "'; DROP TABLE events; --",
    '" OR ""="',
    "RUS') UNION SELECT * FROM documents --",
    "%",
    "_",
    "\\",
    "1; SELECT 1",
    "<script>alert(1)</script>",
)
FILTERS = ("actor", "source", "target", "dyad", "type", "factuality", "outlet", "attribution", "q")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "fixture.duckdb"
    build_fixture_db(path)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def counts(db: Path) -> tuple[int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM documents)").fetchone()  # type: ignore[return-value]
    finally:
        con.close()


def test_events_page_has_the_contract_fields(client: TestClient) -> None:
    r = client.get("/api/events", params={"page_size": 2})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 6 and body["page"] == 1 and body["page_size"] == 2 and body["pages"] == 3
    assert len(body["items"]) == 2
    for ev in body["items"]:
        assert set(CONTRACT_FIELDS) <= set(ev), set(CONTRACT_FIELDS) - set(ev)
        assert {"reports", "n_reports", "outlets", "first_seen", "last_seen"} <= set(ev)
    # newest first by default, and paging walks the whole set without repeats
    seen = [ev["event_id"] for p in (1, 2, 3) for ev in client.get("/api/events", params={"page_size": 2, "page": p}).json()["items"]]
    assert len(seen) == len(set(seen)) == 6
    dates = [ev["date"] for p in (1, 2, 3) for ev in client.get("/api/events", params={"page_size": 2, "page": p}).json()["items"]]
    assert dates == sorted(dates, reverse=True)


def test_filters_select_the_right_events(client: TestClient) -> None:
    def types(**params: object) -> list[str]:
        r = client.get("/api/events", params={**params, "page_size": 50})
        assert r.status_code == 200, r.text
        return sorted(ev["type"] for ev in r.json()["items"])

    assert types(dyad="BLR,CHN") == ["AID", "CONSULT", "REJECT"]
    assert types(dyad="CHN,BLR") == ["AID", "CONSULT", "REJECT"]  # undirected
    assert types(actor="RUS") == ["ACCUSE", "ASSAULT", "SANCTION"]  # RUS also finds RUS MIL
    assert types(actor="RUS MIL") == ["ASSAULT"]
    assert types(source="BLR") == ["CONSULT", "REJECT"]
    assert types(type="consult") == ["CONSULT"]
    assert types(type="ACCUSE,REJECT") == ["ACCUSE", "REJECT"]
    assert types(quad=4) == ["ASSAULT", "SANCTION"]
    assert types(outlet="xinhua") == ["CONSULT"]
    assert types(since="2024-10-01", until="2024-10-16") == ["ASSAULT", "SANCTION"]
    assert types(q="sanctions banks") == ["SANCTION"]
    assert types(factuality="negated") == []
    assert types(attribution="none") == ["AID", "CONSULT", "REJECT", "SANCTION"]  # some report unattributed
    assert types(attribution="xinhua") == ["CONSULT"]


def test_sort_and_order(client: TestClient) -> None:
    items = client.get("/api/events", params={"sort": "score", "order": "asc"}).json()["items"]
    scores = [ev["score"] for ev in items]
    assert scores == sorted(scores)
    items = client.get("/api/events", params={"sort": "reports"}).json()["items"]
    assert items[0]["n_reports"] == 2 and items[0]["type"] == "CONSULT"


def test_one_event_has_every_report_and_its_explanation(client: TestClient) -> None:
    ev_id = client.get("/api/events", params={"type": "CONSULT"}).json()["items"][0]["event_id"]
    r = client.get(f"/api/events/{ev_id}")
    assert r.status_code == 200
    ev = r.json()
    assert ev["n_reports"] == 2 and sorted(ev["outlets"]) == ["BelTA", "Xinhua"]
    assert [rep["outlet"] for rep in ev["reports"]][0] == "BelTA"  # the canonical report first
    for rep in ev["reports"]:
        doc = client.get(f"/api/documents/{rep['doc_id']}").json()
        s, e = rep["evidence"]
        assert doc["text"][s:e] == BLR_CHN_1  # offsets index the stored text
        assert rep["url"].startswith("https://")
    assert ev["explain"]["trigger"]["lemma"] == "meet"
    assert ev["source"][0]["code"] == "BLR" and ev["source"][0]["sector"] == "GOV"


def test_document_has_text_and_evidence_offsets(client: TestClient) -> None:
    doc = client.get("/api/documents/doc_belta_1").json()
    assert doc["title"] == "Lukashenko meets Xi in Beijing"
    assert len(doc["events"]) == 2
    for ev in doc["events"]:
        s, e = ev["evidence"]
        assert doc["text"][s:e] == ev["sentence"]
    page = client.get("/api/documents", params={"set_aside": "true"}).json()
    assert [d["doc_id"] for d in page["items"]] == ["doc_ru"]
    assert "text" not in page["items"][0]


def test_series_by_month_fills_gaps_and_splits_quads(client: TestClient) -> None:
    body = client.get("/api/series", params={"dyad": "BLR,CHN", "by": "month"}).json()
    periods = {p["label"]: p for p in body["periods"]}
    assert list(periods) == ["2024-09", "2024-10", "2024-11"]  # October filled in, empty
    assert periods["2024-09"]["events"] == 2 and periods["2024-09"]["cooperation"] == 2
    assert periods["2024-10"]["events"] == 0
    assert periods["2024-11"]["conflict"] == 1 and periods["2024-11"]["quad"]["3"] == 1
    assert periods["2024-11"]["start"] == "2024-11-01" and periods["2024-11"]["end"] == "2024-11-30"
    same = client.get("/api/dyad/CHN/BLR", params={"by": "month"}).json()
    assert [p["events"] for p in same["periods"]] == [p["events"] for p in body["periods"]]
    week = client.get("/api/series", params={"by": "week"}).json()["periods"]
    assert week[0]["label"].startswith("2024-W") and sum(p["events"] for p in week) == 6


def test_network_nodes_and_edges(client: TestClient) -> None:
    net = client.get("/api/network").json()
    ids = {n["id"] for n in net["nodes"]}
    assert {"BLR", "CHN", "RUS", "UKR", "USA"} <= ids
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("BLR", "CHN")]["events"] == 2 and edges[("BLR", "CHN")]["mean_score"] < 2.5
    assert edges[("CHN", "BLR")]["mean_score"] > 0
    assert edges[("RUS", "UKR")]["mean_score"] < 0
    only = client.get("/api/network", params={"actor": "BLR"}).json()
    assert {n["id"] for n in only["nodes"]} == {"BLR", "CHN"}


def test_actors_search_and_summary(client: TestClient) -> None:
    items = client.get("/api/actors", params={"q": "ru"}).json()["items"]
    assert {a["id"] for a in items} >= {"RUS", "RUS MIL"}
    s = client.get("/api/summary").json()
    assert s["documents"] == 7 and s["events"] == 6 and s["set_aside"] == 1
    assert s["languages_set_aside"] == {"ru": 1}
    assert s["multi_report"] == 1 and s["by_quad"]["4"] == 2


@pytest.mark.parametrize("param", FILTERS)
def test_injection_strings_are_data_in_every_filter(client: TestClient, db: Path, param: str) -> None:
    before = counts(db)
    for value in INJECTIONS:
        for path in ("/api/events", "/api/series", "/api/network"):
            r = client.get(path, params={param: value})
            assert r.status_code in (200, 400), (path, param, value, r.status_code, r.text)
            body = r.json()
            if r.status_code == 400:
                assert body["error"]["code"] == "bad_parameter" and "Traceback" not in r.text
            elif path == "/api/events":
                # a string that matched everything would mean it became SQL
                assert body["total"] < 6, (param, value, body["total"])
    assert counts(db) == before


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_in_paths_and_other_params(client: TestClient, value: str) -> None:
    assert client.get(f"/api/events/{value}").status_code in (404, 400)
    assert client.get(f"/api/documents/{value}").status_code in (404, 400)
    for params in ({"sort": value}, {"order": value}, {"by": value}, {"since": value}, {"quad": value}):
        r = client.get("/api/events" if "by" not in params else "/api/series", params=params)
        assert r.status_code == 400 and r.json()["error"]["code"] == "bad_parameter"
    r = client.get("/api/actors", params={"q": value})
    assert r.status_code == 200 and isinstance(r.json()["items"], list)
    r = client.get("/api/documents", params={"q": value, "outlet": value, "language": value[:16]})
    assert r.status_code == 200 and r.json()["total"] == 0


@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/api/events?quad=9", "quad"),
        ("/api/events?quad=one", "quad"),
        ("/api/events?since=2024-13-01", "since"),
        ("/api/events?since=2024-10-01&until=2024-09-01", "since"),
        ("/api/events?type=WAGE_WAR", "type"),
        ("/api/events?factuality=maybe", "factuality"),
        ("/api/events?dyad=BLR", "dyad"),
        ("/api/events?page=0", "page"),
        ("/api/events?page_size=201", "page_size"),
        ("/api/events?page=999999&page_size=200", "page"),
        ("/api/events?sort=evil", "sort"),
        ("/api/series?by=decade", "by"),
        ("/api/network?limit=100000", "limit"),
        ("/api/events?actor=" + "A" * 300, "actor"),
        ("/api/events?q=a%00b", "q"),
    ],
)
def test_bad_parameters_get_a_clear_json_error(client: TestClient, url: str, param: str) -> None:
    r = client.get(url)
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["code"] == "bad_parameter" and err["param"] == param and err["message"]
    assert "Traceback" not in r.text and "duckdb" not in r.text.lower()


def test_not_found_and_method_errors_are_json(client: TestClient) -> None:
    for url in ("/api/events/ev_nope", "/api/documents/nope", "/api/nothing"):
        r = client.get(url)
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = client.post("/api/events")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_request_limits(client: TestClient) -> None:
    r = client.get("/api/events?q=" + "x" * 5000)
    assert r.status_code == 414 and r.json()["error"]["code"] == "uri_too_long"
    r = client.request("GET", "/api/events", content=b"x" * 20000)
    assert r.status_code == 413 and r.json()["error"]["code"] == "request_too_large"


def test_internal_errors_never_leak_a_trace(db: Path) -> None:
    app = create_app(db)

    def boom() -> dict[str, str]:
        raise RuntimeError("secret detail /home/user/db")

    app.add_api_route("/api/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/boom")
    assert r.status_code == 500
    assert r.json() == {"error": {"code": "internal", "message": "internal error; see the server log"}}


def test_security_headers_everywhere(client: TestClient) -> None:
    for url in ("/", "/api/events", "/static/app.js", "/api/nothing", "/docs"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
    assert client.get("/api/events").headers["cache-control"] == "no-store"


def test_host_check_blocks_dns_rebinding(db: Path) -> None:
    app = create_app(db, allowed_hosts=frozenset({"127.0.0.1", "localhost"}))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/summary").status_code == 200
        r = c.get("/api/summary", headers={"host": "attacker.example"})
        assert r.status_code == 400 and r.json()["error"]["code"] == "bad_host"


def test_hostile_article_comes_back_verbatim_as_json_data(client: TestClient) -> None:
    # The API returns JSON (never HTML), so markup is data; the dashboard is tested in a browser.
    ev = client.get("/api/events", params={"type": "ACCUSE"}).json()["items"][0]
    assert ev["sentence"] == XSS_SENTENCE
    r = client.get("/api/documents/doc_xss")
    assert r.headers["content-type"].startswith("application/json")
    doc = r.json()
    assert doc["title"] == XSS_TITLE and doc["url"] == XSS_URL


def test_dashboard_and_docs_are_self_contained(client: TestClient) -> None:
    html = client.get("/").text
    assert '<script src="/static/app.js"' in html
    assert "<script>" not in html and "onclick" not in html and "http://" not in html and "https://" not in html
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    for asset in ("/static/app.js", "/static/app.css", "/static/docs-init.js",
                  "/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/vendor/swagger-ui/LICENSE"):
        assert client.get(asset).status_code == 200, asset
    js = client.get("/static/app.js").text
    assert "innerHTML" not in js.replace("no innerHTML", "") and "eval(" not in js
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/series", "/api/dyad/{a}/{b}", "/api/network",
            "/api/actors", "/api/documents", "/api/documents/{doc_id}", "/api/summary"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "type", "quad", "factuality", "outlet", "since", "until", "q", "page", "page_size"} <= params


def test_openapi_documents_the_contract(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    event = spec["components"]["schemas"]["EventOut"]["properties"]
    assert set(CONTRACT_FIELDS) <= set(event)
    json.dumps(spec)  # serialisable


def test_opens_read_only(db: Path) -> None:
    # Serving (which caches and reads through several cursors) never writes to the database file.
    mtime = db.stat().st_mtime_ns
    with TestClient(create_app(db)) as c:
        assert c.get("/api/summary").status_code == 200
    assert db.stat().st_mtime_ns == mtime


def test_explain_reruns_the_coder_when_nothing_is_stored(client: TestClient) -> None:
    ev = client.get("/api/events", params={"type": "SANCTION"}).json()["items"][0]
    r = client.get(f"/api/events/{ev['event_id']}/explain")
    assert r.status_code == 200
    body = r.json()
    assert body["source"] == "live" and body["explain"]["text"] == ev["sentence"]
    stored = client.get("/api/events", params={"type": "CONSULT"}).json()["items"][0]
    assert client.get(f"/api/events/{stored['event_id']}/explain").json()["source"] == "stored"


def test_response_cache_serves_identical_answers_with_headers(db: Path) -> None:
    app = create_app(db)
    with TestClient(app) as c:
        a = c.get("/api/events?type=CONSULT&page_size=5")
        b = c.get("/api/events?page_size=5&type=CONSULT")  # same query, other order: one cache entry
        assert a.content == b.content and "content-security-policy" in b.headers
        assert c.get("/api/events?type=BOGUS").status_code == 400  # errors are not cached
        assert c.get("/api/events?type=BOGUS").status_code == 400


def test_cli_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dyadline.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no such database" in result.output and "Traceback" not in result.output


def test_network_keeps_the_strongest_edges(client: TestClient) -> None:
    full = client.get("/api/network").json()
    cut = client.get("/api/network", params={"max_edges": 1}).json()
    assert cut["edges_total"] == full["edges_total"] == len(full["edges"]) > 1
    assert len(cut["edges"]) == 1 and cut["edges"][0]["events"] == max(e["events"] for e in full["edges"])
    assert {n["id"] for n in cut["nodes"]} == {cut["edges"][0]["source"], cut["edges"][0]["target"]}


def test_multi_process_factory_builds_the_same_app(db: Path, client: TestClient, monkeypatch: pytest.MonkeyPatch
                                                   ) -> None:
    """`serve --processes N` hands its options to each worker through the environment."""
    from dyadline.serve.app import SERVE_ENV, app_from_env

    monkeypatch.setenv(SERVE_ENV, json.dumps({"db": str(db), "allowed_hosts": ["testserver"], "threads": 1,
                                              "cache_bytes": 0, "db_workers": 2}))
    with TestClient(app_from_env()) as worker:
        got = worker.get("/api/summary")
        assert got.status_code == 200
        assert got.json() == client.get("/api/summary").json()
        assert worker.get("/api/summary", headers={"host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("id_list_len", [1000, 3])
def test_cached_id_pages_equal_the_store_pages(db: Path, monkeypatch: pytest.MonkeyPatch, id_list_len: int) -> None:
    """Pages answered from the remembered id lists (or, past them, by the store) are the store's pages."""
    import dyadline.serve.data as data_mod
    from dyadline.store import queries as Q
    from dyadline.store.db import Store

    monkeypatch.setattr(data_mod, "ID_LIST_LEN", id_list_len)
    app = create_app(db, allowed_hosts=frozenset({"testserver"}), cache_bytes=0)
    with TestClient(app) as c, Store(db, read_only=True) as store:
        for sort in ("date", "score", "reports"):
            for order in ("desc", "asc"):
                for page in (1, 2, 3):
                    got = c.get("/api/events", params={"sort": sort, "order": order, "page": page, "page_size": 2})
                    assert got.status_code == 200, got.text
                    want = Q.events(store, Q.EventFilter(), limit=2, offset=(page - 1) * 2, sort=sort,
                                    descending=order == "desc")
                    assert [e["event_id"] for e in got.json()["items"]] == [e["event_id"] for e in want.items]
                    assert got.json()["total"] == want.total
