"""Rule discovery: drop-in directories, the environment, entry points, overrides, and
how broken rule files are reported without taking the other rules down."""

import os

import pytest
from click.testing import CliRunner

from cleaner.cli.app import main
from cleaner.engines.local import Options, Source, clean_source
from cleaner.pipeline import clean
from cleaner.rules.registry import ENV_VAR, load_registry
from tests.acme_rule import PAGE, rule_source, write

BUILTINS = {"kyiv_independent", "euromaidan_press", "moscow_times"}


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_a_dropped_in_rule_file_is_used(tmp_path):
    write(tmp_path / "rules", "acme.py", rule_source())
    registry = load_registry([tmp_path / "rules"])
    assert not registry.problems
    assert set(registry.rules) == BUILTINS | {"acme_daily"}
    article = clean(PAGE, registry=registry)
    assert article.site == "acme_daily"
    assert article.title == "A headline about acme"
    assert article.authors == ["Jane Roe"]
    assert article.text == "First paragraph of the story."
    assert clean(PAGE, url="https://www.acme.example/a/b", registry=registry).site == "acme_daily"


def test_rule_directories_from_the_environment(tmp_path, monkeypatch):
    write(tmp_path / "one", "acme.py", rule_source())
    write(tmp_path / "two", "other.py", rule_source("other_site", "other.example", signature='r"^Other$"'))
    monkeypatch.setenv(ENV_VAR, os.pathsep.join([str(tmp_path / "one"), str(tmp_path / "two")]))
    registry = load_registry()
    assert not registry.problems
    assert {"acme_daily", "other_site"} <= set(registry.rules)
    assert set(load_registry(use_env=False).rules) == BUILTINS


def test_a_broken_file_is_one_line_with_path_and_line_and_the_others_load(tmp_path):
    rules = tmp_path / "rules"
    write(rules, "acme.py", rule_source())
    broken = write(rules, "broken.py", "from cleaner.rule import SiteRule\n\nRULE = SiteRule(id=undefined_name)\n")
    syntax = write(rules, "syntax.py", "RULE = (\n")
    registry = load_registry([rules])
    assert set(registry.rules) == BUILTINS | {"acme_daily"}
    messages = sorted(str(problem) for problem in registry.problems)
    assert messages[0] == f"{broken}:3: NameError: name 'undefined_name' is not defined"
    assert messages[1].startswith(f"{syntax}:1: SyntaxError")
    assert all("\n" not in message for message in messages)


def test_a_rule_that_fails_validation_names_file_line_field_and_reason(tmp_path):
    path = write(tmp_path / "rules", "acme.py", rule_source(boilerplate=r'r"(?:Subscribe to Acme)?"'))
    registry = load_registry([tmp_path / "rules"])
    assert "acme_daily" not in registry.rules
    [problem] = registry.problems
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "(?:Subscribe to Acme)?" in text)
    assert str(problem) == (
        f"{path}:{line}: acme_daily.layouts[current].text.boilerplate[1] (subscribe): "
        "pattern '(?:Subscribe to Acme)?' matches the empty string"
    )


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"signature": 'r"Acme Daily"'}, "signatures[0]: pattern 'Acme Daily' must start with '^'"),
        ({"boilerplate": 'r"(unclosed"'}, "boilerplate[1] (subscribe): invalid pattern '(unclosed'"),
        ({"domain": "not a domain"}, "domains[0]: 'not a domain' is not a domain name"),
        ({"rule_id": "Bad-Id"}, "id must be lower-case letters"),
    ],
)
def test_validation_reasons(tmp_path, change, reason):
    write(tmp_path / "rules", "acme.py", rule_source(**change))
    [problem] = load_registry([tmp_path / "rules"]).problems
    assert reason in str(problem)


def test_a_lone_string_where_a_tuple_belongs_is_explained(tmp_path):
    source = rule_source().replace('domains=("acme.example",)', 'domains=("acme.example")')
    write(tmp_path / "rules", "acme.py", source)
    [problem] = load_registry([tmp_path / "rules"]).problems
    assert "acme_daily.domains: expected tuple of str, got str 'acme.example'" in str(problem)


def test_an_invalid_css_selector_is_rejected(tmp_path):
    source = (
        rule_source()
        .replace("from cleaner.rule import", "from cleaner.rules.schema import HtmlRule,")
        .replace('name="current",', 'name="current", html=HtmlRule(content=("article >> p",)),')
    )
    write(tmp_path / "rules", "acme.py", source)
    [problem] = load_registry([tmp_path / "rules"]).problems
    assert "layouts[current].html.content[0]: invalid CSS selector 'article >> p'" in str(problem)


