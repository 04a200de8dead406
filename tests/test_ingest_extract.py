"""Extraction: the furniture filter, the source credit, metadata precedence, one story per document."""

from __future__ import annotations

import pytest

from dyadline.ingest.extract import Extract, clean_text, extract_html
from dyadline.ingest.furniture import is_furniture
from dyadline.ingest.langid import DetectLanguage, detect_language
from dyadline.ingest.metadata import dateline_date, normalise_date, url_date
from dyadline.ingest.readers import text_document
from dyadline.model import Document

STORY = [
    "Belarus cannot hand over the Polonez rocket launchers to Russia. According to columnist Nikola Mikovich, "
    "official Minsk cannot transfer them without consent from China.",
    "Lukashenko visited China and met Xi Jinping. Lukashenka did not discuss the launchers in public after the "
    "meeting.",
    "Washington and Brussels warned Beijing not to sell arms to Russia. According to Mikovich, China does not want "
    "new Western sanctions because of Belarus.",
]
FURNITURE = [
    "Читати українською", "No comments", "Leave Your Comment", "Girish 156", "Today is 12", "Umumi 258434",
    "Share on Facebook", "Facebook | Telegram | Viber", "Tags: Belarus, Russia, China", "Comments (2)",
    "Font size: A A A", "Share: Facebook / X / Telegram", "Türkçe oku | Читать по-русски", "Login to comment",
    "All rights reserved. Use of materials is allowed only with a hyperlink to the source.", "08.09.2024, 14:25",
    "April 24, 2024 | 6 min read", "WORLD | POLITICS | MARKETS | TECH | LIVE", "Read also: Zelensky thanked Poland",
]
DEVELOPERS_PAGE = "\n".join([
    "date 2024-09-08 · Belarus cannot hand over the Polonez rocket launchers to Russia.",
    "Home", "News", "Politics", "World", "Search",
    *STORY[:2], "Читати українською", STORY[2],
    "Source: online.ua",
    "No comments", "Leave Your Comment", "Girish 156", "Today is 12", "Umumi 258434",
    "About us", "Online news agency covering Ukraine, Belarus and the region since 2011.", "Contacts",
])


def test_developers_example_keeps_story_drops_furniture() -> None:
    (doc,) = Extract()([text_document(DEVELOPERS_PAGE, "dev.txt")])
    assert doc.skip_reason is None
    for para in STORY:
        assert para in doc.text
    for junk in ("Читати", "No comments", "Leave Your Comment", "Girish", "Today is", "Umumi", "About us",
                 "Online news agency", "Contacts", "Home", "Search"):
        assert junk not in doc.text, junk
    assert doc.source_outlet == "online.ua"
    assert (doc.date, doc.date_source) == ("2024-09-08", "header")
    assert doc.title == "Belarus cannot hand over the Polonez rocket launchers to Russia."


def test_same_filter_for_html() -> None:
    body = "".join(f"<p>{p}</p>" for p in STORY) + "".join(f"<p>{f}</p>" for f in FURNITURE)
    html = f"<html><head><title>Polonez</title></head><body><article>{body}</article></body></html>"
    res = extract_html(html)
    for para in STORY:
        assert para in res.text
    for junk in FURNITURE:
        assert junk not in res.text, junk


def test_each_furniture_line_is_recognised_and_story_lines_are_not() -> None:
    for junk in FURNITURE:
        assert is_furniture(junk), junk
    for line in [*STORY, "Vladimir Putin and Lukashenka met in Minsk in May.", "The talks lasted 12 hours.",
                 "Operation Barbarossa 1941", "Apple Watch Series 4"]:
        assert not is_furniture(line), line


