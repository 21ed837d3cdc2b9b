"""A URL that names one site given with a page of another: the page's own cues decide, and the
article says the two disagreed."""

import json

from cleaner import clean
from tests.paths import FIXTURES, SEEDS

KI_URL = "https://kyivindependent.com/some-story/"


def test_a_moscow_times_dump_with_a_kyiv_independent_url_is_cleaned_as_what_it_is():
    seed = SEEDS / "003_3fdf53b01003b2fc.txt"
    gold = json.loads((FIXTURES / "seeds" / "003_3fdf53b01003b2fc.json").read_text(encoding="utf-8"))
    article = clean(seed.read_bytes(), url=KI_URL)
    assert article.site == "moscow_times"
    assert "site_conflict" in article.warnings
    assert article.title == gold["title"]
    assert [block.text for block in article.blocks] == [block["text"] for block in gold["blocks"]]


def test_a_moscow_times_html_page_with_a_kyiv_independent_url_is_cleaned_as_what_it_is():
    page = FIXTURES / "moscow_times" / "003_full.html"
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    article = clean(page.read_bytes(), url=KI_URL)
    assert article.site == "moscow_times"
    assert "site_conflict" in article.warnings
    assert article.title == expected["title"]


def test_a_url_and_a_page_that_agree_raise_nothing():
    article = clean((SEEDS / "000_42fd71e84bafab4e.txt").read_bytes(), url=KI_URL)
    assert article.site == "kyiv_independent"
    assert "site_conflict" not in article.warnings


def test_the_url_decides_when_the_page_gives_no_cue():
    page = "A paragraph that says nothing about the site it comes from, and is long enough to read as prose."
    article = clean(page, url=KI_URL)
    assert article.site == "kyiv_independent"
    assert "site_conflict" not in article.warnings


def test_site_given_explicitly_is_never_second_guessed():
    article = clean((SEEDS / "003_3fdf53b01003b2fc.txt").read_bytes(), url=KI_URL, site="kyiv_independent")
    assert article.site == "kyiv_independent"
    assert "site_conflict" not in article.warnings
