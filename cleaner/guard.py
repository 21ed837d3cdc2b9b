"""Over-stripping guard: decide whether to trust what a site rule kept.

Cheap checks first, from the article alone: were the rule's landmarks found, is the body
empty or tiny, how much prose did it cut away with the head (the removal audit says what
it dropped, and by which rule). Only when one of them is suspicious is a generic
extraction of the same page run and compared; the rule's body is replaced by the generic
one when that holds clearly more prose (the rule's metadata stays). Every outcome is
written into the article's warnings, so that a run report counts it: a site redesign
shows up as ``rule_anchor_missing`` / ``guard_fallback`` instead of gutted articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.extract.generic import extract_generic_page
from cleaner.extract.generic_text import is_prose
from cleaner.inputs.document import Document
from cleaner.outputs.article import Article, Removal

#: Below this share of the body plus the prose cut with the head, a rule's body is
#: suspicious (a head that swallowed the body). Real pages keep 0.8-1.
MIN_KEPT_SHARE = 0.3
#: A body shorter than this (characters) is suspicious whatever the page holds.
TINY_BODY_CHARS = 200
#: The generic body must hold this many times the rule's characters, and this many more
#: characters, before it replaces the rule's body.
FALLBACK_FACTOR = 3.0
FALLBACK_MIN_GAIN = 300
#: Below the fallback bar but past this one, the rule's body is kept and flagged
#: ``guard_suspicious``: the generic pass found clearly more prose than the rule kept.
SUSPICIOUS_FACTOR = 1.5
SUSPICIOUS_MIN_GAIN = 200


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the cheap checks saw on one page."""

    landmarks_found: bool
    kept_chars: int
    page_prose_chars: int

    @property
    def kept_share(self) -> float:
        return self.kept_chars / self.page_prose_chars if self.page_prose_chars else 1.0

    @property
    def suspicious(self) -> bool:
        return not self.landmarks_found or self.kept_chars < TINY_BODY_CHARS or self.kept_share < MIN_KEPT_SHARE


def body_chars(article: Article) -> int:
    return sum(len(block.text) for block in article.blocks)


#: Removals of the region cut above the body (ids "head" and "head:<landmark>"). Prose the
#: rule removed by name (appeals, captions: known strings) or below the body (news feeds,
#: cards: prose too) is not a sign of a body swallowed by a misplaced landmark.
_HEAD_CUT = "head"


def _cut_with_head(removal: Removal) -> bool:
    return removal.rule == _HEAD_CUT or removal.rule.startswith(f"{_HEAD_CUT}:")


def head_cut_prose_chars(article: Article) -> int:
    """Prose the rule cut away with the head, read from the article's own removal audit (its
    listed part: what is deferred lies outside an HTML content root, never a head cut)."""
    return sum(
        len(removal.text) for removal in article.audit_listed if _cut_with_head(removal) and is_prose(removal.text)
    )


def check(article: Article, *, landmarks_found: bool) -> Verdict:
    kept = body_chars(article)
    return Verdict(
        landmarks_found=landmarks_found, kept_chars=kept, page_prose_chars=kept + head_cut_prose_chars(article)
    )


def generic_body(document: Document) -> Article:
    """The same page cleaned without any site knowledge."""
    generic = Article(site="generic")
    extract_generic_page(document, generic)
    return generic


def prefer_generic(rule_chars: int, generic_chars: int) -> bool:
    return generic_chars >= FALLBACK_FACTOR * rule_chars and generic_chars - rule_chars >= FALLBACK_MIN_GAIN


def generic_holds_more(rule_chars: int, generic_chars: int) -> bool:
    return generic_chars >= SUSPICIOUS_FACTOR * rule_chars and generic_chars - rule_chars >= SUSPICIOUS_MIN_GAIN


#: Removals decided by a line's position around the landmarks, not by its wording.
_POSITIONAL = ("tail:", "meta.", "image_alt", "title_repeat", "html.outside:densest")


def _removed_by_name(removal: Removal) -> bool:
    """Removed by a boilerplate pattern that names its wording: such a string stays
    boilerplate even when the rule's landmarks misled it."""
    return not _cut_with_head(removal) and not removal.rule.startswith(_POSITIONAL)


def _without_named(article: Article, generic: Article) -> Article:
    """The generic body less the blocks the rule removed by name (a banner stays a banner),
    the headline and the tail: the guard looks for body swallowed by a misplaced head."""
    named: dict[str, list[Removal]] = {}
    for removal in article.removed:
        # Lifted into the title field, the headline is not lost either; what follows a tail
        # landmark (a named UI string) is the page's tail, whatever prose it holds.
        if _removed_by_name(removal) or removal.rule == "meta.title" or removal.rule.startswith("tail:"):
            named.setdefault(removal.text, []).append(removal)
    if article.title:
        named.setdefault(article.title, [Removal(rule="meta.title", text=article.title)])
    kept = Article(site=generic.site)
    kept.removed = list(generic.removed)
    for block in generic.blocks:
        if _unexplained(block.text, named):
            kept.blocks.append(block)
        else:
            # The audit keeps accounting for every line: the rule's own removals of this text.
            kept.removed += named.get(block.text) or [Removal(rule="guard.explained", text=block.text)]
    return kept


def _unexplained(text: str, explained: dict[str, list[Removal]]) -> bool:
    """Whether a generic block holds prose the rule did not already account for. A generic
    extractor may merge a page's furniture into one block: take the known pieces out first."""
    if text in explained:
        return False
    rest = text
    for piece in explained:
        if len(piece) >= 12 and piece in rest:
            rest = rest.replace(piece, " ")
    return rest == text or is_prose(" ".join(rest.split()))


def _take_generic_body(article: Article, generic: Article) -> None:
    article.blocks = generic.blocks
    article.removed = generic.removed


def holds_no_article(article: Article) -> bool:
    """An empty body that is the right answer: no prose of the page was cut with the head,
    everything removed was named boilerplate, metadata or the page's tail."""
    return not article.blocks and head_cut_prose_chars(article) == 0


def review(document: Document, article: Article, *, landmarks_found: bool) -> Article:
    """Return the article to keep for ``document``, flagged with what the checks saw."""
    verdict = check(article, landmarks_found=landmarks_found)
    if not landmarks_found:
        article.warn("rule_anchor_missing")
    if not verdict.suspicious:
        return article
    generic = _without_named(article, generic_body(document))
    generic_chars = body_chars(generic)
    # The audit follows the body: after a fallback it lists what the generic pass removed.
    if prefer_generic(verdict.kept_chars, generic_chars):
        _take_generic_body(article, generic)
        article.warn("guard_fallback")
    elif generic_holds_more(verdict.kept_chars, generic_chars):
        article.warn("guard_suspicious")
    if not article.blocks:
        article.warn("empty_body")
    return article
