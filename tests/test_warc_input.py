"""WARC input: each HTML response (HTTP 200) is a page; the other records are counted."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cleaner.cli.app import main
from tests.corpus import write_warc


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def test_html_responses_are_pages_with_uri_date_and_record_id(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", 12, extra=True)
    report = tmp_path / "report.json"
    result = run("clean", path, "--format", "jsonl", "--report", report)
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [item["url"] for item in out] == [f"https://news.example.org/story-{i}" for i in range(12)]
    assert all(item["id"].startswith("<urn:uuid:") for item in out)
    assert len({item["id"] for item in out}) == 12
    assert out[0]["crawl_date"] == "2024-05-01" and "no. 0" in out[0]["title"]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["documents"] == 12
    # 12 requests; pages 0 and 10 are each followed by a 404 and an image
    assert data["skipped_records"] == {"not_response": 12, "not_200": 2, "not_html": 2}
    assert "not HTML pages, skipped: not_200 2, not_html 2, not_response 12" in result.stderr


def test_an_uncompressed_warc_reads_the_same(tmp_path):
    path = write_warc(tmp_path / "crawl.warc", 3)
    result = run("clean", path, "--format", "jsonl", "-q")
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_a_file_that_is_not_a_warc_is_one_failure(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_text("this is not a web archive\n", encoding="utf-8")
    result = run("clean", path, "--format", "jsonl")
    assert result.exit_code == 1
    assert f"failed: {path}: not a WARC file" in result.stderr
    assert "Traceback" not in result.output
