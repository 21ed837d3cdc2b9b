"""Learned patterns put to use: added to a site's rule, or made into a rule of their own.

For a site with a rule, learned drop patterns and selectors are appended to every layout
(the rule's own patterns keep precedence; its landmarks are left alone). For pages with no
rule, a rule is made of the learned drops and anchors alone and replaces the generic line
heuristics for the pages of that group.
"""

from __future__ import annotations

from dataclasses import replace

from cleaner.extract.html_page import ParsedPage
from cleaner.extract.lines import split_lines
from cleaner.extract.prose_head import BEFORE_PROSE
from cleaner.inputs.document import Document
from cleaner.learn.groups import group_for
from cleaner.learn.state import LearnedGroup, LearnedState
from cleaner.outputs.article import Article
from cleaner.pipeline import extract_with_rule
from cleaner.rules.identity_cache import IdentityCache
from cleaner.rules.schema import HtmlRule, Layout, LinePattern, SiteRule, TextRule

#: The id a rule made of learned patterns alone carries; outputs still say ``generic``.
LEARNED_RULE_ID = "learned"
LEARNED_LAYOUT = "learned"

# A group's rules, derived once: per site rule, that rule with the group's patterns added.
_AUGMENTED: IdentityCache[LearnedGroup, IdentityCache[SiteRule, SiteRule]] = IdentityCache()
_STANDALONE: IdentityCache[LearnedGroup, SiteRule] = IdentityCache()
# For each rule built from a group, the drop selectors it holds because they were learned.
_LEARNED_SELECTORS: IdentityCache[SiteRule, frozenset[str]] = IdentityCache()


def line_patterns(group: LearnedGroup, role: str) -> tuple[LinePattern, ...]:
    return tuple(
        LinePattern(id=item.id, pattern=item.pattern, region=item.region)  # type: ignore[arg-type]
        for item in group.patterns
        if item.role == role
    )


def augmented_rule(rule: SiteRule, group: LearnedGroup) -> SiteRule:
    """``rule`` with the group's learned drops and selectors added to each layout."""
    by_rule = _AUGMENTED.get(group, lambda _: IdentityCache())
    return by_rule.get(rule, lambda rule: _augment(rule, group))


def _augment(rule: SiteRule, group: LearnedGroup) -> SiteRule:
    drops = line_patterns(group, "drop")
    selectors = tuple(item.selector for item in group.selectors)
    layouts = []
    for layout in rule.layouts:
        text = layout.text
        if text is not None and drops:
            text = replace(text, boilerplate=(*text.boilerplate, *drops))
        html = layout.html
        if html is not None and selectors:
            html = replace(html, drop=(*html.drop, *selectors))
        layouts.append(replace(layout, text=text, html=html))
    augmented = replace(rule, layouts=tuple(layouts))
    own = {selector for layout in rule.layouts if layout.html for selector in layout.html.drop}
    _LEARNED_SELECTORS.put(augmented, frozenset(selectors) - own)
    return augmented


def standalone_rule(group: LearnedGroup) -> SiteRule:
    """A rule made of the group's learned patterns alone, for pages no site rule covers."""
    return _STANDALONE.get(group, _standalone)


def _standalone(group: LearnedGroup) -> SiteRule:
    text = TextRule(
        boilerplate=line_patterns(group, "drop"),
        head_anchors=line_patterns(group, "head_anchor"),
        tail_anchors=line_patterns(group, "tail_anchor"),
        head_until_prose=True,
    )
    html = HtmlRule(drop=tuple(item.selector for item in group.selectors))
    rule = SiteRule(
        id=LEARNED_RULE_ID,
        name="",
        domains=(),
        layouts=(Layout(name=LEARNED_LAYOUT, text=text, html=html),),
        language=None,
        origin=f"learned from {group.size} pages ({group.key})",
    )
    _LEARNED_SELECTORS.put(rule, frozenset(html.drop))
    return rule


def rule_with_learning(
    state: LearnedState, rule: SiteRule | None, url: str | None, text: str, kind: str, source: str | None = None
) -> tuple[SiteRule | None, bool]:
    """The rule to clean a page with under ``state``, and whether learned patterns apply:
    the page's rule with its group's patterns added, a rule of learned patterns alone for a
    page without one, or ``rule`` unchanged when its group learned nothing."""
    lines = [line.text for line in split_lines(text)] if kind == "text" and rule is None and url is None else []
    group = group_for(state, rule, url, lines, source)
    if group is None or not group.learned_anything:
        return rule, False
    if rule is not None:
        return augmented_rule(rule, group), True
    return standalone_rule(group), True


def extract_learned(document: Document, rule: SiteRule, article: Article, page: ParsedPage | None = None) -> Article:
    """Clean a page that has no site rule with the patterns learned for its group.

    Where a learned landmark is found on the page, the learned rule reads it as a site rule
    would (head, body, tail); and whatever was found, what stands above the first paragraph
    the generic heuristics take for prose goes as head (``head_until_prose``): landmarks
    learned from a few pages say nothing of a page's own headline and dateline."""
    return extract_with_rule(document, rule, rule.layouts[0], article, page)


#: The audit name of a removal by a learned HTML selector: ``learned:html.drop:<selector>``.
LEARNED_DROP = "learned:"


def mark_learned(article: Article, rule: SiteRule) -> None:
    """Name every removal a learned HTML selector made ``learned:html.drop:<selector>`` in the
    audit (learned line patterns carry ``learned:`` ids already)."""
    selectors = _LEARNED_SELECTORS.find(rule, frozenset())
    standalone = rule.id == LEARNED_RULE_ID
    article.removed = [
        replace(removal, rule=LEARNED_DROP + removal.rule) if _learned(removal.rule, selectors, standalone) else removal
        for removal in article.removed
    ]


def _learned(rule_name: str, selectors: frozenset[str], standalone: bool) -> bool:
    """Whether a removal was made by what was learned: a learned selector, or (for a rule of
    learned patterns alone) the head cut above the first prose paragraph."""
    if standalone and rule_name == BEFORE_PROSE:
        return True
    kind, _, selector = rule_name.partition(":")
    return kind == "html.drop" and selector in selectors


def line_patterns_of(text_rule: TextRule) -> tuple[LinePattern, ...]:
    return tuple(
        item for item in (*text_rule.boilerplate, *text_rule.head_anchors, *text_rule.tail_anchors) if item.lines == 1
    )
