"""The command line: directory runs, formats, stdin/stdout, collisions, failures, exit codes."""

import json
import shutil
import sys

import jsonschema
import pytest
from click.testing import CliRunner

from cleaner import __version__
from cleaner.cli.app import main
from tests.paths import ROOT, SEED_FILES

SCHEMA = json.loads((ROOT / "cleaner" / "outputs" / "schema" / "article.schema.json").read_text(encoding="utf-8"))
KI_SEED = SEED_FILES[0]
MT_SEED = SEED_FILES[3]


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def tree(tmp_path):
    """seeds/ copied into a nested tree: in/a/<seed>, in/b/c/<seed>."""
    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    (root / "b" / "c").mkdir(parents=True)
    shutil.copy(KI_SEED, root / "a" / KI_SEED.name)
    shutil.copy(MT_SEED, root / "b" / "c" / MT_SEED.name)
    return root


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_sites_lists_the_three_rules():
    result = run("sites")
    assert result.exit_code == 0
    for site_id, domain in [
        ("kyiv_independent", "kyivindependent.com"),
        ("euromaidan_press", "euromaidanpress.com"),
        ("moscow_times", "themoscowtimes.com"),
    ]:
        assert site_id in result.output and domain in result.output
    rows = json.loads(run("sites", "--json").output)
    assert {row["id"] for row in rows} >= {"kyiv_independent", "euromaidan_press", "moscow_times"}


def test_directory_tree_is_mirrored(tree, tmp_path):
    out = tmp_path / "out"
    result = run("clean", str(tree), "-o", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    first = json.loads((out / "a" / f"{KI_SEED.stem}.json").read_text(encoding="utf-8"))
    second = json.loads((out / "b" / "c" / f"{MT_SEED.stem}.json").read_text(encoding="utf-8"))
    assert first["site"] == "kyiv_independent"
    assert second["site"] == "moscow_times"
    assert first["source"] == f"a/{KI_SEED.name}"
    assert "2 documents: 2 cleaned, 0 failed" in result.output


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_every_output_validates_against_the_schema(fmt, tmp_path):
    out = tmp_path / "out.jsonl" if fmt == "jsonl" else tmp_path / "out"
    result = run("clean", str(KI_SEED.parent), "-o", str(out), "--format", fmt, "--audit")
    assert result.exit_code == 0
    if fmt == "jsonl":
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))]
    assert len(records) == len(SEED_FILES)
    for record in records:
        jsonschema.validate(record, SCHEMA)
        assert record["removed"], "audit asked for, removals expected"


def test_jsonl_to_stdout_gives_one_line_per_input():
    result = run("clean", str(KI_SEED.parent), "--format", "jsonl", "-o", "-", "-q")
    lines = result.stdout.splitlines()
    assert len(lines) == len(SEED_FILES)
    assert [json.loads(line)["source"] for line in lines] == [seed.name for seed in SEED_FILES]


def test_stdin_to_stdout_as_text():
    result = run("clean", "-", "--format", "txt", "-q", input=MT_SEED.read_bytes())
    assert result.exit_code == 0
    title = "Kremlin Denies Reports of Putin-Trump Phone Call Over Ukraine"
    assert result.stdout.startswith(f"{title}\n\nThe Kremlin on Monday denied reports")
    assert "A Message from The Moscow Times" not in result.stdout


def test_markdown_has_front_matter_and_body(tmp_path):
    result = run("clean", str(MT_SEED), "-o", str(tmp_path), "--format", "md")
    assert result.exit_code == 0
    text = (tmp_path / f"{MT_SEED.stem}.md").read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    assert front.startswith('---\ntitle: "Kremlin Denies Reports of Putin-Trump Phone Call Over Ukraine"')
    assert 'tags: ["Trump", "Putin", "Ukraine war"]' in front
    assert body.strip().startswith("The Kremlin on Monday denied reports")


