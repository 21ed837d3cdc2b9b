"""Where `cleaner clean` writes: file modes, output targets that cannot work, outputs inside
inputs, symlinked directories."""

import json
import os
import shutil
import stat

import pytest
from click.testing import CliRunner

from cleaner.cli.app import main
from tests.paths import SEED_FILES

KI_SEED = SEED_FILES[0]


def run(*args):
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)


@pytest.fixture
def restore_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_output_files_honour_the_umask(tmp_path, restore_umask, mask, expected):
    os.umask(mask)
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    assert run("clean", KI_SEED, "-o", out, "--report", report, "-q").exit_code == 0
    assert run("clean", KI_SEED, "-o", tmp_path / "all.jsonl", "--format", "jsonl", "-q").exit_code == 0
    assert mode(out / f"{KI_SEED.stem}.json") == expected
    assert mode(report) == expected
    assert mode(tmp_path / "all.jsonl") == expected


def assert_usage_error(result, *words):
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    for word in words:
        assert word in message, message


@pytest.mark.parametrize("fmt", ["json", "txt", "md"])
def test_an_existing_file_as_output_directory_is_a_usage_error(tmp_path, fmt):
    target = tmp_path / "taken"
    target.write_text("keep me\n", encoding="utf-8")
    result = run("clean", KI_SEED.parent, "-o", target, "--format", fmt)
    assert_usage_error(result, str(target), "is a file, not a directory", "--format jsonl")
    assert target.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize(("fmt", "name"), [("json", "out"), ("jsonl", "out.jsonl")])
def test_an_output_under_a_file_is_a_usage_error(tmp_path, fmt, name):
    (tmp_path / "taken").write_text("", encoding="utf-8")
    target = tmp_path / "taken" / "deeper" / name
    result = run("clean", KI_SEED, "-o", target, "--format", fmt)
    assert_usage_error(result, str(target), f"{tmp_path / 'taken'} is a file", "-o")


def test_a_report_under_a_file_is_a_usage_error_before_any_work(tmp_path):
    (tmp_path / "taken").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    result = run("clean", KI_SEED, "-o", out, "--report", tmp_path / "taken" / "report.json")
    assert_usage_error(result, "--report", "is a file")
    assert not out.exists()


def test_a_jsonl_output_that_is_not_a_regular_file_is_a_usage_error(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run("clean", KI_SEED, "-o", fifo, "--format", "jsonl")
    assert_usage_error(result, str(fifo), "not a regular file", "-o -")


@pytest.mark.parametrize(("fmt", "name"), [("json", "out"), ("jsonl", "out.jsonl")])
def test_an_output_without_write_permission_is_a_usage_error(locked_dir, fmt, name):
    result = run("clean", KI_SEED, "-o", locked_dir / name, "--format", fmt)
    assert_usage_error(result, str(locked_dir / name), f"no permission to write in {locked_dir}")


def test_an_output_that_fails_while_writing_is_a_failed_input_not_a_traceback(tmp_path):
    source = tmp_path / "in"
    (source / "a").mkdir(parents=True)
    shutil.copy(KI_SEED, source / "a" / "page.txt")
    shutil.copy(KI_SEED, source / "other.txt")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a").write_text("", encoding="utf-8")  # where the directory a/ should go
    result = run("clean", source, "-o", out)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"failed: {source / 'a' / 'page.txt'}: cannot write {out / 'a' / 'page.json'}" in result.stderr
    assert (out / "other.json").is_file()


@pytest.fixture
def pages(tmp_path):
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    shutil.copy(KI_SEED, root / "a.txt")
    shutil.copy(KI_SEED, root / "sub" / "b.txt")
    return root


def test_an_output_directory_inside_the_input_is_skipped_and_said(pages, tmp_path):
    out = pages / "out"
    report = tmp_path / "report.json"
    first = run("clean", pages, "-o", out)
    assert first.exit_code == 0 and "2 documents" in first.stderr
    second = run("clean", pages, "-o", out, "--report", report, "-q", "--force")  # --force: clean both again
    assert second.exit_code == 0, second.output
    assert f"skipped: {out}: the output directory of this run" in second.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["a.json", "sub", "sub/b.json"]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["documents"] == 2
    assert data["skipped"] == [{"path": str(out), "reason": "the output directory of this run"}]


@pytest.mark.parametrize("option", ["-o", "--report"])
def test_an_output_file_inside_the_input_is_skipped_and_said(pages, option):
    target = pages / "run.jsonl"
    target.write_text("{}\n", encoding="utf-8")
    args = ["-o", target, "--format", "jsonl"] if option == "-o" else ["--report", target]
    result = run("clean", pages, *args)
    assert result.exit_code == 0, result.output
    assert f"skipped: {target}: the" in result.stderr
    assert "2 documents" in result.stderr


def test_the_input_directory_as_output_is_a_usage_error(pages):
    result = run("clean", pages, "-o", pages)
    assert_usage_error(result, f"output directory {pages} is the input directory", "choose an -o outside it")
    assert sorted(p.name for p in pages.iterdir()) == ["a.txt", "sub"]


def test_a_symlinked_directory_is_followed_once(pages, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(KI_SEED, elsewhere / "c.txt")
    (pages / "linked").symlink_to(elsewhere, target_is_directory=True)
    (pages / "again").symlink_to(elsewhere, target_is_directory=True)
    out = tmp_path / "out"
    result = run("clean", pages, "-o", out)
    assert result.exit_code == 0, result.output
    assert "3 documents: 3 cleaned" in result.stderr
    assert (out / "again" / "c.json").is_file()  # the first link in name order is walked
    assert not (out / "linked").exists()
    assert f"skipped: {pages / 'linked'}: leads to {pages / 'again'}, already walked" in result.stderr


def test_a_link_to_a_directory_of_the_tree_keeps_the_real_path(pages, tmp_path):
    (pages / "a_link").symlink_to(pages / "sub", target_is_directory=True)
    out = tmp_path / "out"
    result = run("clean", pages, "-o", out)
    assert result.exit_code == 0, result.output
    assert (out / "sub" / "b.json").is_file() and not (out / "a_link").exists()
    assert f"skipped: {pages / 'a_link'}: leads to {pages / 'sub'}, already walked" in result.stderr


def test_a_symlink_loop_ends_and_is_said(pages, tmp_path):
    (pages / "sub" / "loop").symlink_to(pages, target_is_directory=True)
    (pages / "sub" / "self").symlink_to(".", target_is_directory=True)
    out = tmp_path / "out"
    result = run("clean", pages, "-o", out)
    assert result.exit_code == 0, result.output
    assert "2 documents: 2 cleaned" in result.stderr
    assert f"skipped: {pages / 'sub' / 'loop'}: a symbolic-link loop back to {pages}" in result.stderr
    assert f"skipped: {pages / 'sub' / 'self'}: a symbolic-link loop back to {pages / 'sub'}" in result.stderr


def test_a_broken_symlink_is_a_named_failure(pages, tmp_path):
    (pages / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run("clean", pages, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"failed: {pages / 'gone.txt'}: cannot read" in result.stderr


def test_an_unreadable_directory_is_a_named_failure(pages, tmp_path, monkeypatch):
    real_scandir = os.scandir

    def scandir(path):
        if str(path) == str(pages / "sub"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("clean", pages, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"failed: {pages / 'sub'}: cannot read the directory: Permission denied" in result.stderr
    assert "2 documents: 1 cleaned, 1 failed" in result.stderr
