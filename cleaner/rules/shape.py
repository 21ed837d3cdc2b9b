"""What every match of a line pattern must look like, read from the pattern once.

A page has a few dozen lines and a rule a few dozen patterns; running every pattern on every
line (and every window of lines) is most of the cost of a text dump. Most patterns cannot
match most lines for reasons visible in the pattern itself: they start with a fixed word,
they need a word somewhere ("photo", "©"), or they fit only lines of some length. A
:class:`Shape` holds those necessary conditions; :meth:`Shape.admits` checks them with plain
string operations, and only a line it admits is given to the pattern.

The conditions are necessary, never sufficient: the pattern itself still decides. Whatever
the analysis cannot read with certainty (a construct of the ``regex`` module that Python's
own parser reads differently, a back-reference...) adds no condition, so a shape can only
ever skip a line that the pattern could not have matched.

Words of case-insensitive parts are compared folded (see :func:`fold`), which is how
``regex`` compares them without case; words of case-sensitive parts are looked for as they
are written. A pattern built to backtrack catastrophically gets no conditions: it is tried
on every line, so that its time-out strikes where it always did.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Python's own regular-expression parser reads the tree (see ``cleaner.rules.pattern_syntax``).
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from cleaner.rules.pattern_syntax import ANY_PROPERTY, PRINTING_PROPERTY, parse

# Shorter words are found in most prose ("x", "a") and only cost time; see ``_telling``.
_MIN_WORD = 2
# A character class of up to this many plain characters is a set of one-character words.
_MAX_CLASS_WORDS = 12
# Longer alternations are not worth testing word by word.
_MAX_ALTERNATIVES = 40
# Under case folding one pattern character may stand for up to three text characters and
# three pattern characters for one ("ß" ~ "ss", "ﬃ" ~ "ffi"): bounds widen by this factor.
_FOLD_STRETCH = 3
_UNBOUNDED = 1 << 31


def fold(text: str) -> str:
    """Case-fold ``text`` as ``regex`` compares letters without case: it also takes dotted
    capital I for i and dotless i for I, which ``str.casefold`` keeps apart."""
    if "İ" in text:
        text = text.replace("İ", "i")
    folded = text.casefold()
    return folded.replace("ı", "i") if "ı" in folded else folded


def _usable_char(char: str) -> bool:
    """A character whose case-insensitive matches ``fold`` maps to the same text: ASCII,
    Cyrillic, and characters without case (quotes, dashes, ©)."""
    if char.isascii():
        return True
    if "\u0400" <= char <= "\u04ff":
        return True
    if "\ue000" <= char <= "\uf8ff":
        return False
    return not unicodedata.category(char).startswith("L") and char.lower() == char == char.upper()


@dataclass(frozen=True, slots=True)
class Shape:
    """Necessary conditions on the text a pattern (or one alternative of it) fully matches.

    ``prefixes``: the folded text starts with one of them (None: unknown); ``suffixes``: it
    ends with one of them. ``needs``: for each OR-set, one of its folded words occurs
    somewhere in the folded text; ``exact_needs``: the same for words of case-sensitive
    parts, in the text as it is. ``bounds``: for each line of the window, the least and
    (None: no) greatest length (None: unknown)."""

    lines: int = 1
    prefixes: tuple[str, ...] | None = None
    needs: tuple[tuple[str, ...], ...] = ()
    bounds: tuple[tuple[int, int | None], ...] | None = None
    suffixes: tuple[str, ...] | None = None
    exact_needs: tuple[tuple[str, ...], ...] = ()
    #: (line of the window, characters it cannot end with), from a negated class that
    #: closes the line ("[^.]" closing a line: the line does not end with a full stop).
    last_not: tuple[tuple[int, str], ...] = ()

    @property
    def first_chars(self) -> frozenset[str] | None:
        """The folded characters a match may start with (None: any)."""
        return None if self.prefixes is None else frozenset(prefix[0] for prefix in self.prefixes)

    def admits(self, texts: Sequence[str], folded: Sequence[str], index: int) -> bool:
        """Whether the window of ``self.lines`` lines from ``index`` may match (texts and their
        ``fold`` given per line; the window must fit in the page)."""
        return check_of(self)(texts, folded, index)


Check = Callable[[Sequence[str], Sequence[str], int], bool]


@lru_cache(maxsize=4096)
def check_of(shape: Shape) -> Check:
    """``shape.admits`` as a function that makes only the tests the shape has, cheapest first:
    lengths, the start, single words, then OR-sets of several words."""
    lines = shape.lines
    bounds = tuple(
        (offset, low, _UNBOUNDED if high is None else high) for offset, (low, high) in enumerate(shape.bounds or ())
    )
    prefixes = shape.prefixes
    suffixes = shape.suffixes
    words = tuple(needed[0] for needed in shape.needs if len(needed) == 1)
    searches = tuple(_any_word(needed) for needed in shape.needs if len(needed) > 1)
    exact_words = tuple(needed[0] for needed in shape.exact_needs if len(needed) == 1)
    exact_searches = tuple(_any_word(needed) for needed in shape.exact_needs if len(needed) > 1)
    last_not = shape.last_not
    if lines == 1:
        low, high = (bounds[0][1], bounds[0][2]) if bounds else (0, _UNBOUNDED)
        not_last = last_not[0][1] if last_not else ""

        def check_line(texts: Sequence[str], folded: Sequence[str], index: int) -> bool:
            if not low <= len(texts[index]) <= high:
                return False
            if not_last and texts[index][-1:] in not_last:
                return False
            text = folded[index]
            if prefixes is not None and not text.startswith(prefixes):
                return False
            if suffixes is not None and not text.endswith(suffixes):
                return False
            for word in words:
                if word not in text:
                    return False
            raw = texts[index]
            for word in exact_words:
                if word not in raw:
                    return False
            for search in searches:
                if not search(text):
                    return False
            for search in exact_searches:  # noqa: SIM110 - a loop: no generator on the hot path
                if not search(raw):
                    return False
            return True

        return check_line

    def check_window(texts: Sequence[str], folded: Sequence[str], index: int) -> bool:
        for offset, low, high in bounds:
            if not low <= len(texts[index + offset]) <= high:
                return False
        for offset, chars in last_not:
            if texts[index + offset][-1:] in chars:
                return False
        if prefixes is not None and not folded[index].startswith(prefixes):
            return False
        if suffixes is not None and not folded[index + lines - 1].endswith(suffixes):
            return False
        # Words never hold a line break: each is found within one line of the window.
        text = "\n".join(folded[index : index + lines]) if words or searches else ""
        raw = "\n".join(texts[index : index + lines]) if exact_words or exact_searches else ""
        for word in words:
            if word not in text:
                return False
        for word in exact_words:
            if word not in raw:
                return False
        for search in searches:
            if not search(text):
                return False
        for search in exact_searches:  # noqa: SIM110 - a loop: no generator on the hot path
            if not search(raw):
                return False
        return True

    return check_window


# Up to this many words, one ``in`` per word is quicker than a compiled alternation.
_LOOKUPS_MAX = 12


def _any_word(words: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a folded text holds one of ``words`` (plain substrings: no case rules apply any more)."""
    if len(words) <= _LOOKUPS_MAX:

        def lookups(text: str) -> bool:
            for word in words:  # noqa: SIM110 - a loop: no generator on the hot path
                if word in text:
                    return True
            return False

        return lookups
    search = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))).search
    return lambda text: search(text) is not None


