"""trafilatura's metadata of a page, each field read only when asked for.

The generic path takes metadata from the page's markup first (JSON-LD, meta, canonical
link, ``<html lang>``); trafilatura's reading is a fallback for the fields the markup does
not give. Its whole metadata pass costs about as much as a third of the body extraction
(the byline search alone walks a copy of the page), so each field is read on first use,
with the steps ``trafilatura.metadata.extract_metadata`` takes for it: the meta tags and
JSON-LD as trafilatura reads them, then the search of the page for that field alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import cached_property
from html import unescape
from typing import Any

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import metadata as trafilatura_metadata
from trafilatura.settings import DEFAULT_CONFIG, Document, set_date_params
from trafilatura.utils import line_processing

#: What trafilatura and lxml raise on markup they cannot read.
TRAFILATURA_ERRORS = (RecursionError, ValueError, TypeError, AttributeError, etree.LxmlError)


class TrafilaturaMetadata:
    """trafilatura's metadata fields of a parsed page, each read on first use. The tree must
    stay as it is (trafilatura's extraction works on a copy)."""

    def __init__(self, tree: HtmlElement | None, url: str | None) -> None:
        self._tree = tree
        self._url = url

    @cached_property
    def _declared(self) -> Document:
        """The meta tags and JSON-LD as trafilatura reads them."""
        declared = Document()
        if self._tree is not None:
            declared = trafilatura_metadata.examine_meta(self._tree)
            if declared.author and " " not in declared.author:
                declared.author = None
            with contextlib.suppress(Exception):
                declared = trafilatura_metadata.extract_meta_json(self._tree, declared)
        return declared

    def _read(self, search: Callable[[HtmlElement], Any]) -> Any:
        """A field as trafilatura leaves it, or None when there is no tree or it gave up."""
        if self._tree is None:
            return None
        try:
            return _trimmed(search(self._tree))
        except TRAFILATURA_ERRORS:
            return None

    @cached_property
    def title(self) -> str | None:
        return self._read(lambda tree: self._declared.title or trafilatura_metadata.extract_title(tree))

    @cached_property
    def author(self) -> str | None:
        return self._read(lambda tree: self._declared.author or trafilatura_metadata.extract_author(tree))

    @cached_property
    def url(self) -> str | None:
        return self._read(lambda tree: self._declared.url or trafilatura_metadata.extract_url(tree, self._url))

    @cached_property
    def date(self) -> str | None:
        def search(tree: HtmlElement) -> Any:
            params = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
            return trafilatura_metadata.find_date(tree, **{**params, "url": self.url})

        return self._read(search)

    @cached_property
    def sitename(self) -> str | None:
        return self._read(
            lambda tree: _sitename(self._declared.sitename or trafilatura_metadata.extract_sitename(tree), self.url)
        )

    @cached_property
    def tags(self) -> list[str]:
        return self._read(lambda tree: self._declared.tags or trafilatura_metadata.extract_catstags("tag", tree)) or []


def _sitename(name: str | None, url: str | None) -> str | None:
    if name:
        name = name.lstrip("@")
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        return name or None
    match = trafilatura_metadata.META_URL.match(url) if url else None
    return match[1] if match else None


def _trimmed(value: Any) -> Any:
    """As trafilatura's ``Document.clean_and_trim`` leaves a text field."""
    if not isinstance(value, str):
        return value
    if len(value) > 10000:
        value = value[:9999] + "…"
    return line_processing(unescape(value))
