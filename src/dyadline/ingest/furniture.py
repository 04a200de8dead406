"""Line-level furniture filter: the page chrome that survives article extraction.

Extractors work on the DOM and still let through lines like "No comments", a visitor
counter ("Today is 12", "Umumi 258434"), a "Читати українською" link, a share bar or an
"About us" block; plain-text scrapes contain nothing but such lines around the story.
Every one of them is a line that reads as a sentence to the parser and can produce a
bogus actor or event, so they are dropped here, with the same rules for HTML and text.

The rules are general shapes, not page-specific strings: short lines that are only a
label plus a number, only network names, only a language name, a known widget phrase,
or a section heading that starts the "other stories" part of a page (everything after
it is cut, so one document holds one story).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyadline.ingest.metadata import SOURCE_CREDIT_RE, source_credit

_WIDGET = [
    r"(?:no|\d+|add(?: a)?|leave(?: a| your)?|post(?: a)?|write(?: a)?|view|show|read|hide|load(?: more)?|see)\s+"
    r"(?:new\s+)?comments?(?:\s*\(\d+\))?",
    r"comments?(?:\s*\(\d+\)|\s*:\s*\d+)?", r"leave a reply", r"reply", r"cancel reply", r"be the first to comment",
    r"log ?in to comment", r"you must be logged in to post a comment", r"comments are closed",
    r"share(?: this)?(?: article| story| post| page)?(?: on \w+)?", r"tweet", r"print(?: this)?(?: article| page)?",
    r"e-?mail(?: this)?(?: article| page)?", r"copy link", r"link copied", r"save", r"like",
    r"advertisement", r"advertising", r"sponsored(?: content)?", r"ad", r"skip (?:to )?(?:main )?content",
    r"(?:sign up|subscribe)(?: (?:now|today|for (?:free|our newsletter)|to (?:our|the) newsletter))?",
    r"follow us(?: on .{1,40})?", r"join us on .{1,40}", r"all rights reserved\.?", r"privacy policy",
    r"terms (?:of (?:use|service)|and conditions)", r"cookie (?:policy|settings)", r"accept(?: all)?(?: cookies)?",
    r"about(?: us)?", r"contacts?(?: us)?", r"home", r"menu", r"search", r"close", r"back to top", r"top",
    r"previous(?: article| post)?", r"next(?: article| post)?", r"loading\.*", r"read more\.*", r"continue reading\.*",
    r"click here.{0,40}", r"tags?\s*:.{0,120}", r"tags?", r"categor(?:y|ies)\s*:.{0,80}", r"filed under\s*:?.{0,80}",
    r"(?:photo|image|video|source of the photo|фото|photo credit)\s*:.{0,80}", r"getty images", r"reuters/.{0,40}",
    r"(?:\d+\s+)?(?:views?|reads?|просмотр\w*|перегляд\w*)(?:\s*:?\s*\d+)?", r"rate this(?: article)?",
    r"print version", r"font size.{0,20}", r"a\+?\s*a-?", r"listen to (?:this )?article.{0,20}",
    r"\d+\s*min(?:ute)?s?\s+read", r"report (?:a )?(?:typo|error|mistake).{0,60}", r"your (?:name|e-?mail|comment)\*?",
    r"send", r"submit", r"up", r"ok", r"newsletter", r"sign in", r"log ?in", r"log ?out", r"register", r"more",
    r"editor(?:-in-chief)?\s*:.{0,60}", r"share on social media", r"(?:sign up|subscribe)\b.{0,60}",
    r"(?:additional )?(?:reporting|writing|editing|compiled|translated|translation) by\b.{0,120}",
    r"(?:published|updated|posted|last (?:updated|modified))\s*:?", r"(?:english|en)\s*[|/]\s*.{0,30}",
]
_WIDGET_RE = re.compile(r"^(?:" + "|".join(_WIDGET) + r")\s*[.!:|·•]*$", re.I)

_NETWORKS = (
    r"facebook|twitter|x|telegram|whatsapp|viber|linkedin|reddit|pinterest|vk|vkontakte|ok|odnoklassniki|"
    r"email|e-mail|mail|print|copy|link|flipboard|tumblr|instagram|youtube|tiktok|threads|bluesky|mastodon|"
    r"messenger|skype|pocket|share|tweet|rss|google\+?|sms"
)
_SHARE_BAR_RE = re.compile(rf"^(?:(?:share\s+(?:on|via|to)\s+)?(?:{_NETWORKS})[\s,|·•/]*)+$", re.I)

# "Read in Ukrainian" links and language switchers, in the languages such pages use.
_LANG_NAMES = (
    r"english|ukrainian|russian|belarusian|polish|german|french|spanish|arabic|chinese|georgian|kazakh|romanian|"
    r"українською|українська|російською|англійською|русском|русский|по-русски|по-украински|английском|"
    r"беларуская|беларускай|по-белорусски|polski|deutsch|français|español|қазақша|ქართული|на русском|in english"
)
_LANG_LINK_RE = re.compile(
    rf"^(?:(?:read|view|this (?:article|story|page) is also available|also available|available|version)\s*"
    rf"(?:(?:this|the)\s+)?(?:(?:article|story|news|text|page)\s+)?(?:in|на)\s+)?(?:{_LANG_NAMES})(?:\s+version)?"
    r"\s*[.!]?$|^(?:читати|читать|чытаць|read|czytaj|lesen|lire|leer)\s+(?:\w+\s+)?(?:українською|"
    r"по-?\s?українськи|російською|на\s+\w+(?:\s+\w+)?|in\s+\w+|по-\w+|auf\s+\w+|en\s+\w+|po\s+\w+)\s*[.!]?$",
    re.I,
)
# A short label followed only by a number: visitor counters and widgets ("Today is 12", "Umumi 258434").
_COUNTER_RE = re.compile(r"^[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,2}\s*[:=-]?\s*\d[\d\s,.]*\d$")
_ONLY_PUNCT_RE = re.compile(r"^[\W_]*$")
# "Read in <language>" in the languages of the region, and language names written in themselves.
_FOREIGN_READ_RE = re.compile(
    r"\b(?:читати|читать|чытаць|czytaj|skaityti|lasīt|lugeda|oku|lesen|lire|leer|leggi|citește|olvasd|"
    r"українською|по-українськи|по-русски|по-русску|російською|по-беларуску|беларускай|lietuviškai|latviski|"
    r"eesti keeles|po polsku|türkçe|қазақша|ქართულად|română|magyar|русский|українська|беларуская)\b",
    re.I,
)
_DATE_TOKEN_RE = re.compile(
    r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}(?:T[\d:.+Z-]+)?\b|\b\d{1,2}:\d{2}(?::\d{2})?\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b\d{1,4}(?:st|nd|rd|th)?\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:updated|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|"
    r"gmt|utc|est|edt|cst|cdt|pst|pdt|cet|cest|eet|eest|msk|bst|ist|time|local)\b",
    re.I,
)
_RIGHTS_RE = re.compile(
    r"all rights reserved|(?:copying|reproduction|use|reprint\w*|republication) of (?:the |our )?materials?|"
    r"only with (?:a |an )?(?:active )?(?:hyper)?link|\bwe use cookies|\buse of cookies|"
    r"\bcookies?\b.{0,60}\b(?:accept|policy|settings|consent|help us|this (?:site|website)|browsing)|"
    r"\bsupport us[.!]?$|^donate\b|\bdonate (?:now|today)[.!]?$|"
    r"become a (?:member|patron|supporter|subscriber)|support (?:our|independent) journalism|"
    r"^(?:have|got) a (?:news )?tip\b|subscribe to .{0,40}newsletters?|sign up for .{0,40}newsletters?|"
    r"share (?:it|this(?: story| article)?) with (?:a|your) friends?|^like this (?:story|article)\?|^also on \S+\.\w{2,4}\b",
    re.I,
)
_WORD_RE = re.compile(r"\w+")
SENTENCE_END = (".", "!", "?", "。", "！", "？", "…", "؟", "।")
_COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)
# Section headings after which a page lists other stories: everything from here on is cut.
_OTHER_STORIES_RE = re.compile(
    r"^(?:related(?: (?:news|articles?|stories|posts|content|coverage|reading|topics))?|"
    r"more (?:news|stories|from .{1,40}|on this (?:topic|story)|in .{1,30})|other news|more coverage|further reading|"
    r"latest(?: news| stories| articles| posts)?|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|"
    r"recommended(?: for you| stories| articles)?|most (?:read|popular|viewed|shared)|popular(?: news| now| posts)?|"
    r"trending(?: now| stories)?|top stories|what to read next|more like this|news feed|другие новости|"
    r"інші новини|популярне|останні новини|последние новости|читайте також|читайте также)\s*[:.!]?$",
    re.I,
)
# Promo boxes inside an article ("Don't miss", "Read also"): the heading and the teaser headlines under it go,
# the article goes on after them.
_INLINE_PROMO_RE = re.compile(
    r"^(?:don'?t miss|read (?:also|more|next)|also read|see also|editor'?s picks?|must read|also on .{1,30}|"
    r"також читайте|читайте)\s*[:.!]?$",
    re.I,
)
_ABOUT_RE = re.compile(r"^(?:about(?: us| the (?:publication|site|outlet|project))?|who we are|our mission|про нас|о нас)"
                       r"\s*[:.]?$", re.I)
_READ_MORE_LINK_RE = re.compile(r"^(?:read (?:also|more|next)|also read|see also|related(?: coverage| story| article)?|читайте також|читайте также|"
                                r"також читайте|читайте)\s*[:\-–—]\s*.{3,200}$", re.I)


@dataclass(slots=True)
class FilterResult:
    lines: list[str]
    dropped: list[str] = field(default_factory=list)
    source_outlet: str | None = None
    cut_at: str | None = None  # the heading where "other stories" began, if any


def is_date_line(s: str) -> bool:
    """A line that is only a date/time stamp, maybe with a place ("Ankara, 2 August 2023", "08.09.2024, 14:25")."""
    if s.endswith(SENTENCE_END) and not re.search(r"\d\.$|\b[ap]\.m\.$", s):
        return False
    from dyadline.ingest.metadata import dateline_date

    if not dateline_date(s) and not re.search(r"\b\d{1,2}:\d{2}\b", s):
        return False
    rest = _WORD_RE.findall(_DATE_TOKEN_RE.sub(" ", s))
    return len(rest) <= 2


def _is_nav_item(seg: str) -> bool:
    words = seg.split()
    return 0 < len(words) <= 3 and not seg.endswith((*SENTENCE_END, ":")) and not any(ch.isdigit() for ch in seg)


def is_furniture(line: str) -> bool:
    """True for a single line that is page chrome, judged on the line alone."""
    s = " ".join(line.split())
    if not s:
        return False
    if _ONLY_PUNCT_RE.match(s):
        return True
    if len(s) > 200:
        return False
    n_words = len(s.split())
    if n_words <= 5 and _FOREIGN_READ_RE.search(s):
        return True
    if n_words <= 30 and _RIGHTS_RE.search(s) and not s.startswith(("\"", "“")):
        return True
    if is_date_line(s):
        return True
    segs = [seg for seg in re.split(r"\s*\|\s*|\s{2,}|\s+/\s+", line.strip()) if seg.strip()]
    if len(segs) >= 2 and not s.startswith("|") and all(is_furniture(seg) or _is_nav_item(seg) for seg in segs):
        return True
    if len(s) > 160:
        return False
    if _WIDGET_RE.match(s) or _SHARE_BAR_RE.match(s) or _LANG_LINK_RE.match(s) or _READ_MORE_LINK_RE.match(s):
        return True
    if _COUNTER_RE.match(s) and not s.endswith(SENTENCE_END) and not _looks_like_year_heading(s):
        return True
    if _COPYRIGHT_RE.match(s) and len(s) < 140:
        return True
    return False


def _looks_like_year_heading(s: str) -> bool:
    """'Operation Barbarossa 1941' is a heading, not a counter: a bare year after words is kept."""
    m = re.search(r"(\d[\d\s,.]*)$", s)
    if not m:
        return False
    num = m.group(1).strip()
    return bool(re.fullmatch(r"(?:19|20)\d{2}", num)) and len(s.split()) >= 2 and s[0].isupper() and not s.startswith(
        ("Today", "Total", "Online", "Visitors", "Views", "Hits")
    )


def _is_headline(s: str) -> bool:
    """A teaser headline: a short line that does not end like a sentence."""
    s = s.strip().rstrip("|").strip()
    n = len(s.split())
    return 0 < n <= 20 and not s.endswith((*SENTENCE_END, ":", ";", ",", "\"", "”")) and not s.startswith(("-", "•"))


def _latin_share(lines: list[str]) -> float:
    letters = [ch for ln in lines for ch in ln if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(ch < "\u0250" for ch in letters) / len(letters)


def _foreign_script(s: str) -> bool:
    letters = [ch for ch in s if ch.isalpha()]
    return bool(letters) and sum(ch >= "\u0250" for ch in letters) / len(letters) > 0.5


def _menu_runs(lines: list[str], min_run: int = 4) -> set[int]:
    """Indexes of lines in runs of >= ``min_run`` one- or two-word lines: navigation menus."""
    out: set[int] = set()
    run: list[int] = []
    for i, ln in enumerate([*lines, "."]):
        s = ln.strip()
        if s and len(s.split()) <= 2 and len(s) <= 25 and not s.startswith(("-", "•", "*")) and not s.endswith(
            (*SENTENCE_END, ":", ";", ",")
        ) and not any(
            ch.isdigit() for ch in s
        ):
            run.append(i)
            continue
        if not s and run:
            continue  # blank lines do not break a menu
        if len(run) >= min_run:
            out.update(run)
        run = []
    return out


def filter_lines(lines: list[str], title: str | None = None, split_stories: bool = True) -> FilterResult:
    """Drop furniture lines, note a source credit, and cut at an "other stories" heading.

    The cut only happens once some article text has been kept, so a page that opens with
    a "Latest news" box does not lose its story; an "About us" heading drops the short
    block under it (up to the next blank line, at most five lines). With ``split_stories``
    (plain text, where no DOM tells stories apart) a headline followed by a date line after
    a story also starts a new story, and the text is cut there.
    """
    out = FilterResult(lines=[])
    kept_chars = 0
    title_key = " ".join(_WORD_RE.findall(title.lower())) if title else None
    latin_doc = _latin_share(lines[:200]) > 0.8
    menu = _menu_runs(lines)
    in_promo = False
    last_kept: int | None = None  # index in out.lines of the last kept non-empty line
    in_about = 0  # lines still to drop under an "About us" heading
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            in_about = 0
            out.lines.append("")
            continue
        if SOURCE_CREDIT_RE.match(s) and len(s) <= 120:
            # the credit stays in the text (it is part of what the page says); the outlet is recorded
            out.source_outlet = out.source_outlet or source_credit([s])
        if _OTHER_STORIES_RE.match(s) and kept_chars >= 200:
            out.cut_at = s
            break
        if _INLINE_PROMO_RE.match(s):
            in_promo = True
            out.dropped.append(s)
            continue
        if in_promo:
            if _is_headline(s):
                out.dropped.append(s)
                continue
            in_promo = False
        if split_stories and kept_chars >= 300 and is_date_line(s) and last_kept is not None and _is_headline(out.lines[last_kept]):
            # a headline followed by a date line, after a story: the next story starts here
            out.cut_at = out.lines[last_kept].strip()
            del out.lines[last_kept:]
            break
        if _ABOUT_RE.match(s):
            in_about = 5
            out.dropped.append(s)
            continue
        if in_about:
            in_about -= 1
            out.dropped.append(s)
            continue
        if (
            i in menu
            or is_furniture(s)
            or _OTHER_STORIES_RE.match(s)
            or _INLINE_PROMO_RE.match(s)
            or (title_key and " ".join(_WORD_RE.findall(s.lower())) == title_key)
            or (latin_doc and len(s.split()) <= 5 and _foreign_script(s))
        ):
            out.dropped.append(s)
            continue
        last_kept = len(out.lines)
        out.lines.append(raw)
        kept_chars += len(s)
    while out.lines and not out.lines[-1].strip():
        out.lines.pop()
    return out


def split_lines(text: str) -> list[str]:
    """Lines, with the " · " separators of flattened scrapes treated as line breaks."""
    return [part for line in text.splitlines() for part in re.split(r"\s+[·•]\s+", line)]


def clean_text(text: str, title: str | None = None) -> str:
    """The furniture filter for plain text: returns the article text without page chrome."""
    res = filter_lines(split_lines(text), title)
    return _join(res.lines)


def _join(lines: list[str]) -> str:
    out: list[str] = []
    for ln in lines:
        if not ln.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(ln.strip())
    return "\n".join(out).strip()
