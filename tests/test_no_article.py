"""A page that holds no article (menus, banners, forms, appeals only) comes out empty and
flagged no_article, for text and HTML; a short real article does not."""

import json
import re

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli.app import main
from tests import pages as gen
from tests.paths import FIXTURES

# (page header, page tail) of each site, as their pages print them.
HEAD_AND_TAIL = {
    "kyiv_independent": (
        [*gen.KI_BANNER, *gen.KI_MENUS],
        ["Most popular", *gen.KI_TAIL_SECTIONS[1], *gen.KI_FOOTER],
    ),
    "moscow_times": (gen.MT_HEADERS[0], [*gen.MT_NEWSLETTER, *gen.MT_APPEAL, *gen.MT_CARDS]),
    "euromaidan_press": (
        gen.EMP_HEADER,
        [gen.EMP_PATREON, *gen.EMP_SURVEY, *gen.EMP_CORRECTION, *gen.EMP_ADBLOCK, *gen.EMP_FOOTER],
    ),
}
BOILERPLATE_ONLY = {site: [*head, *tail] for site, (head, tail) in HEAD_AND_TAIL.items()}

SHORT_NEWS = [
    "A fire broke out at a warehouse on the outskirts of the city early on Tuesday, emergency services said.",
    "No one was hurt, and firefighters put out the blaze within two hours.",
    "The cause of the fire is being investigated.",
]


@pytest.mark.parametrize("site", sorted(BOILERPLATE_ONLY))
@pytest.mark.parametrize("detect", [False, True])
def test_a_dump_of_boilerplate_only_is_no_article(site, detect):
    article = clean("\n\n".join(BOILERPLATE_ONLY[site]), site=None if detect else site)
    assert article.blocks == []
    assert "no_article" in article.warnings
    assert "guard_fallback" not in article.warnings


def test_an_html_page_whose_body_failed_to_load_is_no_article():
    page = (FIXTURES / "moscow_times" / "003_full.html").read_text(encoding="utf-8")
    without_body = re.sub(r"<p[ >](?:(?!</p>).)*</p>", "", page, flags=re.S)
    article = clean(without_body)
    assert article.blocks == []
    assert "no_article" in article.warnings


@pytest.mark.parametrize("site", sorted(BOILERPLATE_ONLY))
def test_a_three_sentence_news_item_is_an_article(site):
    # The item sits where an article sits: after the page's header, before its tail.
    head, tail = HEAD_AND_TAIL[site]
    article = clean("\n\n".join([*head, "Warehouse fire on the city outskirts", *SHORT_NEWS, *tail]), site=site)
    assert [block.text for block in article.blocks] == SHORT_NEWS
    assert "no_article" not in article.warnings


def test_the_run_report_counts_pages_without_an_article(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "front.txt").write_text("\n\n".join(BOILERPLATE_ONLY["moscow_times"]), encoding="utf-8")
    report_path = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["clean", str(root), "-o", str(tmp_path / "out"), "--report", str(report_path)])
    assert result.exit_code == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["warnings"]["no_article"] == 1
    written = json.loads((tmp_path / "out" / "front.json").read_text(encoding="utf-8"))
    assert written["text"] == "" and "no_article" in written["warnings"]


MENU_ONLY_PAGES = [
    "<html><body><nav>Home</nav></body></html>",
    "<html><body><div><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></div>"
    "<form><input name='q'><button>Search</button></form></body></html>",
]


@pytest.mark.parametrize("page", MENU_ONLY_PAGES)
def test_an_html_page_of_a_site_without_a_rule_holding_only_menus_is_no_article(page):
    article = clean(page, url="https://news.invalid/section")
    assert article.blocks == []
    assert {"generic_fallback", "empty_body", "no_article"} <= set(article.warnings)
    assert {removal.rule for removal in article.removed} == {"generic.not_prose"}


@pytest.mark.parametrize(
    "body",
    [
        "<p>" + SHORT_NEWS[0] + "</p>",
        # A script written without spaces between words: its sentences are not counted in words.
        "<p>" + "港の市場は火曜日に再開し、漁師たちは夜明け前に船を出した。" * 8 + "</p>",
    ],
)
def test_a_short_html_article_of_a_site_without_a_rule_is_kept(body):
    article = clean(f"<html><body><article>{body}</article></body></html>", url="https://news.invalid/a")
    assert article.blocks and "no_article" not in article.warnings
