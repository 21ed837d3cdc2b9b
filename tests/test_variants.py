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
    # A page that shows a head but no headline says so; the others come out without a warning.
    assert article["warnings"] == expected.get("warnings", [])


@pytest.mark.parametrize(
    ("case", "layout"),
    [
        ("ki_2022_wordpress", "wordpress_2022"),
        ("ki_2023_newsfeed_header", "ghost_2023"),
        ("emp_2021_footer_first", "footer_first_2021"),
        ("emp_2014_test_site", "test_site_2014"),
        ("emp_2023_layout", "wordpress_2023"),
        ("mt_2017_appeal", "php_legacy"),
        ("mt_adfree_banner", "php_2024"),
    ],
)
def test_layout_era_is_recognised_by_its_fingerprint_and_recorded(case, layout):
    page = (FIXTURES / "variants" / f"{case}.txt").read_bytes()
    assert clean(page).layout == layout


def test_a_dated_url_chooses_the_era_over_fingerprints():
    page = (FIXTURES / "variants" / "emp_2023_layout.txt").read_bytes()
    old = clean(page, url="https://euromaidanpress.com/2019/05/02/some-story/")
    new = clean(page, url="https://euromaidanpress.com/2023/08/15/some-story/")
    assert (old.layout, new.layout) == ("footer_first_2021", "wordpress_2023")
