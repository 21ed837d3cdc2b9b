"""An HTML page parsed once: site detection and extraction share its tree and markup."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner.extract.html_dom import parse_html
from cleaner.extract.html_meta import Markup, read_markup


class ParsedPage:
    """The page's source, its tree, and its markup metadata (read on first use, so before
    any extraction changes the tree: the first reader is detection or extraction itself)."""

    __slots__ = ("_markup", "html", "tree")

    def __init__(self, html: str) -> None:
        self.html = html
        self.tree: LexborHTMLParser = parse_html(html)
        self._markup: Markup | None = None

    @property
    def markup(self) -> Markup:
        if self._markup is None:
            self._markup = read_markup(self.tree)
        return self._markup


def parsed(page: str | ParsedPage) -> ParsedPage:
    return page if isinstance(page, ParsedPage) else ParsedPage(page)
