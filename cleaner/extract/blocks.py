"""Typing body lines: paragraph, in-body heading or list item. The text is never changed."""

from __future__ import annotations

from cleaner.outputs.article import Block
from cleaner.rules import patterns
from cleaner.rules.schema import HeadingRule

_LIST_ITEM = r"(?:[•●▪◦·*\-–]|\d{1,2}[.)])\s+\S.*"


def _may_be_list_item(text: str) -> bool:
    """False only for a line the list-item pattern cannot match: one opening with an ASCII
    character other than a digit, "*" or "-" (most lines; a test of the first character
    spares them the pattern). Any other character is left to the pattern, whose Unicode
    digits may be newer than Python's."""
    first = text[:1]
    return not first.isascii() or first.isdigit() or first in ("*", "-")


def is_heading(text: str, following: str | None, rule: HeadingRule) -> bool:
    """A short line without closing punctuation, followed by a longer body line."""
    if following is None or len(following) <= len(text) or len(text.split()) > rule.max_words:
        return False
    return patterns.fullmatch(rule.pattern, text) is not None


def type_blocks(texts: list[str], rule: HeadingRule) -> list[Block]:
    blocks: list[Block] = []
    for position, text in enumerate(texts):
        following = texts[position + 1] if position + 1 < len(texts) else None
        if _may_be_list_item(text) and patterns.fullmatch(_LIST_ITEM, text) is not None:
            blocks.append(Block("list_item", text))
        elif is_heading(text, following, rule):
            blocks.append(Block("heading", text))
        else:
            blocks.append(Block("paragraph", text))
    return blocks
