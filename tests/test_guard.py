"""The runtime guard: a site that redesigned is flagged and its articles keep their body."""

from __future__ import annotations

import json

import pytest
import regex

from cleaner import clean, guard
from cleaner.outputs.article import Article
from tests.paths import GOLD, SEED_FILES

# New wordings for every landmark line of the three sites, as a redesign would bring.
RENAMES: list[tuple[str, str]] = [
    (r"This audio is created with AI assistance", "Listen to this story"),
    (r"Edit post", "Staff tools"),
    (
        r"by (.+?) ((?:January|February|March|April|May|June|July|August|September|October|November|December) "
        r"\d{1,2}, \d{4}) .*min read",
        r"Story: \1 · \2",
    ),
    (r"Authors?: (.+)", r"Written up by \1"),
    (r"Most popular", "Trending now"),
    (r"News Feed", "Latest updates"),
    (r"MORE NEWS", "ALL UPDATES"),
    (r"Editors' Picks", "Our selection"),
    (r"Enter your email to subscribe", "Your email address"),
    (r"by(\p{Lu}.+)", r"Words: \1"),
    (r"(\d{2})/(\d{2})/(\d{4})", r"\1.\2.\3"),
    (r"\d+ minute read", "Reading time: short"),
    (r"To suggest a correction or clarification, write to us here", "Found a mistake? Tell us"),
    (r"You can also highlight the text and press Ctrl \+ Enter", "Select the text and tell us"),
    (r"Please leave your suggestions or corrections here", "Your note for the editors"),
    (r"Euromaidan Press", "About this site"),
    (r"We are an independent media outlet that relies solely on advertising revenue(.*)", r"Independent media.\1"),
    (r"Related Posts", "More on this topic"),
    (r"Read more about: (.+)", r"Topics: \1"),
    (r"Sign up for our free weekly newsletter", "Get our weekly digest"),
    (r"A Message from The Moscow Times:", "From the editors:"),
    (r"Read more", "More stories"),
]


def redesign(text: str, title: str | None) -> str:
    """Every landmark line reworded; a repeated title (a landmark too) becomes an alt text."""
    lines = text.split("\n")
    seen_title = False
    for index, raw in enumerate(lines):
        line = raw.strip().replace("\u00a0", " ")
        if title and line == title:
            if seen_title:
                lines[index] = "Photo of the day"
            seen_title = True
            continue
        for pattern, replacement in RENAMES:
            if regex.fullmatch(pattern, line):
                lines[index] = regex.sub(pattern, replacement, line)
                break
    return "\n".join(lines)


def gold(seed) -> dict:
    return json.loads((GOLD / f"{seed.stem}.json").read_text(encoding="utf-8"))


def assert_body_kept(article: Article, expected: dict) -> None:
    kept = [block.text for block in article.blocks]
    missing = [block["text"] for block in expected["blocks"] if block["text"] not in kept]
    assert not missing
    order = [kept.index(block["text"]) for block in expected["blocks"]]
    assert order == sorted(order)


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_a_redesigned_site_is_flagged_and_keeps_the_body(seed):
    expected = gold(seed)
    page = redesign(seed.read_text(encoding="utf-8"), expected["title"])
    article = clean(page, site=expected["site"])
    assert article.site == expected["site"]
    assert "rule_anchor_missing" in article.warnings
    assert_body_kept(article, expected)


def test_a_landmark_below_long_paragraphs_is_no_head_landmark():
    paragraphs = [
        f"Paragraph {n} of the report says that officials in the region met on Tuesday to discuss "
        f"repairs to roads, bridges and power lines damaged during the winter, item {n}."
        for n in range(1, 7)
    ]
    head = ["Edit post", "Regional officials plan road repairs", "by Olena Petrenko May 2, 2025 4:15 PM 3 min read"]
    page = "\n\n".join([*head, *paragraphs[:5], "This audio is created with AI assistance", paragraphs[5]])
    article = clean(page, site="kyiv_independent")
    assert article.warnings == []
    assert [block.text for block in article.blocks] == paragraphs
    assert article.title == "Regional officials plan road repairs"


