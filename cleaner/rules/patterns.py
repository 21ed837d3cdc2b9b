"""Rule patterns: compiled with `regex`, validated at load time, run under a time-out."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex

from cleaner.errors import CleanerError, RuleError

# Seconds one match may take. Lines are short; a pattern that needs longer is pathological.
MATCH_TIMEOUT = 0.25
# A search runs over a whole page rather than one line.
SEARCH_TIMEOUT = MATCH_TIMEOUT * 4
_FLAGS = regex.VERSION1 | regex.UNICODE


class FieldError(RuleError):
    """A rule field failed a load-time check. ``value`` (when known) lets the loader find its line."""

    def __init__(self, where: str, reason: str, value: object = None) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.value = value


class PatternTimeout(CleanerError):
    """A rule pattern ran past its time-out on some input: this document fails, the run goes on."""


@lru_cache(maxsize=4096)
def compile_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    if not isinstance(source, str):
        raise RuleError(f"a pattern must be a string, not {type(source).__name__}")
    try:
        return regex.compile(source, _FLAGS | flags)
    except regex.error as exc:
        raise RuleError(f"invalid pattern {source!r}: {exc}") from exc


def validate_pattern(source: str, *, where: str) -> None:
    """Reject what cannot be a line rule: syntax errors and patterns that match the empty string."""
    try:
        pattern = compile_pattern(source)
    except RuleError as exc:
        raise FieldError(where, str(exc), source) from None
    if pattern.fullmatch("", timeout=MATCH_TIMEOUT) is not None:
        raise FieldError(where, f"pattern {source!r} matches the empty string", source)


def _timed_out(source: str, text: str, seconds: float) -> PatternTimeout:
    return PatternTimeout(
        f"rule pattern {source!r} timed out (over {seconds:g} s on {len(text)} characters); "
        "the pattern backtracks catastrophically — rewrite it"
    )


def fullmatch(source: str, text: str) -> regex.Match[str] | None:
    return fullmatcher(source)(text)


Fullmatcher = Callable[[str], "regex.Match[str] | None"]


@lru_cache(maxsize=4096)
def fullmatcher(source: str) -> Fullmatcher:
    """``fullmatch`` of ``source`` as a function of the text, for patterns tried on every line."""
    match = compile_pattern(source).fullmatch

    def run(text: str) -> regex.Match[str] | None:
        try:
            # Positional arguments (text, pos, endpos, concurrent, partial, timeout): keywords
            # cost more to parse than most matches take.
            return match(text, None, None, None, False, MATCH_TIMEOUT)
        except TimeoutError:
            raise _timed_out(source, text, MATCH_TIMEOUT) from None

    return run


def search(source: str, text: str, flags: int = 0) -> regex.Match[str] | None:
    try:
        return compile_pattern(source, flags).search(text, timeout=SEARCH_TIMEOUT)
    except TimeoutError:
        raise _timed_out(source, text, SEARCH_TIMEOUT) from None