@lru_cache(maxsize=4096)
def shapes_of(source: str, lines: int = 1) -> tuple[Shape, ...]:
    """The shapes of what ``source`` fully matches on a window of ``lines`` lines: one per
    alternative of a pattern that is an alternation, and text that one of them admits may
    match. One shape without conditions when the pattern cannot be read."""
    try:
        parsed = parse(source)
        if parsed is None:
            return (Shape(lines=lines),)
        if _may_backtrack(list(parsed)):
            # Tried on every line as ever, so that its time-out strikes where it always did.
            return (Shape(lines=lines),)
        return _analyse(parsed, lines)
    except (re.error, RecursionError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return (Shape(lines=lines),)


_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)


def _may_backtrack(nodes: list[Any]) -> bool:
    """Whether a repetition without limit repeats something that can match one text in
    several ways — an alternation, or a repetition that no fixed character ends — the shape
    of patterns that backtrack catastrophically ("(a|aa)+", "(a+)+", "(\\w+\\s?)+")."""
    for op, value in nodes:
        children = _children(op, value)
        if op in _REPEATS and value[1] == sre.MAXREPEAT and _ambiguous(list(value[2])):
            return True
        if any(_may_backtrack(child) for child in children):
            return True
    return False


def _children(op: Any, value: Any) -> list[list[Any]]:
    if op is sre.SUBPATTERN:
        return [list(value[3])]
    if op in (*_REPEATS, sre.POSSESSIVE_REPEAT):
        return [list(value[2])]
    if op is sre.BRANCH:
        return [list(branch) for branch in value[1]]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [list(value[1])]
    if op is sre.ATOMIC_GROUP:
        return [list(value)]
    if op is sre.GROUPREF_EXISTS:
        return [list(value[1])] + ([list(value[2])] if value[2] is not None else [])
    return []


