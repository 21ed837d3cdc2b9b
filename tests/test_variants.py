"""Layout variants of the three sites (fixtures/variants/): hand-written dumps with hand-written
expectations, one per variant documented for real pages beyond the seeds."""

import json

import pytest

from cleaner import clean
from tests.paths import FIXTURES

CASES = sorted((FIXTURES / "variants").glob("*.txt"))


def test_variants_cover_the_three_sites():
    prefixes = {case.name.split("_", 1)[0] for case in CASES}
    assert prefixes == {"ki", "emp", "mt"}
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_variant_matches_its_expectation(case):
    expected = json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8"))
    article = clean(case.read_bytes(), source=case.name).to_dict()
    for key, value in expected.items():
        assert article[key] == value, key
    assert article["warnings"] == []
