"""The names a site's boilerplate repeats (its own name, its owner's): capitalised runs of
two or three words found in repeated lines on many of the site's pages.

They make a cue that a dump is of the site even when none of its repeated lines is on it
(a masthead changed, an appeal rewritten): the name stays.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

#: Runs of capitalised words ("Gazette Media Group").
_CAPITALISED = regex.compile(r"\b\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)+")
#: Leading words that are not part of a name.
_LEADING = {"the", "a", "an", "by", "from", "to", "for", "support", "about", "join", "our"}
_MAX_WORDS = 3
#: A name must be on this share of the group's pages (and on at least ``min_pages``)...
MIN_NAME_SHARE = 0.25
#: ... and on at least this share of the pages of the most widespread name.
_OF_TOP = 0.5
MAX_NAMES = 2
#: A name is in at least this many repeated lines of different shapes ("© Gazette", "Support the Gazette").
_MIN_LINES = 2


def _runs(line: str) -> set[str]:
    found: set[str] = set()
    for match in _CAPITALISED.finditer(line):
        words = match.group().split()
        while words and words[0].casefold() in _LEADING:
            words = words[1:]
        for size in range(2, _MAX_WORDS + 1):
            found |= {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}
    return found


def repeated_names(
    pages: Sequence[Sequence[str]], repeated: Sequence[Sequence[str | None]], *, min_pages: int
) -> list[str]:
    """Names in the repeated lines of ``pages`` (``repeated[p][i]``: the shape of line i
    of page p when it repeats on other pages, else None), by the number of pages they are
    on, the longest of equals first. A name must be in repeated lines of several shapes;
    names sharing a word with a kept one are left out."""
    counts: Counter[str] = Counter()
    lines_with: dict[str, set[str]] = {}
    for lines, keys in zip(pages, repeated, strict=True):
        on_page: set[str] = set()
        for line, key in zip(lines, keys, strict=True):
            if key is None:
                continue
            for name in _runs(line):
                on_page.add(name)
                lines_with.setdefault(name, set()).add(key)
        counts.update(on_page)
    needed = max(min_pages, MIN_NAME_SHARE * len(pages))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
    kept: list[str] = []
    top = ranked[0][1] if ranked else 0
    for name, count in ranked:
        if count < needed or count < _OF_TOP * top or len(kept) == MAX_NAMES:
            break
        if any(set(name.casefold().split()) & set(other.casefold().split()) for other in kept):
            continue
        if len(lines_with[name]) < _MIN_LINES:  # a menu item or a heading, not a name
            continue
        kept.append(name)
    return kept
