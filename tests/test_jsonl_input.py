"""JSONL records in and out: streamed in order, ids kept, bad lines named FILE:LINE, bounded
memory with a process pool."""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import PurePosixPath

from click.testing import CliRunner

from cleaner.batch import Options, Source, clean_many
from cleaner.cli.app import main
from tests.corpus import page, records, write_jsonl


def run(*args, input=None):
    return CliRunner().invoke(main, [str(arg) for arg in args], input=input, catch_exceptions=False)


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_records_on_stdin_stream_to_stdout_in_order_with_their_ids():
    given = "".join(json.dumps(record) + "\n" for record in records(12, "html"))
    result = run("clean", "-", "--input-format", "jsonl", "--format", "jsonl", "-j", "2", input=given)
    assert result.exit_code == 0, result.stderr
    out = lines(result.stdout)
    assert [item["id"] for item in out] == [f"doc-{i}" for i in range(12)]
    assert all(item["text"] and item["url"].endswith(f"story-{i}") for i, item in enumerate(out))
    assert out[0]["crawl_date"] == "2024-05-01"
    assert list(out[0])[:2] == ["id", "source"] and "text" in out[0]


def test_a_jsonl_file_is_read_as_records_by_its_name_gzipped_too(tmp_path):
    plain = write_jsonl(tmp_path / "crawl.jsonl", 3)
    packed = tmp_path / "more.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    result = run("clean", plain, packed, "--format", "jsonl", "-q")
    assert result.exit_code == 0, result.stderr
    assert [item["id"] for item in lines(result.stdout)] == ["doc-0", "doc-1", "doc-2"] * 2
    assert lines(result.stdout)[0]["source"] == "crawl/1"


def test_bad_lines_are_failures_named_by_file_and_line_and_the_run_goes_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "a", "text": page(1)})
    path.write_text(f'{good}\nnot json\n\n[1, 2]\n{{"id": "b"}}\n{good.replace("a", "c", 1)}\n', encoding="utf-8")
    report = tmp_path / "report.json"
    result = run("clean", path, "--format", "jsonl", "--report", report)
    assert result.exit_code == 1
    assert [item["id"] for item in lines(result.stdout)] == ["a", "c"]
    failures = json.loads(report.read_text(encoding="utf-8"))["failures"]
    assert [(f["input"], f["reason"].split(":")[0]) for f in failures] == [
        (f"{path}:2", "not JSON"),
        (f"{path}:4", "a record must be a JSON object, not list"),
        (f"{path}:5", "the record has no content field (html, text, content)"),
    ]
    assert f"failed: {path}:2: not JSON" in result.stderr


def test_field_names_are_options(tmp_path):
    path = tmp_path / "custom.jsonl"
    record = {"doc": 7, "link": "https://news.example.org/x", "body": page(3, "html"), "seen": "2020-01-02"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    args = ["--id-field", "doc", "--url-field", "link", "--content-field", "raw,body", "--crawl-date-field", "seen"]
    result = run("clean", path, "--format", "jsonl", "-q", *args)
    assert result.exit_code == 0, result.stderr
    (item,) = lines(result.stdout)
    assert (item["id"], item["url"], item["crawl_date"]) == ("7", "https://news.example.org/x", "2020-01-02")
    assert "no. 3" in item["title"]


def test_records_into_a_directory_go_under_the_file_name_by_line(tmp_path):
    write_jsonl(tmp_path / "crawl.jsonl", 2)
    out = tmp_path / "out"
    assert run("clean", tmp_path / "crawl.jsonl", "-o", out, "-q").exit_code == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == ["crawl/1.json", "crawl/2.json"]
    assert json.loads((out / "crawl" / "2.json").read_text(encoding="utf-8"))["id"] == "doc-1"


def test_a_process_pool_reads_its_input_a_few_chunks_ahead_only():
    pulled = 0

    def sources():
        nonlocal pulled
        for index in range(100_000):
            pulled += 1
            yield Source(name=str(index), relative=PurePosixPath(str(index)), error="skip")

    outcomes = clean_many(sources(), Options(), jobs=2)
    first = list(islice(outcomes, 5))
    outcomes.close()
    assert [outcome.source.name for outcome in first] == ["0", "1", "2", "3", "4"]
    assert pulled < 200


def test_a_records_url_decides_its_site_as_url_does_for_a_page(tmp_path):
    path = tmp_path / "sites.jsonl"
    ours = {"id": "a", "url": "https://www.themoscowtimes.com/2024/05/01/story-a1", "html": page(1, "html")}
    other = {"id": "b", "url": "https://news.example.org/story-2", "html": page(2, "html")}
    path.write_text(json.dumps(ours) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    result = run("clean", path, "--format", "jsonl", "-q")
    assert [item["site"] for item in lines(result.stdout)] == ["moscow_times", "generic"]


def test_how_an_input_is_read_goes_by_its_name_unless_told():
    from cleaner.inputs.stream import container_format

    assert [container_format(name, "auto") for name in ("a.jsonl", "a.NDJSON.gz", "a.warc.gz", "a.html", "a.json")] == [
        "jsonl",
        "jsonl",
        "warc",
        "page",
        "page",
    ]
    assert container_format("a.jsonl", "page") == "page" and container_format("a.txt", "jsonl") == "jsonl"
