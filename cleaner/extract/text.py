"""Cleaning a text dump with a site's text rule.

The page is read as non-empty lines. Landmarks near the top (byline, date, audio notice…)
end the head; the first tail landmark ("Author:", "Most popular"…) ends the body. Metadata
lines are lifted out, boilerplate lines removed wherever their rule allows, and what is
left between head and tail becomes the typed body blocks. Every line that does not reach
the body is recorded with the id of the rule that removed it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from cleaner.extract.blocks import type_blocks
from cleaner.extract.dates import parse_shown_date
from cleaner.extract.lines import Line, word_count
from cleaner.extract.matching import PageText, matcher_for, page_text
from cleaner.outputs.article import Article, Removal
from cleaner.rules import patterns
from cleaner.rules.identity_cache import IdentityCache
from cleaner.rules.news_boilerplate import SHARED_IDS, shared_patterns
from cleaner.rules.schema import LinePattern, MetaLine, SiteRule, TextRule


@dataclass(slots=True)
class _Page:
    """Working state of one extraction."""

    lines: list[Line]
    rule: TextRule
    view: PageText
    removed_by: dict[int, str] = field(default_factory=dict)  # line index -> rule id
    meta: dict[str, str] = field(default_factory=dict)
    anchors: dict[str, int] = field(default_factory=dict)  # landmark id -> first line index
    head_rule: str = "head"  # id of the landmark that ended the head
    url: str | None = None
    title_evidence: float | None = None  # set when the title was chosen by evidence

    def take(self, index: int, rule_id: str) -> None:
        self.removed_by.setdefault(index, rule_id)

    def set_meta(self, name: str, value: str | None) -> None:
        if value and name not in self.meta:
            self.meta[name] = value


@dataclass(frozen=True, slots=True)
class _DropMatch:
    pattern: LinePattern
    indices: tuple[int, ...]


def extract_text(text: str, rule: SiteRule, text_rule: TextRule, article: Article) -> bool:
    """Fill ``article`` from a text dump. Return whether any landmark of the rule was found."""
    view = page_text(text)
    page = _Page(lines=view.lines, rule=text_rule, view=view, url=article.url)
    drops = _find_drops(page)
    # What may be boilerplate in the head: a body-only pattern (a related card) says nothing there.
    dropped_lines = {index for match in drops if match.pattern.region in ("any", "head") for index in match.indices}
    # The headlines listed under a related header are other articles' titles, never a copy of this one's.
    dropped_lines |= _listed_under_headers(page, drops)
    head_end = _read_head(page, dropped_lines)
    tail_start = _find_tail(page, head_end)
    _apply_drops(page, drops, head_end, tail_start)
    _remove_head_and_tail(page, head_end, tail_start)
    _remove_title_copies(page, head_end, tail_start)
    kept = _release_kept(page)

    body_lines = [
        line
        for index, line in enumerate(page.lines)
        if (head_end < index < tail_start or index in kept) and index not in page.removed_by
    ]
    article.blocks = type_blocks([line.text for line in body_lines], text_rule.heading)
    article.removed = [
        Removal(rule=rule_id, text=page.lines[index].text, line=page.lines[index].number)
        for index, rule_id in sorted(page.removed_by.items())
    ]
    _fill_metadata(article, page, rule)
    if _title_uncertain(page, head_end, article.title):
        article.warn("title_uncertain")
    return bool(page.anchors) or tail_start < len(page.lines)


def _title_uncertain(page: _Page, head_end: int, title: str | None) -> bool:
    """No headline where the page has a head, or one taken on weak evidence. A dump that
    starts with its body (no head, no title-like first line) has no title to be unsure of."""
    evidence = page.title_evidence
    if title is None:
        return head_end >= 0 or (evidence is not None and evidence > 0)
    return evidence is not None and evidence < TITLE_SURE_EVIDENCE


@dataclass(frozen=True, slots=True)
class StreamCleaning:
    """What a text rule removed from a block stream, and the metadata its lines carried."""

    removed_by: dict[int, str]  # block index -> rule id
    meta: dict[str, str]
    landmarks_found: bool


#: Lines this long are body text, never a byline or a notice; the lead of a stream ends there.
_LEAD_LINE_MAX = 200


def clean_stream(lines: list[Line], text_rule: TextRule) -> StreamCleaning:
    """Apply a text rule to blocks that already are the body (taken from markup, say).

    Boilerplate patterns, tail anchors and metadata lines apply as on a dump; there is no
    head, title or caption inference, so a first body paragraph can never become a title.
    Head metadata lines and head landmarks are only looked for in the lead of the stream
    (its short lines before the first long one), and only the matching lines are removed.
    """
    page = _Page(lines=lines, rule=text_rule, view=PageText.of(lines))
    drops = _find_drops(page)
    lead_end = next((i for i, line in enumerate(lines) if len(line.text) > _LEAD_LINE_MAX), len(lines))
    lead_end = min(lead_end, text_rule.head_window)
    for meta in text_rule.meta:
        if meta.region != "head":
            continue
        hit = _first_meta(page, meta, 0, lead_end)
        if hit is not None:
            index, groups = hit
            _take_meta(page, meta, index)
            page.anchors.setdefault(meta.id, index)
            for name, value in groups.items():
                page.set_meta(name, value)
    for anchor in text_rule.head_anchors:
        found = _first_line(page, anchor, 0, lead_end)
        if found is not None:
            page.anchors.setdefault(anchor.id, found)
            for covered in range(found, found + anchor.lines):
                page.take(covered, anchor.id)
    tail_start = _find_tail(page, -1)
    _apply_drops(page, drops, -1, tail_start)
    _remove_head_and_tail(page, -1, tail_start)
    found = bool(page.anchors) or tail_start < len(lines)
    return StreamCleaning(removed_by=dict(page.removed_by), meta=dict(page.meta), landmarks_found=found)


def names_boilerplate(text_rule: TextRule, text: str) -> bool:
    """Whether a single-line pattern of the rule or of the shared layer names ``text`` as
    boilerplate, or it is one of the rule's tail landmarks."""
    line = [Line(number=0, text=text, gap_before=False)]
    page = _Page(lines=line, rule=text_rule, view=PageText.of(line))
    return matcher_for(boilerplate_of(text_rule)).first(page.view, 0) is not None or _starts_tail(page, 0)


