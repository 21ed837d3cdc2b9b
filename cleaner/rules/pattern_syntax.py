"""A ``regex`` pattern read with Python's own parser, where the two read it alike.

``cleaner.rules.shape`` walks the parse tree of a pattern to learn what its matches look
like. Python's parser (``re._parser``) reads the syntax the ``regex`` module shares with
``re``; what only ``regex`` knows is translated first (``\\p{...}`` classes become stand-in
characters of the same width) or refused (nested sets and set operations, fuzzy matching,
named lists, verbose mode...), and a refused pattern gets no shape at all.
"""

from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# ``\p{...}`` classes of printing characters only (letters, marks, numbers, punctuation, symbols).
_NO_BREAK_PROPERTIES = frozenset(
    {"L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No"}
    | {"P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So"}
)
# Stand-ins for ``\p{...}`` that Python's parser reads: private-use characters, one wide,
# in no word a shape asks for. The first stands for a property of printing
# characters only (no white space, no line break); the second for any other property, and a
# class holding it gets "\n" too.
PRINTING_PROPERTY = "\ue000"
ANY_PROPERTY = "\ue001"
_QUANTIFIER = re.compile(r"\{(?:\d+(?:,\d*)?|,\d+)\}")
# Verbose mode: ``regex`` and Python differ on white space inside sets.
_VERBOSE = re.compile(r"\(\?[a-zA-Z]*x")


def parse(source: str) -> Any | None:
    """The parse tree of ``source``, or None where Python would read it otherwise than ``regex``."""
    translated = _translate(source)
    return None if translated is None else sre_parse.parse(translated)


def _translate(source: str) -> str | None:
    """``source`` in the syntax of Python's parser, or None when it uses what that parser would
    read differently from ``regex`` (nested sets, set operations, fuzzy matching...)."""
    if _VERBOSE.search(source):
        return None
    out: list[str] = []
    position = 0
    in_class = False
    class_start = 0
    size = len(source)
    while position < size:
        char = source[position]
        if char == "\\":
            if position + 1 >= size:
                return None
            escaped = source[position + 1]
            if escaped in "pP":
                replacement, position = _property(source, position, in_class)
                if replacement is None:
                    return None
                out.append(replacement)
                continue
            if escaped in "LmMGKX":  # named lists, word edges, \G, \K, graphemes: regex only
                return None
            out.append(source[position : position + 2])
            position += 2
            continue
        if in_class:
            if char == "[":
                return None  # a nested set (VERSION1) or a POSIX class
            if char == "]" and position > class_start:
                in_class = False
            elif source.startswith(("--", "&&", "||", "~~"), position):
                return None  # set operations (VERSION1)
            out.append(char)
            position += 1
            continue
        if char == "[":
            in_class = True
            class_start = position + 1
            if source.startswith("^", class_start):
                class_start += 1
            out.append(char)
            if source.startswith("]", class_start):  # "[]...]" : a literal "]" first
                out.append(source[position + 1 : class_start + 1])
                position = class_start + 1
                class_start = position
                continue
            position += 1
            continue
        if char == "{":
            quantifier = _QUANTIFIER.match(source, position)
            if quantifier is None:
                return None  # fuzzy matching, or a brace Python reads as a literal
            out.append(quantifier.group())
            position = quantifier.end()
            continue
        # Python's parser refuses what else it does not know (branch reset, recursion,
        # version flags, named groups in the (?<name>) spelling): such a pattern gets no shape.
        out.append(char)
        position += 1
    if in_class:
        return None
    return "".join(out)


def _property(source: str, position: int, in_class: bool) -> tuple[str | None, int]:
    negated = source[position + 1] == "P"
    start = position + 2
    if source.startswith("{", start):
        end = source.find("}", start)
        if end < 0:
            return None, position
        name = source[start + 1 : end]
        after = end + 1
    else:
        name = source[start : start + 1]
        after = start + 1
    printing = not negated and name in _NO_BREAK_PROPERTIES
    chars = f"{PRINTING_PROPERTY}\\ue002" if printing else f"{ANY_PROPERTY}\\ue002\\n"
    return (chars if in_class else f"[{chars}]"), after
