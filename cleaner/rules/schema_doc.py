"""Render the rule schema reference (docs/rule-schema.md) from cleaner/rules/schema.py.

``python -m cleaner.rules.schema_doc docs/rule-schema.md`` rewrites the file; a test fails when
the file and the code disagree.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from cleaner.rules import schema as rule
from cleaner.rules.types import RULE_CLASSES, describe, field_specs

_INTRO = """\
# Site rule schema

Generated from `cleaner/rules/schema.py` by `python -m cleaner.rules.schema_doc docs/rule-schema.md`;
do not edit by hand (a test checks that this file matches the code).

A rule file is a Python module that binds `RULE` to a `SiteRule`. Its body is data; the
only code a rule may carry is the optional `finalize` hook. Every rule is checked when it
is loaded: types, ids, domains, time zone, patterns and CSS selectors; a problem is
reported as `FILE:LINE: FIELD: REASON` and the other rules still load. See
[adding-a-site.md](adding-a-site.md) for a walk-through.

## Patterns

{module_doc}

* Patterns use the [`regex`](https://pypi.org/project/regex/) package (`\\p{{Lu}}`, `\\p{{L}}`
  and other Unicode classes work) and run with a time-out; a pattern that backtracks
  catastrophically fails that one document with a clear reason instead of hanging a run.
* No pattern may match the empty string.
* Named groups a metadata pattern may use: {groups}.
"""


def render() -> str:
    module_doc = inspect.cleandoc(rule.__doc__ or "").split("\n\n", 1)[-1]
    groups = ", ".join(f"`{name}`" for name in rule.META_GROUPS)
    parts = [_INTRO.format(module_doc=module_doc, groups=groups)]
    for cls in RULE_CLASSES:
        parts.append(_section(cls))
    return "\n".join(parts)


def _section(cls: type) -> str:
    lines = [f"## {cls.__name__}", ""]
    doc = inspect.getdoc(cls)
    if doc and not doc.startswith(f"{cls.__name__}("):  # skip the generated dataclass signature
        lines += [doc, ""]
    lines += ["| field | type | default | meaning |", "| --- | --- | --- | --- |"]
    for spec in field_specs(cls):
        default = "required" if spec.default is None else f"`{spec.default}`"
        cells = [f"`{spec.name}`", describe(spec.hint), default, spec.comment]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if argv:
        Path(argv[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
