"""Over-stripping guard: decide whether to trust what a site rule kept.

Cheap checks first (were the rule's landmarks found, is the body empty); the outcome is
written into the article's warnings so that a run report counts them.
"""

from __future__ import annotations

from cleaner.document import Document
from cleaner.model import Article


def review(document: Document, article: Article, *, landmarks_found: bool) -> Article:
    """Return the article to keep for ``document``, flagged with what the checks saw."""
    if not landmarks_found:
        article.warn("rule_anchor_missing")
    return article
