"""Best-effort cleaning of a text dump from a site without a rule.

Keeps prose: lines of several words that read as sentences. Drops menus, short link
lines and form text. A short line between two kept paragraphs is kept as a heading.
"""

from __future__ import annotations

import regex

from cleaner.lines import split_lines
from cleaner.model import Article, Block, Removal

_SENTENCE_END = regex.compile(r"[.!?…][\"”’»')\]]*(?:\s|$)")
# Site chrome opens with these words; prose that merely mentions them elsewhere is kept.
_FORM_OR_CHROME = regex.compile(
    r"^(?:subscribe|sign up|sign in|log in|newsletter|we use cookies|this (?:web)?site uses cookies|"
    r"privacy policy|terms of use|all rights reserved|follow us|share (?:on|this)|advertisement|"
    r"read more|skip to content|enter your email|\* indicates required|donate|support us|menu|"
    r"copyright|©)|\ball rights reserved\b",
    regex.IGNORECASE,
)
_HEADING = regex.compile(r"[\p{Lu}\p{N}\"“‘'«][^\n]{2,120}[^.,;:!…\"”’'»\-–—]")
_TITLE = regex.compile(r"(?=.{10,250}$)[^\n]*[^.,;:…\n]")

MIN_PROSE_WORDS = 8
LONG_PROSE_WORDS = 25


def is_prose(text: str) -> bool:
    words = len(text.split())
    if words >= LONG_PROSE_WORDS:
        return True
    if words < MIN_PROSE_WORDS or not _SENTENCE_END.search(text):
        return False
    return not _FORM_OR_CHROME.search(text)


def extract_generic_text(text: str, article: Article) -> None:
    lines = split_lines(text)
    keep = [is_prose(line.text) for line in lines]
    # A short, title-like line between two kept paragraphs is an in-body heading.
    headings = set()
    for index in range(1, len(lines) - 1):
        if keep[index] or not _HEADING.fullmatch(lines[index].text) or len(lines[index].text.split()) > 14:
            continue
        if keep[index - 1] and keep[index + 1] and not _FORM_OR_CHROME.search(lines[index].text):
            headings.add(index)
    first_kept = next((i for i, kept in enumerate(keep) if kept), None)
    title_index = None
    if first_kept is not None:
        for index in range(first_kept - 1, max(-1, first_kept - 6), -1):
            candidate = lines[index].text
            if (
                _TITLE.fullmatch(candidate)
                and 3 <= len(candidate.split()) <= 25
                and not _FORM_OR_CHROME.search(candidate)
            ):
                title_index = index
                break
    blocks: list[Block] = []
    removed: list[Removal] = []
    for index, line in enumerate(lines):
        if index == title_index:
            article.title = line.text
            removed.append(Removal("meta.title", line.text, line.number))
        elif keep[index]:
            blocks.append(Block("paragraph", line.text))
        elif index in headings:
            blocks.append(Block("heading", line.text))
        else:
            removed.append(Removal("generic.not_prose", line.text, line.number))
    article.blocks = blocks
    article.removed = removed
