"""The site-rule schema: what a rule file declares.

A rule file is a Python module whose body is data: it binds ``RULE`` to a :class:`SiteRule`.
Every pattern is a regular expression (``regex`` syntax) matched against one *normalised*
line of a text dump (NFC, white space folded, ends stripped) with ``fullmatch`` — so line
patterns are anchored at both ends by construction. Signatures and fingerprints are searched
in the whole page in multi-line mode and must start with ``^``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cleaner.outputs.article import Article

Region = Literal["head", "body", "tail", "any"]
MetaRegion = Literal["head", "tail"]

#: Named groups a metadata pattern may use, and what they fill.
META_GROUPS: tuple[str, ...] = (
    "title",
    "subtitle",
    "authors",
    "date",
    "time",
    "updated",
    "tags",
    "caption",
)


@dataclass(frozen=True, slots=True)
class LinePattern:
    """Lines to remove (boilerplate) or to treat as a landmark (anchor).

    ``lines`` > 1 matches a window of that many consecutive non-empty lines joined by
    ``"\\n"`` — or ``"\\n\\n"`` where a blank line separates two of them — so a pattern can
    ask for lines that sit together (a related-article card) or apart.
    ``followers``, when set, also removes the lines right after the match (no blank line
    between) while they fully match it: a "Read more:" header with its list of titles.
    ``leader``, when set, also removes the line right above the match when it fully
    matches it: the campaign headline over an appeal.
    ``region`` limits where a removal applies: before the body (``head``), inside it
    (``body``), after it (``tail``) or ``any``.
    """

    id: str
    pattern: str
    lines: int = 1
    region: Region = "any"
    followers: str | None = None
    doc: str = ""
    leader: str | None = None


@dataclass(frozen=True, slots=True)
class MetaLine:
    """A line that carries metadata in named groups (see ``META_GROUPS``) and leaves the body.

    ``region="head"`` lines are looked for near the top; with ``anchor=True`` the body starts
    after them. ``region="tail"`` lines are looked for after the body; with ``anchor=True``
    the body ends before them.
    """

    id: str
    pattern: str
    region: MetaRegion = "head"
    anchor: bool = True
    doc: str = ""
    #: > 1 matches a window of that many lines, as ``LinePattern.lines`` does (an author card:
    #: "Avatar" then the name); every line of the window leaves the body.
    lines: int = 1


@dataclass(frozen=True, slots=True)
class TitleRule:
    """Where the headline sits.

    ``before``: ids of head landmarks; the title is the nearest line before the first of
    them (walking over lines that match ``skip``). Without such a landmark, and when
    ``first_line`` is set, the title is the first line of the page that is not boilerplate —
    if it looks like a title (``pattern``) and comes before any landmark.
    ``strip`` patterns are removed from the title (words a scraper glued to it).
    ``repeated`` makes a copy of the title right under it in the head a landmark (its
    removal too); sites print the headline twice often enough that it is on by default.
    ``needs_landmark`` takes a ``first_line`` title only on a page whose head
    has a landmark below it (a byline, a date, a section line), so that a dump that starts
    with the body never loses its first paragraph to the title.
    """

    before: tuple[str, ...] = ()
    first_line: bool = False
    pattern: str = r"[^\n]{3,300}"
    skip: tuple[str, ...] = ()
    strip: tuple[str, ...] = ()
    repeated: bool = True
    needs_landmark: bool = False


@dataclass(frozen=True, slots=True)
class CaptionRule:
    """The lead image caption.

    A line left between two head landmarks after the title is the caption (an image's alt
    text, when two such lines sit there, is the first and is removed). Otherwise the line
    right after the head is the caption if it fully matches ``pattern`` — optionally after
    one alt-text line that fully matches ``alt``.
    """

    pattern: str
    alt: str | None = None


@dataclass(frozen=True, slots=True)
class HeadingRule:
    """When a short body line is an in-body subheading rather than a paragraph."""

    max_words: int = 14
    pattern: str = r"[\p{Lu}\p{N}\"“‘'«(][^\n]*[^.,;:!…\"”’'»)\-–—]"


@dataclass(frozen=True, slots=True)
class Signature:
    """A text cue that a dump comes from this site; searched in multi-line mode."""

    #: Searched in the whole dump; must start with ``^`` (a line start).
    pattern: str
    #: What the cue adds to the site's score when it is found.
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class TextRule:
    """How to read a text dump of one layout of a site."""

    #: Lines removed wherever their region allows.
    boilerplate: tuple[LinePattern, ...] = ()
    #: Lines that carry metadata; head ones also end the head.
    meta: tuple[MetaLine, ...] = ()
    #: Landmarks of the head: the body starts after the last one found.
    head_anchors: tuple[LinePattern, ...] = ()
    #: The first of these found after the head ends the body.
    tail_anchors: tuple[LinePattern, ...] = ()
    #: Where the headline sits.
    title: TitleRule = field(default_factory=TitleRule)
    #: What the lines between the title and the first head landmark are.
    after_title: Literal["subtitle", "caption"] | None = None
    #: A tags line right before the title (walking over ``title.skip`` lines).
    tags_before_title: str | None = None
    #: The lead image caption (none looked for when unset).
    caption: CaptionRule | None = None
    #: When a short body line is a subheading.
    heading: HeadingRule = field(default_factory=HeadingRule)
    #: ``strptime`` formats tried on "DATE TIME" (or DATE alone); formats without a time
    #: give a plain date.
    date_formats: tuple[str, ...] = ()
    #: Splits the ``authors`` group into names.
    author_split: str = r"\s*,\s+|\s+and\s+|\s+&\s+"
    #: Splits the ``tags`` group into tags.
    tag_split: str = r"\s*,\s*"
    #: Landmarks of the head are looked for in this many first non-empty lines.
    head_window: int = 80
    #: Keep-guards: a line that fully matches one of these patterns is article text and is
    #: never removed, whatever boilerplate, metadata or head/tail rule would take it.
    keep: tuple[str, ...] = ()
    #: Ids of kinds of the shared news-boilerplate layer (``cleaner.rules.news_boilerplate``,
    #: ``news.<kind>``) that this layout switches off.
    shared_off: tuple[str, ...] = ()
    #: Lines above the first paragraph the generic heuristics take for prose are head too,
    #: whatever landmarks were found (a headline, a dateline, a caption no landmark names).
    #: Rules written by ``cleaner induce`` set it: their landmarks, learned from some of a
    #: site's pages, miss on others.
    head_until_prose: bool = False


@dataclass(frozen=True, slots=True)
class HtmlRule:
    """How to read the HTML of one layout of a site (CSS selectors, selectolax syntax).

    Every field is an ordered tuple of selectors: the first selector that matches wins, so
    a guessed class can sit in front of a sturdier fallback.

    ``content``: the element holding the article body. When none matches, the element that
    directly holds the most paragraph text is taken instead.
    ``drop``: boilerplate removed from the content (or from the whole page when the
    content was not found by a selector).
    The metadata fields name visible elements read when the page's markup (JSON-LD,
    OpenGraph, ``article:*``) does not say: the element's text, or for dates its
    ``datetime``/``content`` attribute. ``authors`` lists one element per author.
    """

    content: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    subtitle: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    caption: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Layout:
    """One layout era of a site. ``since``/``until`` bound the page dates it covers;
    ``fingerprints`` are cues unique to it (patterns for text, selectors for HTML)."""

    #: Written to the output's ``layout``.
    name: str
    #: First page date of the era (inclusive); a layout with neither bound is never chosen by date.
    since: date | None = None
    #: Last page date of the era (inclusive).
    until: date | None = None
    #: Patterns (starting with ``^``) searched in a text dump; one found picks this layout.
    fingerprints: tuple[str, ...] = ()
    #: CSS selectors; one present in an HTML page picks this layout.
    html_fingerprints: tuple[str, ...] = ()
    #: How to read text dumps of this layout.
    text: TextRule | None = None
    #: How to read HTML pages of this layout.
    html: HtmlRule | None = None


Hook = Callable[["Article"], None]


@dataclass(frozen=True, slots=True)
class SiteRule:
    """One site: how to recognise its pages and how to read each of its layouts."""

    #: The rule id, written to the output's ``site`` (lower-case letters, digits, ``_``).
    id: str
    #: The site's human name, written to ``site_name``.
    name: str
    #: Hosts whose URLs belong to the site (subdomains included), e.g. ``("example.com",)``.
    domains: tuple[str, ...]
    #: Layout eras, newest first; see ``Layout``.
    layouts: tuple[Layout, ...]
    #: Text cues that a dump without a URL comes from this site.
    signatures: tuple[Signature, ...] = ()
    #: Sum of signature weights a dump needs to be attributed to this site.
    min_score: float = 1.0
    #: BCP 47 code of the site's articles, written to ``language``.
    language: str | None = "en"
    #: IANA time zone in which the site shows times (``Europe/Lisbon``).
    timezone: str = "UTC"
    #: Called on every article the rule produced, to fix what data cannot say.
    finalize: Hook | None = None
    #: Where the rule was loaded from (set by the loader).
    origin: str = ""

    def layout(self, name: str) -> Layout:
        for layout in self.layouts:
            if layout.name == name:
                return layout
        raise KeyError(name)
