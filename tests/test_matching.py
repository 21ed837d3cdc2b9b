"""The compiled line matcher finds exactly what trying every pattern on every line finds.

A rule's patterns are read once into shapes (a known start or end, words a match needs,
line lengths) and a line is only given to the patterns whose shape admits it. These tests
hold the matcher to the naive loop — same patterns, same order, same time-outs — on
generated lines full of the patterns' own words in every case and in look-alike letters.
"""

from __future__ import annotations

import itertools
import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cleaner.extract.lines import Line, split_lines, window_text, word_count
from cleaner.extract.matching import LineMatcher, PageText
from cleaner.extract.normalize import normalize_text
from cleaner.extract.text import boilerplate_of
from cleaner.rules import patterns
from cleaner.rules.news_boilerplate import SHARED
from cleaner.rules.registry import default_registry
from cleaner.rules.schema import LinePattern
from cleaner.rules.shape import Shape, fold, shapes_of
from tests.paths import ROOT

# Patterns that exercise the analysis beyond the built-in rules: scoped flags, classes in
# the start, optional parts, look-arounds, back-references, windows, regex-only syntax.
EXTRA = (
    LinePattern(id="x.scoped", pattern=r"(?i:share)d (?-i:Now)|Ab(?i:CD)ef"),
    LinePattern(id="x.classes", pattern=r"[Bb]y:? [\p{Lu}][\p{L}'’\-]+(?: [\p{Lu}][\p{L}'’\-]+)*"),
    LinePattern(id="x.optional", pattern=r"(?:Editor['’]s note: )?(?:update|UPDATE)[sd]?:? .{2,40}"),
    LinePattern(id="x.lookahead", pattern=r"(?i)(?=.{5,60}$)(?=.*\bphoto\b).*[.)] (?:credit|source)s?: .+"),
    LinePattern(id="x.backref", pattern=r"(\p{Lu}\p{Ll}+) \1"),
    LinePattern(id="x.window", pattern=r"Avatar\n\n?(?P<name>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,3})", lines=2),
    LinePattern(id="x.card", pattern=r"[^\n]{3,60}\n[^\n]{3,200}\nRead (?:more|on)[^\n]{0,30}", lines=3),
    LinePattern(id="x.set_ops", pattern=r"[[a-z]--[aeiou]]{3,6} only"),
    LinePattern(id="x.fuzzy", pattern=r"(?:subscribe){e<=1}"),
    LinePattern(id="x.unicode", pattern=r"(?i)straße|ﬁnal ﬁle|ΣΊΣΥΦΟΣ|Читайте также"),
    LinePattern(id="x.literal", pattern=r"(?i)Most read"),
    LinePattern(id="x.ends", pattern=r".{3,80}\((?:AP|Reuters|AFP)\)"),
    LinePattern(id="x.open_end", pattern=r"(?i)[^\n]{2,60}[^.…\p{Lu}a](?<!x)"),
    LinePattern(id="x.open_card", pattern=r"[^\n]{2,60}[^.!\n]\n\n?[^\n]{2,80}[^?\s]", lines=2),
)


def builtin_items() -> list[tuple[LinePattern, ...]]:
    registry = default_registry()
    groups: list[tuple[LinePattern, ...]] = [SHARED, EXTRA]
    for rule_id in ("kyiv_independent", "euromaidan_press", "moscow_times"):
        for layout in registry.get(rule_id).layouts:
            if layout.text is not None:
                text = layout.text
                groups += [boilerplate_of(text), text.head_anchors, text.tail_anchors]
                groups.append(
                    tuple(LinePattern(id=meta.id, pattern=meta.pattern, lines=meta.lines) for meta in text.meta)
                )
    return groups


GROUPS = builtin_items()


def naive(items: tuple[LinePattern, ...], lines: list[Line], index: int) -> list[str]:
    """What trying every pattern in turn finds at line ``index``."""
    found = []
    for item in items:
        text = window_text(lines, index, item.lines)
        if text is not None and patterns.fullmatch(item.pattern, text) is not None:
            found.append(item.id + "@" + item.pattern)
    return found


def compiled(items: tuple[LinePattern, ...], page: PageText, index: int) -> list[str]:
    return [item.id + "@" + item.pattern for item in LineMatcher(items).hits(page, index)]


def assert_same_everywhere(lines: list[Line]) -> None:
    page = PageText.of(lines)
    for items in GROUPS:
        for index in range(len(lines)):
            assert compiled(items, page, index) == naive(items, lines, index), (lines[index].text, items[0].id)
        # The first match from each line on, in one call, is the first line by line.
        matcher = LineMatcher(items)
        for start in range(len(lines)):
            expected = next(
                (
                    (index, first)
                    for index in range(start, len(lines))
                    if (first := matcher.first(page, index)) is not None
                ),
                None,
            )
            assert matcher.first_from(page, start, len(lines)) == expected


# --- words the patterns are made of, in look-alike spellings -----------------------------

_LOOKALIKES = {"k": "K", "s": "ſ", "i": "İı", "fi": "ﬁ", "ss": "ß", "K": "K", "I": "ıİ"}