def test_a_builtin_id_clashes_unless_override_is_asked_for(tmp_path):
    path = write(tmp_path / "rules", "mine.py", rule_source("moscow_times", "acme.example"))
    registry = load_registry([tmp_path / "rules"])
    assert registry.rules["moscow_times"].name == "The Moscow Times"
    [problem] = registry.problems
    assert str(path) in str(problem) and "already defined" in str(problem) and "--override" in str(problem)

    overridden = load_registry([tmp_path / "rules"], override=True)
    assert not overridden.problems
    assert overridden.rules["moscow_times"].origin == str(path)
    assert clean(PAGE, registry=overridden).site == "moscow_times"


def test_duplicate_domains_are_reported(tmp_path):
    path = write(tmp_path / "rules", "mine.py", rule_source(domain="kyivindependent.com"))
    registry = load_registry([tmp_path / "rules"])
    assert "acme_daily" in registry.rules
    [problem] = registry.problems
    assert problem.severity == "conflict"
    assert str(problem).startswith(f"{path}: domain kyivindependent.com is also claimed by rule 'kyiv_independent'")


def test_tests_and_helpers_beside_rules_are_not_loaded_as_rules(tmp_path):
    rules = tmp_path / "rules"
    write(rules, "acme.py", rule_source())
    write(rules, "test_acme.py", "import nothing_here\n")
    write(rules, "conftest.py", "import nothing_here\n")
    write(rules, "_shared.py", "import nothing_here\n")
    registry = load_registry([rules])
    assert not registry.problems and "acme_daily" in registry.rules


def test_a_missing_directory_is_reported(tmp_path):
    [problem] = load_registry([tmp_path / "nope"]).problems
    assert str(problem) == f"{tmp_path / 'nope'}: not a directory"


def test_rule_packs_installed_as_packages(tmp_path, monkeypatch):
    write(tmp_path / "acme_pack", "__init__.py", "")
    write(tmp_path / "acme_pack", "acme.py", rule_source())
    write(tmp_path / "acme_pack", "broken.py", "raise RuntimeError('pack is broken')\n")
    dist = tmp_path / "acme_pack-1.0.dist-info"
    write(dist, "METADATA", "Metadata-Version: 2.1\nName: acme-pack\nVersion: 1.0\n")
    write(dist, "entry_points.txt", "[cleaner.site_rules]\nacme = acme_pack.acme\nbroken = acme_pack.broken\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = load_registry(use_env=False)
    assert registry.rules["acme_daily"].origin == "entry point acme (acme_pack.acme)"
    [problem] = registry.problems
    assert "entry point broken (acme_pack.broken)" in str(problem) and "pack is broken" in str(problem)
    assert "acme_daily" not in load_registry(use_env=False, use_entry_points=False).rules


def test_cli_uses_a_dropped_in_rule_and_names_a_broken_one(tmp_path):
    rules = tmp_path / "rules"
    write(rules, "acme.py", rule_source())
    broken = write(rules, "broken.py", "x = 1\ny = 1 / 0\n")
    page = write(tmp_path, "page.txt", PAGE)
    result = CliRunner().invoke(main, ["clean", str(page), "--rules", str(rules)])
    assert result.exit_code == 0, result.output
    assert '"site": "acme_daily"' in result.stdout
    assert f"{broken}:2: ZeroDivisionError: division by zero" in result.stderr
    listed = CliRunner().invoke(main, ["sites", "--rules", str(rules)])
    assert "acme_daily" in listed.stdout and "kyiv_independent" in listed.stdout


def test_a_catastrophic_pattern_fails_one_document_not_the_run(tmp_path):
    rules = tmp_path / "rules"
    write(rules, "acme.py", rule_source(boilerplate=r'r"(a|aa)+c"'))
    options = Options(rule_dirs=(str(rules),))
    bad = clean_source(Source(name="bad", relative="bad", data=PAGE + "a" * 60 + "\n"), options)
    assert bad.article is None
    assert bad.error.startswith("rule pattern '(a|aa)+c' timed out")
    good = clean_source(Source(name="good", relative="good", data=PAGE), options)
    assert good.article is not None and good.article["site"] == "acme_daily"
