"""A tuple of line patterns compiled once into a matcher that looks at each line once.

The patterns keep their order and their own time-out (``cleaner.rules.patterns``): a line is
given, in order, to each pattern whose :class:`~cleaner.rules.shape.Shape` admits it, so the
matches found, their order and any time-out error are those of trying every pattern in turn.
Which patterns to try is decided by the line's first folded character (patterns with a known
start) and plain string tests; a window of several lines is only built for a pattern that
admits it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, Protocol, TypeVar

import regex

from cleaner.extract.lines import Line, split_lines, window_text
from cleaner.rules import patterns
from cleaner.rules.identity_cache import IdentityCache
from cleaner.rules.shape import Check, Shape, check_of, fold, shapes_of


@dataclass(slots=True)
class PageText:
    """The lines of a page as the matchers read them: texts, and their folds (computed once)."""

    lines: list[Line]
    texts: list[str]
    folded: list[str]
    # (pattern, index, size) -> match: the head reader asks some questions twice.
    _asked: dict[tuple[str, int, int], regex.Match[str] | None] = field(default_factory=dict)
    # id(matcher) -> (matcher, its matches), from a scan of every line: a second scan with
    # some of the same patterns (the shared layer under a guard's check) reads them.
    scans: dict[int, tuple[Any, tuple[tuple[int, Any], ...]]] = field(default_factory=dict)

    @classmethod
    def of(cls, lines: list[Line]) -> PageText:
        texts = [line.text for line in lines]
        return cls(lines=lines, texts=texts, folded=[fold(text) for text in texts])

    def window(self, index: int, size: int) -> str | None:
        """The text of ``size`` lines from ``index`` as patterns see it (None: past the end)."""
        if size == 1:
            return self.texts[index] if index < len(self.texts) else None
        return window_text(self.lines, index, size)

    def admits(self, source: str, index: int, size: int = 1) -> bool:
        """Whether ``source`` may match the window: False only where it cannot."""
        if index + size > len(self.texts):
            return False
        texts, folded = self.texts, self.folded
        return any(check(texts, folded, index) for check in checks_of(source, size))

    def fullmatch(self, source: str, index: int, size: int = 1) -> regex.Match[str] | None:
        """``source`` fully matched on the window of ``size`` lines from ``index`` (None: no
        match, or no such window)."""
        if not self.admits(source, index, size):
            return None
        key = (source, index, size)
        if key not in self._asked:
            text = self.window(index, size)
            self._asked[key] = None if text is None else patterns.fullmatch(source, text)
        return self._asked[key]

    def matches(self, source: str, index: int, size: int = 1) -> bool:
        return self.fullmatch(source, index, size) is not None

    def first(self, source: str, start: int, stop: int, size: int = 1) -> tuple[int, regex.Match[str]] | None:
        """The first window of ``size`` lines from ``start`` to before ``stop`` that ``source``
        fully matches, with its match."""
        texts, folded = self.texts, self.folded
        checks = checks_of(source, size)
        run = patterns.fullmatcher(source)
        for index in range(start, min(stop, len(texts) - size + 1)):
            for check in checks:
                if check(texts, folded, index):
                    break
            else:
                continue
            text = texts[index] if size == 1 else window_text(self.lines, index, size)
            match = None if text is None else run(text)
            if match is not None:
                return index, match
        return None


@lru_cache(maxsize=4096)
def checks_of(source: str, size: int) -> tuple[Check, ...]:
    return tuple(check_of(shape) for shape in shapes_of(source, size))


class Pattern(Protocol):
    """A line pattern: a rule's ``LinePattern`` or ``MetaLine``."""

    @property
    def pattern(self) -> str: ...

    @property
    def lines(self) -> int: ...


P = TypeVar("P", bound=Pattern)

# (pattern position, window size, check) in pattern order; no check: the plan's key implies it.
_Plan = tuple[tuple[int, int, Check | None], ...]

# A plan is keyed by this many folded characters of the line's start.
_KEY = 2


def _implied(shape: Shape, key: str, shortest: int, longest: int) -> bool:
    """Whether every line whose fold starts with ``key`` (the whole fold when shorter than
    ``_KEY``) and whose length is in [shortest, longest] passes ``shape``'s check."""
    if shape.lines != 1 or shape.needs or shape.exact_needs or shape.suffixes is not None or shape.last_not:
        return False
    prefixes = shape.prefixes
    if prefixes is None or not any(len(prefix) <= len(key) and key.startswith(prefix) for prefix in prefixes):
        return False
    if shape.bounds is None:
        return True
    low, high = shape.bounds[0]
    return low <= shortest and (high is None or longest <= high)


def _may_start(shape: Shape, key: str) -> bool:
    """Whether a line whose fold starts with ``key`` (is ``key``, when shorter) may start
    with one of ``shape``'s prefixes."""
    if shape.prefixes is None:
        return True
    if len(key) < _KEY:
        return any(key.startswith(prefix) for prefix in shape.prefixes)
    return any(key.startswith(prefix) or prefix.startswith(key) for prefix in shape.prefixes)


