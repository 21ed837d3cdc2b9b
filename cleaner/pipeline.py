"""One page in, one Article out: document -> site -> layout -> extraction -> guard."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cleaner import guard
from cleaner.detect.html import site_from_html
from cleaner.detect.site import choose_layout, date_from_url, signature_score, site_from_text, site_from_url
from cleaner.extract.generic import extract_generic_page
from cleaner.extract.html import extract_html
from cleaner.extract.html_page import ParsedPage
from cleaner.extract.prose_head import cut_before_prose
from cleaner.extract.text import extract_text
from cleaner.inputs.document import Document, Kind, load_document
from cleaner.outputs.article import Article
from cleaner.rules.registry import Registry, default_registry
from cleaner.rules.schema import Layout, SiteRule

if TYPE_CHECKING:
    from cleaner.learn.state import LearnedState

GENERIC = "generic"


def page_site(document: Document, registry: Registry, page: ParsedPage | None = None) -> SiteRule | None:
    """The site the page itself names: its markup (canonical, og:url, og:site_name) or its text cues."""
    if document.kind == "text":
        return site_from_text(document.text, registry)
    return site_from_html(page or document.text, registry)


def resolve_site(
    document: Document, registry: Registry, site: str | None = None, page: ParsedPage | None = None
) -> tuple[SiteRule | None, bool]:
    """The rule to clean with, and whether the URL and the page disagreed.

    A page that carries another site's cues and none of its URL's site is cleaned with the
    rule the page matches: a URL given with the wrong page (a mixed-up crawl record) must
    not pass off one site's header as another's article."""
    if site:
        return (None if site == GENERIC else registry.get(site)), False
    url_rule = site_from_url(document.url, registry)
    page_rule = page_site(document, registry, page)
    if url_rule is None or page_rule is None or page_rule is url_rule:
        return url_rule or page_rule, False
    if document.kind == "text" and signature_score(url_rule, document.text) >= url_rule.min_score:
        return url_rule, False  # the page carries its URL's cues too: the URL decides
    return page_rule, True


def clean_document(
    document: Document,
    *,
    site: str | None = None,
    registry: Registry | None = None,
    learned: LearnedState | None = None,
) -> Article:
    registry = registry or default_registry()
    # Parsed once: site detection reads the tree and markup that extraction then uses.
    page = ParsedPage(document.text) if document.kind == "html" else None
    rule, conflict = resolve_site(document, registry, site, page)
    learned_rule, learning_applies = None, False
    if learned is not None and site != GENERIC:
        from cleaner.learn.apply import rule_with_learning

        with_learning, learning_applies = rule_with_learning(
            learned, rule, document.url, document.text, document.kind, document.source
        )
        if learning_applies:
            rule, learned_rule = (with_learning, None) if rule is not None else (None, with_learning)
    article = Article(
        site=GENERIC,
        id=document.id or document.source,
        source=document.source,
        url=document.url,
        crawl_date=document.crawl_date,
    )
    if conflict:
        article.warn("site_conflict")
    if document.encoding_guessed:
        article.warn("encoding_guessed")
    if learning_applies:
        article.warn("learned_rule")
    if learned_rule is not None:
        # No site rule, but patterns learned from the page's group: they replace the generic heuristics.
        from cleaner.learn.apply import extract_learned

        article = extract_learned(document, learned_rule, article, page)
    elif rule is None:
        extract_generic(document, article, page)
    else:
        layout = choose_layout(rule, document.text, page_date=layout_date(document), kind=document.kind)
        article.site, article.site_name, article.language = rule.id, rule.name, rule.language
        article = extract_with_rule(document, rule, layout, article, page)
    if learning_applies and with_learning is not None:
        from cleaner.learn.apply import mark_learned

        mark_learned(article, with_learning)
    if not article.blocks:
        article.warn("empty_body")
        if guard.holds_no_article(article):
            # Menus, banners, forms and appeals only: a section front, a paywall stub, a page
            # whose body failed to load. Its boilerplate is never passed off as an article.
            article.warn("no_article")
    return article


def layout_date(document: Document) -> date | None:
    """The date that tells a page's layout: when it was captured (a page is rendered with the
    site's template of that day, whatever the article's age), else the date in its URL."""
    if document.crawl_date:
        return date.fromisoformat(document.crawl_date)
    return date_from_url(document.url)


def extract_with_rule(
    document: Document, rule: SiteRule, layout: Layout, article: Article, page: ParsedPage | None = None
) -> Article:
    if document.kind == "text" and layout.text is not None:
        article.layout = layout.name
        landmarks_found = extract_text(document.text, rule, layout.text, article)
        if layout.text.head_until_prose:
            cut_before_prose(document, article)
    elif document.kind == "html":
        article.layout = layout.name
        landmarks_found = extract_html(page or document.text, rule, layout, article, url=document.url)
    else:
        extract_generic(document, article, page)
        return article
    if rule.finalize is not None:
        rule.finalize(article)
    return guard.review(document, article, landmarks_found=landmarks_found)


def extract_generic(document: Document, article: Article, page: ParsedPage | None = None) -> None:
    article.warn("generic_fallback")
    extract_generic_page(document, article, page)


def clean(
    content: str | bytes,
    *,
    url: str | None = None,
    site: str | None = None,
    source: str | None = None,
    kind: Kind | None = None,
    registry: Registry | None = None,
    doc_id: str | None = None,
    crawl_date: str | None = None,
    learned: LearnedState | None = None,
    audit: bool = True,
) -> Article:
    """Clean one page (text dump or HTML, str or bytes) into an Article.

    ``doc_id`` and ``crawl_date`` come from the record the page arrived in (JSONL, WARC); a
    crawl stamp in a text dump takes precedence over ``crawl_date``. ``learned`` is a learned
    state (``cleaner.learn``): the patterns of the page's group join its rule, or stand in for
    the generic heuristics when it has none. With ``audit=False`` the article keeps no removal
    audit (``removed`` is empty), and nothing of the page outlives the call: the costly part of
    an HTML page's audit is otherwise listed on its first read, from the page's tree, which the
    article holds until then."""
    document = load_document(content, url=url, source=source, kind=kind, doc_id=doc_id, crawl_date=crawl_date)
    article = clean_document(document, site=site, registry=registry, learned=learned)
    if not audit:
        article.removed = []
    return article
