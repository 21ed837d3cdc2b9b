"""A fourth site, added by following docs/adding-a-site.md literally in a temporary
directory: its files are written and its commands run in order. Nothing under cleaner/
or site_rules/ changes."""

import glob
import hashlib
import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli.app import main
from cleaner.engines import local as batch
from cleaner.rules.registry import ENV_VAR
from tests.paths import ROOT

DOC = ROOT / "docs" / "adding-a-site.md"
_BLOCK = re.compile(r"^```(\w+)(?: file=(\S+))?\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def steps(doc: str):
    """("file", path, text) and ("run", argv) in document order."""
    for language, path, body in _BLOCK.findall(doc):
        if path:
            yield "file", path, body
        elif language == "sh":
            for line in body.splitlines():
                if line.startswith(("cleaner ", "rm ")):
                    yield "run", shlex.split(line)


def package_state() -> dict[str, str]:
    files = [*ROOT.glob("cleaner/**/*"), *ROOT.glob("site_rules/**/*")]
    return {
        str(path.relative_to(ROOT)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in files
        if path.is_file() and "__pycache__" not in path.parts
    }


def run(argv: list[str]):
    if argv[0] == "rm":
        for pattern in argv[1:]:
            for path in glob.glob(pattern):
                Path(path).unlink()
        return None
    args = argv[1:]
    if args[0] == "explain" and "explain" not in main.commands:
        args = ["clean", "--audit", *args[1:]]
    batch._REGISTRIES.clear()  # each command of the walk-through is a fresh process
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(batch, "_REGISTRIES", {})
    return tmp_path


def test_the_walk_through_adds_a_site_without_touching_the_package(workdir):
    before = package_state()
    results = []
    for step in steps(DOC.read_text(encoding="utf-8")):
        if step[0] == "file":
            path = workdir / step[1]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(step[2], encoding="utf-8")
        else:
            results.append((step[1], run(step[1])))

    commands = [" ".join(argv[:2]) for argv, _ in results]
    assert commands[0] == "cleaner new-site"
    assert commands.count("cleaner explain") == 2 and commands.count("cleaner check") == 2
    by_command = {}
    for argv, result in results:
        if result is not None:
            assert result.exit_code == 0, f"{shlex.join(argv)}\n{result.output}"
            by_command.setdefault(argv[1], []).append(result)

    first_look, second_look = (result.stdout for result in by_command["explain"])
    if "explain" not in main.commands:  # ran as `clean --audit`
        first_look, second_look = json.loads(first_look), json.loads(second_look)
        assert first_look["site"] == "generic"  # before the rule is filled in
        assert "generic_fallback" in first_look["warnings"]
        assert second_look["site"] == "harbour_gazette" and second_look["warnings"] == []
        removed_by = {removal["rule"] for removal in second_look["removed"]}
        assert {"masthead", "menu", "promo", "meta.title", "meta.byline", "tail:newsletter"} <= removed_by
    else:
        assert "site: generic" in first_look and "generic_fallback" in first_look
        assert "site: harbour_gazette" in second_look and "warnings: none" in second_look
        assert re.search(r"DROP promo +Subscribe to the Gazette from", second_look)
        assert re.search(r"KEEP paragraph +\"Subscribe to the Gazette\" was the slogan", second_look)

    final_check = by_command["check"][-1].output.splitlines()
    assert final_check[1].split()[:3] == ["harbour_gazette", "pass", "2/2"]

    article = json.loads(by_command["clean"][-1].stdout)
    assert (article["site"], article["layout"]) == ("harbour_gazette", "current")
    assert article["published"] == "2024-06-12T18:05:00+01:00"
    assert "Subscribe to the Gazette from" not in article["text"]
    assert article["text"].endswith("was the slogan of the paper's own campaign for a sea wall in 1952.")

    assert sorted(path.name for path in (workdir / "my_rules" / "fixtures" / "harbour_gazette").iterdir()) == [
        "flood-barrier-page.expected.json",
        "flood-barrier-page.html",
        "flood-barrier.expected.json",
        "flood-barrier.txt",
    ]
    assert package_state() == before


def test_the_rule_directory_also_works_from_the_environment(workdir, monkeypatch):
    for step in steps(DOC.read_text(encoding="utf-8")):
        if step[0] == "file":
            path = workdir / step[1]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(step[2], encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(workdir / "my_rules"))
    page = workdir / "my_rules" / "fixtures" / "harbour_gazette" / "flood-barrier.txt"
    result = CliRunner().invoke(main, ["clean", str(page)], catch_exceptions=False)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["site"] == "harbour_gazette"