def _ambiguous(body: list[Any]) -> bool:
    """Whether a repeated ``body`` holds an alternation, or a repetition (more than an
    optional part) not closed by a character it cannot match."""
    for position, (op, value) in enumerate(body):
        if op is sre.BRANCH:
            return True
        if op in _REPEATS and value[0] != value[1] and value[1] > 1:  # an optional part alone is harmless
            closing = body[position + 1] if position + 1 < len(body) else None
            if closing is None or closing[0] is not sre.LITERAL or _can_match(list(value[2]), chr(closing[1])):
                return True
        if any(_ambiguous(child) for child in _children(op, value)):
            return True
    return False


def _can_match(body: list[Any], char: str) -> bool:
    """Whether a repeated one-character ``body`` may match ``char`` (True when unsure)."""
    if len(body) != 1:
        return True
    op, value = body[0]
    if op is sre.IN:
        return any(_item_can_match(item_op, item_value, char) for item_op, item_value in value)
    return _item_can_match(op, value, char)


def _item_can_match(op: Any, value: Any, char: str) -> bool:
    if op is sre.LITERAL:
        found = chr(value)
        if found == PRINTING_PROPERTY:
            return not char.isspace()
        return found == ANY_PROPERTY or fold(found) == fold(char)
    if op is sre.CATEGORY:
        if value in (sre.CATEGORY_NOT_SPACE, sre.CATEGORY_UNI_NOT_SPACE):
            return not char.isspace()
        if value in (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE):
            return char.isspace()
    return True


# --- analysis of the parsed pattern ---------------------------------------------------------


# An OR-set of words, and whether they are compared with case (in the text as it is).
_Need = tuple[frozenset[str], bool]


@dataclass(slots=True)
class _Flags:
    ignorecase: bool
    dotall: bool

    def within(self, add: int, delete: int) -> _Flags:
        ignorecase = (self.ignorecase or bool(add & sre.SRE_FLAG_IGNORECASE)) and not delete & sre.SRE_FLAG_IGNORECASE
        dotall = (self.dotall or bool(add & sre.SRE_FLAG_DOTALL)) and not delete & sre.SRE_FLAG_DOTALL
        return _Flags(ignorecase, dotall)


