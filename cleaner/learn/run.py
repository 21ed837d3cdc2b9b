"""The first pass of a learning run: read every page, group them by site, learn each group.

A page with a site rule is cleaned with it once, so that what the rule cut as head and tail
says where each article sits; learning then adds drop patterns only (the rule's landmarks
stay). Pages without a rule are grouped by domain or text signature and learn drops and
anchors from estimated positions. Pages that cannot be read are left to the cleaning pass,
which reports them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.errors import CleanerError
from cleaner.extract.lines import split_lines
from cleaner.inputs.document import Document, load_document
from cleaner.inputs.source import Source
from cleaner.learn.groups import folder_key, group_key
from cleaner.learn.html import SelectorLearner
from cleaner.learn.learner import MIN_PAGES, MIN_SHARE, PageSample, Position, learn_group
from cleaner.learn.state import GroupKind, LearnedGroup, LearnedState
from cleaner.pipeline import GENERIC, clean_document, resolve_site
from cleaner.rules.registry import Registry
from cleaner.rules.schema import SiteRule


@dataclass(slots=True)
class _Pages:
    samples: list[PageSample] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.samples) + len(self.html)


def read_document(source: Source, url: str | None = None) -> Document | None:
    try:
        content = source.data if source.data is not None else Path(source.path or "").read_bytes()
        return load_document(content, url=source.url or url, source=str(source.relative), crawl_date=source.crawl_date)
    except (OSError, CleanerError, ValueError):
        return None


def learn_from_sources(
    sources: Iterable[Source],
    registry: Registry,
    *,
    site: str | None = None,
    url: str | None = None,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> LearnedState:
    documents = (read_document(source, url) for source in sources)
    return learn_from_documents(
        [d for d in documents if d is not None], registry, site=site, min_pages=min_pages, min_share=min_share
    )


def learn_from_documents(
    documents: Sequence[Document],
    registry: Registry,
    *,
    site: str | None = None,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> LearnedState:
    grouped: dict[str, _Pages] = {}
    rules: dict[str, SiteRule] = {}
    unplaced: list[Document] = []
    for document in documents:
        rule = None if site == GENERIC else resolve_site(document, registry, site)[0]
        key = group_key(rule, document.url)
        if key is None:
            unplaced.append(document)
            continue
        if rule is not None:
            rules[key] = rule
        _add(grouped.setdefault(key, _Pages()), document, registry, rule)
    # Text dumps say little of their site (many are bodies alone): pages without a rule or
    # URL are grouped by the folder they sit in, and recognised later by what they share.
    for document in unplaced:
        _add(grouped.setdefault(folder_key(document.source), _Pages()), document, registry, None)
    groups = [
        _learn(key, pages, has_rule=key in rules, min_pages=min_pages, min_share=min_share)
        for key, pages in grouped.items()
    ]
    return LearnedState(groups=tuple(groups), settings={"min_pages": min_pages, "min_share": min_share})


def _lines(document: Document) -> list[str]:
    return [line.text for line in split_lines(document.text)]


def _add(pages: _Pages, document: Document, registry: Registry, rule: SiteRule | None) -> None:
    pages.members.append(document.source or "")
    if document.kind == "html":
        pages.html.append(document.text)
        return
    lines = _lines(document)
    regions = _rule_regions(document, registry, rule, len(lines)) if rule is not None else None
    pages.samples.append(PageSample(tuple(lines), regions))


def _rule_regions(document: Document, registry: Registry, rule: SiteRule, count: int) -> tuple[Position, ...] | None:
    """Where the rule put each non-empty line: above its article, in it, or below it."""
    try:
        article = clean_document(document, site=rule.id, registry=registry)
    except CleanerError:
        return None
    numbers = [line.number for line in split_lines(document.text)]
    head = [r.line for r in article.removed if r.line is not None and (r.rule == "head" or r.rule.startswith("head:"))]
    tail = [r.line for r in article.removed if r.line is not None and r.rule.startswith("tail:")]
    head_end = max(head, default=0)
    tail_start = min(tail, default=max(numbers, default=0) + 1)
    return tuple("head" if n <= head_end else "tail" if n >= tail_start else "body" for n in numbers[:count])


def _learn(key: str, pages: _Pages, *, has_rule: bool, min_pages: int, min_share: float) -> LearnedGroup:
    kind: GroupKind = "rule" if has_rule else "domain" if key.startswith("domain:") else "text"
    group = learn_group(key, kind, pages.samples, min_pages=min_pages, min_share=min_share, anchors=not has_rule)
    group = _with(group, members=tuple(pages.members))
    if len(pages.html) >= min_pages:
        selectors = SelectorLearner(min_pages=min_pages, min_share=min_share).learn(pages.html)
        group = _with(group, selectors=tuple(selectors), size=len(pages), too_small=False)
    elif pages.html:
        group = _with(group, size=len(pages), too_small=group.too_small and len(pages) < min_pages)
    return group


def _with(group: LearnedGroup, **changes: object) -> LearnedGroup:
    from dataclasses import replace

    return replace(group, **changes)  # type: ignore[arg-type]


def induce_group(
    documents: Sequence[Document], *, min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE
) -> LearnedGroup:
    """One site's pages learned as one group, with no rule: drops, anchors and selectors."""
    pages = _Pages()
    for document in documents:
        pages.members.append(document.source or "")
        if document.kind == "html":
            pages.html.append(document.text)
        else:
            pages.samples.append(PageSample(tuple(_lines(document))))
    group = _learn("induce", pages, has_rule=False, min_pages=min_pages, min_share=min_share)
    return _with(group, too_small=len(pages) < min_pages)
