"""HTML under a theme the rule does not know: the body is found and the metadata is not lost
(the standfirst from the header or the page's description, the lead figure's caption)."""

from __future__ import annotations

import json
import re

import pytest

from cleaner import clean
from tests.paths import FIXTURES

PAGES = sorted(FIXTURES.glob("*/*.html"))


def without_classes(html: str) -> str:
    """Every class and id renamed: the rule's selectors find nothing."""
    html = re.sub(r'class="[^"]*"', 'class="theme-x"', html)
    return re.sub(r'id="[^"]*"', 'id="theme-y"', html)


@pytest.mark.parametrize("page", PAGES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_a_renamed_theme_keeps_body_and_metadata(page):
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    article = clean(without_classes(page.read_text(encoding="utf-8"))).to_dict()
    assert [block["text"] for block in article["blocks"]] == [block["text"] for block in expected["blocks"]]
    for key in ("title", "subtitle", "image_caption", "authors"):
        assert article[key] == expected[key], key


BODY = "".join(
    f"<p>Paragraph {n} of the story says that the council met on Tuesday to discuss the river bridge "
    f"and the ferry that will replace it while the works go on, item {n}.</p>"
    for n in range(1, 5)
)


def page(head: str, header: str) -> str:
    return (
        f"<!doctype html><html><head><title>Council to rebuild the bridge</title>{head}</head><body>"
        f'<div class="unknown-wrap"><header><h1>Council to rebuild the bridge</h1>{header}</header>'
        '<figure><img src="a.jpg"><figcaption>The old bridge in May. Photo: Ivan Petrov</figcaption></figure>'
        f'<div class="story">{BODY}</div></div></body></html>'
    )


URL = "https://euromaidanpress.com/2025/05/02/council-to-rebuild-the-bridge/"  # a known site, another theme


def test_the_standfirst_under_the_headline_and_the_lead_caption_are_read():
    article = clean(page("", "<p>The works will take two years, the council says, and cost more.</p>"), url=URL)
    assert article.site == "euromaidan_press"
    assert article.subtitle == "The works will take two years, the council says, and cost more."
    assert article.image_caption == "The old bridge in May. Photo: Ivan Petrov"
    assert len(article.blocks) == 4


def test_a_description_that_is_not_the_body_opening_is_the_standfirst():
    description = '<meta property="og:description" content="The works will take two years and cost more.">'
    assert clean(page(description, ""), url=URL).subtitle == "The works will take two years and cost more."


def test_a_description_that_only_repeats_the_opening_is_not():
    excerpt = '<meta property="og:description" content="Paragraph 1 of the story says that the council met on Tuesday">'
    assert clean(page(excerpt, ""), url=URL).subtitle is None


def test_a_headline_repeated_in_a_generic_fallback_body_is_in_the_audit():
    title = "Harbour reopens after dredging"
    body = (
        f"<table><tr><td><h1>{title}</h1></td></tr><tr><td>The harbour at Nova Bay reopened on Tuesday after a "
        "three-week closure for dredging work, the port authority said on its website.</td></tr></table>"
    )
    page = f'<html><head><meta property="og:title" content="{title}"></head><body>{body}</body></html>'
    article = clean(page, url="https://kyivindependent.com/harbour-reopens/")
    assert "generic_fallback" in article.warnings and article.title == title
    assert title not in article.text
    assert [(removal.rule, removal.text) for removal in article.removed] == [("html.title_repeat", title)]
