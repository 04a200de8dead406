"""Readers: every input format, and every bad input turning into a one-line error document."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from dyadline.ingest.extract import Extract
from dyadline.ingest.readers import parse_header, read_paths

ARTICLE = (
    "Belarus cannot hand over the Polonez rocket launchers to Russia. According to columnist Nikola Mikovich, "
    "official Minsk cannot transfer them without consent from China.\n\n"
    "Lukashenko visited China and met Xi Jinping. Washington and Brussels warned Beijing not to sell arms to Russia."
)
PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Polonez | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2024-09-08T10:00:00Z">
<link rel="canonical" href="https://example.org/2024/09/07/polonez"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Polonez</h1>
{"".join(f"<p>{p}</p>" for p in ARTICLE.split(chr(10) * 2))}</article><footer>All rights reserved.</footer></body></html>"""


def read(*paths: object, **kw: object) -> list:
    return list(read_paths([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def assert_error(doc, fragment: str, origin_part: str) -> None:
    assert doc.skip_reason is not None and doc.skip_reason.startswith("error: "), doc.skip_reason
    assert fragment in doc.skip_reason
    assert "\n" not in doc.skip_reason
    assert origin_part in doc.origin


# ---------------------------------------------------------------- formats


def test_txt_with_date_header(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("date 2024-09-08 Belarus keeps its launchers\n" + ARTICLE, encoding="utf-8")
    (doc,) = read(f)
    assert (doc.date, doc.date_source, doc.title) == ("2024-09-08", "header", "Belarus keeps its launchers")
    assert doc.text.startswith("Belarus cannot hand over") and "date 2024" not in doc.text
    assert doc.origin == str(f)


def test_header_variants() -> None:
    assert parse_header("date 2024-09-08 · Title words\nbody") == ("2024-09-08", "Title words", "body")
    date, title, body = parse_header("date 2024-09-08 Belarus cannot hand over the launchers.\nMore.")
    assert (date, title) == ("2024-09-08", "Belarus cannot hand over the launchers.")
    assert body.startswith("Belarus cannot")  # a sentence-like lead stays in the text
    assert parse_header("Dated letters arrived.\nbody") == (None, None, "Dated letters arrived.\nbody")
    assert parse_header("date 2024-09-08\nbody")[:2] == ("2024-09-08", None)


def test_html_file_sets_html_and_extracts(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    (doc,) = read(f)
    assert doc.html and doc.text == ""
    (doc,) = Extract()([doc])
    assert doc.skip_reason is None
    assert "Polonez rocket launchers" in doc.text and "Home" not in doc.text
    assert doc.site == "Example News" and doc.date == "2024-09-08" and doc.date_source == "meta"
    assert doc.canonical_url == "https://example.org/2024/09/07/polonez"
    assert doc.doc_id and doc.content_hash


def test_jsonl_fields_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "items.jsonl"
    lines = [
        json.dumps({"id": "n1", "url": "https://x.org/a", "title": "T", "date": "2024-09-08", "source": "Wire",
                    "text": ARTICLE}),
        "{not json",
        json.dumps({"id": "n3", "html": PAGE}),
        json.dumps({"id": "n4"}),
        json.dumps([1, 2]),
        "",
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = read(f)
    assert [d.origin for d in docs] == [f"{f}:1", f"{f}:2", f"{f}:3", f"{f}:4", f"{f}:5"]
    d1 = docs[0]
    assert (d1.given_id, d1.url, d1.title, d1.date, d1.date_source, d1.site) == (
        "n1", "https://x.org/a", "T", "2024-09-08", "given", "Wire")
    assert_error(docs[1], "invalid JSON", ":2")
    assert docs[2].html and docs[2].given_id == "n3"
    assert_error(docs[3], "neither 'text' nor 'html'", ":4")
    assert_error(docs[4], "expected a JSON object", ":5")
    d1 = Extract()([d1])[0]
    assert d1.doc_id == "n1"


def test_stdin_jsonl() -> None:
    stream = io.StringIO(json.dumps({"id": "s1", "text": ARTICLE}) + "\n")
    (doc,) = read_paths(["-"], stdin=stream)
    assert doc.origin == "<stdin>:1" and doc.given_id == "s1"


def test_directory_recursive_sorted_skips_hidden_and_markdown(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".secret.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "EXPECTED.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    docs = read(tmp_path)
    names = [Path(d.origin).relative_to(tmp_path).as_posix() for d in docs]
    assert names == ["a.txt", "b.txt", "image.png", "sub/a.txt"]
    assert_error(docs[2], "unsupported file type '.png'", "image.png")


def test_gz_of_each_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(("date 2024-01-02 T\n" + ARTICLE).encode()))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": ARTICLE}) + "\n").encode()))
    docs = read(tmp_path)
    assert [d.skip_reason for d in docs] == [None, None, None]
    assert docs[0].date == "2024-01-02" and docs[1].html and docs[2].text


def _warc(path: Path, pages: list[tuple[str, bytes, str]], gz: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_and_warc_gz(tmp_path: Path) -> None:
    pages = [
        ("https://example.org/a", PAGE.encode(), "text/html; charset=utf-8"),
        ("https://example.org/logo.png", b"\x89PNG....", "image/png"),
        ("https://example.org/b", PAGE.replace("Polonez", "Bolonez").encode(), "text/html"),
    ]
    for name, gz in (("x.warc.gz", True), ("y.warc", False)):
        _warc(tmp_path / name, pages, gz=gz)
        docs = read(tmp_path / name)
        assert [d.url for d in docs] == ["https://example.org/a", "https://example.org/b"]
        assert all(d.html and d.skip_reason is None for d in docs)
        assert docs[0].origin.startswith(f"{tmp_path / name}#")


def test_truncated_warc_yields_readable_records_then_error(tmp_path: Path) -> None:
    f = tmp_path / "t.warc.gz"
    _warc(f, [(f"https://example.org/{i}", PAGE.encode() * 3, "text/html") for i in range(3)])
    data = f.read_bytes()
    f.write_bytes(data[: int(len(data) * 0.8)])
    docs = read(f)
    good = [d for d in docs if not d.skip_reason]
    assert len(good) == 2
    assert_error(docs[-1], "truncated or corrupt WARC", str(f))


def test_feed_without_fetch_uses_entry_content(tmp_path: Path) -> None:
    f = tmp_path / "news.rss"
    f.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Polonez</title><link>https://example.org/p</link><pubDate>Sun, 08 Sep 2024 10:00:00 GMT</pubDate>
<description><![CDATA[<p>{ARTICLE}</p>]]></description></item>
<item><title>Empty</title><link>https://example.org/e</link></item></channel></rss>""", encoding="utf-8")
    docs = read(f)
    assert docs[0].origin == "https://example.org/p" and docs[0].title == "Polonez"
    assert docs[0].date == "2024-09-08" and docs[0].date_source == "feed"
    (d0,) = Extract()([docs[0]])
    assert "Polonez rocket launchers" in d0.text and d0.date == "2024-09-08"
    assert_error(docs[1], "feed entry has no text", "example.org/e")


def test_atom_feed(tmp_path: Path) -> None:
    f = tmp_path / "news.atom"
    f.write_text(f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Wire</title><entry><title>Polonez</title><link href="https://example.org/p"/>
<updated>2024-09-08T10:00:00Z</updated><content type="html">&lt;p&gt;{ARTICLE}&lt;/p&gt;</content></entry></feed>""",
                 encoding="utf-8")
    (doc,) = read(f)
    assert doc.date == "2024-09-08" and "Polonez" in (doc.html or "")


def test_url_list_needs_fetch(tmp_path: Path) -> None:
    f = tmp_path / "list.urls"
    f.write_text("# wanted\nhttps://example.org/a\nhttps://example.org/b\n", encoding="utf-8")
    (doc,) = read(f)
    assert_error(doc, "pass fetch", "list.urls")
    g = tmp_path / "list.txt"  # a .txt holding only URLs is a URL list too
    g.write_text("https://example.org/a\n", encoding="utf-8")
    (doc,) = read(g)
    assert_error(doc, "URL list", "list.txt")
    (doc,) = read("https://example.org/a")
    assert_error(doc, "needs fetch", "https://example.org/a")


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
@pytest.mark.parametrize("declared", [True, False])
def test_cyrillic_single_byte_pages_decode(tmp_path: Path, encoding: str, declared: bool) -> None:
    text = ("Президент Беларуси Александр Лукашенко посетил Китай и встретился с Си Цзиньпином. "
            "Вашингтон и Брюссель предупредили Пекин, чтобы тот не продавал оружие России. ") * 3
    meta = f'<meta charset="{encoding}">' if declared else ""
    page = f"<html><head>{meta}<title>Новости</title></head><body><article><p>{text}</p><p>{text}</p></article>" \
           "</body></html>"
    f = tmp_path / f"ru-{encoding}.html"
    f.write_bytes(page.encode(encoding))
    (doc,) = read(f)
    assert doc.skip_reason is None
    assert "Лукашенко посетил Китай" in doc.html
    (doc,) = Extract()([doc])
    assert "Лукашенко посетил Китай" in doc.text


def test_wrongly_declared_charset(tmp_path: Path) -> None:
    text = "Лукашенко посетил Китай и встретился с Си Цзиньпином в Пекине на этой неделе. " * 4
    f = tmp_path / "liar.html"
    f.write_bytes(f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'.encode("cp1251"))
    (doc,) = read(f)
    assert "Лукашенко посетил Китай" in (doc.html or "")


# ---------------------------------------------------------------- bad inputs


def test_bad_inputs_give_one_line_errors_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.html").write_bytes(bytes(range(256)) * 40)
    big = tmp_path / "c_huge.html"
    with open(big, "wb") as fh:
        fh.write(b"<html><body><p>" + b"x" * (50 * 1024 * 1024) + b"</p></body></html>")
    good = tmp_path / "d_good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    gz = tmp_path / "e_truncated.jsonl.gz"
    payload = gzip.compress(b"".join(json.dumps({"id": f"t{i}", "text": ARTICLE}).encode() + b"\n"
                                     for i in range(200)))
    gz.write_bytes(payload[: len(payload) // 2])
    tgz = tmp_path / "f_truncated.html.gz"
    tgz.write_bytes(gzip.compress(PAGE.encode())[:60])
    (tmp_path / "g_broken.html").write_text("<html><body><div><p><b><table><tr><td></div></p>", encoding="utf-8")
    (tmp_path / "h_malformed.html").write_text(
        "<html><head><title>x</title><body><div><p><font>" + ARTICLE.replace("\n\n", "<p>") + "<b><i>unclosed</table>",
        encoding="utf-8")
    docs = read(tmp_path, max_bytes=10 * 1024 * 1024)
    by_file: dict[str, list] = {}
    for d in docs:
        by_file.setdefault(Path(d.origin.split(":")[0]).name, []).append(d)
    assert_error(by_file["a_empty.txt"][0], "empty file", "a_empty.txt")
    assert_error(by_file["b_binary.html"][0], "binary content", "b_binary.html")
    assert_error(by_file["c_huge.html"][0], "too large", "c_huge.html")
    assert by_file["d_good.txt"][0].skip_reason is None
    trunc = by_file["e_truncated.jsonl.gz"]
    assert len([d for d in trunc if not d.skip_reason]) > 10
    assert_error(trunc[-1], "truncated or corrupt gzip", "e_truncated.jsonl.gz")
    assert_error(by_file["f_truncated.html.gz"][0], "truncated or corrupt gzip", "f_truncated.html.gz")
    (broken,) = Extract()(by_file["g_broken.html"])
    assert_error(broken, "no article text", "g_broken.html")
    (malformed,) = Extract()(by_file["h_malformed.html"])  # tag soup with a story: the story is recovered
    assert malformed.skip_reason is None and "Lukashenko visited China" in malformed.text


def test_missing_path_is_an_error_doc(tmp_path: Path) -> None:
    (doc,) = read(tmp_path / "nope.txt")
    assert_error(doc, "no such file", "nope.txt")


def test_corpus_smoke(corpus_dir: Path) -> None:
    docs = Extract()(read(corpus_dir))
    assert len(docs) >= 12
    assert not [d.origin for d in docs if d.skip_reason and d.skip_reason.startswith("error")]


def test_short_feed_summary_becomes_text(tmp_path: Path) -> None:
    f = tmp_path / "short.rss"
    f.write_text("""<rss version="2.0"><channel><item><title>T</title><link>https://example.org/s</link>
<description>&lt;p&gt;Poland closed a border crossing with Belarus on Friday.&lt;/p&gt;</description></item>
</channel></rss>""", encoding="utf-8")
    (doc,) = Extract()(read(f))
    assert doc.skip_reason is None and doc.text == "Poland closed a border crossing with Belarus on Friday."


def test_jsonl_reader_streams_with_flat_memory(tmp_path: Path) -> None:
    """Reading a 20 MB JSONL.gz holds one record at a time, not the file."""
    import tracemalloc

    f = tmp_path / "big.jsonl.gz"
    line = (json.dumps({"text": ARTICLE * 4}) + "\n").encode()
    with gzip.open(f, "wb", compresslevel=1) as fh:
        for _ in range(20 * 1024 * 1024 // len(line)):
            fh.write(line)
    tracemalloc.start()
    try:
        n = 0
        for doc in read_paths([str(f)]):
            n += 1
            assert doc.skip_reason is None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n > 10_000
    assert peak < 3 * 1024 * 1024, peak