def test_colliding_outputs_are_both_kept_and_reported(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(KI_SEED, source / "page.txt")
    shutil.copy(MT_SEED, source / "page.text")
    out = tmp_path / "out"
    result = run("clean", str(source), "-o", str(out))
    assert result.exit_code == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == ["page.text.json", "page.txt.json"]
    assert json.loads((out / "page.text.json").read_text(encoding="utf-8"))["site"] == "moscow_times"
    assert "kept apart (same output name)" in result.output


def test_bad_inputs_are_named_and_the_rest_is_written(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(KI_SEED, source / "good.txt")
    (source / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (source / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    result = run("clean", str(source), str(tmp_path / "missing.txt"), "-o", str(out), "--report", str(report))
    assert result.exit_code == 1
    assert (out / "good.json").is_file()
    assert not (out / "image.json").exists()
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["documents"] == 4 and data["succeeded"] == 1 and data["failed"] == 3
    reasons = {failure["input"].rsplit("/", 1)[-1]: failure["reason"] for failure in data["failures"]}
    assert "binary" in reasons["image.png"]
    assert reasons["empty.txt"] == "empty input"
    assert reasons["missing.txt"] == "no such file or directory"
    assert "Traceback" not in result.output


def test_unknown_site_is_a_usage_error():
    result = run("clean", str(KI_SEED), "--site", "nonexistent")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --site: no rule for site 'nonexistent' (known: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_site_and_url_options_decide_the_rule():
    forced = json.loads(run("clean", str(MT_SEED), "--site", "generic", "-q").stdout)
    assert forced["site"] == "generic" and forced["warnings"][:1] == ["generic_fallback"]
    by_url = json.loads(
        run("clean", "-", "--url", "https://www.themoscowtimes.com/2024/11/11/x-a1", "-q", input=b"Plain text.").stdout
    )
    assert by_url["site"] == "moscow_times"


def test_parallel_jobs_give_the_same_output(tmp_path):
    one = run("clean", str(KI_SEED.parent), "--format", "jsonl", "-q", "-j", "1").stdout
    two = run("clean", str(KI_SEED.parent), "--format", "jsonl", "-q", "-j", "2").stdout
    assert one == two and one


def test_a_page_that_takes_too_long_is_reported_not_waited_for(monkeypatch):
    import time

    from cleaner.engines import local as batch

    def slow_clean(*args, **kwargs):
        time.sleep(5)

    monkeypatch.setattr(batch, "clean", slow_clean)
    started = time.monotonic()
    outcome = batch.clean_source(
        batch.Source(name="slow", relative=batch.PurePosixPath("slow"), data="x"), batch.Options(timeout=0.2)
    )
    assert time.monotonic() - started < 2
    assert outcome.error == "timed out after 0.2 s"


def test_a_rule_file_may_import_a_private_helper_beside_it(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "_shared_words.py").write_text('DOMAIN = "example-news.test"\n', encoding="utf-8")
    (rules / "example_news.py").write_text(
        "from _shared_words import DOMAIN\n"
        "from cleaner.rule import Layout, SiteRule, TextRule\n"
        'RULE = SiteRule(id="example_news", name="Example News", domains=(DOMAIN,),\n'
        '                layouts=(Layout(name="v1", text=TextRule()),))\n',
        encoding="utf-8",
    )
    result = run("sites", "--rules", str(rules))
    assert "example_news" in result.output and "example-news.test" in result.output
    assert "not loaded" not in result.output


def test_the_most_specific_domain_wins():
    from cleaner.detect.site import site_from_url
    from cleaner.rule import Layout, SiteRule, TextRule
    from cleaner.rules.registry import Registry

    def rule(rule_id, domain):
        return SiteRule(id=rule_id, name=rule_id, domains=(domain,), layouts=(Layout(name="v", text=TextRule()),))

    registry = Registry()
    registry.add(rule("whole_site", "example.com"), override=False)
    registry.add(rule("news_desk", "news.example.com"), override=False)
    assert site_from_url("https://news.example.com/a", registry).id == "news_desk"
    assert site_from_url("https://www.example.com/a", registry).id == "whole_site"
    assert site_from_url("https://example.org/news.example.com", registry) is None


RAY_INSTALL = 'pip install ".[ray]"'


def test_the_ray_engine_without_ray_is_a_usage_error_naming_the_readme_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` fails as if not installed
    out = tmp_path / "out"
    result = run("clean", str(KI_SEED), "-o", str(out), "--engine", "ray")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: --engine ray needs Ray, which is not installed: {RAY_INSTALL}"
    assert not out.exists()
    assert RAY_INSTALL in (ROOT / "README.md").read_text(encoding="utf-8")
    assert RAY_INSTALL in " ".join(run("clean", "--help").output.split())