class _Reader:
    def __init__(self, parsed: Any) -> None:
        self.parsed = parsed
        self.groups: dict[int, tuple[Any, _Flags]] = {}
        self.folds = False  # some part of the pattern compares without case
        flags = parsed.state.flags
        self.flags = _Flags(bool(flags & sre.SRE_FLAG_IGNORECASE), bool(flags & sre.SRE_FLAG_DOTALL))
        self._collect(list(parsed), self.flags)

    def _collect(self, nodes: list[Any], flags: _Flags) -> None:
        if flags.ignorecase:
            self.folds = True
        for op, value in nodes:
            if op is sre.SUBPATTERN:
                group, add, delete, body = value
                inner = flags.within(add, delete)
                if group is not None:
                    self.groups[group] = (body, inner)
                self._collect(list(body), inner)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                self._collect(list(value[2]), flags)
            elif op is sre.BRANCH:
                for branch in value[1]:
                    self._collect(list(branch), flags)
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                self._collect(list(value[1]), flags)
            elif op is sre.ATOMIC_GROUP:
                self._collect(list(value), flags)
            elif op is sre.GROUPREF_EXISTS:
                self._collect(list(value[1]), flags)
                if value[2] is not None:
                    self._collect(list(value[2]), flags)
            elif op is sre.IN and flags.ignorecase:
                self.folds = True

    # -- words ---------------------------------------------------------------------------

    def needs(self, nodes: list[Any], flags: _Flags) -> list[_Need]:
        """OR-sets of words, each of which the text of any match holds one of."""
        needs: list[_Need] = []
        run: list[str] = []

        def flush() -> None:
            exact = not flags.ignorecase
            needs.extend((frozenset({word}), exact) for word in _words("".join(run), exact))
            run.clear()

        for op, value in nodes:
            if op is sre.LITERAL:
                run.append(chr(value))
                continue
            flush()
            needs.extend(self._node_needs(op, value, flags))
        flush()
        return needs

    def _node_needs(self, op: Any, value: Any, flags: _Flags) -> list[_Need]:
        if op is sre.SUBPATTERN:
            return self.needs(list(value[3]), flags.within(value[1], value[2]))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _, body = value
            return self.needs(list(body), flags) if low >= 1 else []
        if op is sre.ATOMIC_GROUP:
            return self.needs(list(value), flags)
        if op is sre.ASSERT and value[0] == 1:  # a lookahead sees text of the line too
            return self.needs(list(value[1]), flags)
        if op is sre.BRANCH:
            bests = [_best(self.needs(list(branch), flags)) for branch in value[1]]
            if any(best is None for best in bests):
                return []
            found = [best for best in bests if best is not None]
            if all(exact for _, exact in found):
                union = frozenset(word for words, _ in found for word in words)
                exact = True
            else:  # compared folded: a folded word is in the folded text wherever the word is
                union = frozenset(fold(word) if exact else word for words, exact in found for word in words)
                exact = False
            return [(union, exact)] if len(union) <= _MAX_ALTERNATIVES else []
        if op is sre.IN:
            chars = _class_chars(value)
            if not chars:
                return []
            exact = not flags.ignorecase
            words = frozenset(chars if exact else map(fold, chars))
            return [(words, exact)] if all(map(_telling, words)) else []
        return []

    # -- prefixes ------------------------------------------------------------------------

    def prefixes(self, nodes: list[Any], flags: _Flags) -> frozenset[str] | None:
        """The folded strings a match must start with (None: unknown)."""
        for position, (op, value) in enumerate(nodes):
            if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue  # zero-width: the next node starts the match
            if op is sre.LITERAL or op is sre.IN:
                runs = _runs(nodes[position:])
                if runs:
                    words = {_leading_word(run) for run in runs}
                    return None if None in words else _capped(frozenset(word for word in words if word))
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] == 0:
                optional = self.prefixes(list(value[2]), flags)
                rest = self.prefixes(nodes[position + 1 :], flags)
                if optional is None or rest is None:
                    return None
                return _capped(optional | rest)
            return self._node_ends(op, value, flags, self.prefixes)
        return None

    def _node_ends(
        self, op: Any, value: Any, flags: _Flags, ends: Callable[[list[Any], _Flags], frozenset[str] | None]
    ) -> frozenset[str] | None:
        """What one node's match must start (``ends`` = prefixes) or end (suffixes) with."""
        if op is sre.SUBPATTERN:
            return ends(list(value[3]), flags.within(value[1], value[2]))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            return ends(list(value[2]), flags)
        if op is sre.ATOMIC_GROUP:
            return ends(list(value), flags)
        if op is sre.BRANCH:
            union: set[str] = set()
            for branch in value[1]:
                found = ends(list(branch), flags)
                if found is None:
                    return None
                union |= found
            return _capped(frozenset(union))
        if op is sre.IN:
            chars = _class_chars(value)
            if chars is None:
                return None
            folded = {fold(char) for char in chars}
            return frozenset(folded) if all(folded) else None
        return None

    # -- suffixes ------------------------------------------------------------------------

    def suffixes(self, nodes: list[Any], flags: _Flags) -> frozenset[str] | None:
        """The folded strings a match must end with (None: unknown)."""
        for position in range(len(nodes) - 1, -1, -1):
            op, value = nodes[position]
            if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue  # zero-width: the node before ends the match
            if op is sre.LITERAL or op is sre.IN:
                runs = _runs(nodes[position::-1])
                if runs:
                    words = {_trailing_word(run[::-1]) for run in runs}
                    return None if None in words else _capped(frozenset(word for word in words if word))
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] == 0:
                optional = self.suffixes(list(value[2]), flags)
                rest = self.suffixes(nodes[:position], flags)
                if optional is None or rest is None:
                    return None
                return _capped(optional | rest)
            return self._node_ends(op, value, flags, self.suffixes)
        return None

    # -- line breaks ---------------------------------------------------------------------

    def may_break(self, nodes: list[Any], flags: _Flags, seen: frozenset[int] = frozenset()) -> bool:
        """Whether the text consumed by ``nodes`` may hold a line break."""
        for op, value in nodes:
            if op is sre.LITERAL:
                if value == 10:
                    return True
            elif op is sre.NOT_LITERAL:
                if value != 10:
                    return True
            elif op is sre.ANY:
                if flags.dotall:
                    return True
            elif op is sre.IN:
                if _class_may_break(value):
                    return True
            elif op is sre.CATEGORY:
                if _category_may_break(value):
                    return True
            elif op is sre.SUBPATTERN:
                if self.may_break(list(value[3]), flags.within(value[1], value[2]), seen):
                    return True
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                if self.may_break(list(value[2]), flags, seen):
                    return True
            elif op is sre.ATOMIC_GROUP:
                if self.may_break(list(value), flags, seen):
                    return True
            elif op is sre.BRANCH:
                if any(self.may_break(list(branch), flags, seen) for branch in value[1]):
                    return True
            elif op is sre.GROUPREF:
                if value in seen or value not in self.groups:
                    return True
                body, group_flags = self.groups[value]
                if self.may_break(list(body), group_flags, seen | {value}):
                    return True
            elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue  # consumes nothing
            else:
                return True
        return False


