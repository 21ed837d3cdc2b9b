"""TextRule.keep: lines it matches are article text, whatever other rule would take them."""

from dataclasses import replace

from cleaner import clean
from cleaner.rule import Layout, LinePattern, MetaLine, SiteRule, TextRule, TitleRule
from cleaner.rules.registry import Registry

PAGE = """Menu
A headline
By Jane Roe
First paragraph.

Subscribe to the Gazette, the mayor told readers in 1952.

Second paragraph.

Subscribe to the Gazette
Related stories
Subscribe to the Gazette, said the old poster.
"""

TEXT = TextRule(
    boilerplate=(
        LinePattern(id="menu", pattern=r"Menu"),
        LinePattern(id="subscribe", pattern=r"Subscribe to the Gazette.*"),  # too broad
    ),
    meta=(MetaLine(id="byline", pattern=r"By (?P<authors>.+)"),),
    tail_anchors=(LinePattern(id="related", pattern=r"Related stories"),),
    title=TitleRule(before=("byline",)),
)


def registry_with(text: TextRule) -> Registry:
    rule = SiteRule(id="gazette", name="Gazette", domains=("gazette.example",), layouts=(Layout("a", text=text),))
    registry = Registry()
    registry.add(rule, override=False)
    return registry


def cleaned(text: TextRule):
    return clean(PAGE, site="gazette", registry=registry_with(text))


def test_without_a_guard_the_broad_pattern_takes_an_article_line():
    assert [block.text for block in cleaned(TEXT).blocks] == ["First paragraph.", "Second paragraph."]


def test_a_kept_line_stays_in_place_and_is_not_reported_as_removed():
    article = cleaned(replace(TEXT, keep=(r"Subscribe to the Gazette, the mayor .*",)))
    assert [block.text for block in article.blocks] == [
        "First paragraph.",
        "Subscribe to the Gazette, the mayor told readers in 1952.",
        "Second paragraph.",
    ]
    removed = [r.text for r in article.removed]
    assert "Subscribe to the Gazette, the mayor told readers in 1952." not in removed
    assert "Subscribe to the Gazette" in removed
    assert (article.title, article.authors) == ("A headline", ["Jane Roe"])


def test_a_guard_also_wins_over_the_end_of_the_body():
    article = cleaned(replace(TEXT, keep=(r"Subscribe to the Gazette, .*",)))
    assert article.blocks[-1].text == "Subscribe to the Gazette, said the old poster."
    assert "Related stories" not in article.text