def _words() -> list[str]:
    words: set[str] = set()
    for items in GROUPS:
        for item in items:
            for shape in shapes_of(item.pattern, item.lines):
                for group in (shape.prefixes or (), shape.suffixes or ()):
                    words.update(group)
                for needed in (*shape.needs, *shape.exact_needs):
                    words.update(needed)
    return sorted(word for word in words if word.strip())


WORDS = _words()


@st.composite
def spelled(draw: st.DrawFn, word: str) -> str:
    """``word`` in some case, some letters swapped for letters that match them without case."""
    case = draw(st.sampled_from([str.lower, str.upper, str.title, str.capitalize, str.swapcase, str]))
    text = case(word)
    for plain, alikes in _LOOKALIKES.items():
        if plain in text and draw(st.booleans()):
            text = text.replace(plain, draw(st.sampled_from(alikes)), 1)
    return text


_FILLER = st.sampled_from(
    [
        "",
        " ",
        ": ",
        ", ",
        ". ",
        "the",
        "Kyiv",
        "2024",
        "©",
        "»",
        "’",
        "(AP)",
        "…",
        "Jane Roe",
        "said",
        "we",
        "you",
        "our journalism",
        "ß",
        "İ",
        "\u00a0",
        "Ωμέγα",
        "Читайте",
    ]
)


@st.composite
def line_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(WORDS).flatmap(spelled), _FILLER), min_size=1, max_size=7))
    joiner = draw(st.sampled_from(["", " ", ": ", " | "]))
    return joiner.join(parts)


@st.composite
def dumps(draw: st.DrawFn) -> str:
    texts = draw(st.lists(line_texts(), min_size=1, max_size=12))
    gaps = draw(st.lists(st.sampled_from(["\n", "\n\n"]), min_size=len(texts), max_size=len(texts)))
    return "".join(text + gap for text, gap in zip(texts, gaps, strict=True))


@given(dumps())
def test_compiled_matcher_agrees_with_trying_every_pattern(dump):
    lines = split_lines(dump)
    if lines:
        assert_same_everywhere(lines)


def test_agrees_on_every_line_of_the_fixture_dumps():
    for path in sorted((ROOT / "fixtures" / "variants").glob("*.txt")):
        assert_same_everywhere(split_lines(path.read_text(encoding="utf-8")))


# --- precedence ---------------------------------------------------------------------------


def test_patterns_are_reported_in_rule_order_whatever_they_are_made_of():
    items = (
        LinePattern(id="first", pattern=r".{3,40}news.{0,40}"),  # no known start: tried on every line
        LinePattern(id="second", pattern=r"(?i)top news"),  # a plain string
        LinePattern(id="third", pattern=r"Top (?:news|stories)"),
    )
    page = PageText.of(split_lines("Top news\nTop stories\n"))
    matcher = LineMatcher(items)
    assert [item.id for item in matcher.hits(page, 0)] == ["first", "second", "third"]
    assert matcher.first(page, 0) is items[0]
    assert [item.id for item in matcher.hits(page, 1)] == ["third"]


def test_a_window_pattern_keeps_its_place_among_single_lines():
    items = (
        LinePattern(id="single", pattern=r"Avatar"),
        LinePattern(id="card", pattern=r"Avatar\n\n?\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+", lines=2),
        LinePattern(id="late", pattern=r"(?i)avatar"),
    )
    page = PageText.of(split_lines("Avatar\n\nJane Roe\n"))
    assert [item.id for item in LineMatcher(items).hits(page, 0)] == ["single", "card", "late"]
    assert [item.id for item in LineMatcher(items).hits(page, 1)] == []


# --- time-outs ----------------------------------------------------------------------------


@pytest.fixture
def short_timeout(monkeypatch):
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.05)


@pytest.mark.parametrize(
    ("source", "line"),
    [
        # The line cannot end as the pattern does: a pattern of this build is tried all the same.
        (r"(a|aa)+c", "a" * 60),
        (r"(?:x|xx)+y", "x" * 60),
        (r"(?i)share (a|aa)+c", "Share " + "a" * 60 + "b"),
        (r"Tags: (?:a|a)+b", "Tags: " + "a" * 40),
    ],
)
def test_a_catastrophic_pattern_is_stopped_with_the_error_of_a_lone_match(short_timeout, source, line):
    items = (LinePattern(id="ok", pattern=r"Edit post"), LinePattern(id="bad", pattern=source))
    page = PageText.of(split_lines(line))
    with pytest.raises(patterns.PatternTimeout) as compiled_error:
        list(LineMatcher(items).hits(page, 0))
    with pytest.raises(patterns.PatternTimeout) as lone_error:
        patterns.fullmatch(source, line)
    assert str(compiled_error.value) == str(lone_error.value)
    assert str(compiled_error.value).startswith(f"rule pattern {source!r} timed out")


