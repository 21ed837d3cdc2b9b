"""The shapes real pages of the three sites take beyond the seeds, as regression tests.

Each test wraps invented article text in one shape of boilerplate or head that real pages
showed and the rules once missed: related blocks inside bodies, other banner wordings,
repeated titles, credits, author cards, notices, and headlines of every case and ending.
"""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.extract.lines import split_lines
from cleaner.extract.text import shared_removals
from cleaner.rules.news_boilerplate import SHARED, shared_patterns

BODY = [
    "The regional council voted on Thursday to rebuild the river bridge before the autumn floods arrive.",
    "Engineers said the old supports had been weakened by years of heavy freight traffic and poor repairs.",
    "Residents who cross the river every day will use a temporary ferry while the works go on.",
]


def body_of(article) -> list[str]:
    return [block.text for block in article.blocks]


def ki_ghost(*, head: list[str], title: str, body: list[str], tail: list[str] | None = None) -> str:
    return "\n\n".join(
        [
            *head,
            title,
            "by Olena Petrenko May 2, 2025 4:15 PM 3 min read",
            "Workers repair a bridge. (Photo: Regional administration)",
            "This audio is created with AI assistance",
            *body,
            "Author: Olena Petrenko",
            *(tail or ["Most popular"]),
        ]
    )


# --- related blocks inside the body --------------------------------------------------------


@pytest.mark.parametrize("header", ["Read also:", "Related:", "Read more:", "READ ALSO", "Related articles"])
def test_a_related_header_goes_with_the_headlines_under_it(header):
    related = f"{header}\nCouncil approves budget for new school buildings\nFerry service to resume after repairs"
    page = ki_ghost(head=["Skip to content"], title="Bridge to be rebuilt", body=[BODY[0], related, *BODY[1:]])
    article = clean(page, site="kyiv_independent")
    assert body_of(article) == BODY
    assert any(removal.rule == "news.related" for removal in article.removed)


def test_an_inline_related_link_goes_and_a_sentence_about_reading_stays():
    mention = "Officials said residents could read more about the plan on the council's website."
    page = ki_ghost(
        head=[],
        title="Bridge to be rebuilt",
        body=[BODY[0], "Read more: Council approves budget for new school buildings", mention, *BODY[1:]],
    )
    article = clean(page, site="kyiv_independent")
    assert body_of(article) == [BODY[0], mention, *BODY[1:]]


def test_a_card_of_another_article_at_the_end_of_the_body_goes():
    card = (
        "Official: Ferry operators warn of delays on the river\n"
        "Ferry operators on the river said on Monday that repairs to the landing stages would slow crossings "
        "for several weeks, and that passengers should expect longer queues at"
    )
    page = ki_ghost(head=[], title="Bridge to be rebuilt", body=[*BODY, card], tail=["News Feed", "6:50 AM"])
    article = clean(page, site="kyiv_independent")
    assert body_of(article) == BODY


# --- page heads ----------------------------------------------------------------------------


def test_a_banner_in_other_capitals_and_a_news_feed_tag_line_stay_out():
    page = ki_ghost(
        head=["SKIP TO CONTENT", "Join 25,000+ Kyiv Independent members today Support our reporting", "News Feed"],
        title="Bridge to be rebuilt",
        body=BODY,
    )
    article = clean(page, site="kyiv_independent")
    assert article.title == "Bridge to be rebuilt"
    assert body_of(article) == BODY


def test_breadcrumbs_are_not_body():
    lines = split_lines("Home » Ukraine » Bridge to be rebuilt\n\n" + BODY[0] + "\n\nNews › Regions › Kherson")
    assert shared_removals(lines) == {0: "news.breadcrumb", 2: "news.breadcrumb"}


def test_a_copyright_line_is_never_the_title():
    page = "\n\n".join(
        [
            "Copyright © 2024",
            "Privacy and Cookie Policies.",
            "Bridge to be rebuilt before the floods",
            "A crane lifts a beam. Photo: Regional administration",
            "Bridge to be rebuilt before the floods",
            "Article by: Olena Petrenko",
            *BODY,
        ]
    )
    article = clean(page, site="euromaidan_press")
    assert article.layout == "footer_first_2021"
    assert article.title == "Bridge to be rebuilt before the floods"
    assert article.authors == ["Olena Petrenko"]
    assert body_of(article) == BODY
    assert article.image_caption == "A crane lifts a beam. Photo: Regional administration"


