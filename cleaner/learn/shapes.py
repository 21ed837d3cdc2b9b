"""The shape of a line: what stays the same when a site repeats it on another page.

Numbers, clock times, month and day names vary from page to page in the same slot
(``6:50 AM``, ``3 min read``, ``Copyright © 2021 …``); a shape replaces them by placeholders
and folds case, so such lines fall into one group. A shape turns back into a pattern that
fully matches every line of its group: escaped literal text between generalised slots.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_MONTHS = (
    "january|february|march|april|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"

#: Each slot: its placeholder, what finds it in a line, and the pattern written for it.
#: "May" is a month only next to a number ("May 3", "3 May"), never in "you may have".
_SLOTS: tuple[tuple[str, str, str], ...] = (
    ("TIME", r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?", r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?"),
    ("MONTH", rf"\b(?:{_MONTHS})\b\.?|\bmay\b(?=\s*\d)|(?<=\d\s*)\bmay\b", rf"(?:{_MONTHS}|may)\b\.?"),
    ("DAY", rf"\b(?:{_DAYS})\b\.?", rf"(?:{_DAYS})\b\.?"),
    ("N", r"\d+(?:[.,]\d+)*", r"\d+(?:[.,]\d+)*"),
)
_SLOT_FINDER = regex.compile(
    "|".join(f"(?P<{name}>{finder})" for name, finder, _ in _SLOTS), regex.IGNORECASE | regex.VERSION1
)
_SLOT_PATTERN = {name: written for name, _, written in _SLOTS}
_LETTER = regex.compile(r"\p{L}")
_SENTENCE_END = regex.compile(r"[.!?…][\"”’»')\]]*$")


@dataclass(frozen=True, slots=True)
class Shape:
    """A line cut into literal text and slots: ``("copyright © ", "N")``. Slots are the
    placeholder names; every other part is literal text (case kept from the first example)."""

    parts: tuple[str, ...]

    @property
    def key(self) -> str:
        """What groups lines: literal text folded to lower case, slots by name; a dateline's
        leading words (the names in "by NAME, DATE") are left out."""
        return self._key(self.parts)

    @staticmethod
    def _key(parts: tuple[str, ...]) -> str:
        """What groups lines: literal text folded to lower case, slots by name."""
        return " ".join(
            f"<{part}>" if part in _SLOT_PATTERN or part == _LEAD else " ".join(part.lower().split()) for part in parts
        ).strip()

    @property
    def has_slots(self) -> bool:
        return any(part in _SLOT_PATTERN for part in self.parts)

    @property
    def literal_letters(self) -> int:
        """Letters outside the slots: a shape of slots and punctuation only says little."""
        return sum(len(_LETTER.findall(part)) for part in self.parts if part not in _SLOT_PATTERN)

    def pattern(self) -> str:
        """A pattern (``regex`` syntax, case-insensitive) that fully matches the lines of this shape."""
        pieces = [_LEAD_PATTERN] if self.parts and self.parts[0] == _LEAD else []
        for part in self.parts:
            if part == _LEAD:
                continue
            if part in _SLOT_PATTERN:
                pieces.append(_SLOT_PATTERN[part])
            elif part.strip():
                pieces.append(regex.escape(" ".join(part.split()), special_only=True).replace("\\ ", " "))
        return "(?i)" + r"\s*".join(pieces)


#: A dateline's leading words (names) stand for this; see ``shape_of``.
_LEAD = "LEAD"
_LEAD_PATTERN = r"(?:\S+ ){0,10}?"
_DATELINE_MAX_WORDS = 20
_DATELINE_LEAD_WORDS = 10


def shape_of(text: str) -> Shape:
    """The line's shape. A short line with a date or a time in it is a dateline, and the words
    before its first date slot are names that vary ("by NAME and NAME, DATE · N min read"):
    they become one lead slot, so the datelines of all authors fall into one group."""
    shape = _plain_shape(text)
    first_date = next((i for i, part in enumerate(shape.parts) if part in ("MONTH", "TIME")), None)
    if first_date is None or len(text.split()) > _DATELINE_MAX_WORDS:
        return shape
    lead, rest = shape.parts[:first_date], shape.parts[first_date:]
    slots = sum(part in _SLOT_PATTERN for part in rest)
    if "TIME" not in rest and slots < 3 and not any(_LETTER.search(part) for part in rest if part not in _SLOT_PATTERN):
        return shape  # "… since May 2018": a headline that ends in a date, not a dateline
    if any(part in _SLOT_PATTERN for part in lead) or len(" ".join(lead).split()) > _DATELINE_LEAD_WORDS:
        return shape
    return Shape((_LEAD, *shape.parts[first_date:]))


def _plain_shape(text: str) -> Shape:
    parts: list[str] = []
    position = 0
    for match in _SLOT_FINDER.finditer(text):
        literal = text[position : match.start()]
        if literal.strip():
            parts.append(literal.strip())
        parts.append(match.lastgroup or "N")
        position = match.end()
    tail = text[position:]
    if tail.strip():
        parts.append(tail.strip())
    return Shape(tuple(parts))


def literal_pattern(text: str) -> str:
    """A case-insensitive pattern fully matching exactly ``text``."""
    return "(?i)" + regex.escape(text, special_only=True).replace("\\ ", " ")


def words(text: str) -> int:
    return len(text.split())


def is_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None
