"""Best-effort cleaning of a text dump from a site without a rule.

Keeps prose: lines of several words that read as sentences. Drops menus, short link
lines and form text. A short line between two kept paragraphs is kept as a heading.
"""

from __future__ import annotations

import itertools

import regex

from cleaner.extract.matching import page_text
from cleaner.extract.text import shared_removals
from cleaner.outputs.article import Article, Block, Removal

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
# A list item, a list intro ending with a colon, or a short sentence.
_INSIDE_BODY = regex.compile(r"(?:[•●▪◦·*\-–—]|\d{1,2}[.)])\s+\S.*|.*\p{L}.*:|(?:\S+ ){2,}\S*[.!?…][\"”’»')]*")

MIN_PROSE_WORDS = 8
#: Longest run of short lines kept between two prose paragraphs (a list).
_MAX_INSIDE_RUN = 12


def _inside_shape(text: str) -> str | None:
    """'heading' or 'line' for a short line that can sit inside an article, else None."""
    if _FORM_OR_CHROME.search(text):
        return None
    if _HEADING.fullmatch(text) and len(text.split()) <= 14:
        return "heading"
    return "line" if _INSIDE_BODY.fullmatch(text) else None


LONG_PROSE_WORDS = 25


def is_prose(text: str) -> bool:
    words = len(text.split())
    if words >= LONG_PROSE_WORDS:
        return True
    if words < MIN_PROSE_WORDS or not _SENTENCE_END.search(text):
        return False
    return not _FORM_OR_CHROME.search(text)


def extract_generic_text(text: str, article: Article) -> None:
    view = page_text(text)
    lines = view.lines
    shared = shared_removals(view)
    keep = [is_prose(line.text) and index not in shared for index, line in enumerate(lines)]
    # Between two prose paragraphs, a short run of lines shaped like subheadings, list items,
    # list intros or short sentences belongs to the article; anything else in the run (a
    # menu item, a form label) makes the whole run page furniture.
    headings: set[int] = set()
    kept_at = [index for index, kept in enumerate(keep) if kept]
    for before, after in itertools.pairwise(kept_at):
        run = range(before + 1, after)
        if not run or len(run) > _MAX_INSIDE_RUN:
            continue
        shapes = {index: _inside_shape(lines[index].text) for index in run if index not in shared}
        if not shapes or None in shapes.values():
            continue
        for index, shape in shapes.items():
            if shape == "heading":
                headings.add(index)
            else:
                keep[index] = True
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
        elif index in shared:
            removed.append(Removal(shared[index], line.text, line.number))
        else:
            removed.append(Removal("generic.not_prose", line.text, line.number))
    article.blocks = blocks
    article.removed = removed