def test_the_title_printed_twice_around_the_read_time_leaves_the_body():
    page = "\n\n".join(
        [
            "News Feed",
            "Bridge to be rebuilt, council says",
            "1 min read",
            "Bridge to be rebuilt, council says",
            "The old bridge over the river. (Regional administration/Telegram)",
            *BODY,
            "Avatar",
            "Olena Petrenko",
        ]
    )
    article = clean(page, site="kyiv_independent")
    assert article.title == "Bridge to be rebuilt, council says"
    assert article.image_caption == "The old bridge over the river. (Regional administration/Telegram)"
    assert article.authors == ["Olena Petrenko"]
    assert body_of(article) == BODY


# --- headlines of every shape --------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Council to rebuild the river bridge before floods",  # sentence case
        "Will the Bridge Be Ready Before the Floods?",
        "‘We Have No Time Left’ – Council on River Bridge",
    ],
)
def test_moscow_times_headlines_of_any_case_are_found(title):
    page = "\n".join(
        ["Support The Moscow Times!", "Contribute Today", title, "A crane over the river. Ivan Petrov / TASS", *BODY]
    )
    article = clean(page, site="moscow_times")
    assert article.title == title
    assert article.image_caption == "A crane over the river. Ivan Petrov / TASS"
    assert body_of(article) == BODY


def test_a_euromaidan_press_headline_ending_in_a_full_stop_is_found_by_its_copy():
    title = "The council will rebuild the bridge. The ferry will run meanwhile."
    # The site's head block, on consecutive lines as the site prints it.
    head = "\n".join(
        [
            "byOlena Petrenko",
            "02/05/2025",
            "3 minute read",
            "bridge works",
            "A crane lifts a beam. Image by Ivan Petrov",
            title,
        ]
    )
    page = "\n\n".join(["Support us on Patreon", title, head, *BODY])
    article = clean(page, site="euromaidan_press")
    assert article.title == title
    assert article.authors == ["Olena Petrenko"]
    assert body_of(article) == BODY


def test_a_head_without_a_recognisable_title_is_flagged_and_keeps_every_prose_line():
    page = "\n\n".join(["Skip to content", "This audio is created with AI assistance", *BODY, "Most popular"])
    article = clean(page, site="kyiv_independent")
    assert article.title is None
    assert "title_uncertain" in article.warnings
    assert body_of(article) == BODY


def test_a_body_only_dump_has_no_title_to_be_unsure_of():
    article = clean("\n".join(BODY), site="moscow_times")
    assert article.title is None
    assert "title_uncertain" not in article.warnings
    assert body_of(article) == BODY


# --- captions, credits, notices, cards -----------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Kremlin spokesman at a briefing. Ivan Petrov / TASS",
        "Ivan Petrov / unsplash",
        "Regional Press Service",
        "The city seen through smoke on Monday, July 26 Ivan Petrov",
        "The president meets athletes in the Kremlin. kremlin.ru",
    ],
)
def test_moscow_times_lead_captions_of_several_shapes(caption):
    page = "\n".join(["Support The Moscow Times!", "Council to Rebuild River Bridge", caption, *BODY])
    article = clean(page, site="moscow_times")
    assert article.image_caption == caption
    assert body_of(article) == BODY


def test_a_line_between_the_title_and_the_caption_is_the_standfirst():
    standfirst = "The council says the works will take two years."
    page = "\n".join(
        ["Support The Moscow Times!", "Council to Rebuild River Bridge", standfirst, "Ivan Petrov / TASS", *BODY]
    )
    article = clean(page, site="moscow_times")
    assert article.subtitle == standfirst
    assert body_of(article) == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Situation around the river crossing, as of 12 March 2023. Map: rivermaps.example",
        "The new bridge as the architects see it. Photo: Regional administration",
        "Photo by Ivan Petrov",
        "Translated by: Maria Koval",
        "Source: Regional administration",
        "Article image",
        "Video thumbnail",
        "Show More",
        "Editor's note: This is a developing story and will be updated.",
        "This story is developing and will be updated.",
        "Читати українською тут.",
        "______________________________________________",
    ],
)
def test_credits_labels_and_notices_inside_the_body_go(line):
    page = ki_ghost(head=[], title="Bridge to be rebuilt", body=[BODY[0], line, *BODY[1:]])
    article = clean(page, site="kyiv_independent")
    assert body_of(article) == BODY