def test_a_landmark_moved_below_the_body_never_swallows_it():
    """The audio player moved to the end of the article: two long paragraphs in a row are
    article text, so no head reaches below them and the rule keeps the body itself."""
    seed = SEED_FILES[4]
    expected = gold(seed)
    lines = seed.read_text(encoding="utf-8").split("\n")
    notice = "This audio is created with AI assistance"
    lines.remove(notice)
    lines.insert(lines.index("The Kyiv IndependentOleg Sukhov") + 1, notice)
    article = clean("\n".join(lines), site="kyiv_independent")
    assert "guard_fallback" not in article.warnings
    assert_body_kept(article, expected)
    # The rule's metadata is kept.
    assert article.title == expected["title"]
    assert article.authors == expected["authors"]
    assert all(removal.rule for removal in article.removed)


def test_a_page_whose_body_is_gone_is_flagged_empty():
    page = "Support The Moscow Times!\n\nSome Title Here\n\nRead more\n\nCard headline\n"
    article = clean(page, site="moscow_times")
    assert not article.blocks
    assert "empty_body" in article.warnings


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_normal_pages_pass_the_cheap_checks_without_a_generic_run(seed, monkeypatch):
    def no_generic(document):
        raise AssertionError("the guard ran a generic extraction on a normal page")

    monkeypatch.setattr(guard, "generic_body", no_generic)
    article = clean(seed.read_bytes())
    assert article.warnings == []


def test_the_rule_result_stays_when_the_generic_one_is_not_clearly_better():
    assert not guard.prefer_generic(rule_chars=1500, generic_chars=3000)
    assert guard.prefer_generic(rule_chars=0, generic_chars=1200)
    assert not guard.prefer_generic(rule_chars=0, generic_chars=100)


def test_a_head_that_swallows_most_of_the_body_falls_back():
    # Short paragraphs: prose ones between two landmarks would end the head before the notice.
    paragraphs = [f"Paragraph {n}: officials met on Tuesday about road repairs, item {n}." for n in range(1, 7)]
    head = ["Edit post", "Regional officials plan road repairs", "by Olena Petrenko May 2, 2025 4:15 PM 3 min read"]
    # The audio notice (a head landmark) sits after the fifth paragraph: the rule takes five
    # of six paragraphs for head.
    page = "\n\n".join([*head, *paragraphs[:5], "This audio is created with AI assistance", paragraphs[5]])
    article = clean(page, site="kyiv_independent")
    assert "guard_fallback" in article.warnings
    assert [block.text for block in article.blocks][-6:] == paragraphs


def test_a_rule_result_kept_against_a_fuller_generic_one_is_flagged(monkeypatch):
    from cleaner.inputs.document import load_document
    from cleaner.outputs.article import Block

    rule_body = [Block("paragraph", "A" * 300)]
    fuller = Article(site="generic", blocks=[Block("paragraph", "A" * 300), Block("paragraph", "B" * 400)])
    monkeypatch.setattr(guard, "generic_body", lambda document: fuller)
    article = Article(site="kyiv_independent", blocks=list(rule_body))
    kept = guard.review(load_document("page"), article, landmarks_found=False)
    assert kept.blocks == rule_body  # 2.3 times the prose: not enough to replace the rule's body
    assert kept.warnings == ["rule_anchor_missing", "guard_suspicious"]


def test_the_suspicious_flag_sits_between_trust_and_fallback():
    assert guard.generic_holds_more(rule_chars=1000, generic_chars=1600)
    assert not guard.prefer_generic(rule_chars=1000, generic_chars=1600)
    assert not guard.generic_holds_more(rule_chars=1000, generic_chars=1200)


@pytest.mark.parametrize(
    ("old", "new", "flagged"),
    [
        ("article__content", "story-body", True),  # the content root's class is gone
        ("article__", "story__", False),  # every class renamed; the wording still tells the page
    ],
)
def test_an_html_redesign_keeps_the_body(old, new, flagged):
    from tests.paths import FIXTURES

    page = FIXTURES / "moscow_times" / "003_full.html"
    expected = json.loads(page.with_name("003_full.expected.json").read_text(encoding="utf-8"))
    article = clean(page.read_text(encoding="utf-8").replace(old, new))
    assert [block.text for block in article.blocks] == [block["text"] for block in expected["blocks"]]
    assert ("rule_anchor_missing" in article.warnings) is flagged
