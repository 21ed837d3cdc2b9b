"""The output contract: typed body blocks, removal records and the Article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

BlockType = Literal["paragraph", "heading", "quote", "list_item"]
BLOCK_TYPES: tuple[str, ...] = ("paragraph", "heading", "quote", "list_item")


@dataclass(frozen=True, slots=True)
class Block:
    type: BlockType
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"type": self.type, "text": self.text}


@dataclass(frozen=True, slots=True)
class Removal:
    """One span of the input that did not reach the body, and the rule that took it."""

    rule: str
    text: str
    line: int | None = None  # 1-based line of a text dump; None for HTML

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "line": self.line, "chars": len(self.text), "text": self.text}


@dataclass(slots=True)
class Article:
    site: str
    #: The record's id; for a file, its path relative to the input root.
    id: str | None = None
    site_name: str | None = None
    layout: str | None = None
    source: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    crawl_date: str | None = None
    tags: list[str] = field(default_factory=list)
    image_caption: str | None = None
    language: str | None = None
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: The removal audit as listed so far; read it through ``removed``, which lists the
    #: deferred part too.
    audit_listed: list[Removal] = field(default_factory=list, init=False)
    #: Parts of the audit that cost a walk of the page to list (what lies outside an HTML
    #: content root), as (position in ``audit_listed``, how to list them): listed only when
    #: the audit is read.
    audit_deferred: list[tuple[int, Callable[[], list[Removal]]]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )

    @property
    def removed(self) -> list[Removal]:
        """Every span of the input that did not reach the body, with the rule that took it."""
        if self.audit_deferred:
            # Last first: the positions of earlier parts stay valid.
            for position, listing in reversed(self.audit_deferred):
                self.audit_listed[position:position] = listing()
            self.audit_deferred.clear()
        return self.audit_listed

    @removed.setter
    def removed(self, value: list[Removal]) -> None:
        self.audit_deferred.clear()
        self.audit_listed = value

    def defer_removals(self, listing: Callable[[], list[Removal]]) -> None:
        """Add removals that are listed only when the audit is read, at the current end of it."""
        self.audit_deferred.append((len(self.audit_listed), listing))

    def __getstate__(self) -> dict[str, Any]:
        self.removed  # noqa: B018  (lists the deferred audit: a listing does not pickle)
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    @property
    def text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)

    def warn(self, code: str) -> None:
        if code not in self.warnings:
            self.warnings.append(code)

    def to_dict(self, *, audit: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "site": self.site,
            "site_name": self.site_name,
            "layout": self.layout,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "published": self.published,
            "updated": self.updated,
            "crawl_date": self.crawl_date,
            "tags": list(self.tags),
            "image_caption": self.image_caption,
            "language": self.language,
            "text": self.text,
            "blocks": [block.to_dict() for block in self.blocks],
            "warnings": list(self.warnings),
        }
        if audit:
            data["removed"] = [removal.to_dict() for removal in self.removed]
        return data
