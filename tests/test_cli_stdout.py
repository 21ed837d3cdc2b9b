"""Standard output fits the tools it is piped into: JSON one object per line, text pages
separated and titled."""

import json

import pytest
from click.testing import CliRunner

from cleaner.cli.app import main
from tests.paths import ROOT, SEED_FILES, SEEDS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def run(*args, input=None):
    return CliRunner().invoke(main, [*map(str, args)], input=input, catch_exceptions=False)


def articles():
    return [json.loads(line) for line in run("clean", SEEDS, "--format", "jsonl", "-q").stdout.splitlines()]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_on_stdout_is_one_compact_object_per_line(fmt):
    result = run("clean", SEEDS, "-o", "-", "--format", fmt, "-q")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(SEED_FILES)
    assert [json.loads(line) for line in lines] == articles()
    assert "one compact JSON object per line" in README


def test_json_files_stay_indented(tmp_path):
    run("clean", SEED_FILES[0], "-o", tmp_path, "-q")
    assert (tmp_path / f"{SEED_FILES[0].stem}.json").read_text(encoding="utf-8").startswith('{\n  "id"')


def test_text_on_stdout_starts_each_page_with_its_title_and_separates_pages_with_a_form_feed():
    result = run("clean", SEEDS, "--format", "txt", "-q")
    assert result.exit_code == 0
    pages = result.stdout.split("\f\n")
    expected = articles()
    assert len(pages) == len(expected) == len(SEED_FILES)
    for page, article in zip(pages, expected, strict=True):
        assert page == f"{article['title']}\n\n{article['text']}\n"
    assert "form feed" in README


def test_markdown_on_stdout_separates_pages_with_a_form_feed(tmp_path):
    result = run("clean", SEEDS, "--format", "md", "-q")
    assert result.exit_code == 0
    pages = result.stdout.split("\f\n")
    assert len(pages) == len(SEED_FILES)
    run("clean", SEEDS, "-o", tmp_path, "--format", "md", "-q")
    assert pages == [(tmp_path / f"{seed.stem}.md").read_text(encoding="utf-8") for seed in SEED_FILES]


def test_a_page_without_a_title_starts_with_an_empty_line():
    untitled = b"Plain text without any headline, long enough to stay as the body of a page.\n"
    result = run("clean", "-", SEED_FILES[0], "--format", "txt", "-q", input=untitled)
    first, second = result.stdout.split("\f\n")
    assert first.startswith("\n\n")
    assert second.startswith("Kremlin denies Putin, Trump to have phone call in coming days\n\n")


def test_text_files_hold_the_body_only(tmp_path):
    run("clean", SEED_FILES[0], "-o", tmp_path, "--format", "txt", "-q")
    text = (tmp_path / f"{SEED_FILES[0].stem}.txt").read_text(encoding="utf-8")
    assert text == articles()[0]["text"] + "\n"
