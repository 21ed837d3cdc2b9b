"""Pages that arrive as records: id, url, content field and capture date carry into the Article."""

import pytest

from cleaner import InputError
from cleaner.batch import Options, RecordFields, clean_many, record_source

PAGE = (
    "<html><head><title>Harbour Reopens</title></head><body><article><h1>Harbour Reopens</h1>"
    "<p>The harbour at Nova Bay reopened on Tuesday after a three-week closure for dredging work.</p>"
    "<p>Fishing crews said the first boats went out before dawn and returned with a full catch.</p>"
    "</article></body></html>"
)


def test_a_record_keeps_its_id_url_and_capture_date():
    record = {"id": "rec-7", "url": "https://example.org/harbour", "html": PAGE, "crawl_date": "2021-03-04T12:30:00Z"}
    (outcome,) = clean_many([record_source(record)], Options())
    assert outcome.ok, outcome.error
    assert outcome.article["id"] == "rec-7"
    assert outcome.article["url"] == "https://example.org/harbour"
    assert outcome.article["crawl_date"] == "2021-03-04"
    assert "three-week closure" in outcome.article["text"]


def test_field_names_can_be_changed():
    record = {"doc": 12, "body": PAGE, "link": "https://example.org/h"}
    source = record_source(record, fields=RecordFields(id="doc", url="link", content=("body",)))
    assert (source.id, source.url, source.data) == ("12", "https://example.org/h", PAGE)


def test_a_record_without_id_is_named_by_its_position():
    source = record_source({"text": "Some words."}, index=41)
    assert source.id is None and source.name == "41"


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"id": "a"}, "no content field"),
        ({"id": "a", "html": 5}, "not text"),
        (["not", "an", "object"], "JSON object"),
        ({"id": "a", "text": "x", "crawl_date": "last tuesday"}, "not an ISO 8601 date"),
    ],
)
def test_a_bad_record_is_refused_with_its_reason(record, reason):
    with pytest.raises(InputError, match=reason):
        record_source(record)


def test_a_file_input_is_identified_by_its_path(tmp_path):
    from cleaner import clean

    assert clean(PAGE, source="world/harbour.html").id == "world/harbour.html"
    assert clean(PAGE).id is None