def names_metadata(text_rule: TextRule, text: str) -> bool:
    """Whether ``text`` is a metadata line of the rule (a byline, a date line...)."""
    return any(meta.lines == 1 and _matches(meta.pattern, text) for meta in text_rule.meta)


_SHARED_ONLY = TextRule()


def shared_removals(lines: list[Line] | PageText) -> dict[int, str]:
    """The lines the shared news-boilerplate layer removes from a page read with no site
    rule (index -> kind id), related lists under their headers included."""
    view = lines if isinstance(lines, PageText) else PageText.of(lines)
    page = _Page(lines=view.lines, rule=_SHARED_ONLY, view=view)
    _apply_drops(page, _find_drops(page), -1, len(view.lines))
    return dict(page.removed_by)


def _matches(pattern: str, text: str) -> bool:
    return patterns.fullmatch(pattern, text) is not None


def _release_kept(page: _Page) -> set[int]:
    """Keep-guards win over every removal: lines they match go back to the body."""
    keep = page.rule.keep
    kept = {index for index in range(len(page.lines)) if keep and any(page.view.matches(p, index) for p in keep)}
    for index in kept:
        page.removed_by.pop(index, None)
    return kept


_BOILERPLATE: IdentityCache[TextRule, tuple[LinePattern, ...]] = IdentityCache()


def boilerplate_of(rule: TextRule) -> tuple[LinePattern, ...]:
    """The rule's own boilerplate patterns, then the shared news layer less what it switched off."""
    return _BOILERPLATE.get(rule, lambda rule: (*rule.boilerplate, *shared_patterns(rule.shared_off)))


def _find_drops(page: _Page) -> list[_DropMatch]:
    return [
        _DropMatch(drop, tuple(range(index, index + drop.lines)))
        for index, drop in matcher_for(boilerplate_of(page.rule)).scan(page.view)
    ]


