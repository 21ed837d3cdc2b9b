"""The rule schema as data: each rule class's fields with their types, defaults and comments.

Used twice: validation checks a loaded rule against these types (so a lone string where a
tuple belongs is caught at load time), and ``cleaner.rules.schema_doc`` renders them as the
schema reference, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Literal

from cleaner.outputs import article as model
from cleaner.rules import schema as rule
from cleaner.rules.patterns import FieldError

#: The rule classes, in the order the reference documents them.
RULE_CLASSES: tuple[type, ...] = (
    rule.SiteRule,
    rule.Signature,
    rule.Layout,
    rule.TextRule,
    rule.LinePattern,
    rule.MetaLine,
    rule.TitleRule,
    rule.CaptionRule,
    rule.HeadingRule,
    rule.HtmlRule,
)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    hint: Any  # the resolved type
    annotation: str  # the type as written in cleaner/rules/schema.py
    default: str | None  # None: required
    comment: str


@cache
def field_specs(cls: type) -> tuple[FieldSpec, ...]:
    hints = typing.get_type_hints(cls, vars(rule), {"Article": model.Article})
    comments = _field_comments(cls)
    return tuple(
        FieldSpec(
            name=item.name,
            hint=hints[item.name],
            annotation=str(item.type),
            default=_default_text(item),
            comment=comments.get(item.name, ""),
        )
        for item in dataclasses.fields(cls)
    )


def _default_text(item: dataclasses.Field) -> str | None:
    if item.default is not dataclasses.MISSING:
        return repr(item.default)
    if item.default_factory is not dataclasses.MISSING:
        factory = item.default_factory
        return f"{getattr(factory, '__name__', repr(factory))}()"
    return None


def _field_comments(cls: type) -> dict[str, str]:
    """``#:`` comment lines right above a field, joined."""
    comments: dict[str, str] = {}
    pending: list[str] = []
    for line in inspect.getsource(cls).splitlines():
        stripped = line.strip()
        if stripped.startswith("#:"):
            pending.append(stripped[2:].strip())
            continue
        name = stripped.split(":", 1)[0]
        if pending and name.isidentifier() and ":" in stripped:
            comments[name] = " ".join(pending)
        pending = []
    return comments


def describe(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is Literal:
        return " | ".join(repr(arg) for arg in typing.get_args(hint))
    if origin in (typing.Union, types.UnionType):
        return " | ".join(describe(arg) for arg in typing.get_args(hint))
    if origin is tuple:
        return f"tuple of {describe(typing.get_args(hint)[0])}"
    if origin is Callable or hint is Callable:
        return "function"
    if hint is type(None):
        return "None"
    return getattr(hint, "__name__", str(hint))


def check_types(value: Any, where: str) -> None:
    """Raise RuleError naming the field when ``value`` (a rule object) departs from the schema."""
    # Annotated as plain ``type``: mypy does not see ``type[Any]`` as Hashable, which the cache needs.
    cls: type = type(value)
    for spec in field_specs(cls):
        _check_value(getattr(value, spec.name), spec.hint, f"{where}.{spec.name}")


def _check_value(value: Any, hint: Any, where: str) -> None:
    if not _conforms(value, hint):
        shown = repr(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        advice = ' (a lone string in parentheses is not a tuple: write ("x",))' if isinstance(value, str) else ""
        reason = f"expected {describe(hint)}, got {type(value).__name__} {shown}{advice}"
        raise FieldError(where, reason, value if isinstance(value, str) else None)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        check_types(value, where)
    elif typing.get_origin(hint) is tuple:
        item_hint = typing.get_args(hint)[0]
        for position, item in enumerate(value):
            _check_value(item, item_hint, f"{where}[{position}]")
    elif typing.get_origin(hint) in (typing.Union, types.UnionType):
        for arm in typing.get_args(hint):
            if arm is not type(None) and _conforms(value, arm) and typing.get_origin(arm) is tuple:
                _check_value(value, arm, where)


def _conforms(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if hint is Any:
        return True
    if hint is type(None):
        return value is None
    if origin is Literal:
        return value in typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, arm) for arm in typing.get_args(hint))
    if origin is tuple:
        return isinstance(value, tuple)
    if origin is Callable or hint is Callable:
        return callable(value)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is date:
        return isinstance(value, date)
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True
