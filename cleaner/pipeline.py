"""One page in, one Article out: document -> site -> layout -> extraction -> guard."""

from __future__ import annotations

from datetime import date

from cleaner import guard
from cleaner.detect import choose_layout, date_from_url, site_from_text, site_from_url
from cleaner.document import Document, Kind, load_document
from cleaner.generic import extract_generic_page
from cleaner.html_detect import site_from_html
from cleaner.html_extract import extract_html
from cleaner.model import Article
from cleaner.registry import Registry, default_registry
from cleaner.rule import Layout, SiteRule
from cleaner.text_extract import extract_text

GENERIC = "generic"


def detect_site(document: Document, registry: Registry, site: str | None = None) -> SiteRule | None:
    """--site forces a rule; a URL wins next; then the page's own cues."""
    if site:
        return None if site == GENERIC else registry.get(site)
    rule = site_from_url(document.url, registry)
    if rule is not None:
        return rule
    if document.kind == "text":
        return site_from_text(document.text, registry)
    return site_from_html(document.text, registry)


def clean_document(document: Document, *, site: str | None = None, registry: Registry | None = None) -> Article:
    registry = registry or default_registry()
    rule = detect_site(document, registry, site)
    article = Article(site=GENERIC, source=document.source, url=document.url, crawl_date=document.crawl_date)
    if rule is None:
        extract_generic(document, article)
    else:
        layout = choose_layout(rule, document.text, page_date=layout_date(document), kind=document.kind)
        article.site, article.site_name, article.language = rule.id, rule.name, rule.language
        article = extract_with_rule(document, rule, layout, article)
    if not article.blocks:
        article.warn("empty_body")
    return article


def layout_date(document: Document) -> date | None:
    """The date that tells a page's layout: when it was captured (a page is rendered with the
    site's template of that day, whatever the article's age), else the date in its URL."""
    if document.crawl_date:
        return date.fromisoformat(document.crawl_date)
    return date_from_url(document.url)


def extract_with_rule(document: Document, rule: SiteRule, layout: Layout, article: Article) -> Article:
    if document.kind == "text" and layout.text is not None:
        article.layout = layout.name
        landmarks_found = extract_text(document.text, rule, layout.text, article)
    elif document.kind == "html":
        article.layout = layout.name
        landmarks_found = extract_html(document.text, rule, layout, article, url=document.url)
    else:
        extract_generic(document, article)
        return article
    if rule.finalize is not None:
        rule.finalize(article)
    return guard.review(document, article, landmarks_found=landmarks_found)


def extract_generic(document: Document, article: Article) -> None:
    article.warn("generic_fallback")
    extract_generic_page(document, article)


def clean(
    content: str | bytes,
    *,
    url: str | None = None,
    site: str | None = None,
    source: str | None = None,
    kind: Kind | None = None,
    registry: Registry | None = None,
) -> Article:
    """Clean one page (text dump or HTML, str or bytes) into an Article."""
    document = load_document(content, url=url, source=source, kind=kind)
    return clean_document(document, site=site, registry=registry)
