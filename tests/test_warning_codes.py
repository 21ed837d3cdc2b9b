"""Every warning code the cleaner emits is documented in the README and in the JSON Schema."""

import json
import re

from tests.paths import ROOT

EMITTED = re.compile(r"""\.warn\(\s*["']([a-z_]+)["']\s*\)""")


def emitted_codes() -> set[str]:
    return {code for path in (ROOT / "cleaner").rglob("*.py") for code in EMITTED.findall(path.read_text("utf-8"))}


def test_the_package_emits_the_codes_we_know_of():
    assert {"generic_fallback", "title_uncertain", "guard_suspicious"} <= emitted_codes()


def test_every_emitted_code_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert {code for code in emitted_codes() if f"| `{code}` |" not in readme} == set()


def test_every_emitted_code_is_in_the_schema():
    schema = json.loads((ROOT / "cleaner" / "outputs" / "schema" / "article.schema.json").read_text(encoding="utf-8"))
    description = schema["properties"]["warnings"]["description"]
    assert {code for code in emitted_codes() if code not in description} == set()