def _words(run: str, exact: bool) -> list[str]:
    """The usable pieces of a literal run (split at line breaks and unusable characters),
    folded unless ``exact``."""
    pieces: list[str] = []
    current: list[str] = []
    for char in run:
        if char == "\n" or not _usable_char(char):
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    return [word for word in (pieces if exact else map(fold, pieces)) if _telling(word)]


def _telling(word: str) -> bool:
    """Whether finding ``word`` says something: a single letter or digit is in most lines."""
    return len(word) >= _MIN_WORD or (len(word) == 1 and not word.isalnum() and not word.isspace())


def _leading_word(run: str) -> str | None:
    """The usable start of a literal run, folded."""
    usable = []
    for char in run:
        if char == "\n" or not _usable_char(char):
            break
        usable.append(char)
    return fold("".join(usable)) if usable else None


def _runs(nodes: list[Any]) -> list[str]:
    """The strings spelled by the leading plain characters and small classes of ``nodes``
    ("it['’]s" spells "it's" and "it’s"), as far as they stay few."""
    runs = [""]
    for op, value in nodes:
        if op is sre.LITERAL:
            chars = [chr(value)]
        elif op is sre.IN:
            found = _class_chars(value)
            if found is None:
                break
            chars = found
        else:
            break
        if len(runs) * len(chars) > _MAX_ALTERNATIVES:
            break
        runs = [run + char for run in runs for char in chars]
    return runs if runs != [""] else []


def _trailing_word(run: str) -> str | None:
    """The usable end of a literal run, folded."""
    usable: list[str] = []
    for char in reversed(run):
        if char == "\n" or not _usable_char(char):
            break
        usable.append(char)
    return fold("".join(reversed(usable))) if usable else None


def _best(needs: list[_Need]) -> _Need | None:
    """The OR-set that says most: the one whose shortest word is longest."""
    return max(needs, key=lambda need: (min(len(word) for word in need[0]), -len(need[0])), default=None)


