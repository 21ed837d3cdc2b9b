"""docs/rule-schema.md is generated from cleaner/rules/schema.py and must match it."""

from cleaner.rules.schema_doc import render
from cleaner.rules.types import RULE_CLASSES, field_specs
from tests.paths import ROOT

DOC = ROOT / "docs" / "rule-schema.md"


def test_the_schema_reference_matches_the_code():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/rule-schema.md is out of date: run `python -m cleaner.rules.schema_doc docs/rule-schema.md`"
    )


def test_every_rule_field_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for cls in RULE_CLASSES:
        assert f"## {cls.__name__}" in text
        for spec in field_specs(cls):
            assert f"| `{spec.name}` |" in text
