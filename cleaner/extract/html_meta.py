"""Metadata a page declares in its markup: JSON-LD, OpenGraph/article:* and other <meta>,
the canonical link and <html lang>. Values are returned as found (normalised text); dates
are converted to a site's time zone by the caller."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from cleaner.extract.normalize import normalize_text

_ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
    }
)
_PERSON_TYPES = frozenset({"Person"})


@dataclass(slots=True)
class Markup:
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property -> contents
    article: dict[str, Any] = field(default_factory=dict)  # the JSON-LD article object, if any
    json_ld_authors: list[str] = field(default_factory=list)
    canonical_url: str | None = None
    lang: str | None = None
    html_title: str | None = None

    def first(self, *names: str) -> str | None:
        for name in names:
            for value in self.meta.get(name, ()):
                if value:
                    return value
        return None

    def all(self, name: str) -> list[str]:
        return [value for value in self.meta.get(name, ()) if value]


def read_markup(tree: LexborHTMLParser) -> Markup:
    markup = Markup()
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if key and content is not None:
            markup.meta.setdefault(key.strip().lower(), []).append(normalize_text(content))
    canonical = tree.css_first('link[rel="canonical"]')
    if canonical is not None:
        markup.canonical_url = (canonical.attributes.get("href") or "").strip() or None
    root = tree.css_first("html")
    if root is not None:
        markup.lang = (root.attributes.get("lang") or "").strip() or None
    title = tree.css_first("head title") or tree.css_first("title")
    if title is not None:
        markup.html_title = normalize_text(title.text() or "") or None
    nodes = _json_ld_nodes(tree)
    article = next((node for node in nodes if _types(node) & _ARTICLE_TYPES), None)
    if article is not None:
        markup.article = article
        markup.json_ld_authors = _people(article, nodes)
    return markup


def _json_ld_nodes(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """Every object of every parseable JSON-LD block; ``@graph`` and lists are flattened.
    A block that is not valid JSON is skipped: some sites ship one."""
    nodes: list[dict[str, Any]] = []
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text() or "")
        except ValueError:
            continue
        pending: list[Any] = [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, list):
                pending[0:0] = item
            elif isinstance(item, dict):
                graph = item.get("@graph")
                if isinstance(graph, list):
                    pending[0:0] = graph
                nodes.append(item)
    return nodes


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {item for item in kind if isinstance(item, str)}
    return set()


def text_value(value: Any) -> str | None:
    """A JSON-LD string (HTML entities some sites leave in JSON decoded), else None."""
    if isinstance(value, str):
        return normalize_text(html.unescape(value)) or None
    if isinstance(value, dict):
        for key in ("name", "@value", "url", "@id"):
            if isinstance(value.get(key), str):
                return text_value(value[key])
    return None


def _people(article: dict[str, Any], nodes: list[dict[str, Any]]) -> list[str]:
    """Names of the article's authors and contributors; organisations are not authors."""
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    names: list[str] = []
    for key in ("author", "contributor"):
        value = article.get(key)
        for person in value if isinstance(value, list) else [value]:
            if isinstance(person, dict) and "@id" in person and "name" not in person:
                person = by_id.get(person["@id"], person)
            if isinstance(person, dict):
                types = _types(person)
                if types and not types & _PERSON_TYPES:
                    continue
                name = text_value(person.get("name"))
            else:
                name = text_value(person)
            if name and name not in names and not name.startswith(("http://", "https://")):
                names.append(name)
    return names


def json_ld_keywords(article: dict[str, Any]) -> list[str]:
    value = article.get("keywords")
    items = value if isinstance(value, list) else str(value).split(",") if isinstance(value, str) else []
    return [text for item in items if (text := text_value(item))]


def json_ld_language(article: dict[str, Any]) -> str | None:
    value = article.get("inLanguage")
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("@value")
    return value.strip() if isinstance(value, str) and value.strip() else None


def primary_language(tag: str | None) -> str | None:
    """The language subtag of a language tag or locale: "en-US", "en_US" -> "en"."""
    if not tag:
        return None
    primary = tag.replace("_", "-").split("-")[0].strip().lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


#: What stands between a page title and the site's name after it.
SITE_SEPARATORS = (" - ", " | ", " — ", " – ", " :: ")


def strip_site_name(title: str | None, site_names: tuple[str, ...]) -> str | None:
    """A page title without a trailing " - Site", " | Site" or " — Site"."""
    if not title:
        return None
    for name in site_names:
        if not name:
            continue
        for separator in SITE_SEPARATORS:
            suffix = separator + name
            if title.endswith(suffix) and len(title) > len(suffix):
                return title[: -len(suffix)].strip()
    return title
