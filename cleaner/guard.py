"""Over-stripping guard: decide whether to trust what a site rule kept.

Cheap checks first: were the rule's landmarks found, is the body empty or tiny, how much
of the page's prose above its tail did the rule keep. Only when one of them is suspicious is a generic
extraction of the same page run and compared; the rule's body is replaced by the generic
one when that holds clearly more prose (the rule's metadata stays). Every outcome is
written into the article's warnings, so that a run report counts it: a site redesign
shows up as ``rule_anchor_missing`` / ``guard_fallback`` instead of gutted articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from cleaner.document import Document
from cleaner.generic_html import extract_generic_html
from cleaner.generic_text import extract_generic_text, is_prose
from cleaner.model import Article
from cleaner.normalize import normalize_text

#: Below this share of the prose above the page's tail, a rule's body is suspicious
#: (a head that swallowed the body). Real pages keep 0.6-1.
MIN_KEPT_SHARE = 0.3
#: A body shorter than this (characters) is suspicious whatever the page holds.
TINY_BODY_CHARS = 200
#: The generic body must hold this many times the rule's characters, and this many more
#: characters, before it replaces the rule's body.
FALLBACK_FACTOR = 3.0
FALLBACK_MIN_GAIN = 300

_NOT_TEXT = ("script", "style", "noscript", "template", "svg")
# Inline markup splits a node's text into pieces, so HTML prose is read per text block.
_HTML_BLOCKS = "p, li, blockquote, dd, td, figcaption"


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


def page_lines(document: Document) -> list[tuple[int | None, str]]:
    """The visible text of the page, one normalised block per line, with its dump line number."""
    if document.kind == "html":
        tree = LexborHTMLParser(document.text)
        tree.strip_tags(list(_NOT_TEXT))
        numbered: list[tuple[int | None, str]] = [
            (None, node.text(deep=True, separator=" ")) for node in tree.css(_HTML_BLOCKS)
        ]
    else:
        numbered = list(enumerate(document.text.split("\n"), start=1))
    return [(number, text) for number, text in ((n, normalize_text(t)) for n, t in numbered) if text]


def page_prose_chars(document: Document, skip: frozenset[int] = frozenset()) -> int:
    return sum(len(text) for number, text in page_lines(document) if number not in skip and is_prose(text))


def tail_lines(article: Article) -> frozenset[int]:
    """Lines the rule cut as the page's tail: news feeds, appeals and cards there are prose
    too, and a short article above a long appeal is not an over-stripped one."""
    return frozenset(r.line for r in article.removed if r.line is not None and r.rule.startswith("tail:"))


def check(document: Document, article: Article, *, landmarks_found: bool) -> Verdict:
    kept = body_chars(article)
    # Counting the page's prose is only needed when the body is not already suspicious.
    needed = landmarks_found and kept >= TINY_BODY_CHARS
    prose = page_prose_chars(document, tail_lines(article)) if needed else 0
    return Verdict(landmarks_found=landmarks_found, kept_chars=kept, page_prose_chars=prose)


def generic_body(document: Document) -> Article:
    """The same page cleaned without any site knowledge."""
    generic = Article(site="generic")
    if document.kind == "html":
        extract_generic_html(document.text, generic, url=document.url)
    else:
        extract_generic_text(document.text, generic)
    return generic


def prefer_generic(rule_chars: int, generic_chars: int) -> bool:
    return generic_chars >= FALLBACK_FACTOR * rule_chars and generic_chars - rule_chars >= FALLBACK_MIN_GAIN


def review(document: Document, article: Article, *, landmarks_found: bool) -> Article:
    """Return the article to keep for ``document``, flagged with what the checks saw."""
    verdict = check(document, article, landmarks_found=landmarks_found)
    if not landmarks_found:
        article.warn("rule_anchor_missing")
    if not verdict.suspicious:
        return article
    generic = generic_body(document)
    # The audit follows the body: after a fallback it lists what the generic pass removed.
    if prefer_generic(verdict.kept_chars, body_chars(generic)):
        article.blocks = generic.blocks
        article.removed = generic.removed
        article.warn("guard_fallback")
    if not article.blocks:
        article.warn("empty_body")
    return article
