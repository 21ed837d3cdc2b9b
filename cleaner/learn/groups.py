"""Which group (site) a page belongs to when learning: its rule, its domain, or its text.

Pages with a rule group by rule id; pages without one but with a URL by host; the rest by
the folder they sit in (text dumps often hold a body alone, with too little of their site
to tell it). A page seen later finds its text group by its folder, or else by the group's
signature, the short lines its pages repeat most, when it shares at least ``_SHARED_LINES``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from cleaner.detect.site import host_of
from cleaner.learn.shapes import shape_of
from cleaner.learn.state import LearnedGroup, LearnedState
from cleaner.rules.schema import SiteRule

#: A page with this many of a group's signature lines (in shape) belongs to the group.
_SHARED_LINES = 3
#: Lines longer than this (in words) are not part of a text signature.
_SIGNATURE_WORDS = 12


def group_key(rule: SiteRule | None, url: str | None) -> str | None:
    """``rule:<id>`` or ``domain:<host>``; None when the page's text must decide."""
    if rule is not None:
        return f"rule:{rule.id}"
    host = host_of(url) if url else None
    return f"domain:{host}" if host else None


def folder_key(source: str | None) -> str:
    """The group of a page without a rule or URL: the folder it sits in (relative to its input root)."""
    return f"text:{PurePosixPath(source or '').parent}"


def signature_keys(lines: Sequence[str]) -> set[str]:
    return {shape_of(line).key for line in lines if len(line.split()) <= _SIGNATURE_WORDS}


def group_for(
    state: LearnedState, rule: SiteRule | None, url: str | None, lines: Sequence[str], source: str | None = None
) -> LearnedGroup | None:
    """The learned group of a page: by rule or domain; else the text group it was learned
    in, or whose signature it shares most (at least ``_SHARED_LINES`` lines)."""
    key = group_key(rule, url)
    if key is not None:
        return state.group(key)
    member_of = state.group_of_member(source)
    if member_of is not None and member_of.kind == "text":
        return member_of
    same_folder = state.group(folder_key(source)) if source else None
    if same_folder is not None:
        return same_folder
    keys = signature_keys(lines)
    best: tuple[int, LearnedGroup] | None = None
    for group in state.groups:
        if group.kind != "text":
            continue
        shared = len(keys & set(group.signature))
        if shared >= _SHARED_LINES and (best is None or shared > best[0]):
            best = (shared, group)
    return best[1] if best else None