class LineMatcher(Generic[P]):
    """The patterns of ``items`` that match at a line, in their order.

    Each alternative of each pattern is an entry. The entries worth trying on a line are
    those whose known start agrees with the line's first two folded characters or that have
    none, and whose length bounds admit lines of its length band (lengths up to the next
    power of two); the plan for each (start, band) is made once, on first need."""

    __slots__ = ("_entries", "_items", "_plans", "_runs", "_subset_of")

    def __init__(self, items: tuple[P, ...]) -> None:
        self._items = items
        self._entries = [
            (position, shape, check_of(shape))
            for position, item in enumerate(items)
            for shape in shapes_of(item.pattern, item.lines)
        ]
        self._runs = tuple(patterns.fullmatcher(item.pattern) for item in items)
        self._plans: dict[tuple[str, int], _Plan] = {}
        # id(matcher) -> (that matcher, whether its patterns include all of these)
        self._subset_of: dict[int, tuple[LineMatcher[Any], bool]] = {}

    def _plan(self, key: str, band: int) -> _Plan:
        shortest, longest = (1 << band) >> 1, (1 << band) - 1
        chosen: dict[int, list[tuple[int, int, Check | None]]] = {}
        for position, shape, check in self._entries:
            if not _may_start(shape, key):
                continue
            if shape.bounds is not None:
                low, high = shape.bounds[0]
                if low > longest or (high is not None and high < shortest):
                    continue
            entries = chosen.setdefault(position, [])
            if _implied(shape, key, shortest, longest):
                entries[:] = [(position, shape.lines, None)]
            elif not entries or entries[0][2] is not None:
                entries.append((position, shape.lines, check))
        plan = tuple(entry for position in sorted(chosen) for entry in chosen[position])
        self._plans[key, band] = plan
        return plan

    def _candidates(self, page: PageText, index: int) -> _Plan:
        key = (page.folded[index][:_KEY], len(page.texts[index]).bit_length())
        plan = self._plans.get(key)
        return self._plan(*key) if plan is None else plan

    def _match(self, page: PageText, index: int, plan: _Plan, *, first: bool = False) -> list[int]:
        """The positions of the patterns of ``plan`` that match at ``index``, in order (the
        first alone, with ``first``)."""
        texts, folded = page.texts, page.folded
        room = len(texts) - index
        tried = -1
        found = []
        runs = self._runs
        for position, lines, check in plan:
            if position == tried or lines > room or (check is not None and not check(texts, folded, index)):
                continue
            tried = position
            text = texts[index] if lines == 1 else window_text(page.lines, index, lines)
            if text is not None and runs[position](text) is not None:
                found.append(position)
                if first:
                    break
        return found

    def hits(self, page: PageText, index: int) -> Iterator[P]:
        texts, folded = page.texts, page.folded
        room = len(texts) - index
        tried = -1
        for position, lines, check in self._candidates(page, index):
            if position == tried or lines > room or (check is not None and not check(texts, folded, index)):
                continue
            tried = position
            text = texts[index] if lines == 1 else window_text(page.lines, index, lines)
            if text is not None and self._runs[position](text) is not None:
                yield self._items[position]

    def first(self, page: PageText, index: int) -> P | None:
        return next(self.hits(page, index), None)

    def first_from(self, page: PageText, start: int, stop: int) -> tuple[int, P] | None:
        """The first line from ``start`` to before ``stop`` where a pattern matches, with the
        first pattern (in order) that matches there: ``first`` line by line, in one call."""
        texts, folded, plans, plan_of = page.texts, page.folded, self._plans, self._plan
        for index in range(start, min(stop, len(texts))):
            key = (folded[index][:_KEY], len(texts[index]).bit_length())
            plan = plans.get(key)
            if plan is None:
                plan = plan_of(*key)
            if plan:
                found = self._match(page, index, plan, first=True)
                if found:
                    return index, self._items[found[0]]
        return None

    def scan(self, page: PageText) -> list[tuple[int, P]]:
        """Every (line index, pattern) match of the page, by line then pattern order."""
        done = page.scans.get(id(self))
        if done is not None and done[0] is self:
            return list(done[1])
        for other, found in page.scans.values():
            if self._within(other):
                return self._record(page, self._among(found))
        items, plans, plan_of = self._items, self._plans, self._plan
        texts, folded = page.texts, page.folded
        matches: list[tuple[int, P]] = []
        for index in range(len(texts)):
            key = (folded[index][:_KEY], len(texts[index]).bit_length())
            plan = plans.get(key)
            if plan is None:
                plan = plan_of(*key)
            if plan:
                matches.extend((index, items[position]) for position in self._match(page, index, plan))
        return self._record(page, matches)

    def _record(self, page: PageText, matches: list[tuple[int, P]]) -> list[tuple[int, P]]:
        page.scans[id(self)] = (self, tuple(matches))
        return matches

    def _within(self, other: LineMatcher[Any]) -> bool:
        """Whether every pattern of this matcher is one of ``other``'s (the same object)."""
        known = self._subset_of.get(id(other))
        if known is None or known[0] is not other:
            known = (other, {id(item) for item in self._items} <= {id(item) for item in other._items})
            self._subset_of[id(other)] = known
        return known[1]

    def _among(self, found: tuple[tuple[int, Any], ...]) -> list[tuple[int, P]]:
        """This matcher's matches, read from those of a matcher of more patterns."""
        positions: dict[int, list[int]] = {}
        for position, item in enumerate(self._items):
            positions.setdefault(id(item), []).append(position)
        pairs = sorted((index, position) for index, item in found for position in positions.get(id(item), ()))
        return [(index, self._items[position]) for index, position in pairs]


# One page: the rule's pass and the guard's generic pass over it come one after the other,
# and a large page is not kept past the next one.
@lru_cache(maxsize=1)
def page_text(text: str) -> PageText:
    """The lines of a text dump, read once for every pass over the same page."""
    return PageText.of(split_lines(text))


_MATCHERS: IdentityCache[tuple[Any, ...], LineMatcher[Any]] = IdentityCache()


def matcher_for(items: tuple[P, ...]) -> LineMatcher[P]:
    """The matcher of ``items``, compiled on first use (a rule's field: it stays alive)."""
    return _MATCHERS.get(items, LineMatcher)
