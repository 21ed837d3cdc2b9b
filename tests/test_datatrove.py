"""The datatrove step cleans Documents in a real datatrove pipeline (slow: runs the local executor)."""

import gzip
import json
import re

import pytest

from cleaner.batch import Options, clean_many, discover, record_source
from tests.paths import ROOT, SEEDS

pytestmark = pytest.mark.slow

PARAGRAPHS = (
    "The harbour at Nova Bay reopened on Tuesday after a three-week closure for dredging work.",
    "Fishing crews said the first boats went out before dawn and returned with a full catch.",
    "The port authority expects the new channel depth to admit larger ferries by the spring.",
)
PAGE = (
    "<html><head><title>Harbour Reopens</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    "<article><h1>Harbour Reopens</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    "<footer>Subscribe to our newsletter for the morning briefing.</footer></body></html>"
)
RECORDS = [
    {"id": "page-1", "text": PAGE, "url": "https://example.org/world/harbour", "date": "2021-03-04T12:30:00Z"},
    {"id": "page-2", "text": " \n \n", "url": "https://example.org/blank"},  # empty input: cleaning fails
    {"id": "page-3", "text": "<html><body><nav>Home</nav></body></html>", "url": "https://example.org/nav"},
    {"id": "page-4", "text": PAGE.replace("Nova Bay", "Port Linden"), "url": "https://example.org/world/linden"},
]


METADATA = ("site", "layout", "title", "subtitle", "authors", "published", "updated", "crawl_date", "tags", "warnings")


def _run(tmp_path, records=RECORDS, tasks=1, workers=1, **step_options):
    pytest.importorskip("datatrove", reason="CI installs cleaner[datatrove] for the slow tests")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.engines.datatrove import CleanerExtractor

    source = tmp_path / "in"
    source.mkdir(exist_ok=True)
    for task in range(tasks):  # one input file per task
        lines = "".join(json.dumps(record) + "\n" for record in records[task::tasks])
        (source / f"pages-{task}.jsonl").write_text(lines, encoding="utf-8")
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(source)), CleanerExtractor(**step_options), JsonlWriter(str(out), compression=None)],
        tasks=tasks,
        workers=workers,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    written = [json.loads(line) for path in sorted(out.glob("*.jsonl")) for line in path.read_text().splitlines()]
    (step_stats,) = [
        step for step in json.loads((tmp_path / "logs" / "stats.json").read_text()) if "cleaner" in step["name"]
    ]
    counts = {name: value["total"] if isinstance(value, dict) else value for name, value in step_stats["stats"].items()}
    return written, counts


def test_the_step_replaces_text_with_the_article_and_keeps_its_metadata(tmp_path):
    written, counts = _run(tmp_path)
    assert [doc["id"] for doc in written] == ["page-1", "page-4"]
    first = written[0]
    expected = next(clean_many([record_source({**RECORDS[0], "crawl_date": RECORDS[0]["date"]})], Options())).article
    assert first["text"] == expected["text"]
    assert first["text"].endswith("\n\n".join(PARAGRAPHS)) and "newsletter" not in first["text"]
    metadata = first["metadata"]
    assert metadata["url"] == "https://example.org/world/harbour"
    assert metadata["title"] == "Harbour Reopens" and metadata["site"] == "generic"
    assert metadata["crawl_date"] == "2021-03-04"
    assert metadata["warnings"] == expected["warnings"]
    assert {name: metadata[name] for name in ("authors", "tags", "published", "language")} == {
        name: expected[name] for name in ("authors", "tags", "published", "language")
    }
    assert "blocks" not in metadata and "cleaner_error" not in metadata
    assert counts["total"] == 4 and counts["forwarded"] == 2 and counts["dropped"] == 2
    assert counts["clean_error"] == 1 and counts["no_article"] == 1


def test_failed_documents_can_be_kept_with_the_reason(tmp_path):
    written, _ = _run(tmp_path, keep_failed=True, keep_blocks=True)
    by_id = {doc["id"]: doc for doc in written}
    assert list(by_id) == ["page-1", "page-2", "page-3", "page-4"]
    assert by_id["page-2"]["text"] == RECORDS[1]["text"] and by_id["page-2"]["metadata"]["cleaner_error"]
    assert by_id["page-3"]["text"] == RECORDS[2]["text"]
    assert "no_article" in by_id["page-3"]["metadata"]["warnings"]
    assert by_id["page-1"]["metadata"]["blocks"][-1] == {"type": "paragraph", "text": PARAGRAPHS[-1]}


def test_the_seed_pages_come_out_as_the_local_engine_cleans_them(tmp_path):
    files = sorted(SEEDS.iterdir())
    records = [{"id": path.name, "text": path.read_text(encoding="utf-8")} for path in files]
    written, counts = _run(tmp_path, records=records, tasks=2, workers=2)
    local = {
        outcome.source.relative.name: outcome.article for outcome in clean_many(discover([str(SEEDS)])[0], Options())
    }
    assert sorted(doc["id"] for doc in written) == sorted(local)
    for doc in written:
        article = local[doc["id"]]
        assert doc["text"] == article["text"]
        assert {name: doc["metadata"][name] for name in METADATA} == {name: article[name] for name in METADATA}
    assert counts["forwarded"] == len(files)


def test_the_documented_pipeline_runs_as_written(tmp_path, monkeypatch):
    pytest.importorskip("datatrove", reason="CI installs cleaner[datatrove] for the slow tests")
    docs = (ROOT / "docs" / "pipelines.md").read_text(encoding="utf-8")
    (example,) = [block for block in re.findall(r"```python\n(.+?)```", docs, re.S) if "LocalPipelineExecutor" in block]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    exec(example, {})
    paths = sorted((tmp_path / "clean").glob("*.jsonl.gz"))
    written = [json.loads(line) for path in paths for line in gzip.decompress(path.read_bytes()).splitlines()]
    assert sorted(doc["id"] for doc in written) == ["page-1", "page-4"]