def _first_meta(page: _Page, meta: MetaLine, start: int, stop: int) -> tuple[int, dict[str, str]] | None:
    hit = page.view.first(meta.pattern, start, stop, meta.lines)
    if hit is None:
        return None
    index, match = hit
    return index, {k: v for k, v in match.groupdict().items() if v}


def _take_meta(page: _Page, meta: MetaLine, index: int) -> None:
    for covered in range(index, min(index + meta.lines, len(page.lines))):
        page.take(covered, f"meta.{meta.id}")


def _first_line(page: _Page, pattern: LinePattern, start: int, stop: int) -> int | None:
    hit = page.view.first(pattern.pattern, start, stop, pattern.lines)
    return None if hit is None else hit[0]


def _read_head(page: _Page, dropped: set[int]) -> int:
    """Find the head's landmarks and metadata; return the index of its last line (-1: none)."""
    rule = page.rule
    window = min(len(page.lines), rule.head_window, _body_run_start(page, dropped))
    meta_hits = [
        (meta, *hit)
        for meta in rule.meta
        if meta.region == "head" and (hit := _first_meta(page, meta, 0, window)) is not None
    ]
    anchor_hits = [
        (anchor, found) for anchor in rule.head_anchors if (found := _first_line(page, anchor, 0, window)) is not None
    ]
    window = _head_limit(
        page, dropped, window, {index for meta, index, _ in meta_hits if meta.anchor} | {i for _, i in anchor_hits}
    )
    landmarks: dict[int, str] = {}
    for meta, index, groups in meta_hits:
        if index >= window:
            continue
        _take_meta(page, meta, index)
        for name, value in groups.items():
            page.set_meta(name, value)
        if meta.anchor:
            landmarks[index] = meta.id
    for anchor, found in anchor_hits:
        if found >= window:
            continue
        for covered in range(found, found + anchor.lines):
            page.take(covered, anchor.id)
            landmarks[covered] = anchor.id
    page.anchors = {rule_id: index for index, rule_id in sorted(landmarks.items())}

    title_index = _find_title(page, dropped, landmarks, window)
    if title_index is None:
        title_index = _title_by_evidence(page, dropped, landmarks, window)
    if title_index is not None and rule.title.repeated:
        copy = _title_repeat(page, dropped, landmarks, title_index, window)
        if copy is not None:
            page.take(copy, "title_repeat")
            landmarks[copy] = "title_repeat"
            page.anchors.setdefault("title_repeat", copy)
    if title_index is not None and rule.tags_before_title:
        above = _step_back(page, title_index)
        if above is not None and above not in page.removed_by and above not in dropped:
            match = patterns.fullmatch(rule.tags_before_title, page.lines[above].text)
            if match is not None:
                page.take(above, "meta.tags")
                page.set_meta("tags", match.groupdict().get("tags") or page.lines[above].text)

    head_end = max([*landmarks, -1 if title_index is None else title_index])
    if head_end >= 0:
        page.head_rule = "head:" + landmarks.get(head_end, "title")
    return _read_captions(page, dropped, title_index, landmarks, head_end)


#: Two paragraphs in a row of at least this many words are article text: no head reaches them.
_BODY_RUN_WORDS = 25


def _body_run_start(page: _Page, dropped: set[int]) -> int:
    """Index of the second of the first two consecutive long prose lines (len(lines): none).
    A byline-shaped line below them ("By NAME, ROLE" closing an article) is no head landmark."""
    previous_long = False
    for index, line in enumerate(page.lines):
        long = index not in dropped and word_count(line.text) >= _BODY_RUN_WORDS and ends_sentence(line.text)
        if long and previous_long:
            return index
        previous_long = long
    return len(page.lines)


_STANDFIRST = r"(?=.{20,400}$)(?:\S+ ){3,45}\S*[.!?][\"”’»')\]]*"


#: Prose lines (paragraph-like) that may sit between two landmarks of one head: a standfirst
#: or a caption; two or more are article text, and a byline-shaped line below them is not head.
_HEAD_PROSE_BETWEEN = 2
_HEAD_PROSE = r"(?:\S+ ){11,}\S*[.!?…][\"”’»')\]]*"


