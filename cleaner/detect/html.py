"""Which site an HTML page comes from, by what the page says about itself.

In order: the host of its canonical link or ``og:url``, its ``og:site_name`` against the
rules' names, then the rules' text signatures over its visible text.
"""

from __future__ import annotations

from cleaner.detect.site import site_from_text, site_from_url
from cleaner.extract.html_dom import walk_blocks
from cleaner.extract.html_page import ParsedPage, parsed
from cleaner.rules.registry import Registry
from cleaner.rules.schema import SiteRule


def site_from_html(html: str | ParsedPage, registry: Registry) -> SiteRule | None:
    page = parsed(html)
    tree, markup = page.tree, page.markup
    for url in (markup.canonical_url, markup.first("og:url")):
        rule = site_from_url(url, registry)
        if rule is not None:
            return rule
    site_name = (markup.first("og:site_name") or "").casefold()
    if site_name:
        for rule in registry:
            if rule.name.casefold() == site_name:
                return rule
    body = tree.body
    if body is None:
        return None
    return site_from_text("\n\n".join(block.text for block in walk_blocks(body)), registry)
