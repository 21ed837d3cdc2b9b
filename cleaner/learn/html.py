"""Learn drop selectors from HTML pages: subtrees that repeat, with the same text in shape,
under the same id or class on many pages of a site (a newsletter box, a donation banner).

Elements holding much text, or the document's structural elements, are never learned:
an article container repeats under the same class on every page too, with other text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from cleaner.extract.html_dom import iter_elements, node_text, parse_html
from cleaner.learn.learner import MIN_PAGES, MIN_SHARE
from cleaner.learn.shapes import shape_of
from cleaner.learn.state import LearnedSelector

#: Text longer than this (words) is content, not a banner.
_MAX_WORDS = 80
_STRUCTURAL = {"html", "head", "body", "main", "article", "script", "style", "noscript", "template"}
_NAME = regex.compile(r"-?[_a-zA-Z][\w-]*")
#: At most this many selectors are learned per site.
_MAX_SELECTORS = 30


@dataclass(frozen=True, slots=True)
class SelectorLearner:
    min_pages: int = MIN_PAGES
    min_share: float = MIN_SHARE

    def learn(self, pages: Sequence[str]) -> list[LearnedSelector]:
        needed = max(self.min_pages, self.min_share * len(pages))
        seen: Counter[tuple[str, str]] = Counter()
        examples: dict[tuple[str, str], str] = {}
        for html in pages:
            found = _subtrees(html)
            seen.update(found.keys())
            for item, text in found.items():
                examples.setdefault(item, text)
        learned: list[LearnedSelector] = []
        taken: set[str] = set()
        for (selector, key), count in sorted(seen.items(), key=lambda item: (-item[1], item[0])):
            if count < needed or selector in taken:
                continue
            # A selector whose element holds different text on other pages is not boilerplate.
            others = sum(n for (other, other_key), n in seen.items() if other == selector and other_key != key)
            if others:
                continue
            taken.add(selector)
            example = examples[(selector, key)]
            learned.append(LearnedSelector(selector, pages=count, share=round(count / len(pages), 3), example=example))
        return _outermost(learned)[:_MAX_SELECTORS]


def _subtrees(html: str) -> dict[tuple[str, str], str]:
    """(selector, text shape) -> text, for each element with an id or class on the page."""
    tree = parse_html(html)
    root = tree.body or tree.root
    out: dict[tuple[str, str], str] = {}
    if root is None:
        return out
    for node in iter_elements(root):
        tag = node.tag or ""
        if tag in _STRUCTURAL:
            continue
        selector = _selector(node)
        if selector is None:
            continue
        text = node_text(node)
        if not text or len(text.split()) > _MAX_WORDS:
            continue
        out.setdefault((selector, shape_of(text).key), text)
    return out


def _selector(node) -> str | None:  # type: ignore[no-untyped-def]
    attributes = node.attributes or {}
    element_id = attributes.get("id")
    if element_id and _NAME.fullmatch(element_id):
        return f"{node.tag}#{element_id}"
    classes = (attributes.get("class") or "").split()
    usable = [name for name in classes if _NAME.fullmatch(name)]
    if usable:
        return f"{node.tag}." + ".".join(sorted(usable)[:2])
    return None


def _outermost(selectors: list[LearnedSelector]) -> list[LearnedSelector]:
    """Of selectors whose examples nest (a box and its heading), the one with the most text."""
    kept: list[LearnedSelector] = []
    for item in sorted(selectors, key=lambda s: -len(s.example)):
        if any(item.example in other.example for other in kept):
            continue
        kept.append(item)
    return sorted(kept, key=lambda s: (-s.pages, s.selector))
