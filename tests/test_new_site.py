"""`cleaner new-site`: the scaffold is a valid rule, its example passes `cleaner check`, and
its own test passes; nothing is overwritten by accident."""

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli.app import main

FILES = ("acme_news.py", "fixtures/acme_news/example.txt", "fixtures/acme_news/example.expected.json")


def run(*args):
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)


def test_scaffold_is_ready_to_fill_in(tmp_path):
    rules = tmp_path / "rules"
    domains = ("--domain", "www.Acme-News.example", "--domain", "acme.example")
    result = run("new-site", "acme_news", *domains, "--dir", rules)
    assert result.exit_code == 0, result.output
    for name in (*FILES, "tests/test_acme_news_fixtures.py"):
        assert (rules / name).is_file(), name
    source = (rules / "acme_news.py").read_text(encoding="utf-8")
    assert 'domains=("acme-news.example", "acme.example")' in source
    assert 'name="Acme News"' in source

    checked = run("check", rules)
    assert checked.exit_code == 0, checked.output
    assert checked.output.splitlines()[1].split()[:3] == ["acme_news", "pass", "1/1"]

    cleaned = run("clean", rules / "fixtures" / "acme_news" / "example.txt", "--rules", rules)
    assert '"site": "acme_news"' in cleaned.stdout


def test_the_generated_test_checks_the_fixtures(tmp_path):
    run("new-site", "acme_news", "--domain", "acme.example", "--dir", tmp_path)
    test_file = tmp_path / "tests" / "test_acme_news_fixtures.py"
    spec = importlib.util.spec_from_file_location("generated_test", test_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.test_acme_news_fixtures()

    (tmp_path / "fixtures" / "acme_news" / "example.txt").write_text("Nothing of the site here.\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="FAIL acme_news"):
        module.test_acme_news_fixtures()


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff not installed")
def test_the_generated_files_are_lint_clean(tmp_path):
    run("new-site", "acme_news", "--domain", "acme.example", "--dir", tmp_path, "--site-name", "Acme (News)")
    assert 'Signature(r"^© \\d{4} Acme\\ \\(News\\)$")' in (tmp_path / "acme_news.py").read_text(encoding="utf-8")
    for command in (["ruff", "check", "--no-cache", "."], ["ruff", "format", "--check", "--no-cache", "."]):
        done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


def test_existing_files_are_not_overwritten_without_force(tmp_path):
    run("new-site", "acme_news", "--domain", "acme.example", "--dir", tmp_path)
    rule = tmp_path / "acme_news.py"
    rule.write_text("# my work\n", encoding="utf-8")
    again = run("new-site", "acme_news", "--domain", "acme.example", "--dir", tmp_path)
    assert again.exit_code == 2 and "already exists (pass --force to overwrite)" in again.output
    assert len(again.stderr.strip().splitlines()) == 1
    assert rule.read_text(encoding="utf-8") == "# my work\n"
    assert run("new-site", "acme_news", "--domain", "acme.example", "--dir", tmp_path, "--force").exit_code == 0
    assert "RULE = SiteRule(" in rule.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Acme-News", "--domain", "acme.example"], "site id 'Acme-News' must be lower-case letters, digits and _"),
        (["acme_news", "--domain", "https://acme.example/"], "is not a domain name"),
        (["acme_news", "--domain", "acme.example", "--site-name", 'Say "hi"'], "without quotes"),
    ],
)
def test_bad_names_are_refused_before_anything_is_written(tmp_path, args, message):
    result = run("new-site", *args, "--dir", tmp_path / "rules")
    assert result.exit_code == 2 and message in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "rules").exists()


def test_a_dir_that_is_a_file_or_under_one_is_refused_in_one_line(tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("", encoding="utf-8")
    for directory in (taken, taken / "rules"):
        result = run("new-site", "acme_news", "--domain", "acme.example", "--dir", directory)
        assert result.exit_code == 2, result.output
        expected = f"Error: cannot write into --dir {directory}: {taken} is a file; choose another --dir"
        assert result.stderr.strip() == expected


def test_a_dir_without_write_permission_is_refused_before_anything_is_written(locked_dir):
    result = run("new-site", "acme_news", "--domain", "acme.example", "--dir", locked_dir / "rules")
    assert result.exit_code == 2, result.output
    assert f"no permission to write in {locked_dir}; choose another --dir" in result.stderr
    assert list(locked_dir.iterdir()) == []


def test_a_write_that_fails_anyway_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", refuse)
    result = run("new-site", "acme_news", "--domain", "acme.example", "--dir", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: cannot write {tmp_path / 'acme_news.py'}: No space left on device"
