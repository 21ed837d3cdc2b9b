"""Behaviour of each built-in rule on small hand-made dumps."""

import pytest

from cleaner import clean

BODY = [
    "Officials said on Tuesday that repairs to the bridge would take at least three more weeks.",
    "The regional governor told reporters that traffic would be diverted through two nearby villages.",
    "Residents who want updates can subscribe to the city's newsletter, the mayor added.",
]


def ki_page(byline: str, body=BODY, extra_tail: str = "") -> str:
    return "\n\n".join(
        [
            "Skip to content",
            "Russia, Ukraine",
            "Edit post",
            "Bridge repairs to take three more weeks, governor says",
            byline + "\nWorkers repair a bridge. (Photo: National Police)\nThis audio is created with AI assistance",
            *body,
            "Author: Olena Petrenko" + extra_tail,
            "Most popular",
            "News Feed",
            "6:50 AM",
            "Some other headline about the war.",
            "A summary sentence of another story that must not reach the body.",
        ]
    )


@pytest.mark.parametrize(
    ("shown", "iso"),
    [
        ("January 15, 2025 9:05 AM", "2025-01-15T09:05:00+02:00"),
        ("March 29, 2025 11:00 PM", "2025-03-29T23:00:00+02:00"),  # the day before DST
        ("March 30, 2025 11:00 AM", "2025-03-30T11:00:00+03:00"),  # DST from the last Sunday of March
        ("October 26, 2025 11:00 AM", "2025-10-26T11:00:00+02:00"),  # back to winter time
        ("July 1, 2024 12:30 AM", "2024-07-01T00:30:00+03:00"),
    ],
)
def test_kyiv_independent_times_are_kyiv_local_with_the_offset_of_that_date(shown, iso):
    article = clean(ki_page(f"by Olena Petrenko {shown} 3 min read"))
    assert article.site == "kyiv_independent"
    assert article.published == iso


def test_kyiv_independent_page_parts():
    article = clean(ki_page("by Olena Petrenko and The Kyiv Independent news desk May 2, 2025 4:15 PM 3 min read"))
    assert article.title == "Bridge repairs to take three more weeks, governor says"
    assert article.authors == ["Olena Petrenko", "The Kyiv Independent news desk"]
    assert article.tags == ["Russia", "Ukraine"]
    assert article.image_caption == "Workers repair a bridge. (Photo: National Police)"
    assert [block.text for block in article.blocks] == BODY


def test_kyiv_independent_bookmark_card_inside_the_body_is_removed():
    card = (
        "Ukraine’s new drone doctrine, explained\n"
        "Ukraine is building a new kind of army, and its drone units are at the center of it. But the\n"
        "The Kyiv IndependentIllia Ponomarenko"
    )
    body = [BODY[0], card, BODY[1], BODY[2]]
    article = clean(ki_page("by Olena Petrenko May 2, 2025 4:15 PM 3 min read", body=body))
    assert [block.text for block in article.blocks] == BODY
    assert {removal.rule for removal in article.removed} >= {"bookmark_card", "tail:most_popular"}


def test_a_paragraph_mentioning_the_site_and_trigger_words_survives():
    mention = (
        "The Kyiv Independent reported at 6:50 AM that most popular donation sites asked readers to "
        "subscribe, donate and read more about related appeals."
    )
    article = clean(ki_page("by Olena Petrenko May 2, 2025 4:15 PM 3 min read", body=[*BODY, mention]))
    assert [block.text for block in article.blocks] == [*BODY, mention]


def test_euromaidan_press_dates_are_day_first():
    page = "\n".join(
        [
            "Support us on Patreon",
            "Headline about grain exports through the Danube ports",
            "",
            "A one-sentence standfirst about the ports.",
            "byIryna Koval",
            "03/11/2024",
            "4 minute read",
            "",
            *BODY,
        ]
    )
    article = clean(page)
    assert article.site == "euromaidan_press"
    assert article.published == "2024-11-03"
    assert article.subtitle == "A one-sentence standfirst about the ports."
    assert article.authors == ["Iryna Koval"]


def test_moscow_times_tags_and_appeal():
    page = "\n\n".join(
        [
            "Support The Moscow Times!",
            "Russia Raises Key Rate to Record High",
            "Central Bank head Elvira Nabiullina. Sergei Bobylev / TASS",
            *BODY,
            "Read more about: Economy , Central Bank",
            "A Message from The Moscow Times:",
            "Dear readers,",
            "We are facing unprecedented challenges. Please support us.",
        ]
    )
    article = clean(page)
    assert article.site == "moscow_times"
    assert article.title == "Russia Raises Key Rate to Record High"
    assert article.image_caption == "Central Bank head Elvira Nabiullina. Sergei Bobylev / TASS"
    assert article.tags == ["Economy", "Central Bank"]
    assert [block.text for block in article.blocks] == BODY


def test_in_body_subheading_is_typed_as_heading():
    page = "\n\n".join(["Support The Moscow Times!", "Digest Title Here", BODY[0], "Energy prices", *BODY[1:]])
    blocks = clean(page).blocks
    assert [(b.type, b.text) for b in blocks][1] == ("heading", "Energy prices")
    assert all(b.type == "paragraph" for i, b in enumerate(blocks) if i != 1)


def test_a_dump_without_any_site_cue_gets_the_generic_cleaner():
    page = "\n".join(["Home", "News", "Sport", "Log in", *BODY, "© 2025 Example Media. All rights reserved."])
    article = clean(page)
    assert article.site == "generic"
    assert article.warnings[0] == "generic_fallback"
    assert [block.text for block in article.blocks] == BODY
