"""Load-time checks of a site rule: every problem names the rule field and the reason."""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex

from cleaner.rules.news_boilerplate import SHARED_IDS
from cleaner.rules.patterns import FieldError, compile_pattern, validate_pattern
from cleaner.rules.schema import META_GROUPS, HtmlRule, Layout, LinePattern, SiteRule, TextRule
from cleaner.rules.types import check_types

RULE_ID = regex.compile(r"[a-z][a-z0-9_]{1,63}")
DOMAIN = regex.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")


def _check(condition: bool, where: str, reason: str, value: object = None) -> None:
    if not condition:
        raise FieldError(where, reason, value)


def _line_patterns(items: tuple[LinePattern, ...], where: str) -> None:
    for position, item in enumerate(items):
        place = f"{where}[{position}] ({item.id})"
        _check(bool(item.id), place, "has no id")
        _check(item.lines >= 1, place, "lines must be at least 1")
        validate_pattern(item.pattern, where=place)
        if item.followers:
            validate_pattern(item.followers, where=f"{place}.followers")
        if item.leader:
            validate_pattern(item.leader, where=f"{place}.leader")


def _line_anchored(source: str, where: str) -> None:
    # Searched in the whole page: without "^" a cue would also fire on body text.
    _check(source.startswith("^"), where, f"pattern {source!r} must start with '^' (match at a line start)", source)
    validate_pattern(source, where=where)


def _patterns(sources: tuple[str, ...], where: str) -> None:
    for position, source in enumerate(sources):
        validate_pattern(source, where=f"{where}[{position}]")


def _text_rule(text: TextRule, where: str) -> None:
    _line_patterns(text.boilerplate, f"{where}.boilerplate")
    _line_patterns(text.head_anchors, f"{where}.head_anchors")
    _line_patterns(text.tail_anchors, f"{where}.tail_anchors")
    for position, meta in enumerate(text.meta):
        place = f"{where}.meta[{position}] ({meta.id})"
        _check(bool(meta.id), place, "has no id")
        _check(meta.lines >= 1, place, "lines must be at least 1")
        validate_pattern(meta.pattern, where=place)
        groups = set(compile_pattern(meta.pattern).groupindex)
        _check(bool(groups), place, "a metadata pattern needs named groups")
        unknown = groups - set(META_GROUPS)
        _check(not unknown, place, f"unknown named group(s) {sorted(unknown)}; use {', '.join(META_GROUPS)}")
    landmarks = {meta.id for meta in text.meta} | {anchor.id for anchor in text.head_anchors}
    for position, landmark in enumerate(text.title.before):
        _check(
            landmark in landmarks,
            f"{where}.title.before[{position}]",
            f"{landmark!r} is not the id of a meta line or head anchor of this layout",
            landmark,
        )
    validate_pattern(text.title.pattern, where=f"{where}.title.pattern")
    _patterns(text.title.skip, f"{where}.title.skip")
    _patterns(text.title.strip, f"{where}.title.strip")
    if text.tags_before_title:
        validate_pattern(text.tags_before_title, where=f"{where}.tags_before_title")
    if text.caption is not None:
        validate_pattern(text.caption.pattern, where=f"{where}.caption.pattern")
        if text.caption.alt:
            validate_pattern(text.caption.alt, where=f"{where}.caption.alt")
    validate_pattern(text.heading.pattern, where=f"{where}.heading.pattern")
    _check(text.heading.max_words > 0, f"{where}.heading.max_words", "must be positive")
    # A splitter that matches "" would cut every name into letters.
    validate_pattern(text.author_split, where=f"{where}.author_split")
    validate_pattern(text.tag_split, where=f"{where}.tag_split")
    _patterns(text.keep, f"{where}.keep")
    for position, kind in enumerate(text.shared_off):
        _check(
            kind in SHARED_IDS,
            f"{where}.shared_off[{position}]",
            f"{kind!r} is not a kind of the shared layer; use one of {', '.join(sorted(SHARED_IDS))}",
            kind,
        )
    _check(text.head_window > 0, f"{where}.head_window", "must be positive")


@cache
def _probe():
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser("<html><body><p>probe</p></body></html>")


def validate_selector(selector: str, *, where: str) -> None:
    """Reject a CSS selector the HTML parser cannot parse."""
    _check(bool(selector.strip()), where, "selector is empty", selector)
    try:
        _probe().css_first(selector)
    except Exception as exc:
        raise FieldError(where, f"invalid CSS selector {selector!r}: {exc}", selector) from None


def _html_rule(html: HtmlRule, where: str) -> None:
    for item in fields(html):
        for position, selector in enumerate(getattr(html, item.name)):
            validate_selector(selector, where=f"{where}.{item.name}[{position}]")


def _layout(layout: Layout, where: str) -> None:
    _check(bool(layout.name), where, "layout has no name")
    _check(layout.text is not None or layout.html is not None, where, "has neither a text nor an html part")
    for position, source in enumerate(layout.fingerprints):
        _line_anchored(source, f"{where}.fingerprints[{position}]")
    for position, selector in enumerate(layout.html_fingerprints):
        validate_selector(selector, where=f"{where}.html_fingerprints[{position}]")
    if layout.since and layout.until:
        _check(layout.since <= layout.until, where, "since is after until")
    if layout.text is not None:
        _text_rule(layout.text, f"{where}.text")
    if layout.html is not None:
        _html_rule(layout.html, f"{where}.html")


def validate_rule(rule: SiteRule) -> None:
    """Raise RuleError on the first problem found."""
    where = rule.id if isinstance(rule.id, str) and rule.id else "<rule>"
    check_types(rule, where)
    _check(bool(RULE_ID.fullmatch(rule.id)), where, "id must be lower-case letters, digits and _ (2-64)")
    _check(bool(rule.name), where, "name is empty")
    _check(bool(rule.layouts), where, "has no layouts")
    for position, domain in enumerate(rule.domains):
        _check(
            bool(DOMAIN.fullmatch(domain)), f"{where}.domains[{position}]", f"{domain!r} is not a domain name", domain
        )
    try:
        ZoneInfo(rule.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise FieldError(f"{where}.timezone", f"unknown time zone {rule.timezone!r}", rule.timezone) from None
    for position, signature in enumerate(rule.signatures):
        _line_anchored(signature.pattern, f"{where}.signatures[{position}]")
        _check(signature.weight > 0, f"{where}.signatures[{position}]", "weight must be positive")
    _check(rule.min_score > 0, f"{where}.min_score", "must be positive")
    if rule.signatures:
        total = sum(signature.weight for signature in rule.signatures)
        _check(
            total >= rule.min_score,
            f"{where}.min_score",
            f"the signatures weigh {total:g} in all, so a page can never reach {rule.min_score:g}",
        )
    names = [layout.name for layout in rule.layouts]
    _check(len(names) == len(set(names)), f"{where}.layouts", "layout names must be unique")
    for layout in rule.layouts:
        _layout(layout, f"{where}.layouts[{layout.name}]")
