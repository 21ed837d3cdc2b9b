"""Decoding bytes, detecting the kind of page, peeling the crawl stamp."""

import codecs
import gzip

import pytest

from cleaner import InputError, clean
from cleaner.inputs.document import detect_kind, load_document, peel_crawl_stamp
from tests.paths import SEEDS

UKRAINIAN = (
    "Президент України заявив, що переговори з партнерами тривають, і наголосив, "
    "що Київ не погодиться на жодні територіальні поступки. Він також подякував союзникам "
    "за підтримку та закликав посилити санкції проти агресора."
)
FRENCH = (
    "Le président a déclaré mercredi que les négociations continueraient à Genève, "
    "où les délégués étrangers se réuniront après la trêve de Pâques. « Nous espérons "
    "une réponse rapide », a-t-il ajouté, évoquant les élèves réfugiés."
)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (UKRAINIAN.encode("utf-8"), UKRAINIAN),
        (codecs.BOM_UTF8 + UKRAINIAN.encode("utf-8"), UKRAINIAN),
        (UKRAINIAN.encode("utf-16"), UKRAINIAN),  # with BOM
        (UKRAINIAN.encode("utf-16-le"), UKRAINIAN),  # without BOM
        (UKRAINIAN.encode("utf-16-be"), UKRAINIAN),
        (UKRAINIAN.encode("cp1251"), UKRAINIAN),
        (FRENCH.encode("latin-1"), FRENCH),
        (gzip.compress(FRENCH.encode("utf-8")), FRENCH),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1251", "latin1", "gzip"],
)
def test_bytes_decode_to_the_same_text(data, text):
    assert load_document(data).text == text


def test_crlf_and_cr_line_ends_are_normalised():
    assert load_document(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


def test_crawl_stamp_is_peeled_from_the_first_line():
    document = load_document(" date 2025-04-04 The Power Within: magazine.\n\nBody.")
    assert document.crawl_date == "2025-04-04"
    assert document.text.startswith("The Power Within: magazine.")


def test_crawl_stamp_needs_its_exact_shape():
    assert peel_crawl_stamp("date night in Kyiv was quiet")[1] is None
    assert peel_crawl_stamp("Up to date 2025-04-04 figures")[1] is None


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("  <html lang='en'><head><title>t</title></head></html>", "html"),
        ("<div><p>a</p><p>b</p><p>c</p><span>d</span><a href=x>e</a></div>", "html"),
        ("A line with a <b>bold</b> word is still a text dump.\nSecond line.", "text"),
        ((SEEDS / "000_42fd71e84bafab4e.txt").read_text(encoding="utf-8"), "text"),
    ],
)
def test_kind_detection(content, kind):
    assert detect_kind(content) == kind


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t ", b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 64, bytes(range(256)) * 8],
    ids=["empty", "blank", "binary-nul", "binary-all-bytes"],
)
def test_unreadable_input_is_a_clear_error(data):
    with pytest.raises(InputError):
        clean(data)


def test_a_crawl_stamp_reaches_the_article():
    article = clean((SEEDS / "002_b033e49237c5a107.txt").read_bytes())
    assert article.crawl_date == "2025-04-21"
    assert article.published == "2025-04-22T00:52:00+03:00"


@pytest.mark.parametrize(
    "text",
    ["plain ascii line", "  padded  ", "tab\there", "a\x1cb", "café", "cafe\u0301", "no\u00a0break", "x\u200by"],
)
def test_the_fast_path_of_normalisation_agrees_with_the_full_one(text):
    import unicodedata

    import regex

    from cleaner.extract.normalize import normalize_text

    full = regex.sub(r"[\s\u200b\u2060\ufeff]+", " ", unicodedata.normalize("NFC", text)).strip()
    assert normalize_text(text) == full