def _head_limit(page: _Page, dropped: set[int], window: int, landmark_lines: set[int]) -> int:
    """Where the head's landmarks stop: before the first one that follows two or more prose
    lines after the previous landmark."""
    for previous, current in itertools.pairwise(sorted(landmark_lines)):
        prose = sum(
            1
            for index in range(previous + 1, current)
            if index not in dropped and page.view.matches(_HEAD_PROSE, index)
        )
        if prose >= _HEAD_PROSE_BETWEEN:
            return current
    return window


def _step_back(page: _Page, index: int) -> int | None:
    """The line before ``index``, walking over lines the title rule says to skip."""
    index -= 1
    while index >= 0 and any(page.view.matches(skip, index) for skip in page.rule.title.skip):
        index -= 1
    return index if index >= 0 else None


#: Lines of the head under the title that are neither landmarks nor boilerplate: a
#: standfirst, an image's alt text and its caption. A copy of the title further down is
#: body or tail, not head.
_MAX_FREE_HEAD_LINES = 3


def _title_repeat(
    page: _Page, dropped: set[int], landmarks: dict[int, str], title_index: int, window: int
) -> int | None:
    """A copy of the title among the head lines right under it (some sites print it twice).

    The head under the landmarks is one run of lines: a free line set apart by a blank line
    there is body, and the search stops."""
    free = 0
    seen_landmark = False
    for index in range(title_index + 1, window):
        line = page.lines[index]
        if line.text == page.lines[title_index].text and index not in dropped:
            return index
        if index in landmarks:
            seen_landmark = True
        elif index not in dropped and index not in page.removed_by:
            free += 1
            if free > _MAX_FREE_HEAD_LINES or (seen_landmark and line.gap_before):
                return None
    return None


def _find_title(page: _Page, dropped: set[int], landmarks: dict[int, str], window: int) -> int | None:
    title_rule = page.rule.title
    before = [index for index, rule_id in landmarks.items() if rule_id in title_rule.before]
    candidate: int | None = None
    if before:
        candidate = _step_back(page, min(before))
        if candidate is not None and (candidate in page.removed_by or candidate in dropped):
            candidate = None
    elif title_rule.first_line and (landmarks or not title_rule.needs_landmark):
        first_landmark = min(landmarks, default=window)
        for index in range(min(window, first_landmark)):
            if index in dropped or index in page.removed_by:
                continue
            candidate = index
            break
    if candidate is None:
        return None
    text = page.lines[candidate].text
    for strip in title_rule.strip:
        text = patterns.compile_pattern(strip).sub("", text, count=1).strip()
    if not text or not _matches(title_rule.pattern, text):
        return None
    page.take(candidate, "meta.title")
    page.set_meta("title", text)
    return candidate


#: Lines of the page top that may hold the headline when the rule's own shape fails.
_TITLE_CANDIDATES = 4
#: Evidence a headline candidate needs (see ``_title_evidence``).
TITLE_MIN_EVIDENCE = 2.0
#: Below this much evidence a title is taken but flagged ``title_uncertain``.
TITLE_SURE_EVIDENCE = 3.0
_TITLE_SHAPE = r"(?=.{3,300}$)(?:\S+ ){0,40}\S+"
_CLOSERS = "\"”’»')]"
_TERMINATORS = (".", "!", "?", "…")


def ends_sentence(text: str) -> bool:
    r"""Whether ``text`` (one line) closes a sentence: it fully matches
    ``.*[.!?…]["”’»')\]]*`` — a full stop, question or exclamation mark or ellipsis, then
    closing quotes and brackets only. Asked of most lines of a page: plain string tests are
    several times quicker than the pattern."""
    return "\n" not in text and text.rstrip(_CLOSERS).endswith(_TERMINATORS)


_SECOND_SENTENCE = r".*\p{Ll}[.!?][\"”’»')\]]* \p{Lu}.*"


def _slug_words(url: str | None) -> set[str]:
    """The words of the last path segment of ``url`` (ids and numbers left out)."""
    if not url:
        return set()
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return {word for word in _words(path.rsplit("/", 1)[-1]) if word.isalpha()}