def test_a_pattern_that_cannot_backtrack_is_skipped_where_it_cannot_match(monkeypatch):
    items = (LinePattern(id="tagged", pattern=r"Tags: .{1,80}"),)
    tried = []
    lone = patterns.fullmatcher

    def spy(source):
        run = lone(source)
        return lambda text: tried.append(text) or run(text)

    monkeypatch.setattr(patterns, "fullmatcher", spy)
    page = PageText.of(split_lines("A first paragraph.\nA second one.\nTags: war, peace\n"))
    assert [(index, item.id) for index, item in LineMatcher(items).scan(page)] == [(2, "tagged")]
    assert tried == ["Tags: war, peace"]


# --- the analysis itself ------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        r"[[a-z]--[aeiou]]+",  # VERSION1 set operations
        r"(?:colour){e<=1}",  # fuzzy matching
        r"(?x) a b c",  # verbose mode
        r"\L<words>",  # named lists
        r"(?<year>\d{4})",  # a group name Python spells otherwise
        r"(?V0)abc",
    ],
)
def test_what_python_reads_otherwise_gets_no_conditions(source):
    assert shapes_of(source) == (Shape(),)


def test_a_case_sensitive_word_is_checked_as_written():
    [shape] = shapes_of(r".{3,80} Source: \S.+")
    assert shape.exact_needs == ((" Source: ",),)
    page = PageText.of(split_lines("A sentence naming the source: an agency\nA caption. Source: an agency\n"))
    assert not page.admits(r".{3,80} Source: \S.+", 0)
    assert page.admits(r".{3,80} Source: \S.+", 1)


def test_a_line_closed_by_a_negated_class_is_not_tried_where_it_ends_otherwise():
    source = r"(?![^\n]*[.!?] \p{Lu})[^\n]{3,200}[^.\n]\n[^\n]{20,3000}[^.!?…\"”’)\n]"
    [shape] = shapes_of(source, 2)
    assert shape.last_not == ((0, "."), (1, '!").?’”…'))
    page = PageText.of(
        split_lines("A headline\nA teaser that stops in the middle of\nA headline.\nA full sentence of text.\n")
    )
    assert page.admits(source, 0, 2) and not page.admits(source, 1, 2) and not page.admits(source, 2, 2)
    # Letters (which case may change) and the stand-ins of \p{...} classes are no such end.
    assert [shape.last_not for shape in shapes_of(r"(?i)ab[^x\p{Lu}.]")] == [((0, "."),)]


def test_fold_sees_letters_as_regex_does_without_case():
    """For every word the built-in rules need, every text that ``regex`` matches to it
    without case folds to the folded word (the only thing the shapes rely on)."""
    alphabet = "".join(chr(code) for code in itertools.chain(range(0x20, 0xD800), range(0xF900, 0x20000)))
    for word in WORDS:
        pattern = regex.compile(r"(?i)" + regex.escape(word), regex.VERSION1)
        for found in pattern.findall(alphabet, overlapped=True):
            assert fold(found) == fold(word), (word, found)
        for variant in {word.upper(), word.title(), word.replace("i", "İ"), word.replace("s", "ſ")}:
            if pattern.fullmatch(variant):
                assert fold(variant) == fold(word), (word, variant)


# --- the quick paths of line reading --------------------------------------------------------

_SPACE_RUN = regex.compile(r"[\s\u200b\u2060\ufeff]+")
_SPACES = st.sampled_from([" ", "  ", "\u00a0", "\t", "\x1c", "\u200b", "\u2028", "\u3000", "\ufeff"])


@given(st.lists(st.one_of(st.text(max_size=6), _SPACES, st.sampled_from(["e\u0301", "’", "ﬁ", "Å"])), max_size=8))
def test_normalising_a_line_takes_its_quick_path_only_where_it_changes_nothing(parts):
    text = "".join(parts)
    assert normalize_text(text) == _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip()


@given(st.lists(st.one_of(st.text(max_size=6), _SPACES), max_size=8))
def test_words_of_a_normalised_line_are_counted_as_split_counts_them(parts):
    text = normalize_text("".join(parts))
    assert word_count(text) == len(text.split())


def test_a_scan_with_some_of_the_patterns_of_an_earlier_one_reads_its_matches(monkeypatch):
    tagged = LinePattern(id="tagged", pattern=r"Tags: .{1,80}")
    shared = LinePattern(id="shared", pattern=r"(?i)share")
    tried = []
    lone = patterns.fullmatcher

    def spy(source):
        run = lone(source)
        return lambda text: tried.append(text) or run(text)

    monkeypatch.setattr(patterns, "fullmatcher", spy)
    page = PageText.of(split_lines("Share\nA paragraph.\nTags: war, peace\nSHARE\n"))
    full = LineMatcher((tagged, shared))
    assert [(index, item.id) for index, item in full.scan(page)] == [(0, "shared"), (2, "tagged"), (3, "shared")]
    count = len(tried)
    assert [(index, item.id) for index, item in LineMatcher((shared,)).scan(page)] == [(0, "shared"), (3, "shared")]
    assert [(index, item.id) for index, item in full.scan(page)] == [(0, "shared"), (2, "tagged"), (3, "shared")]
    assert len(tried) == count
    # Patterns equal but not the same objects are matched anew.
    assert [index for index, _ in LineMatcher((LinePattern(id="shared", pattern=r"(?i)share"),)).scan(page)] == [0, 3]
    assert len(tried) == count + 2
