"""`cleaner check`: the built-in rules pass their text fixtures; a wrong expectation fails
with a diff; rule packs are checked from their directory, broken files included."""

import json
import shutil

import pytest
from click.testing import CliRunner

from cleaner.cli.app import main
from cleaner.rules.check import check_paths
from cleaner.rules.registry import ENV_VAR
from tests.acme_rule import PAGE, rule_source, write
from tests.paths import FIXTURES

TEXT_CASES = sorted(FIXTURES.glob("variants/*.txt"))


def run(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)], catch_exceptions=False)


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def text_fixtures(tmp_path):
    """The hand-written text-dump fixtures, copied to ./fixtures/variants."""
    target = tmp_path / "fixtures" / "variants"
    target.mkdir(parents=True)
    for case in TEXT_CASES:
        shutil.copy(case, target)
        shutil.copy(case.with_suffix(".expected.json"), target)
    return target


@pytest.fixture
def pack(tmp_path):
    """A rule directory with one rule and one passing case for it."""
    root = tmp_path / "pack"
    write(root, "acme.py", rule_source())
    cases = root / "fixtures" / "acme_daily"
    write(cases, "story.txt", PAGE)
    expected = {"site": "acme_daily", "title": "A headline about acme", "text": "First paragraph of the story."}
    write(cases, "story.expected.json", json.dumps(expected))
    return root


def test_the_builtin_rules_pass_their_text_fixtures(text_fixtures):
    assert len(TEXT_CASES) >= 10
    result = run()
    assert result.exit_code == 0, result.output
    for site in ("euromaidan_press", "kyiv_independent", "moscow_times"):
        assert any(line.split()[:2] == [site, "pass"] for line in result.output.splitlines()), result.output
    assert f"{len(TEXT_CASES)}/{len(TEXT_CASES)} fixtures passed" in result.output


def test_a_wrong_expectation_fails_with_a_diff(text_fixtures):
    case = text_fixtures / "emp_2023_layout.expected.json"
    expected = json.loads(case.read_text(encoding="utf-8"))
    actual_title = expected["title"]
    expected["title"] = "A title the page does not have"
    case.write_text(json.dumps(expected), encoding="utf-8")

    result = run()
    assert result.exit_code == 1
    assert any(line.split()[:2] == ["euromaidan_press", "FAIL"] for line in result.output.splitlines())
    assert "FAIL euromaidan_press: fixtures/variants/emp_2023_layout.txt" in result.output
    assert '--- expected title\n+++ actual title\n@@ -1 +1 @@\n-"A title the page does not have"\n' in result.output
    assert f"+{json.dumps(actual_title, ensure_ascii=False)}" in result.output


def test_a_rule_pack_directory(pack):
    result = run(pack)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].split()[:3] == ["acme_daily", "pass", "1/1"]
    assert not any(line.startswith("kyiv_independent") for line in lines), "built-ins are context, not checked"


def test_a_broken_file_fails_the_check_and_the_others_are_still_checked(pack):
    broken = write(pack, "broken.py", "from cleaner.rule import SiteRule\nRULE = SiteRule(\n")
    result = run(pack)
    assert result.exit_code == 1
    assert "acme_daily" in result.output and "1/1" in result.output
    [row] = [line for line in result.output.splitlines() if line.startswith("(not loaded)")]
    assert row.split()[2:5] == ["FAIL", "-", f"{broken.relative_to(broken.parent.parent)}:2:"]
    assert "SyntaxError: '(' was never closed" in row


def test_an_invalid_pattern_is_reported_with_file_field_and_reason(pack):
    bad = write(pack, "acme.py", rule_source(signature='r"Acme Daily$"'))
    line = next(n for n, text in enumerate(bad.read_text().splitlines(), 1) if '"Acme Daily$"' in text)
    result = run(pack)
    assert result.exit_code == 1
    assert f"pack/acme.py:{line}: " in result.output
    assert "acme_daily.signatures[0]: pattern 'Acme Daily$' must start with '^'" in result.output


def test_a_case_in_a_rules_folder_must_be_detected_as_that_rule(pack):
    cases = pack / "fixtures" / "acme_daily"
    write(cases, "not_ours.txt", "Just a paragraph of some unrelated page, long enough to be a body.\n")
    write(cases, "not_ours.expected.json", json.dumps({"title": None}))
    result = run(pack)
    assert result.exit_code == 1
    assert "detected as site 'generic', but the case is in the folder of rule 'acme_daily'" in result.output


def test_fixture_mistakes_are_failures_not_skips(pack):
    cases = pack / "fixtures" / "acme_daily"
    write(cases, "orphan.txt", PAGE)
    write(cases, "typo.txt", PAGE)
    write(cases, "typo.expected.json", json.dumps({"titel": "A headline about acme"}))
    report = check_paths([pack])
    [row] = report.rows
    assert (row.rule_id, row.passed, len(row.cases)) == ("acme_daily", 1, 3)
    failures = "\n".join(f for case in row.cases for f in case.failures)
    assert "no expected output: write orphan.expected.json next to it" in failures
    assert "unknown field 'titel'" in failures


def test_a_duplicate_domain_fails_the_rule(tmp_path):
    write(tmp_path / "pack", "acme.py", rule_source(domain="themoscowtimes.com"))
    result = run(tmp_path / "pack")
    assert result.exit_code == 1
    assert "FAIL acme_daily: domain themoscowtimes.com is also claimed by rule 'moscow_times'" in result.output


def test_a_single_rule_file_runs_only_its_own_cases(pack):
    write(pack, "other.py", rule_source("other_site", "other.example", signature='r"^Other$"'))
    write(pack / "fixtures" / "other_site", "x.txt", "Other\nNothing to see\n")
    write(pack / "fixtures" / "other_site", "x.expected.json", json.dumps({"title": "wrong"}))
    assert not check_paths([pack]).ok
    report = check_paths([pack / "acme.py"])
    assert report.ok and [row.rule_id for row in report.rows] == ["acme_daily"]


def test_html_cases_go_through_the_normal_path(pack):
    cases = pack / "fixtures" / "mixed"
    html = "<html><head><title>A headline</title></head><body><article><p>First paragraph.</p></article></body></html>"
    write(cases, "page.html", html)
    write(cases, "page.expected.json", json.dumps({"site": "acme_daily", "url": "https://acme.example/2024/story"}))
    report = check_paths([pack])
    assert report.ok, report.render()
    assert len(report.rows[0].cases) == 2


def test_require_fixtures(tmp_path):
    write(tmp_path / "pack", "acme.py", rule_source())
    assert run(tmp_path / "pack").exit_code == 0
    result = run(tmp_path / "pack", "--require-fixtures")
    assert result.exit_code == 1 and "FAIL acme_daily: has no fixtures" in result.output


def test_a_rules_verdict_is_a_bool(pack):
    [row] = check_paths([pack], require_fixtures=True).rows
    assert row.ok(require_fixtures=True) is True
