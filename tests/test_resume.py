"""Stopping and resuming a run: Ctrl-C / SIGTERM exit 130 with valid outputs and a report, and
the same command again does only what is missing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli.app import main
from tests.corpus import write_files, write_jsonl
from tests.paths import ROOT


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def report_of(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def outputs(out: Path) -> dict[str, float]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.json")}


def test_a_directory_run_again_cleans_only_new_or_changed_inputs(tmp_path):
    pages = tmp_path / "pages"
    paths = write_files(pages, 5)
    out, report = tmp_path / "out", tmp_path / "report.json"
    assert run("clean", pages, "-o", out, "-q").exit_code == 0
    before = outputs(out)
    assert len(before) == 5

    again = run("clean", pages, "-o", out, "--report", report)
    assert again.exit_code == 0
    assert (report_of(report)["documents"], report_of(report)["already_done"]) == (0, 5)
    assert "already done: 5" in again.stderr
    assert outputs(out) == before

    changed = paths[2]
    later = before["000/page000002.json"] / 1e9 + 10
    os.utime(changed, (later, later))
    assert run("clean", pages, "-o", out, "--report", report, "-q").exit_code == 0
    assert (report_of(report)["documents"], report_of(report)["already_done"]) == (1, 4)

    assert run("clean", pages, "-o", out, "--report", report, "-q", "--force").exit_code == 0
    assert (report_of(report)["documents"], report_of(report)["already_done"]) == (5, 0)


def test_a_jsonl_output_gets_the_missing_records_appended_and_a_cut_line_dropped(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", 3)
    out, report = tmp_path / "out.jsonl", tmp_path / "report.json"
    assert run("clean", source, "--format", "jsonl", "-o", out, "-q").exit_code == 0
    with out.open("a", encoding="utf-8") as stream:
        stream.write('{"id": "doc-3", "text": "a line cut sho')  # as a killed run leaves it
    write_jsonl(source, 5)

    assert run("clean", source, "--format", "jsonl", "-o", out, "--report", report, "-q").exit_code == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"doc-{i}" for i in range(5)]
    assert (report_of(report)["documents"], report_of(report)["already_done"]) == (2, 3)

    assert run("clean", source, "--format", "jsonl", "-o", out, "-q", "--force").exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


def test_records_into_a_directory_are_done_when_their_output_is_newer_than_their_file(tmp_path):
    source = write_jsonl(tmp_path / "crawl.jsonl", 3)
    out, report = tmp_path / "out", tmp_path / "report.json"
    assert run("clean", source, "-o", out, "-q").exit_code == 0
    assert run("clean", source, "-o", out, "--report", report, "-q").exit_code == 0
    assert (report_of(report)["documents"], report_of(report)["already_done"]) == (0, 3)
    write_jsonl(source, 4)
    later = (out / "crawl" / "1.json").stat().st_mtime + 10
    os.utime(source, (later, later))  # the file changed after the outputs were written
    assert run("clean", source, "-o", out, "--report", report, "-q").exit_code == 0
    assert (report_of(report)["documents"], report_of(report)["already_done"]) == (4, 0)


# A real run in its own process, each page made slow enough to stop it half-way.
SLOW_CLEANER = """
import sys, time
import cleaner.engines.local as local
clean = local._clean_source
def slow(source, options):
    time.sleep(float(sys.argv[1]))
    return clean(source, options)
local._clean_source = slow
from cleaner.cli.app import main
main(sys.argv[2:], prog_name="cleaner")
"""


def start(args: list, delay: float) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", SLOW_CLEANER, str(delay), *map(str, args)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)


def wait_until(done, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "the run did not get that far"
        time.sleep(0.01)


def stopped_then_resumed(tmp_path, *, count, delay, signum, jobs, fmt):
    pages = tmp_path / "pages"
    write_files(pages, count)
    out = tmp_path / ("out.jsonl" if fmt == "jsonl" else "out")
    report = tmp_path / "report.json"
    args = ["clean", pages, "-o", out, "--format", fmt, "-j", jobs, "--report", report]

    def written() -> int:
        if fmt == "jsonl":
            return out.read_bytes().count(b"\n") if out.exists() else 0
        return len(list(out.rglob("*.json"))) if out.exists() else 0

    process = start(args, delay)
    wait_until(lambda: written() >= count // 3)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    first = report_of(report)
    assert first["interrupted"] is True and "Traceback" not in stderr
    assert 0 < first["documents"] < count and first["failed"] == 0
    if fmt == "jsonl":
        data = out.read_bytes()
        assert data.endswith(b"\n")
        done_ids = [json.loads(line)["id"] for line in data.splitlines()]
        assert len(done_ids) == first["documents"]
    else:
        assert len(outputs(out)) == first["documents"]
        for path in out.rglob("*.json"):
            json.loads(path.read_text(encoding="utf-8"))
        before = outputs(out)

    process = start(args, 0)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    second = report_of(report)
    assert second["already_done"] == first["documents"]
    assert second["documents"] == count - first["documents"] and second["interrupted"] is False
    expected = {f"{i // 1000:03d}/page{i:06d}.txt" for i in range(count)}
    if fmt == "jsonl":
        ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
        assert ids[: len(done_ids)] == done_ids  # the first run's lines untouched
        assert sorted(ids) == sorted(expected) and len(ids) == count
    else:
        after = outputs(out)
        assert {name.replace(".json", ".txt") for name in after} == expected
        assert {name: after[name] for name in before} == before  # nothing redone


def test_ctrl_c_stops_a_run_that_the_same_command_then_completes(tmp_path):
    stopped_then_resumed(tmp_path, count=40, delay=0.03, signum=signal.SIGINT, jobs=1, fmt="json")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize(("signum", "jobs"), [(signal.SIGINT, 1), (signal.SIGTERM, 2)])
def test_a_run_of_hundreds_of_pages_stopped_half_way_completes(tmp_path, fmt, signum, jobs):
    stopped_then_resumed(tmp_path, count=300, delay=0.01, signum=signum, jobs=jobs, fmt=fmt)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from /proc")
def test_a_second_ctrl_c_abandons_the_pages_in_progress(tmp_path):
    pages = tmp_path / "pages"
    write_files(pages, 40)
    out, report = tmp_path / "out.jsonl", tmp_path / "report.json"
    # Each worker takes 8 pages of 2 s each: finishing them would take 16 s.
    process = start(["clean", pages, "-o", out, "--format", "jsonl", "-j", 2, "--report", report], 2.0)
    wait_until(lambda: len(children(process.pid)) == 2)  # the workers are up: the pages are in progress
    process.send_signal(signal.SIGINT)
    time.sleep(0.3)
    second = time.monotonic()
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in stderr
    assert time.monotonic() - second < 10
    assert report_of(report)["interrupted"] is True
    assert out.read_bytes() in (b"",) or out.read_bytes().endswith(b"\n")


def children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