def _words(text: str) -> set[str]:
    return {word for word in patterns.compile_pattern(r"[^\p{L}\p{N}]+").split(text.lower()) if word}


def _next_free(page: _Page, dropped: set[int], index: int, stop: int) -> int | None:
    for following in range(index + 1, min(stop, len(page.lines))):
        if following not in dropped and following not in page.removed_by:
            return following
    return None


def _title_evidence(
    page: _Page, dropped: set[int], landmarks: dict[int, str], index: int, rank: int, slug: set[str], window: int
) -> float:
    """How strongly the page says that line ``index`` is its headline.

    Strong: a copy of it a few lines below (sites print the headline twice), the URL's slug,
    a byline / date landmark right under it. Weak: being the first free line, a lead caption
    under it; a closing full stop or a second sentence count against it, never veto it."""
    text = page.lines[index].text
    score = 0.5 if rank == 0 else 0.0
    # A copy counts on a page with a head (furniture above, or landmarks): in a bare body
    # (a cleaned text cleaned again) a repeated line is just a repeated line.
    if (rank == 0 and index > 0) or landmarks:
        for below in range(index + 1, min(index + 9, window, len(page.lines))):
            if page.lines[below].text == text and below not in dropped:
                score += 3.0
                break
    if slug:
        overlap = len(slug & _words(text)) / len(slug)
        score += 3.0 if overlap >= 0.6 else 0.0
    if rank == 0 and index > 0:
        score += 1.0  # right under the page's header furniture
    below_it = next((i for i in range(index + 1, window) if i not in dropped), None)
    if below_it is not None and below_it in landmarks:
        score += 2.0
    following = _next_free(page, dropped, index, window)
    caption = page.rule.caption
    if (
        following is not None
        and following == below_it
        and caption is not None
        and page.view.matches(caption.pattern, following)
    ):
        score += 1.5
    if ends_sentence(text) and not text.endswith(("?", "!")):
        score -= 1.0
    elif following is not None and len(page.lines[following].text) > len(text):
        score += 0.5  # a line that closes no sentence, over a longer one
    if page.view.matches(_SECOND_SENTENCE, index):
        score -= 2.0
    return score


def _starts_tail(page: _Page, index: int) -> bool:
    """Whether line ``index`` is one of the rule's tail landmarks."""
    if matcher_for(page.rule.tail_anchors).first(page.view, index) is not None:
        return True
    return any(
        meta.region == "tail" and meta.anchor and meta.lines == 1 and page.view.matches(meta.pattern, index)
        for meta in page.rule.meta
    )


def _title_by_evidence(page: _Page, dropped: set[int], landmarks: dict[int, str], window: int) -> int | None:
    """The headline chosen by evidence when the rule's own shape found none (see ``_title_evidence``)."""
    limit = min([window, *landmarks])
    free = []
    for index in range(limit):
        if _starts_tail(page, index):
            break  # no headline below the page's tail
        if index not in dropped and index not in page.removed_by:
            free.append(index)
            if len(free) == _TITLE_CANDIDATES:
                break
    slug = _slug_words(page.url)
    scored = [
        (_title_evidence(page, dropped, landmarks, index, rank, slug, window), index)
        for rank, index in enumerate(free)
        if page.view.matches(_TITLE_SHAPE, index)
    ]
    if not scored:
        return None
    score, index = max(scored, key=lambda item: (item[0], -item[1]))
    page.title_evidence = score
    if score < TITLE_MIN_EVIDENCE:
        return None
    page.take(index, "meta.title")
    page.set_meta("title", page.lines[index].text)
    return index


