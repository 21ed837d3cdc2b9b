"""Cleaning on Ray Data gives the same outputs as cleaning locally (slow: starts a Ray runtime)."""

import json
import re
from pathlib import PurePosixPath

import pytest
from click.testing import CliRunner

from cleaner.batch import Options, Source, clean_many, discover, record_source
from cleaner.cli.app import main
from cleaner.outputs.article import Article
from tests.paths import ROOT, SEEDS

pytestmark = pytest.mark.slow

PAGE = (
    "<html><head><title>Harbour Reopens</title></head><body><article><h1>Harbour Reopens</h1>"
    "<p>The harbour at Nova Bay reopened on Tuesday after a three-week closure for dredging work.</p>"
    "<p>Fishing crews said the first boats went out before dawn and returned with a full catch.</p>"
    "</article></body></html>"
)
RECORDS = [
    {"id": "rec-1", "url": "https://example.org/harbour", "html": PAGE, "crawl_date": "2021-03-04T12:30:00Z"},
    {"id": "rec-2", "text": "Harbour Reopens\n\nThe harbour at Nova Bay reopened on Tuesday after a long closure.\n"},
    {"id": "rec-3", "url": "https://example.org/empty"},  # no content field: a bad record
    {"url": "https://example.org/no-id", "html": PAGE, "crawl_date": "2021-03-05"},
]
IDS = ["rec-1", "rec-2", "rec-3", "https://example.org/no-id"]


@pytest.fixture(scope="module")
def ray():
    ray = pytest.importorskip("ray", reason="CI installs cleaner[ray] for the slow tests")
    pytest.importorskip("ray.data", reason="CI installs cleaner[ray] for the slow tests")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()


def test_the_ray_engine_writes_what_the_local_engine_writes(ray, tmp_path):
    runner = CliRunner()
    local = runner.invoke(main, ["clean", str(SEEDS), "--format", "jsonl", "-q"])
    distributed = runner.invoke(main, ["clean", str(SEEDS), "--format", "jsonl", "-q", "--engine", "ray"])
    assert distributed.exit_code == 0, distributed.output
    assert distributed.stdout == local.stdout
    assert len(distributed.stdout.splitlines()) == 5

    runner.invoke(main, ["clean", str(SEEDS), "-o", str(tmp_path / "local")])
    runner.invoke(main, ["clean", str(SEEDS), "-o", str(tmp_path / "ray"), "--engine", "ray"])
    written = sorted(path.name for path in (tmp_path / "ray").iterdir())
    assert written == sorted(path.name for path in (tmp_path / "local").iterdir())
    for name in written:
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_clean_on_ray_gives_the_local_outcomes_in_order_over_many_chunks(ray, tmp_path):
    from cleaner.engines.ray import clean_on_ray

    files, _, _ = discover([str(SEEDS)])
    records = [
        record_source(record, index) for index, record in enumerate(RECORDS) if "html" in record or "text" in record
    ]
    in_memory = [
        Source(name="bytes", relative=PurePosixPath("bytes"), data=PAGE.encode("utf-8"), url="https://example.org/b"),
        Source(name="binary", relative=PurePosixPath("binary"), data=b"\x00\x01\x02" * 50),
        Source(name="missing", relative=PurePosixPath("missing"), path=str(tmp_path / "gone.html")),
        Source(name="pages.jsonl:3", relative=PurePosixPath("pages/3"), error="line 3 is not JSON"),
    ]
    sources = [*files, *records, *in_memory]
    expected = list(clean_many(sources, Options(audit=True)))
    got = list(clean_on_ray(sources, Options(audit=True), chunk_size=4, batch_size=2))
    assert [outcome.source for outcome in got] == sources
    assert [(o.article, o.error) for o in got] == [(o.article, o.error) for o in expected]
    assert [o.ok for o in got[-4:]] == [True, False, False, False]
    assert got[-1].error == "line 3 is not JSON"


def test_map_batches_cleans_records_in_any_batch_format(ray, tmp_path):
    from cleaner.engines.ray import article_schema, clean_batch

    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in RECORDS), encoding="utf-8")
    dataset = ray.data.read_json(str(path))
    for batch_format in ("numpy", "pandas", "pyarrow"):
        rows = dataset.map_batches(clean_batch, batch_format=batch_format, batch_size=2).take_all()
        rows.sort(key=lambda row: IDS.index(row["id"]))
        assert list(rows[0]) == article_schema().names, batch_format
        assert [row["id"] for row in rows] == IDS
        first, second, bad, no_id = rows
        assert first["error"] is None and first["title"] == "Harbour Reopens"
        assert first["crawl_date"] == "2021-03-04" and first["url"] == "https://example.org/harbour"
        assert first["blocks"][-1] == {"type": "paragraph", "text": first["text"].split("\n\n")[-1]}
        assert first["authors"] == [] and "three-week closure" in first["text"]
        assert second["error"] is None and "long closure" in second["text"]
        assert bad["error"] == "the record has no content field (html, text, content)"
        assert bad["url"] == "https://example.org/empty" and bad["text"] is None and bad["warnings"] is None
        assert no_id["crawl_date"] == "2021-03-05" and no_id["error"] is None
        local = next(clean_many([record_source(RECORDS[0])], Options())).article
        assert {name: first[name] for name in local} == local


def test_the_callable_class_runs_as_a_ray_actor(ray, tmp_path):
    from cleaner.engines.ray import CleanBatch

    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in RECORDS * 3), encoding="utf-8")
    ds = ray.data.read_json(str(path))
    ds = ds.map_batches(CleanBatch, fn_constructor_kwargs={"options": Options(audit=True)}, concurrency=1)
    rows = ds.filter(lambda row: row["error"] is None).take_all()
    assert len(rows) == 9
    assert all(isinstance(row["removed"], list) for row in rows)


def test_the_article_columns_are_the_article_fields():
    pytest.importorskip("pyarrow")
    from cleaner.engines.ray import article_schema

    fields = list(Article(site="generic").to_dict(audit=True))
    assert article_schema(audit=True).names == [*fields, "error"]
    assert article_schema().names == [*(name for name in fields if name != "removed"), "error"]


def test_the_readme_example_runs_as_written(ray, tmp_path):
    import pyarrow.parquet as pq

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = [block for block in re.findall(r"```python\n(.+?)```", readme, re.S) if "map_batches" in block]
    # Ray's workers started in the test's directory, not in tmp_path: the paths are made absolute.
    example = example.replace('"records.jsonl"', repr(str(tmp_path / "records.jsonl")))
    example = example.replace('"clean/"', repr(str(tmp_path / "clean")))
    (tmp_path / "records.jsonl").write_text("".join(json.dumps(record) + "\n" for record in RECORDS), encoding="utf-8")
    exec(example, {})
    table = pq.read_table(tmp_path / "clean")
    assert sorted(table.column("id").to_pylist()) == ["https://example.org/no-id", "rec-1", "rec-2"]
    assert table.column("error").null_count == 3