def test_source_credit_variants() -> None:
    for line, outlet in [("Source: online.ua", "online.ua"), ("Originally published by The Kyiv Independent.",
                                                                "The Kyiv Independent"),
                         ("This article was originally published on Meduza", "Meduza"),
                         ("Republished from Reuters", "Reuters")]:
        (doc,) = Extract()([Document(origin="x", text="\n".join([*STORY, line]))])
        assert doc.source_outlet == outlet, line
    for prose in ("Sources said the talks failed.", "Source said Russia would retreat", "Via Appia"):
        (doc,) = Extract()([Document(origin="x", text="\n".join([*STORY, prose]))])
        assert doc.source_outlet is None, prose


def test_main_story_kept_other_stories_cut() -> None:
    text = "\n".join([*STORY, "More news", "Poland closes border crossing", "Poland closed the crossing on Friday "
                      "after Belarus jailed a journalist, officials said in Warsaw."])
    assert clean_text(text).endswith("because of Belarus.")
    second = "\n".join([*STORY, "", "Poland closes border crossing with Belarus", "10.02.2023",
                        "Poland closed the Bobrowniki crossing on Friday."])
    (doc,) = Extract()([text_document("date 2024-09-08 Polonez\n" + second, "two.txt")])
    assert "Bobrowniki" not in doc.text and STORY[2] in doc.text
    html = ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in STORY) + "<h3>Related stories</h3>"
            "<p>Poland closed the Bobrowniki border crossing on Friday after Belarus jailed a journalist, the "
            "Polish interior ministry said in a statement.</p></article></body></html>")
    assert "Bobrowniki" not in extract_html(html).text


def test_html_page_with_two_articles_keeps_the_first() -> None:
    first = "<article><h1>Polonez</h1>" + "".join(f"<p>{p}</p>" for p in STORY) + "</article>"
    second = ("<article><h2>Poland closes border crossing</h2><p>10 February 2023</p>" + "<p>Poland closed the "
              "Bobrowniki crossing on Friday after Belarus jailed a journalist, the interior ministry said.</p>" * 3
              + "</article>")
    text = extract_html(f"<html><body><main>{first}{second}</main></body></html>").text
    assert STORY[2] in text and "Bobrowniki" not in text


def test_inline_promo_box_does_not_end_the_story() -> None:
    text = "\n".join([STORY[0], "Don't miss", "China furious at Macron [VIDEO]", "Lakers vs Nets", *STORY[1:]])
    out = clean_text(text)
    assert "Macron" not in out and STORY[2] in out


def test_metadata_from_html_and_precedence() -> None:
    body = "<article>" + "".join(f"<p>{p}</p>" for p in STORY) + "</article>"
    full = f"""<html lang="en"><head><title>Polonez - Site</title>
<meta property="og:title" content="Polonez launchers"><meta property="og:site_name" content="Baltic Wire">
<meta name="author" content="Marta Vesely"><link rel="canonical" href="https://bw.example/2024/09/05/polonez">
<meta property="article:published_time" content="2024-09-08T09:00:00+03:00">
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2024-09-07",
"author": {{"name": "Someone Else"}}}}</script></head><body>{body}</body></html>"""
    res = extract_html(full, url="https://bw.example/a")
    assert (res.title, res.site, res.author) == ("Polonez launchers", "Baltic Wire", "Marta Vesely")
    assert res.canonical_url == "https://bw.example/2024/09/05/polonez"
    assert (res.date, res.date_source) == ("2024-09-08", "meta")
    no_meta = full.replace('<meta property="article:published_time" content="2024-09-08T09:00:00+03:00">', "")
    assert (extract_html(no_meta).date, extract_html(no_meta).date_source) == ("2024-09-07", "jsonld")
    no_ld = no_meta.replace('"datePublished": "2024-09-07",', "")
    assert extract_html(no_ld).date_source == "url" and extract_html(no_ld).date == "2024-09-05"
    no_url = no_ld.replace("/2024/09/05", "")
    dated = no_url.replace("<article>", "<article><p>MINSK, September 3, 2024 - </p>")
    res = extract_html(dated, url="https://bw.example/a")
    assert (res.date, res.date_source) == ("2024-09-03", "dateline")
    assert extract_html(no_url, url="https://bw.example/a").site == "Baltic Wire"
    bare = "<html><body>" + body + "</body></html>"
    assert extract_html(bare, url="https://www.bw.example/x").site == "bw.example"
    # a header date given by the user beats every date inside the page
    doc = Document(origin="p.html", html=dated, date="2024-01-01", date_source="header")
    (doc,) = Extract()([doc])
    assert (doc.date, doc.date_source) == ("2024-01-01", "header")