def _read_captions(
    page: _Page, dropped: set[int], title_index: int | None, landmarks: dict[int, str], head_end: int
) -> int:
    """Subtitle and caption lines in (or right after) the head; return the head's new end."""
    rule = page.rule
    start = -1 if title_index is None else title_index
    free = [i for i in range(start + 1, head_end) if i not in page.removed_by and i not in dropped]
    if rule.after_title and title_index is not None:
        first_landmark = min((i for i in landmarks if i > title_index), default=head_end)
        leading = [i for i in free if i < first_landmark]
        if leading:
            page.set_meta(rule.after_title, " ".join(page.lines[i].text for i in leading))
            for i in leading:
                page.take(i, f"meta.{rule.after_title}")
        free = [i for i in free if i >= first_landmark]
    if rule.caption is None:
        return head_end
    if free and title_index is not None:
        *alts, caption = free
        page.set_meta("caption", page.lines[caption].text)
        page.take(caption, "meta.caption")
        for i in alts:
            page.take(i, "image_alt")
        return head_end
    if head_end < 0 or "caption" in page.meta:
        return head_end
    # Nothing sandwiched: the caption, if any, is the line right after the head.
    lines = page.lines
    index = head_end + 1
    alt = rule.caption.alt
    if (
        title_index == head_end
        and "subtitle" not in page.meta
        and index + 1 < len(lines)
        and not {index, index + 1} & dropped
        and page.view.matches(_STANDFIRST, index)
        and not page.view.matches(rule.caption.pattern, index)
        and page.view.matches(rule.caption.pattern, index + 1)
    ):
        # A sentence between the headline and the lead caption is the standfirst.
        page.set_meta("subtitle", lines[index].text)
        page.take(index, "meta.subtitle")
        index += 1
    if (
        alt
        and index + 1 < len(lines)
        and page.view.matches(alt, index)
        and page.view.matches(rule.caption.pattern, index + 1)
    ):
        page.take(index, "image_alt")
        index += 1
    if index < len(lines) and index not in dropped and page.view.matches(rule.caption.pattern, index):
        page.set_meta("caption", lines[index].text)
        page.take(index, "meta.caption")
        return index
    return head_end


def _find_tail(page: _Page, head_end: int) -> int:
    """Index of the first tail line (len(lines) when the body runs to the end)."""
    rule = page.rule
    start = head_end + 1
    tail = len(page.lines)
    found = matcher_for(rule.tail_anchors).first_from(page.view, start, tail)
    if found is not None:
        tail, anchor = found
        page.anchors.setdefault(anchor.id, tail)
    for meta in rule.meta:
        if meta.region != "tail" or not meta.anchor:
            continue
        hit = _first_meta(page, meta, start, tail)
        if hit is not None:
            tail = hit[0]
            page.anchors.setdefault(meta.id, hit[0])
    for meta in rule.meta:
        if meta.region != "tail":
            continue
        hit = _first_meta(page, meta, tail if meta.anchor else start, len(page.lines))
        if hit is not None:
            index, groups = hit
            _take_meta(page, meta, index)
            for name, value in groups.items():
                page.set_meta(f"tail_{name}" if name in page.meta else name, value)
    return tail


def _apply_drops(page: _Page, drops: list[_DropMatch], head_end: int, tail_start: int) -> None:
    applied = []
    # The run of boilerplate lines that opens the page is its head, even where no landmark
    # says where the head ends (a capture with no headline, a page with no article).
    matched = {index for match in drops for index in match.indices}
    top_run = next((index for index in range(len(page.lines)) if index not in matched), len(page.lines))
    for match in drops:
        first = match.indices[0]
        region = "head" if first <= head_end else "tail" if first >= tail_start else "body"
        if region == "tail" and match.pattern.id in SHARED_IDS:
            continue  # the tail goes whole; its audit names the site's tail landmarks
        if match.pattern.region in ("any", region) or (match.pattern.region == "head" and first < top_run):
            applied.append(match)
            for index in match.indices:
                page.take(index, match.pattern.id)
    for match in applied:
        if match.pattern.followers:
            _take_followers(page, match, tail_start)
        above = match.indices[0] - 1
        leader = match.pattern.leader
        if leader and above >= 0 and above not in page.removed_by and page.view.matches(leader, above):
            page.take(above, match.pattern.id)


_EDGE_SYMBOLS = r"^[\W_]+|[\W_]+$"


def _bare(text: str) -> str:
    return patterns.compile_pattern(_EDGE_SYMBOLS).sub("", text).casefold()