def test_an_appeal_and_its_campaign_headline_go_and_a_sentence_about_donations_stays():
    mention = "The council asked residents to donate blankets to the families who lost their homes."
    appeal = (
        "Independent reporting from the region costs money. If you value our journalism, please "
        "consider becoming a member or supporting us with a one-time donation today."
    )
    page = ki_ghost(head=[], title="Bridge to be rebuilt", body=[*BODY, mention, "One year of reporting", appeal])
    article = clean(page, site="kyiv_independent")
    assert body_of(article) == [*BODY, mention]


def test_an_author_card_with_a_bio_closing_a_2022_page_goes():
    page = "\n\n".join(
        [
            "Thursday, October 13, 2022",
            "Council to rebuild the river bridge",
            "by The Kyiv Independent news deskNovember 8, 2022 3:40 pm",
            *BODY,
            "The Kyiv Independent news desk",
            "We are here to make sure our readers get quick, essential updates on the council and the bridge.",
        ]
    )
    article = clean(page, site="kyiv_independent")
    assert article.title == "Council to rebuild the river bridge"
    assert article.authors == ["The Kyiv Independent news desk"]
    assert article.published == "2022-11-08T15:40:00+02:00"
    assert body_of(article) == BODY


def test_a_role_after_the_authors_name_is_not_a_name():
    page = "\n\n".join(
        [
            "Council to rebuild the river bridge",
            "2014/10/03 • Regional News",
            *BODY,
            "By Olena Petrenko, Coordinator, Regional Monitoring Group",
            "• reader42",
            "A reader's comment that is not part of the article at all, whatever it says.",
        ]
    )
    article = clean(page, site="euromaidan_press")
    assert article.authors == ["Olena Petrenko"]
    assert body_of(article) == BODY


# --- the shared layer itself ---------------------------------------------------------------


def test_every_shared_kind_has_an_id_and_a_doc():
    assert SHARED
    assert all(pattern.id.startswith("news.") and pattern.doc for pattern in SHARED)


def test_a_rule_can_switch_a_shared_kind_off():
    kept = shared_patterns(("news.media_label",))
    assert all(pattern.id != "news.media_label" for pattern in kept)
    assert len(kept) < len(SHARED)


@pytest.mark.parametrize(
    "sentence",
    [
        "Readers can subscribe to the ministry's newsletter, the spokesperson said on Tuesday.",
        "The foundation asked people to donate blood after the attack on the city.",
        "We support the plan, the minister told reporters, and our allies will too.",
        "Photo agencies were not allowed into the courtroom, the lawyer said.",
        "Home owners along the river will be compensated, the council said.",
        "Related talks are planned for next week, and the most popular proposal is a ceasefire.",
        "Written by a former officer, the memoir describes the first weeks of the war in detail.",
        "Sources said the talks would resume in Geneva after the holidays.",
        "(c) the third condition is that the ceasefire holds for thirty days.",
        "“We ask you to support our independent journalism today,” the editor told readers.",
        "Video footage of the strike was shared by the regional governor on Tuesday.",
    ],
)
def test_sentences_that_mention_trigger_words_are_not_shared_boilerplate(sentence):
    assert shared_removals(split_lines(sentence)) == {}


def test_a_copy_of_the_headline_inside_the_body_goes():
    title = "Bridge to be rebuilt before the floods"
    page = "\n\n".join([title, "Latest news Ukraine", BODY[0], f"{title} ~~", *BODY[1:], "Your opinion matters!"])
    article = clean(page, site="euromaidan_press")
    assert article.title == title
    assert body_of(article) == BODY


@pytest.mark.parametrize(
    ("site", "banner"),
    [
        (
            "kyiv_independent",
            "THE POWER WITHIN: THE KYIV INDEPENDENT’S FIRST-EVER MAGAZINE. BE AMONG THE FIRST TO GET IT.",
        ),
        ("moscow_times", "SUPPORT THE MOSCOW TIMES!"),
        ("euromaidan_press", "copyright © 2024 euromaidanpress.com"),
    ],
)
def test_a_sites_ui_strings_match_in_other_capitals(site, banner):
    head = {
        "kyiv_independent": ["Bridge to be rebuilt", "by Olena Petrenko May 2, 2025 4:15 PM 3 min read"],
        "moscow_times": ["Council to Rebuild River Bridge", "Ivan Petrov / TASS"],
        "euromaidan_press": ["Bridge to be rebuilt", "Latest news Ukraine"],
    }[site]
    article = clean("\n\n".join([banner, *head, *BODY]), site=site)
    assert body_of(article) == BODY
    assert banner in {removal.text for removal in article.removed}