def _capped(prefixes: frozenset[str]) -> frozenset[str] | None:
    return prefixes if len(prefixes) <= _MAX_ALTERNATIVES and all(prefixes) else None


def _class_chars(items: Any) -> list[str] | None:
    """The characters of a plain class (no negation, categories or wide ranges)."""
    chars: list[str] = []
    for op, value in items:
        if op is sre.LITERAL:
            chars.append(chr(value))
        elif op is sre.RANGE and value[1] - value[0] < _MAX_CLASS_WORDS:
            chars.extend(chr(code) for code in range(value[0], value[1] + 1))
        else:
            return None
    if len(chars) > _MAX_CLASS_WORDS or not all(_usable_char(char) and char != "\n" for char in chars):
        return None
    return chars


_BREAKING_CATEGORIES = {
    sre.CATEGORY_SPACE,
    sre.CATEGORY_NOT_DIGIT,
    sre.CATEGORY_NOT_WORD,
    sre.CATEGORY_LINEBREAK,
    sre.CATEGORY_UNI_SPACE,
    sre.CATEGORY_UNI_NOT_DIGIT,
    sre.CATEGORY_UNI_NOT_WORD,
    sre.CATEGORY_UNI_LINEBREAK,
}


def _category_may_break(category: Any) -> bool:
    return category in _BREAKING_CATEGORIES or category not in {
        sre.CATEGORY_DIGIT,
        sre.CATEGORY_NOT_SPACE,
        sre.CATEGORY_WORD,
        sre.CATEGORY_UNI_DIGIT,
        sre.CATEGORY_UNI_NOT_SPACE,
        sre.CATEGORY_UNI_WORD,
    }


def _class_may_break(items: Any) -> bool:
    negated = False
    for op, value in items:
        if op is sre.NEGATE:
            negated = True
        elif (op is sre.LITERAL and value == 10) or (op is sre.RANGE and value[0] <= 10 <= value[1]):
            return not negated
        elif op is sre.CATEGORY and _category_may_break(value):
            return True
    return negated


def _split_lines(nodes: list[Any], lines: int) -> list[list[Any]] | None:
    """The top-level sequence cut at its line breaks ("\\n" or "\\n\\n?"): one part per line."""
    parts: list[list[Any]] = [[]]
    position = 0
    while position < len(nodes):
        op, value = nodes[position]
        if op is sre.LITERAL and value == 10:
            parts.append([])
            position += 1
            if position < len(nodes):
                follow_op, follow_value = nodes[position]
                if (
                    follow_op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
                    and follow_value[:2] == (0, 1)
                    and list(follow_value[2]) == [(sre.LITERAL, 10)]
                ):
                    position += 1
            continue
        parts[-1].append(nodes[position])
        position += 1
    return parts if len(parts) == lines else None


def _width(reader: _Reader, nodes: list[Any]) -> tuple[int, int | None]:
    low, high = sre_parse.SubPattern(reader.parsed.state, nodes).getwidth()
    if reader.folds:
        low //= _FOLD_STRETCH
        high = high * _FOLD_STRETCH
    return low, (None if high >= _UNBOUNDED else high)


def _line_bounds(reader: _Reader, nodes: list[Any], lines: int) -> tuple[tuple[int, int | None], ...] | None:
    if lines == 1:
        low, high = _width(reader, nodes)
        for op, value in nodes:
            if op is sre.AT:
                continue
            if op is not sre.ASSERT or value[0] != 1:
                break
            # A lookahead "(?=X$)" opening the pattern sizes the whole line.
            body = list(value[1])
            if body and body[-1] in ((sre.AT, sre.AT_END), (sre.AT, sre.AT_END_STRING)):
                ahead_low, ahead_high = _width(reader, body[:-1])
                low = max(low, ahead_low)
                high = ahead_high if high is None else high if ahead_high is None else min(high, ahead_high)
        return ((low, high),)
    parts = _split_lines(nodes, lines)
    if parts is None:
        return None
    # Each part consumes exactly its line only when none may consume a line break or nothing.
    bounds = []
    for part in parts:
        if reader.may_break(part, reader.flags):
            return None
        low, high = _width(reader, part)
        if sre_parse.SubPattern(reader.parsed.state, part).getwidth()[0] < 1:
            return None
        bounds.append((low, high))
    return tuple(bounds)


