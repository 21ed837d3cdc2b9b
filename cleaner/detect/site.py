"""Which site a page comes from, and which layout era of that site it shows."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

import regex

from cleaner.rules import patterns
from cleaner.rules.registry import Registry
from cleaner.rules.schema import Layout, SiteRule

_URL_DATE = regex.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?:/|$)")


def host_of(url: str) -> str | None:
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") if host else None


def site_from_url(url: str | None, registry: Registry) -> SiteRule | None:
    host = host_of(url) if url else None
    if not host:
        return None
    # The most specific domain wins: a rule for news.example.com beats one for example.com.
    best: tuple[int, SiteRule] | None = None
    for rule in registry:
        for domain in rule.domains:
            if (host == domain or host.endswith("." + domain)) and (best is None or len(domain) > best[0]):
                best = (len(domain), rule)
    return best[1] if best else None


def signature_score(rule: SiteRule, text: str) -> float:
    return sum(
        signature.weight
        for signature in rule.signatures
        if patterns.search(signature.pattern, text, regex.MULTILINE) is not None
    )


def site_from_text(text: str, registry: Registry) -> SiteRule | None:
    """The rule whose signatures score highest, if it reaches the rule's threshold."""
    best: tuple[float, SiteRule] | None = None
    for rule in registry:
        score = signature_score(rule, text)
        if score >= rule.min_score and (best is None or score > best[0]):
            best = (score, rule)
    return best[1] if best else None


def date_from_url(url: str | None) -> date | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def choose_layout(rule: SiteRule, text: str, *, page_date: date | None = None, kind: str = "text") -> Layout:
    """By the page date when known, else by a fingerprint, else the newest (first) layout.

    Only layouts with a part for this kind of input compete (all of them when none has).
    A layout without ``since``/``until`` is never chosen by date. Text fingerprints are
    patterns searched in the dump; for HTML, ``html_fingerprints`` are CSS selectors.
    """
    usable = [layout for layout in rule.layouts if (layout.text if kind == "text" else layout.html or layout.text)]
    usable = usable or list(rule.layouts)
    if page_date is not None:
        for layout in usable:
            if (layout.since or layout.until) and (layout.since or date.min) <= page_date <= (layout.until or date.max):
                return layout
    for layout in usable:
        if _has_fingerprint(layout, text, kind):
            return layout
    return usable[0]


def _has_fingerprint(layout: Layout, text: str, kind: str) -> bool:
    if kind == "html":
        return bool(layout.html_fingerprints) and _html_has(text, layout.html_fingerprints)
    return any(patterns.search(cue, text, regex.MULTILINE) is not None for cue in layout.fingerprints)


def _html_has(html: str, selectors: tuple[str, ...]) -> bool:
    from cleaner.extract.html_dom import parse_html  # depth-limited: pages nested 200,000 deep exist

    tree = parse_html(html)
    return any(tree.css_first(selector) is not None for selector in selectors)
