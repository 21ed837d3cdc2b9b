"""Layout eras: chosen by the page date when known, else by a fingerprint, else the newest;
the output records the layout used."""

import json
from datetime import date

import pytest

from cleaner import clean
from cleaner.detect.site import choose_layout, date_from_url
from cleaner.rule import HtmlRule, Layout, SiteRule, TextRule
from tests.paths import FIXTURES

NEW = Layout(
    name="new_2020",
    since=date(2020, 1, 1),
    fingerprints=(r"^Share this story$",),
    html_fingerprints=("body.theme-2020",),
    text=TextRule(),
    html=HtmlRule(),
)
OLD = Layout(
    name="old_2015",
    since=date(2015, 1, 1),
    until=date(2018, 12, 31),
    fingerprints=(r"^Posted in: \p{Lu}",),
    html_fingerprints=("div#old-sidebar",),
    text=TextRule(),
    html=HtmlRule(),
)
RULE = SiteRule(id="eras", name="Eras", domains=("eras.example",), layouts=(NEW, OLD))

OLD_TEXT = "A title\nPosted in: World\nBody.\n"
NEW_TEXT = "A title\nBody.\nShare this story\n"
PLAIN_TEXT = "A title\nBody.\n"


@pytest.mark.parametrize(
    ("text", "page_date", "chosen"),
    [
        (OLD_TEXT, None, "old_2015"),  # fingerprint
        (NEW_TEXT, None, "new_2020"),
        (PLAIN_TEXT, None, "new_2020"),  # nothing known: the newest
        (PLAIN_TEXT, date(2016, 5, 1), "old_2015"),  # date
        (NEW_TEXT, date(2016, 5, 1), "old_2015"),  # the date outranks a fingerprint
        (OLD_TEXT, date(2023, 5, 1), "new_2020"),
        (OLD_TEXT, date(2019, 6, 1), "old_2015"),  # a date no era covers: fingerprint
        (PLAIN_TEXT, date(2010, 6, 1), "new_2020"),  # ...else the newest
        (PLAIN_TEXT, date(2018, 12, 31), "old_2015"),  # bounds are inclusive
        (PLAIN_TEXT, date(2020, 1, 1), "new_2020"),
    ],
)
def test_choose_layout_text(text, page_date, chosen):
    assert choose_layout(RULE, text, page_date=page_date).name == chosen


def test_choose_layout_html_fingerprints_are_selectors():
    old_page = '<html><body><div id="old-sidebar">Posted in: World</div><p>Body.</p></body></html>'
    new_page = '<html><body class="theme-2020"><p>Body.</p></body></html>'
    assert choose_layout(RULE, old_page, kind="html").name == "old_2015"
    assert choose_layout(RULE, new_page, kind="html").name == "new_2020"
    # A text fingerprint is not looked for in HTML markup.
    assert choose_layout(RULE, "<p>x</p>\nPosted in: World", kind="html").name == "new_2020"
    assert choose_layout(RULE, new_page, kind="html", page_date=date(2016, 1, 1)).name == "old_2015"


def test_only_layouts_for_the_input_kind_compete():
    html_only = Layout(name="html_only", html_fingerprints=("p",), html=HtmlRule())
    text_only = Layout(name="text_only", text=TextRule())
    rule = SiteRule(id="mixed", name="Mixed", domains=("mixed.example",), layouts=(html_only, text_only))
    assert choose_layout(rule, "Body.\n").name == "text_only"
    assert choose_layout(rule, "<p>Body.</p>", kind="html").name == "html_only"


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("https://euromaidanpress.com/2021/08/10/chernihiv-water-tower/", date(2021, 8, 10)),
        ("https://euromaidanpress.com/2023/08/15", date(2023, 8, 15)),
        ("https://euromaidanpress.com/2021/02/30/impossible/", None),
        ("https://euromaidanpress.com/tag/2021/", None),
        (None, None),
    ],
)
def test_date_from_url(url, found):
    assert date_from_url(url) == found


def _case(name):
    page = (FIXTURES / "variants" / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / "variants" / f"{name}.expected.json").read_text(encoding="utf-8"))
    return page, expected


def test_euromaidan_press_eras_by_fingerprint():
    for name, layout in [("emp_2021_footer_first", "footer_first_2021"), ("emp_2023_layout", "wordpress_2023")]:
        page, expected = _case(name)
        article = clean(page)
        assert (article.site, article.layout) == ("euromaidan_press", layout)
        assert (article.title, article.authors, article.image_caption) == (
            expected["title"],
            expected["authors"],
            expected["image_caption"],
        )


def test_euromaidan_press_eras_by_date_in_the_url():
    page_2021, expected = _case("emp_2021_footer_first")
    article = clean(page_2021, url="https://euromaidanpress.com/2021/08/10/chernihiv-water-tower/")
    assert article.to_dict()["layout"] == "footer_first_2021"
    assert article.image_caption == expected["image_caption"] and article.subtitle is None

    page_2023, _ = _case("emp_2023_layout")
    assert clean(page_2023, url="https://euromaidanpress.com/2023/08/15/lviv/").layout == "wordpress_2023"
    # The date decides even against the page's own cue: the era a URL dates is trusted.
    assert clean(page_2021, url="https://euromaidanpress.com/2023/08/15/x/").layout == "wordpress_2023"
    assert clean(page_2023, url="https://euromaidanpress.com/2021/08/10/x/").layout == "footer_first_2021"
