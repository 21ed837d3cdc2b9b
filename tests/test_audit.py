"""The removal audit: every removed span is attributed to a rule, and nothing goes missing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given

from cleaner import clean
from cleaner.cli.app import main
from cleaner.cli.explain import explain
from cleaner.extract.lines import split_lines
from tests import pages as gen
from tests.paths import FIXTURES, SEED_FILES

PAGES = SEED_FILES + sorted((FIXTURES / "variants").glob("*.txt"))


def assert_accounted(content: str | bytes, site: str | None = None) -> None:
    explanation = explain(content, site=site)
    article = explanation.article
    assert all(removal.rule for removal in article.removed)
    assert explanation.unattributed == []
    kept = [row.text for row in explanation.rows if row.kept]
    assert kept == [block.text for block in article.blocks]
    removed_lines = {removal.line for removal in article.removed}
    kept_lines = {row.line for row in explanation.rows if row.kept}
    assert not removed_lines & kept_lines


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_kept_and_removed_lines_account_for_every_input_line(page):
    assert_accounted(page.read_bytes())


@pytest.mark.parametrize("site", list(gen.SITES))
@given(data=gen.st.data())
def test_generated_pages_are_fully_accounted(site, data):
    page = data.draw(gen.pages(site))
    assert_accounted(page.text, site=site)
    explanation = explain(page.text, site=site)
    assert len(explanation.rows) == len(split_lines(page.text))


def test_cli_audit_lists_every_removed_span_with_rule_and_size(tmp_path):
    seed = SEED_FILES[3]
    result = CliRunner().invoke(main, ["clean", str(seed), "--audit"], catch_exceptions=False)
    assert result.exit_code == 0
    article = json.loads(result.stdout)
    removed = article["removed"]
    lines = split_lines(seed.read_text(encoding="utf-8"))
    assert len(removed) + len(article["blocks"]) == len(lines)
    for span in removed:
        assert span["rule"] and span["chars"] == len(span["text"]) > 0
    assert {"rule": "tail:donation_appeal", "text": "Dear readers,"}.items() <= next(
        span for span in removed if span["text"] == "Dear readers,"
    ).items()


def test_without_audit_no_removed_field():
    article = clean(SEED_FILES[0].read_bytes()).to_dict()
    assert "removed" not in article
