"""Bytes to text: byte-order mark, then strict UTF-8, then a declared charset, then detection."""

from __future__ import annotations

import codecs
import gzip
from collections import Counter

import charset_normalizer
import regex

from cleaner.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_CHARSET = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", regex.IGNORECASE
)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SAMPLE = 65536


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16: text in one script puts nearly all its code units in one
    or two 256-character blocks (ASCII and, say, Cyrillic); binary data spreads them."""
    sample = data[: 8192 - 8192 % 2]
    if len(sample) < 8:
        return None
    best: tuple[float, str] | None = None
    for encoding, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        blocks = Counter(sample[high::2])
        share = sum(count for _, count in blocks.most_common(2)) / (len(sample) // 2)
        if share >= 0.9 and (best is None or share > best[0]):
            best = (share, encoding)
    return best[1] if best else None


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.01


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise InputError for binary or undecodable data."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"corrupt gzip data: {exc}") from exc
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} after its byte-order mark: {exc}") from exc
    if b"\x00" in data[:_SAMPLE]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError("binary data (NUL bytes), not a text or HTML page")
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise InputError(f"binary data, not decodable as {utf16}") from exc
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(data)
    if _looks_binary(text):
        raise InputError("binary data (control characters), not a text or HTML page")
    return text, encoding


def _decode_legacy(data: bytes) -> tuple[str, str]:
    # A declared charset is trusted only when the bytes decode under it and detection
    # does not contradict it; pages that lie about their charset are common.
    best = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    detected = codecs.lookup(best.encoding).name if best is not None else None
    declared = _declared_charset(data)
    for encoding in (detected, declared):
        if encoding is None or encoding == "utf-8":
            continue
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1252", errors="replace"), "cp1252"
