"""Pages saved in legacy single-byte encodings decode to the text of their UTF-8 originals,
English and Cyrillic alike; an uncertain choice says so."""

from __future__ import annotations

import json

import pytest

from cleaner import clean
from cleaner.inputs.decoding import decode_bytes_checked
from cleaner.inputs.document import load_document
from tests.paths import SEED_FILES

ENCODINGS = ("windows-1251", "windows-1252", "iso-8859-1", "iso-8859-2", "iso-8859-5", "iso-8859-15", "koi8-r")
# Signs some of these encodings lack, as a page converted to them would print them.
FALLBACKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "…": "...", "«": '"', "»": '"'})


def encodable(text: str, encoding: str) -> str:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return text.translate(FALLBACKS)
    return text


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.stem[:3])
def test_every_seed_in_every_legacy_encoding_reads_as_its_original(seed, encoding):
    original = encodable(seed.read_text(encoding="utf-8"), encoding)
    data = original.encode(encoding)
    text, _, guessed = decode_bytes_checked(data)
    assert text == original
    assert not guessed
    from_legacy = clean(data).to_dict()
    from_utf8 = clean(original.encode("utf-8")).to_dict()
    assert from_legacy == from_utf8
    assert "encoding_guessed" not in from_legacy["warnings"]


# Invented Cyrillic news text (Ukrainian and Russian), with the signs news sites print.
UKRAINIAN = (
    "Президент України заявив, що переговори з партнерами тривають, і наголосив, що Київ не "
    "погодиться на жодні територіальні поступки. Він також подякував союзникам за підтримку "
    "та закликав посилити санкції проти агресора.\n\nУ Харківській області через обстріл "
    "знеструмлено 12 тисяч абонентів, повідомила обласна адміністрація."
)
RUSSIAN = (
    "Президент России заявил, что переговоры с партнёрами продолжаются, и подчеркнул, что "
    "Москва не пойдёт ни на какие уступки. Он также поблагодарил союзников за поддержку — "
    "«это важно», — сказал он.\n\nВ Белгородской области объявили режим ЧС из-за обстрелов."
)


@pytest.mark.parametrize("encoding", ("windows-1251", "koi8-r", "koi8-u", "iso-8859-5"))
@pytest.mark.parametrize("text", (UKRAINIAN, RUSSIAN), ids=("uk", "ru"))
def test_cyrillic_text_in_every_cyrillic_code_page_reads_as_written(text, encoding):
    original = encodable(text, encoding)
    try:
        data = original.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{encoding} has no letters for this language")
    decoded, _, guessed = decode_bytes_checked(data)
    assert decoded == original
    assert not guessed


def test_an_english_page_in_windows_1251_keeps_its_non_breaking_spaces():
    original = "Officials said on\u00a0Tuesday that the\u00a0bridge would reopen in\u00a0May, residents were told."
    document = load_document(original.encode("windows-1251"))
    assert document.text == original


def test_a_declared_charset_that_decodes_cleanly_is_used():
    page = '<html><head><meta charset="koi8-r"></head><body><p>Президент России заявил о переговорах.</p></body></html>'
    assert load_document(page.encode("koi8-r")).text == page


def test_an_ambiguous_legacy_page_is_flagged():
    data = b"The word \xc0\xcf\xc0 appears once in this otherwise plain sentence about a bridge."
    _, _, guessed = decode_bytes_checked(data)
    assert guessed
    article = clean(data)
    assert "encoding_guessed" in article.warnings
    assert json.dumps(article.to_dict())  # the output is still written