def _remove_title_copies(page: _Page, head_end: int, tail_start: int) -> None:
    """A copy of the headline inside the body ("TITLE ~~", a share widget's text) is not article text."""
    title = page.meta.get("title")
    bare_title = _bare(title) if title else ""
    if not bare_title:
        return
    for index in range(head_end + 1, tail_start):
        text = page.lines[index].text
        # A line whose case-folded text does not hold the bare title cannot be a copy.
        if index not in page.removed_by and bare_title in text.casefold() and _bare(text) == bare_title:
            page.take(index, "title_repeat")


def _listed_under_headers(page: _Page, drops: list[_DropMatch]) -> set[int]:
    """Lines right under a header with ``followers`` (no blank line between) that match them."""
    return {
        index
        for match in drops
        if match.pattern.region in ("any", "head")
        for index in _close_followers(page, match, len(page.lines))
    }


def _close_followers(page: _Page, match: _DropMatch, stop: int) -> list[int]:
    """The lines right below a match, before ``stop`` and with no blank line between, that
    fully match its ``followers``."""
    followers = match.pattern.followers
    close: list[int] = []
    index = match.indices[-1] + 1
    while followers and index < stop and not page.lines[index].gap_before:
        if not page.view.matches(followers, index):
            break
        close.append(index)
        index += 1
    return close


def _take_followers(page: _Page, match: _DropMatch, tail_start: int) -> None:
    """The list under a header such as "Read more:": the lines right below it that match
    ``followers``; past a blank line only when every line from there to the end of the body
    is such a line or already removed (a list of related titles closing the article)."""
    pattern = match.pattern
    followers = pattern.followers
    if followers is None:
        return
    close = _close_followers(page, match, tail_start)
    for index in close:
        page.take(index, pattern.id)
    index = (close[-1] if close else match.indices[-1]) + 1
    run = []
    while index < tail_start:
        if index not in page.removed_by:
            if not page.view.matches(followers, index):
                return
            run.append(index)
        index += 1
    for index in run:
        page.take(index, pattern.id)


def _remove_head_and_tail(page: _Page, head_end: int, tail_start: int) -> None:
    for index in range(head_end + 1):
        page.take(index, page.head_rule)
    # Each tail line is credited to the latest tail landmark at or above it.
    current = "end"
    for index in range(tail_start, len(page.lines)):
        anchor = matcher_for(page.rule.tail_anchors).first(page.view, index)
        if anchor is not None:
            current = anchor.id
        page.take(index, f"tail:{current}")


# "By NAME, Coordinator, ORGANISATION": a role ends the list of names.
_ROLE = (
    r"(?i)(?:(?:senior|chief|deputy|former|managing|executive|political|military|staff|special|foreign|guest|"
    r"contributing|associate)\s+)*(?:coordinator|editor|reporter|correspondent|analyst|journalist|director|head|"
    r"founder|professor|expert|columnist|contributor|writer|translator|blogger|researcher|fellow|spokesperson|"
    r"photographer)s?\b.*"
)


def _names_before_role(names: Iterator[str]) -> Iterator[str]:
    for name in names:
        if _matches(_ROLE, name):
            return
        yield name


def _fill_metadata(article: Article, page: _Page, rule: SiteRule) -> None:
    meta = page.meta
    text_rule = page.rule
    article.title = meta.get("title")
    article.subtitle = meta.get("subtitle")
    article.image_caption = meta.get("caption")
    authors = meta.get("authors") or meta.get("tail_authors")
    if authors:
        split = patterns.compile_pattern(text_rule.author_split).split(authors)
        article.authors = list(
            dict.fromkeys(_names_before_role(name.strip() for name in split if name and name.strip()))
        )
    tags = meta.get("tags") or meta.get("tail_tags")
    if tags:
        split = patterns.compile_pattern(text_rule.tag_split).split(tags)
        article.tags = [tag.strip() for tag in split if tag and tag.strip()]
    shown = " ".join(part for part in (meta.get("date"), meta.get("time")) if part)
    if shown:
        article.published = parse_shown_date(shown, text_rule.date_formats, rule.timezone)
    if meta.get("updated"):
        article.updated = parse_shown_date(meta["updated"], text_rule.date_formats, rule.timezone)
