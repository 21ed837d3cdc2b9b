"""A text dump as a list of non-empty lines, each knowing whether a blank line precedes it."""

from __future__ import annotations

from typing import NamedTuple

from cleaner.extract.normalize import normalize_text


class Line(NamedTuple):
    """One non-empty line (a tuple: a page is read into many, and tuples are built fast)."""

    number: int  # 1-based line number in the dump
    text: str  # normalised
    gap_before: bool  # a blank line separates it from the previous non-empty line


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    gap = False
    for number, raw in enumerate(text.split("\n"), start=1):
        normalised = normalize_text(raw)
        if not normalised:
            gap = True
            continue
        lines.append(Line(number, normalised, gap and bool(lines)))
        gap = False
    return lines


def window_text(lines: list[Line], start: int, size: int) -> str | None:
    """The text of ``size`` lines from ``start``, joined by one newline, or two across a gap."""
    if start + size > len(lines):
        return None
    parts = [lines[start].text]
    for line in lines[start + 1 : start + size]:
        parts.append(("\n\n" if line.gap_before else "\n") + line.text)
    return "".join(parts)


def word_count(text: str) -> int:
    """``len(text.split())`` for a normalised line, without building the words: printable,
    it holds no white space but single spaces between words."""
    if not text:
        return 0
    return text.count(" ") + 1 if text.isprintable() else len(text.split())
