"""Patterns rewritten for speed match exactly the lines their first forms matched.

Each built-in pattern that was slow (a repetition that could be split many ways, a scan
from both ends) has been rewritten with possessive quantifiers, atomic groups or lazy
look-aheads. The first form is kept here: both must agree on every line of the fixtures
and on generated lines built from the pieces the patterns look for.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.extract.lines import split_lines, window_text
from cleaner.rules.news_boilerplate import SHARED
from site_rules import kyiv_independent, moscow_times
from tests.paths import ROOT

_FLAGS = regex.VERSION1 | regex.UNICODE

_SOCIAL = r"facebook|twitter|x|telegram|whatsapp|linkedin|reddit|e-?mail|viber|flipboard|pinterest|copy link|print"
_SHARE_BEFORE = (
    rf"(?i)(?:share|share (?:this|the) (?:article|story|post|page)|follow us)(?: on| via)?\s*:?"
    rf"(?:\s*(?:{_SOCIAL})\s*[,|•]?)*|(?:(?:{_SOCIAL})\s*[,|•]?\s*){{2,}}"
)
_CAPTION_BEFORE = (
    r".{0,600}\S ?/ ?\p{L}[^/.!?“”\"]{1,80}"
    r"|.{2,600}\([^()]{2,200}/[^()]{2,200}\)"
    r"|.{2,600}[.!?] \p{Lu}[^.!?“”\"]{1,60}[^.!?“”\"\s]"
    r"|.{2,600}[.!?] [\p{Ll}\d][\w\-]*\.(?:ru|com|org|net|ua|gov|info)"
    r"|(?=.{20,600}$).*\p{Ll},? .*[\p{Ll}\d] \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+"
    r"|\p{Lu}[\p{L}'’.\-]*(?: (?:\p{Lu}[\p{L}'’.\-]*|of|de|&)){0,4}"
)
_CARD_BEFORE = r"(?![^\n]*[.!?] \p{Lu})[^\n]{3,200}[^.\n]\n(?=(?:\S+ ){14,})[^\n]{80,3000}[^.!?…\"”’)\n]"


def _shared(kind: str, containing: str) -> str:
    return next(p.pattern for p in SHARED if p.id == kind and containing in p.pattern)


def _card() -> str:
    return next(p.pattern for p in kyiv_independent._TEXT.boilerplate if "{14" in p.pattern)


_APPEAL_NOW = _shared("news.appeal", "(?=.{30,2500}$)")
_APPEAL_BEFORE = _APPEAL_NOW.replace(".*?\\b(", ".*\\b(")
_SHARE_NOW = _shared("news.share", "follow us")
_CAPTION_NOW = moscow_times._TEXT.caption.pattern
_CARD_NOW = _card()

# (before, now, lines)
PAIRS = {
    "share": (_SHARE_BEFORE, _SHARE_NOW, 1),
    "appeal": (_APPEAL_BEFORE, _APPEAL_NOW, 1),
    "caption": (_CAPTION_BEFORE, _CAPTION_NOW, 1),
    "card": (_CARD_BEFORE, _CARD_NOW, 2),
}


def test_the_rewrites_are_in_place() -> None:
    for before, now, _ in PAIRS.values():
        assert before != now


def _agree(name: str, text: str) -> None:
    before, now, _ = PAIRS[name]
    old = regex.compile(before, _FLAGS).fullmatch(text, timeout=5)
    new = regex.compile(now, _FLAGS).fullmatch(text, timeout=5)
    assert (old is None) == (new is None), (name, text)


def _fixture_windows() -> Iterator[tuple[int, str]]:
    for path in sorted(ROOT.glob("fixtures/**/*.txt")) + sorted(ROOT.glob("seeds/*.txt")):
        lines = split_lines(path.read_text(encoding="utf-8"))
        for index in range(len(lines)):
            yield 1, lines[index].text
            if index + 1 < len(lines):
                text = window_text(lines, index, 2)
                if text is not None:
                    yield 2, text


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_every_fixture_line_reads_the_same(name: str) -> None:
    size = PAIRS[name][2]
    windows = [text for lines, text in _fixture_windows() if lines == size]
    assert windows
    for text in windows:
        _agree(name, text)


_SHARE_PIECES = st.sampled_from(
    [
        *("share", "Share this article", "follow us", " on", " via", ":", " ", "  ", "\t", ",", "|", "•", ";"),
        *("facebook", "Twitter", "X", "x", "telegram", "e-mail", "Email", "print", "Pinterest", "copy link"),
        *("viber", "flipboard", "whatsapp", "linkedin", "reddit", "xx", "face", "pint", "a"),
    ]
)


@settings(max_examples=400)
@given(st.lists(_SHARE_PIECES, max_size=14).map("".join))
def test_share_rows(text: str) -> None:
    _agree("share", text)


_WORDS = ["we", "our", "us", "you", "please", "today", "donate", "donation", "membership", "support us"]
_WORDS += ["journalism", "newsroom", "independent", "said", "told", "according to", "use", "ours", "News", "help us"]
_APPEAL_PIECES = st.sampled_from([*_WORDS, " ", ", ", ". ", "\n", "x" * 40, "Word"])


@settings(max_examples=400)
@given(st.lists(_APPEAL_PIECES, max_size=40).map(" ".join))
def test_appeal_paragraphs(text: str) -> None:
    _agree("appeal", text)


_CAPTION_PIECES = st.sampled_from(
    [
        *("a", "b", "word", "Word", "Name", "Surname", "TASS", "7", "26", " ", ", ", ". ", "! ", "/", " / ", "(", ")"),
        *("kremlin.ru", "é", "Élan", "x" * 90, "y" * 250, "\n", "of", "Ab Cd", "z Ab Cd"),
    ]
)


@settings(max_examples=600)
@given(st.lists(_CAPTION_PIECES, max_size=40).map("".join))
def test_captions(text: str) -> None:
    _agree("caption", text)


_CARD_PIECES = st.sampled_from(["word", "Word", " ", "  ", ". ", "! ", ".", "…", "”", ")", "\n", "w" * 60, "z " * 10])


@settings(max_examples=400)
@given(st.lists(_CARD_PIECES, max_size=60).map("".join))
def test_cards(text: str) -> None:
    _agree("card", text)
