"""Plain string tests that stand in for a pattern on a hot path agree with the pattern."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.extract.blocks import _LIST_ITEM, _may_be_list_item
from cleaner.extract.text import ends_sentence
from cleaner.rules import patterns

_SENTENCE_END = r".*[.!?…][\"”’»')\]]*"
# The characters either pattern turns on, a few others, and line breaks.
_ALPHABET = st.sampled_from(list(".!?…\"”’»')]([ ab1٣•●▪◦·*-–—\n\r\t\u2028\u00a0"))


@given(st.text(_ALPHABET, max_size=8) | st.text(max_size=8))
def test_ends_sentence_is_the_pattern(text: str) -> None:
    assert ends_sentence(text) == (patterns.fullmatch(_SENTENCE_END, text) is not None)


def test_ends_sentence_examples() -> None:
    assert ends_sentence("It rained.") and ends_sentence("He asked: “Why?”") and ends_sentence("…")
    assert not ends_sentence("A headline") and not ends_sentence("It rained.\nThen") and not ends_sentence("")
    assert not ends_sentence("(a.) b")


@given(st.text(_ALPHABET, max_size=8) | st.text(max_size=8))
def test_a_list_item_is_never_ruled_out(text: str) -> None:
    if patterns.fullmatch(_LIST_ITEM, text) is not None:
        assert _may_be_list_item(text)


def test_every_character_a_list_item_may_start_with_passes() -> None:
    for code in range(0x110000):
        char = chr(code)
        if patterns.fullmatch(_LIST_ITEM, char + " x") or patterns.fullmatch(_LIST_ITEM, char + ". x"):
            assert _may_be_list_item(char + " x"), hex(code)
    assert not _may_be_list_item("A plain line") and not _may_be_list_item("")
