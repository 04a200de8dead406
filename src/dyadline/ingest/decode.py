"""Bytes to text for untrusted inputs: charset detection and binary sniffing.

Scraped pages lie about their encoding (a cp1251 page served as "utf-8", a koi8-r page
with no declaration at all), so a declared charset is only a hint. The order is: BOM,
strict UTF-8 (which almost never accepts non-UTF-8 Cyrillic by accident), a declared
charset if it decodes cleanly, then charset_normalizer's guess. Anything that looks like
an image, archive or executable is refused with a clear reason instead of becoming
mojibake that later stages would try to parse.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)
# Magic numbers of common binary formats that end up in scraped folders.
_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"MZ", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"Rar!", b"7z\xbc\xaf", b"RIFF", b"OggS", b"\x00\x00\x01\x00", b"wOFF", b"wOF2",
)


class DecodeError(ValueError):
    """The bytes are not text we can read; the message is the one-line reason."""


def looks_binary(data: bytes) -> bool:
    """True for content that is not text in any encoding we accept.

    NUL bytes or many C0 control characters in the first 8 KiB mean binary (UTF-16 with a
    BOM is handled before this is called).
    """
    head = data[:8192]
    if not head:
        return False
    if head.startswith(_MAGIC):
        return True
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def declared_charset(data: bytes) -> str | None:
    """Charset named in a <meta> tag or an XML declaration, if any and if Python knows it."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").strip().lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, hint: str | None = None) -> str:
    """Decode ``data`` to text or raise DecodeError with a one-line reason.

    ``hint`` is a transport-level charset (HTTP header, WARC record); it is trusted only
    when the bytes decode cleanly with it, like a declared <meta> charset.
    """
    if not data.strip():
        raise DecodeError("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc} text (byte {exc.start})") from None
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for name in (hint, declared_charset(data)):
        if not name:
            continue
        try:
            enc = codecs.lookup(name).name
        except LookupError:
            continue
        if enc in ("utf-8", "ascii"):
            continue  # already failed strict UTF-8: the declaration is wrong
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    return _guess(data)


def _plausible(text: str) -> bool:
    """Reject decodings full of C1 controls or replacement characters (a wrong single-byte guess)."""
    bad = sum(1 for ch in text[:20000] if "\x80" <= ch <= "\x9f" or ch == "\ufffd")
    return bad <= max(2, len(text[:20000]) // 500)


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    # Cyrillic single-byte pages are the common case the statistics must get right; a
    # sample keeps the detector fast on large pages.
    best = from_bytes(data[:200_000], cp_isolation=None).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable text (no charset fits)")
    try:
        text = data.decode(best.encoding, errors="replace")
    except LookupError:
        raise DecodeError(f"unknown charset {best.encoding}") from None
    if not _plausible(text):
        raise DecodeError(f"undecodable text (best guess {best.encoding} gives garbage)")
    return text
