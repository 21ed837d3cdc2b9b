"""Learned state: what a learning pass found, per group of pages, as plain JSON data.

It is never code: a saved file is read with ``json`` and checked field by field, so reusing
one (``--learned-rules FILE``) runs nothing from it. Patterns in it are compiled and
validated like a rule file's before use.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from cleaner.errors import CleanerError
from cleaner.rules.patterns import FieldError, validate_pattern
from cleaner.rules.validate import validate_selector

Role = Literal["drop", "head_anchor", "tail_anchor"]
GroupKind = Literal["rule", "domain", "text"]
FORMAT_VERSION = 1
_ROLES = ("drop", "head_anchor", "tail_anchor")
_REGIONS = ("head", "body", "tail", "any")
_KINDS = ("rule", "domain", "text")


class LearnedStateError(CleanerError):
    """A learned-state file that cannot be read or does not hold what it should."""


@dataclass(frozen=True, slots=True)
class LearnedPattern:
    """One learned line pattern, with the evidence for it."""

    id: str
    role: Role
    pattern: str
    region: str = "any"
    pages: int = 0
    share: float = 0.0
    example: str = ""


@dataclass(frozen=True, slots=True)
class LearnedSelector:
    """A CSS selector of a subtree that repeats, with the same text, across pages."""

    selector: str
    pages: int = 0
    share: float = 0.0
    example: str = ""


@dataclass(frozen=True, slots=True)
class Rejected:
    """A repeated line that was not learned, and why."""

    example: str
    pages: int
    reason: str


@dataclass(frozen=True, slots=True)
class LearnedGroup:
    """The pages of one site (one rule, one domain, or one text signature)."""

    key: str
    kind: GroupKind
    size: int
    #: Fewer pages than learning needs: nothing was learned.
    too_small: bool = False
    patterns: tuple[LearnedPattern, ...] = ()
    selectors: tuple[LearnedSelector, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    #: For text groups: shape keys of lines the group's pages share, to recognise its pages.
    signature: tuple[str, ...] = ()
    #: The inputs (paths relative to their input root) the group was learned from.
    members: tuple[str, ...] = ()
    #: Names the group's repeated lines hold (the site's own), to recognise its pages.
    names: tuple[str, ...] = ()

    @property
    def learned_anything(self) -> bool:
        return bool(self.patterns or self.selectors)

    def summary(self) -> dict[str, Any]:
        """What the run report says about the group."""
        return {
            "group": self.key,
            "pages": self.size,
            "too_small": self.too_small,
            "patterns": [{"id": p.id, "role": p.role, "pages": p.pages, "pattern": p.pattern} for p in self.patterns],
            "selectors": [s.selector for s in self.selectors],
            "rejected": len(self.rejected),
        }


@dataclass(frozen=True, slots=True)
class LearnedState:
    groups: tuple[LearnedGroup, ...] = ()
    #: Settings the state was learned with (minimum pages and share).
    settings: dict[str, float] = field(default_factory=dict)

    def group(self, key: str) -> LearnedGroup | None:
        return next((group for group in self.groups if group.key == key), None)

    def group_of_member(self, source: str | None) -> LearnedGroup | None:
        """The group learned from the input ``source`` (a path relative to its input root)."""
        if not source:
            return None
        return next((group for group in self.groups if source in group.members), None)

    def to_json(self) -> str:
        data = {"format": "cleaner-learned-state", "version": FORMAT_VERSION, **asdict(self)}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def save(self, path: Path) -> None:
        from cleaner.outputs.writers import write_atomic

        write_atomic(path, self.to_json())


def load_state(path: Path) -> LearnedState:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LearnedStateError(f"cannot read learned rules {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LearnedStateError(f"learned rules {path} are not JSON: {exc}") from None
    try:
        return state_from_dict(data)
    except (KeyError, TypeError, ValueError, FieldError) as exc:
        raise LearnedStateError(f"learned rules {path} are not a learned state: {exc}") from None


def state_from_dict(data: Any) -> LearnedState:
    if not isinstance(data, dict) or data.get("format") != "cleaner-learned-state":
        raise ValueError("no 'format': 'cleaner-learned-state'")
    if data.get("version") != FORMAT_VERSION:
        raise ValueError(f"version {data.get('version')!r} (this cleaner reads {FORMAT_VERSION})")
    groups = tuple(_group(item) for item in _list(data, "groups"))
    settings = {str(k): float(v) for k, v in dict(data.get("settings") or {}).items()}
    return LearnedState(groups=groups, settings=settings)


def _list(data: dict[str, Any], name: str) -> list[Any]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise TypeError(f"{name} must be a list")
    return value


def _text(data: dict[str, Any], name: str, default: str | None = None) -> str:
    value = data.get(name, default)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string")
    return value


def _group(data: Any) -> LearnedGroup:
    if not isinstance(data, dict):
        raise TypeError("a group must be an object")
    kind = _text(data, "kind")
    if kind not in _KINDS:
        raise ValueError(f"group kind {kind!r}")
    key = _text(data, "key")
    patterns = tuple(_pattern(item, key) for item in _list(data, "patterns"))
    selectors = tuple(_selector(item, key) for item in _list(data, "selectors"))
    rejected = tuple(
        Rejected(example=_text(r, "example"), pages=int(r["pages"]), reason=_text(r, "reason"))
        for r in _list(data, "rejected")
    )
    return LearnedGroup(
        key=key,
        kind=kind,  # type: ignore[arg-type]
        size=int(data["size"]),
        too_small=bool(data.get("too_small", False)),
        patterns=patterns,
        selectors=selectors,
        rejected=rejected,
        signature=tuple(str(item) for item in _list(data, "signature")),
        members=tuple(str(item) for item in _list(data, "members")),
        names=tuple(str(item) for item in _list(data, "names")),
    )


def _pattern(data: Any, group: str) -> LearnedPattern:
    if not isinstance(data, dict):
        raise TypeError("a pattern must be an object")
    role, region = _text(data, "role"), _text(data, "region", "any")
    if role not in _ROLES or region not in _REGIONS:
        raise ValueError(f"pattern role {role!r} / region {region!r}")
    pattern = _text(data, "pattern")
    validate_pattern(pattern, where=f"{group}: {data.get('id')}")
    return LearnedPattern(
        id=_text(data, "id"),
        role=role,  # type: ignore[arg-type]
        pattern=pattern,
        region=region,
        pages=int(data.get("pages", 0)),
        share=float(data.get("share", 0.0)),
        example=_text(data, "example", ""),
    )


def _selector(data: Any, group: str) -> LearnedSelector:
    if not isinstance(data, dict):
        raise TypeError("a selector must be an object")
    selector = _text(data, "selector")
    validate_selector(selector, where=f"{group}: selector")
    return LearnedSelector(
        selector=selector,
        pages=int(data.get("pages", 0)),
        share=float(data.get("share", 0.0)),
        example=_text(data, "example", ""),
    )
