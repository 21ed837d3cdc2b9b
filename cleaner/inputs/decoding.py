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


def decode_bytes_checked(data: bytes) -> tuple[str, str, bool]:
    """Return (text, encoding name, guessed): ``guessed`` when a legacy single-byte encoding
    was chosen among candidates that read the bytes as different, similarly plausible texts.
    Raise InputError for binary or undecodable data."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"corrupt gzip data: {exc}") from exc
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, False
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} after its byte-order mark: {exc}") from exc
    if b"\x00" in data[:_SAMPLE]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError("binary data (NUL bytes), not a text or HTML page")
        try:
            return data.decode(utf16), utf16, False
        except UnicodeDecodeError as exc:
            raise InputError(f"binary data, not decodable as {utf16}") from exc
    guessed = False
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding, guessed = _decode_legacy(data)
    if _looks_binary(text):
        raise InputError("binary data (control characters), not a text or HTML page")
    return text, encoding, guessed


#: The single-byte encodings news pages are saved in, most common first (ties go to the first).
LEGACY_ENCODINGS = (
    "cp1252",
    "cp1251",
    "iso8859-15",
    "iso8859-1",
    "iso8859-2",
    "cp1250",
    "koi8-r",
    "koi8-u",
    "iso8859-5",
)
# Letters and signs that English, other Latin-script and Cyrillic news text uses.
_PLAUSIBLE_SIGNS = set("\u00a0’‘“”„«»—–…•·№€£©®°±§¶×÷¼½¾²³µ\u00ad\u2009\u202f")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_LATIN = regex.compile(r"\p{Latin}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
# The commonest letters of Russian and Ukrainian text: most Cyrillic letters of a correctly
# decoded page are among them; a wrong Cyrillic code page scrambles them.
_COMMON_CYRILLIC = set("оеаинтсрвлкмдпуяыізгбчйхжьшюцщэфєїґёъ")


def implausibility(text: str) -> float:
    """How unlike news text a decoding looks: signs no news page prints, words that mix
    Latin and Cyrillic letters, case flipping inside words, Cyrillic letters outside the
    common ones, and foreign letters glued into otherwise plain-ASCII words."""
    bad = 0.0
    ascii_share = sum(1 for ch in text if ord(ch) < 128) / max(1, len(text))
    for ch in text:
        if ord(ch) < 128 or ch in _PLAUSIBLE_SIGNS:
            continue
        if not ch.isalpha() or not (_LATIN.match(ch) or _CYRILLIC.match(ch)):
            bad += 1
    cyrillic = common = upper = 0
    for word in _WORD.findall(text):
        latin = bool(_LATIN.search(word))
        cyr = bool(_CYRILLIC.search(word))
        if latin and cyr:
            bad += 2
        elif cyr:
            if ascii_share > 0.98:
                bad += 0.6  # a Cyrillic word in plain English text
            cyrillic += len(word)
            common += sum(1 for ch in word.lower() if ch in _COMMON_CYRILLIC)
            upper += sum(1 for ch in word if ch.isupper())
            if regex.search(r"\p{Ll}\p{Lu}", word):
                bad += 1
        elif latin and not word.isascii():
            foreign = sum(1 for ch in word if ord(ch) >= 128)
            if ascii_share > 0.98:
                bad += 0.6  # a foreign letter glued into plain English
            if len(word) >= 3 and foreign / len(word) > 0.4:
                bad += 1  # no Latin-script language accents most of a word's letters
            if regex.search(r"\p{Ll}\p{Lu}", word):
                bad += 0.5
    # Letters outside Russian and Ukrainian's own, and a page set mostly in capitals, are
    # what a wrong Cyrillic code page produces.
    bad += 0.5 * (cyrillic - common)
    if cyrillic >= 20:
        bad += max(0.0, 0.85 - common / cyrillic) * cyrillic + max(0.0, upper / cyrillic - 0.3) * cyrillic
    return bad


def _decode_legacy(data: bytes) -> tuple[str, str, bool]:
    """Choose among the declared charset, the detector's candidates and the common legacy
    encodings by how plausible each reading is. The declared charset wins when it decodes
    the bytes and reads as well as the best; pages that lie about their charset are common."""
    sample = data[:_SAMPLE]
    declared = _declared_charset(data)
    detected = [match.encoding for match in charset_normalizer.from_bytes(sample)][:5]
    candidates = list(dict.fromkeys(name for name in (declared, *LEGACY_ENCODINGS, *detected) if name))
    readings: list[tuple[float, int, str, str]] = []
    for order, name in enumerate(candidates):
        try:
            encoding = codecs.lookup(name).name
            if encoding == "utf-8":
                continue
            text = sample.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        readings.append((implausibility(text), order, encoding, text))
    if not readings:
        return data.decode("cp1252", errors="replace"), "cp1252", True
    readings.sort()
    score, _, encoding, text = readings[0]
    declared_name = codecs.lookup(declared).name if declared else None
    for other_score, _, other, other_text in readings:
        if other == declared_name and other_score <= score:
            encoding, text = other, other_text
            break
    rivals = [name for rival_score, _, name, rival in readings if rival != text and rival_score < score + 0.5]
    guessed = encoding != declared_name and bool(rivals)
    return data.decode(encoding, errors="replace"), encoding, guessed
