"""HTML fixtures: each page gives its hand-written expected output, agrees with its text twin,
and accounts for everything it removed."""

import json
import re

import pytest

from cleaner import clean
from tests.paths import FIXTURES, GOLD

HTML_FIXTURES = sorted(path for path in FIXTURES.glob("*/*.html") if path.parent.name not in ("seeds", "variants"))
# Metadata both renderings of a page can carry.
SHARED_FIELDS = ("title", "subtitle", "authors", "published", "tags", "image_caption", "language")


def expected_for(page):
    return json.loads(page.with_name(page.name.replace(".html", ".expected.json")).read_text(encoding="utf-8"))


def seed_twin(page):
    provenance = page.with_name(page.name.replace(".html", ".provenance.md")).read_text(encoding="utf-8")
    match = re.search(r"seeds/(\d{3}_[0-9a-f]{16})\.txt", provenance)
    return match.group(1) if match else None


def test_every_site_has_a_full_and_a_minimal_page():
    for site in ("kyiv_independent", "euromaidan_press", "moscow_times"):
        names = {path.stem.split("_", 1)[1] for path in HTML_FIXTURES if path.parent.name == site}
        assert {"full", "minimal"} <= names, site


@pytest.mark.parametrize("page", HTML_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_html_fixture_gives_its_expected_output(page):
    article = clean(page.read_bytes(), source=page.name).to_dict()
    for key, expected in expected_for(page).items():
        assert article[key] == expected, key


@pytest.mark.parametrize("page", HTML_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_html_and_text_twins_agree(page):
    stem = seed_twin(page)
    assert stem is not None, "provenance names no seed"
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    article = clean(page.read_bytes()).to_dict()
    assert article["blocks"] == gold["blocks"]
    for key in SHARED_FIELDS:
        text_value, html_value = gold.get(key), article[key]
        if text_value in (None, []) or html_value in (None, []):
            continue
        if key == "published" and len(text_value) == 10:
            # The dump shows only the day; the markup gives the time too.
            assert html_value[:10] == text_value, key
        else:
            assert html_value == text_value, key


@pytest.mark.parametrize("page", HTML_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_removal_names_its_rule_and_no_body_text_is_lost(page):
    article = clean(page.read_bytes())
    assert article.removed
    assert all(removal.rule and removal.text for removal in article.removed)
    body = {block.text for block in article.blocks}
    assert not body & {removal.text for removal in article.removed if removal.rule.startswith("html.drop:")}


def test_site_is_recognised_from_the_markup_alone():
    for page in HTML_FIXTURES:
        assert clean(page.read_bytes(), url=None).site == page.parent.name


def test_site_is_recognised_by_site_name_and_by_visible_text():
    page = (FIXTURES / "kyiv_independent" / "004_full.html").read_text(encoding="utf-8")
    without_urls = re.sub(r'<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>', "", page)
    assert clean(without_urls).site == "kyiv_independent"
    without_head = re.sub(r"<head>.*?</head>", "<head></head>", without_urls, flags=re.S)
    assert clean(without_head).site == "kyiv_independent"


def test_a_renamed_content_wrapper_still_gives_the_same_body():
    page = FIXTURES / "moscow_times" / "003_full.html"
    renamed = page.read_text(encoding="utf-8").replace("article__content", "story-body-renamed")
    article = clean(renamed)
    assert [block.to_dict() for block in article.blocks] == expected_for(page)["blocks"]


def test_first_body_paragraph_never_becomes_the_title():
    page = FIXTURES / "euromaidan_press" / "001_minimal.html"
    html = re.sub(r"<h1[^>]*>.*?</h1>", "", page.read_text(encoding="utf-8"), flags=re.S)
    article = clean(html)
    assert article.blocks[0].text.startswith("The Kremlin confirmed Friday")
    assert article.title == expected_for(page)["title"]  # from og:title / <title>, suffix removed
