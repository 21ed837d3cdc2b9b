"""Load-time checks of a site rule: every problem names the rule field and the reason."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex

from cleaner.errors import RuleError
from cleaner.patterns import compile_pattern, validate_pattern
from cleaner.rule import META_GROUPS, LinePattern, SiteRule, TextRule

_RULE_ID = regex.compile(r"[a-z][a-z0-9_]{1,63}")
_DOMAIN = regex.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")


def _check(condition: bool, where: str, reason: str) -> None:
    if not condition:
        raise RuleError(f"{where}: {reason}")


def _line_patterns(items: tuple[LinePattern, ...], where: str) -> None:
    for position, item in enumerate(items):
        place = f"{where}[{position}] ({item.id})"
        _check(bool(item.id), place, "has no id")
        _check(item.lines >= 1, place, "lines must be at least 1")
        validate_pattern(item.pattern, where=place)
        if item.followers:
            validate_pattern(item.followers, where=f"{place}.followers")


def _line_anchored(source: str, where: str) -> None:
    # Searched in the whole page: without "^" a cue would also fire on body text.
    _check(source.startswith("^"), where, f"pattern {source!r} must start with '^' (match at a line start)")
    validate_pattern(source, where=where)


def _text_rule(text: TextRule, where: str) -> None:
    _line_patterns(text.boilerplate, f"{where}.boilerplate")
    _line_patterns(text.head_anchors, f"{where}.head_anchors")
    _line_patterns(text.tail_anchors, f"{where}.tail_anchors")
    for position, meta in enumerate(text.meta):
        place = f"{where}.meta[{position}] ({meta.id})"
        validate_pattern(meta.pattern, where=place)
        groups = set(compile_pattern(meta.pattern).groupindex)
        _check(bool(groups), place, "a metadata pattern needs named groups")
        unknown = groups - set(META_GROUPS)
        _check(not unknown, place, f"unknown named group(s) {sorted(unknown)}; use {', '.join(META_GROUPS)}")
    validate_pattern(text.title.pattern, where=f"{where}.title.pattern")
    for position, source in enumerate(text.title.skip):
        validate_pattern(source, where=f"{where}.title.skip[{position}]")
    for position, source in enumerate(text.title.strip):
        validate_pattern(source, where=f"{where}.title.strip[{position}]")
    if text.tags_before_title:
        validate_pattern(text.tags_before_title, where=f"{where}.tags_before_title")
    if text.caption is not None:
        validate_pattern(text.caption.pattern, where=f"{where}.caption.pattern")
        if text.caption.alt:
            validate_pattern(text.caption.alt, where=f"{where}.caption.alt")
    validate_pattern(text.heading.pattern, where=f"{where}.heading.pattern")
    compile_pattern(text.author_split)
    compile_pattern(text.tag_split)
    _check(text.head_window > 0, f"{where}.head_window", "must be positive")


def validate_rule(rule: SiteRule) -> None:
    """Raise RuleError on the first problem found."""
    where = rule.id or "<rule>"
    _check(bool(_RULE_ID.fullmatch(rule.id or "")), where, "id must be lower-case letters, digits and _")
    _check(bool(rule.name), where, "name is empty")
    _check(bool(rule.layouts), where, "has no layouts")
    for position, domain in enumerate(rule.domains):
        _check(bool(_DOMAIN.fullmatch(domain)), f"{where}.domains[{position}]", f"{domain!r} is not a domain name")
    try:
        ZoneInfo(rule.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise RuleError(f"{where}.timezone: unknown time zone {rule.timezone!r}") from None
    for position, signature in enumerate(rule.signatures):
        _line_anchored(signature.pattern, f"{where}.signatures[{position}]")
        _check(signature.weight > 0, f"{where}.signatures[{position}]", "weight must be positive")
    names = [layout.name for layout in rule.layouts]
    _check(len(names) == len(set(names)), f"{where}.layouts", "layout names must be unique")
    for layout in rule.layouts:
        place = f"{where}.layouts[{layout.name}]"
        _check(layout.text is not None or layout.html is not None, place, "has neither a text nor an html part")
        for position, source in enumerate(layout.fingerprints):
            _line_anchored(source, f"{place}.fingerprints[{position}]")
        if layout.since and layout.until:
            _check(layout.since <= layout.until, place, "since is after until")
        if layout.text is not None:
            _text_rule(layout.text, f"{place}.text")
