"""Rule patterns: compiled with `regex`, validated at load time, run under a time-out."""

from __future__ import annotations

from functools import lru_cache

import regex

from cleaner.errors import RuleError

# Seconds one match may take. Lines are short; a pattern that needs longer is pathological.
MATCH_TIMEOUT = 0.25
_FLAGS = regex.VERSION1 | regex.UNICODE


class PatternTimeout(Exception):
    """A rule pattern ran past its time-out on some input."""


@lru_cache(maxsize=4096)
def compile_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    try:
        return regex.compile(source, _FLAGS | flags)
    except regex.error as exc:
        raise RuleError(f"invalid pattern {source!r}: {exc}") from exc


def validate_pattern(source: str, *, where: str) -> None:
    """Reject what cannot be a line rule: syntax errors and patterns that match nothing at all."""
    pattern = compile_pattern(source)
    if pattern.fullmatch("", timeout=MATCH_TIMEOUT) is not None:
        raise RuleError(f"{where}: pattern {source!r} matches the empty string")


def fullmatch(source: str, text: str) -> regex.Match[str] | None:
    try:
        return compile_pattern(source).fullmatch(text, timeout=MATCH_TIMEOUT)
    except TimeoutError as exc:
        raise PatternTimeout(f"pattern {source!r} timed out") from exc


def search(source: str, text: str, flags: int = 0) -> regex.Match[str] | None:
    try:
        return compile_pattern(source, flags).search(text, timeout=MATCH_TIMEOUT * 4)
    except TimeoutError as exc:
        raise PatternTimeout(f"pattern {source!r} timed out") from exc