def test_date_helpers() -> None:
    assert normalise_date("2024-09-08T10:00:00Z") == "2024-09-08"
    assert normalise_date("Sep 8, 2024") == "2024-09-08"
    assert normalise_date("not a date") is None
    assert normalise_date("2024-13-45") is None
    assert url_date("https://x.org/news/2023/02/10/story") == "2023-02-10"
    assert url_date("https://x.org/20230210/story") == "2023-02-10"
    assert dateline_date("KYIV, 25 August 2024 (Reuters) -") == "2024-08-25"
    assert dateline_date("08.09.2024, 14:25") == "2024-09-08"


def test_language_detection() -> None:
    english = "\n".join([*STORY, "Читати українською"])
    assert detect_language(english) == "en"
    ukrainian = ("Лукашенко відвідав Китай і зустрівся із Сі Цзіньпіном. Вашингтон і Брюссель попередили Пекін, "
                 "щоб той не продавав зброю Росії.")
    assert detect_language(ukrainian) == "uk"
    assert detect_language("ok") is None
    docs = DetectLanguage()([Document(origin="en", text=english), Document(origin="uk", text=ukrainian),
                             Document(origin="short", text="Hi")])
    assert [d.language for d in docs] == ["en", "uk", "en"]
    assert [d.skip_reason for d in docs] == [None, "language: uk", None]


@pytest.mark.parametrize("text, lang", [
    # short English lines full of foreign names, which the lite model alone calls Finnish
    ("Syrian troops opened fire on protesters in Deraa.", "en"),
    ("Syrian troops fired on protesters in Deraa.", "en"),
    ("The African Union condemned Mali.", "en"),  # one function word, and the model's guess (Italian) is weak
    # every lower-case word English, the rest names: the model alone calls these Dutch ("met", "in")
    ("Putin met Erdogan in Sochi.", "en"),
    ("In Paris, Hollande met Merkel.", "en"),
    # a word English lacks, or another language's function word, leaves the line to the model
    ("Poetin ontmoette Erdogan in Sochi.", "nl"),
    ("De president bezocht Berlijn gisteren.", "nl"),
    ("Het kabinet van Rutte is gevallen.", "nl"),
    # short lines of other Latin-script languages keep their language
    ("La policía detuvo a tres personas en Madrid.", "es"),
    ("Putin a rencontré Loukachenko à Minsk.", "fr"),
    ("Il governo ha deciso di inviare truppe in Libia.", "it"),
    ("Der Präsident hat die Truppen in Mali besucht, die dort stationiert sind.", "de"),
    ("Les soldats ont ouvert le feu sur les manifestants à Deraa.", "fr"),
])
def test_short_lines_with_foreign_names(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_a_short_english_story_is_coded_not_set_aside() -> None:
    from dyadline import code_text

    got = [(e.type, e.source[0].actor.code) for e in code_text("Syrian troops opened fire on protesters in Deraa.")]
    assert ("ASSAULT", "SYR") in got
    met = [(e.type, e.source[0].actor.code) for e in code_text("Putin met Erdogan in Sochi.", date="2020-01-01")]
    assert ("CONSULT", "RUS") in met


def test_language_model_is_bundled_lite_model() -> None:
    from dyadline.ingest.langid import _detector

    assert _detector().config.custom_model_path.endswith("lid.176.ftz")