def _analyse(parsed: Any, lines: int) -> tuple[Shape, ...]:
    reader = _Reader(parsed)
    nodes, flags = list(parsed), reader.flags
    while lines == 1 and len(nodes) == 1 and nodes[0][0] is sre.SUBPATTERN:
        _, add, delete, body = nodes[0][1]
        nodes, flags = list(body), flags.within(add, delete)
    if lines == 1:
        return tuple(_shape(reader, alternative, flags, lines) for alternative in _alternatives(nodes))
    return (_shape(reader, nodes, flags, lines),)


# A pattern is read as at most this many alternatives.
_MAX_SHAPES = 16


def _alternatives(nodes: list[Any]) -> list[list[Any]]:
    """``nodes`` as a list of sequences, one per way through its top-level alternations
    ("X(?:A|B)Y" is "XAY" or "XBY"): each is read on its own, so that one short or rare
    alternative does not make a whole pattern admit every line."""
    for position, (op, value) in enumerate(nodes):
        branches = None
        if op is sre.BRANCH:
            branches = value[1]
        elif op is sre.SUBPATTERN and not value[1] and not value[2] and len(value[3]) == 1:
            inner_op, inner_value = value[3][0]
            if inner_op is sre.BRANCH:
                branches = inner_value[1]
        if branches is None:
            continue
        expanded: list[list[Any]] = []
        for branch in branches:
            expanded.extend(_alternatives([*nodes[:position], *branch, *nodes[position + 1 :]]))
            if len(expanded) > _MAX_SHAPES:
                return [nodes]
        return expanded
    return [nodes]


def _shape(reader: _Reader, nodes: list[Any], flags: _Flags, lines: int) -> Shape:
    prefixes = reader.prefixes(nodes, flags)
    suffixes = reader.suffixes(nodes, flags)
    needs = {need for need in reader.needs(nodes, flags) if all(map(_telling, need[0]))}
    # An OR-set that every prefix (or every suffix) already holds a word of says nothing more.
    for ends in (prefixes, suffixes):
        if ends is not None:
            needs = {
                (words, exact)
                for words, exact in needs
                if not all(any(fold(word) in end for word in words) for end in ends)
            }
    ordered = sorted(
        ((tuple(sorted(words)), exact) for words, exact in needs),
        key=lambda need: (-min(map(len, need[0])), need),
    )
    bounds = _line_bounds(reader, nodes, lines)
    last_not: tuple[tuple[int, str], ...] = ()
    if bounds is not None:  # each part of the pattern consumes exactly its line
        parts = [nodes] if lines == 1 else _split_lines(nodes, lines) or []
        last_not = tuple((offset, chars) for offset, part in enumerate(parts) if (chars := _closing_exclusions(part)))
    if bounds is not None and all(low == 0 and high is None for low, high in bounds):
        bounds = None
    return Shape(
        lines=lines,
        prefixes=None if prefixes is None else tuple(sorted(prefixes)),
        needs=tuple(words for words, exact in ordered if not exact),
        bounds=bounds,
        exact_needs=tuple(words for words, exact in ordered if exact),
        suffixes=None if suffixes is None else tuple(sorted(suffixes)),
        last_not=last_not,
    )


def _closing_exclusions(part: list[Any]) -> str:
    """The characters a line matched by ``part`` cannot end with: the plain characters of a
    negated class that is the part's last consuming node ("" when it is none). Only
    characters without case, so that case-insensitive matching changes nothing, and no
    stand-in for a ``\\p{...}`` class."""
    for op, value in reversed(part):
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: the node before consumes the last character
        if op is not sre.IN or not value or value[0][0] is not sre.NEGATE:
            return ""
        chars = {chr(item) for kind, item in value[1:] if kind is sre.LITERAL and _caseless(chr(item))}
        return "".join(sorted(chars))
    return ""


def _caseless(char: str) -> bool:
    """A character of the text itself (no line break, no stand-in for a property) that has no case."""
    return char != "\n" and _usable_char(char) and char.lower() == char == char.upper() and char.casefold() == char
