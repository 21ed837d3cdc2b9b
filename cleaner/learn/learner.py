"""Learn a site's boilerplate from its own pages: lines that repeat, in shape, across them.

Boilerplate repeats across the pages of one site (menus, appeals, forms, footers, feed
stamps, author cards) while each article's text is its own. A repeated line becomes a
candidate when it sits on at least ``min_pages`` pages and ``min_share`` of them; then its
place on each page (above the article, inside it, below it) decides what it may become:

* a **drop** pattern, when it is not article text: never a line that repeats mostly inside
  article bodies, never long prose that repeats there (a quote several articles about one
  story share);
* a **head anchor**, when it is the last repeated line above the article on several pages
  and never inside or below one: the article starts after it;
* a **tail anchor**, when it is the first repeated line below the article on several pages
  and never above or inside one: the article ends before it.

Each candidate turned down is kept with its reason. Where the article sits on a page is
taken from a site rule when there is one (what it cut as head and tail), and otherwise
estimated: the longest run of prose lines that repeat nowhere else, joined across repeated
lines that sit between two paragraphs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import regex

from cleaner.extract.generic_text import is_prose
from cleaner.learn.names import repeated_names
from cleaner.learn.shapes import Shape, literal_pattern, shape_of, words
from cleaner.learn.state import GroupKind, LearnedGroup, LearnedPattern, Rejected
from cleaner.rules import patterns as rule_patterns

#: A line must repeat on at least this many pages, and this share of the group.
MIN_PAGES = 3
MIN_SHARE = 0.1
#: Prose this long that repeats inside article bodies is article text (a shared quote).
LONG_PROSE_WORDS = 12
#: An anchor must bound the article on at least this many pages.
MIN_ANCHOR_PAGES = 2
#: Lines longer than this are never learned (a whole paragraph repeated is a quote or a feed item).
MAX_LINE_CHARS = 400
#: Lines this close (in non-empty lines) to repeated article text go with it.
_NEAR = 3
#: At most this many rejected candidates are kept (the most frequent first).
MAX_REJECTED = 50

Position = str  # "head", "body" or "tail"


@dataclass(frozen=True, slots=True)
class PageSample:
    """One page's non-empty, normalised lines; ``regions`` (head / body / tail per line)
    when a site rule said where its article is."""

    lines: tuple[str, ...]
    regions: tuple[Position, ...] | None = None


@dataclass(slots=True)
class _Candidate:
    shape: Shape
    pages: set[int] = field(default_factory=set)
    examples: Counter[str] = field(default_factory=Counter)
    positions: dict[int, set[Position]] = field(default_factory=lambda: defaultdict(set))
    head_bound: set[int] = field(default_factory=set)  # pages where it is the last repeated line above
    tail_bound: set[int] = field(default_factory=set)  # pages where it is the first repeated line below
    neighbours: Counter[str] = field(default_factory=Counter)  # repeated lines right above or below it

    @property
    def example(self) -> str:
        return self.examples.most_common(1)[0][0]

    def pages_at(self, position: Position) -> int:
        return sum(1 for found in self.positions.values() if position in found)


def learn_group(
    key: str,
    kind: GroupKind,
    pages: Sequence[PageSample],
    *,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
    anchors: bool = True,
) -> LearnedGroup:
    """Learn the repeated lines of one site's pages. ``anchors=False`` learns drops only
    (a site rule already knows where its articles start and end)."""
    if len(pages) < max(min_pages, 2):
        return LearnedGroup(key=key, kind=kind, size=len(pages), too_small=True)
    shapes = [[shape_of(line) if len(line) <= MAX_LINE_CHARS else None for line in page.lines] for page in pages]
    needed = max(min_pages, min_share * len(pages))
    counts: Counter[str] = Counter()
    for page_shapes in shapes:
        counts.update({shape.key for shape in page_shapes if shape is not None})
    repeated = {shape_key for shape_key, n in counts.items() if n >= needed}
    candidates: dict[str, _Candidate] = {}
    for number, (page, page_shapes) in enumerate(zip(pages, shapes, strict=True)):
        keys = [shape.key if shape is not None and shape.key in repeated else None for shape in page_shapes]
        positions = page.regions or _estimate_positions(page.lines, keys)
        for index, shape_key in enumerate(keys):
            if shape_key is None:
                continue
            candidate = candidates.setdefault(shape_key, _Candidate(page_shapes[index]))  # type: ignore[arg-type]
            candidate.pages.add(number)
            candidate.examples[page.lines[index]] += 1
            candidate.positions[number].add(positions[index])
            near_keys = {keys[near] for near in range(max(0, index - _NEAR), min(len(keys), index + _NEAR + 1))}
            candidate.neighbours.update(near for near in near_keys if near is not None and near != shape_key)
        _mark_bounds(keys, positions, candidates, number)
    learned: list[LearnedPattern] = []
    rejected: list[Rejected] = []
    verdicts = {k: _judge(candidate, len(pages), anchors=anchors) for k, candidate in candidates.items()}
    for shape_key in sorted(candidates, key=lambda k: (-len(candidates[k].pages), k)):
        candidate = candidates[shape_key]
        found, reason = verdicts[shape_key]
        if reason is None:
            reason = _next_to_article_text(candidate, verdicts)
            found = [] if reason else found
        if reason:
            rejected.append(Rejected(example=candidate.example, pages=len(candidate.pages), reason=reason))
        learned.extend(found)
    rejected += _too_rare(counts, needed, shapes, pages)
    on_pages = [[s.key if s is not None and counts[s.key] >= 2 else None for s in page] for page in shapes]
    names = repeated_names([page.lines for page in pages], on_pages, min_pages=min_pages)
    return LearnedGroup(
        key=key,
        kind=kind,
        size=len(pages),
        patterns=tuple(_numbered(learned)),
        rejected=tuple(rejected[:MAX_REJECTED]),
        signature=tuple(sorted(candidates, key=lambda k: -len(candidates[k].pages))[:20]),
        names=tuple(names),
    )


def _too_rare(counts: Counter[str], needed: float, shapes, pages: Sequence[PageSample]) -> list[Rejected]:
    """Lines that repeat, but on too few pages to be learned from."""
    rare = {shape_key for shape_key, n in counts.items() if 2 <= n < needed}
    examples: dict[str, str] = {}
    for page, page_shapes in zip(pages, shapes, strict=True):
        for line, shape in zip(page.lines, page_shapes, strict=True):
            if shape is not None and shape.key in rare:
                examples.setdefault(shape.key, line)
    return [
        Rejected(example=examples[k], pages=counts[k], reason=f"on {counts[k]} pages: fewer than {needed:g} needed")
        for k in sorted(rare, key=lambda k: (-counts[k], k))
    ]


def _next_to_article_text(
    candidate: _Candidate, verdicts: dict[str, tuple[list[LearnedPattern], str | None]]
) -> str | None:
    """A line that mostly sits near a repeated line judged to be article text goes
    with it (the date line over a series' standard opening)."""
    pages = len(candidate.pages)
    for near, times in candidate.neighbours.most_common():
        if times * 2 < pages:
            break
        reason = verdicts[near][1]
        if reason and "series" in reason:
            return f"sits near repeated article text on {times} of {pages} pages"
    return None


def _judge(candidate: _Candidate, total: int, *, anchors: bool) -> tuple[list[LearnedPattern], str | None]:
    """What a candidate becomes (drop and/or anchor patterns), or why it is turned down."""
    pages = len(candidate.pages)
    example = candidate.example
    inside = candidate.pages_at("body")
    head, tail = candidate.pages_at("head"), candidate.pages_at("tail")
    prose = words(example) >= LONG_PROSE_WORDS
    only_slots = candidate.shape.literal_letters < 2
    if inside * 2 > pages:
        what = "long prose" if prose else "a line"
        return [], f"{what} that repeats inside article bodies ({inside} of {pages} pages): article text"
    if prose and inside:
        return [], f"long prose found inside an article body on {inside} of {pages} pages: perhaps a shared quote"
    bound = max(len(candidate.head_bound), len(candidate.tail_bound))
    if prose and bound * 2 >= pages:
        return [], (
            f"long prose right next to the article on {bound} of {pages} pages: "
            "perhaps the standard opening or closing of a series of articles"
        )
    if only_slots and inside:
        return [], f"only numbers or dates, found inside an article body on {inside} of {pages} pages"
    pattern = _pattern_for(candidate)
    share = round(pages / total, 3)
    base = LearnedPattern(id="", role="drop", pattern=pattern, pages=pages, share=share, example=example)
    out: list[LearnedPattern] = []
    if not inside and not only_slots:
        # A line never seen inside an article, only above or below them, may still sit
        # anywhere on another page (where the article sits on a page is an estimate, and an
        # appeal moves between designs); a quote articles share is seen inside them.
        out.append(replace(base, role="drop", region="any"))
    elif only_slots:
        for region, seen in (("head", head), ("tail", tail)):
            if seen:
                out.append(replace(base, role="drop", region=region))
    else:  # a short line seen inside a body on a few pages: it goes above and below articles only
        for region, seen in (("head", head), ("tail", tail)):
            if seen:
                out.append(replace(base, role="drop", region=region))
    if anchors and not inside and not only_slots:
        if not tail and len(candidate.head_bound) >= MIN_ANCHOR_PAGES:
            out.append(replace(base, role="head_anchor", region="head"))
        if not head and len(candidate.tail_bound) >= MIN_ANCHOR_PAGES:
            out.append(replace(base, role="tail_anchor", region="tail"))
    return out, None


def _pattern_for(candidate: _Candidate) -> str:
    """An escaped literal when every example is the same line (case aside), else the shape's pattern."""
    variants = {example.casefold() for example in candidate.examples}
    if len(variants) == 1:
        return literal_pattern(candidate.example)
    pattern = candidate.shape.pattern()
    if all(rule_patterns.fullmatch(pattern, example) for example in candidate.examples):
        return pattern
    return "|".join(literal_pattern(example) for example in sorted(candidate.examples)[:10])


_ID_WORD = regex.compile(r"[\p{L}\p{N}]+")


def _numbered(patterns: list[LearnedPattern]) -> list[LearnedPattern]:
    """Give each pattern an id: ``learned:<n>-<first words of its shape>``."""
    out = []
    for number, item in enumerate(patterns, start=1):
        slug = "-".join(word.lower() for word in _ID_WORD.findall(shape_of(item.example).key)[:4]) or "line"
        role = {"drop": "", "head_anchor": "head-", "tail_anchor": "tail-"}[item.role]
        out.append(
            LearnedPattern(
                id=f"learned:{role}{number}-{slug}",
                role=item.role,
                pattern=item.pattern,
                region=item.region,
                pages=item.pages,
                share=item.share,
                example=item.example,
            )
        )
    return out


def _estimate_positions(lines: Sequence[str], keys: Sequence[str | None]) -> list[Position]:
    """Head / body / tail per line, from where the article's own prose is.

    The article is the run of non-repeated lines holding the most prose, widened over
    repeated lines that sit between two prose paragraphs (an in-body banner, a quote that
    other articles share) when prose follows them."""
    runs: list[tuple[int, int]] = []  # [start, end) of non-repeated lines
    start = None
    for index, shape_key in enumerate([*keys, "END"]):
        if shape_key is None and start is None:
            start = index
        elif shape_key is not None and start is not None:
            runs.append((start, index))
            start = None
    if not runs:
        return ["head"] * len(lines)

    def prose_chars(run: tuple[int, int]) -> int:
        return sum(len(lines[i]) for i in range(*run) if is_prose(lines[i]))

    best = max(range(len(runs)), key=lambda r: prose_chars(runs[r]))
    first, last = best, best
    while first > 0 and _joined(lines, runs[first - 1], runs[first]) and prose_chars(runs[first - 1]):
        first -= 1
    while last + 1 < len(runs) and _joined(lines, runs[last], runs[last + 1]) and prose_chars(runs[last + 1]):
        last += 1
    body_start, body_end = runs[first][0], runs[last][1]
    return ["head" if i < body_start else "tail" if i >= body_end else "body" for i in range(len(lines))]


#: At most this many repeated lines in a row may sit inside an article (a short banner).
_MAX_INSIDE = 3


def _joined(lines: Sequence[str], above: tuple[int, int], below: tuple[int, int]) -> bool:
    """Whether the repeated lines between two runs sit inside one article: few, with prose
    paragraphs right above and right below them (one prose line, a caption, is not enough)."""
    gap = below[0] - above[1]
    if not 0 < gap <= _MAX_INSIDE:
        return False
    return all(
        is_prose(lines[i]) for i in (above[1] - 2, above[1] - 1, below[0], below[0] + 1) if 0 <= i < len(lines)
    ) and (above[1] - above[0] >= 2 and below[1] - below[0] >= 2)


def _mark_bounds(
    keys: Sequence[str | None], positions: Sequence[Position], candidates: dict[str, _Candidate], number: int
) -> None:
    """Note, for this page, the last repeated line above its article and the first below it."""
    above = [i for i, k in enumerate(keys) if k is not None and positions[i] == "head"]
    below = [i for i, k in enumerate(keys) if k is not None and positions[i] == "tail"]
    if above:
        candidates[keys[above[-1]]].head_bound.add(number)  # type: ignore[index]
    if below:
        candidates[keys[below[0]]].tail_bound.add(number)  # type: ignore[index]
