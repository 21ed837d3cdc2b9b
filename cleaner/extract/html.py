"""Cleaning an HTML page with a site's rule.

The content root comes from the rule's selectors (or, failing them, from paragraph
density); the rule's drop selectors remove boilerplate inside it; the DOM under it becomes
typed blocks, and the site's text rule then runs on that stream, so boilerplate with
stable wording goes even when the site renames its classes. Metadata comes from the
markup first (JSON-LD, ``article:*``/OpenGraph meta, canonical link, ``<html lang>``);
the visible page — the rule's selectors, then the text rule read over the article's
text — fills what the markup does not say.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from cleaner.extract.dates import to_site_time
from cleaner.extract.generic_html import extract_generic_html
from cleaner.extract.html_dom import (
    DomBlock,
    contains,
    densest_container,
    drop_selectors,
    first_match,
    node_text,
    walk_blocks,
    walk_inside,
)
from cleaner.extract.html_meta import (
    Markup,
    json_ld_keywords,
    json_ld_language,
    primary_language,
    strip_site_name,
    text_value,
)
from cleaner.extract.html_page import ParsedPage, parsed
from cleaner.extract.lines import Line
from cleaner.extract.normalize import normalize_text
from cleaner.extract.text import clean_stream, ends_sentence, extract_text, names_boilerplate, names_metadata
from cleaner.outputs.article import Article, Block, Removal
from cleaner.rules import patterns
from cleaner.rules.schema import HtmlRule, Layout, SiteRule, TextRule

# "By NAME", "Author: NAME" in a byline element: the name alone is kept.
_BY_PREFIX = r"^(?i:by|authors?:)\s+"


@dataclass(slots=True)
class _Visible:
    """Metadata read from the visible page."""

    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    caption: str | None = None
    tags: list[str] = field(default_factory=list)


def extract_html(
    page: str | ParsedPage, rule: SiteRule, layout: Layout, article: Article, *, url: str | None = None
) -> bool:
    """Fill ``article`` from an HTML page (its source, or the page already parsed for site
    detection). Return whether the rule recognised the page (a content selector matched,
    or the text rule found its landmarks)."""
    html_rule = layout.html or HtmlRule()
    parsed_page = parsed(page)
    html, tree, markup = parsed_page.html, parsed_page.tree, parsed_page.markup
    body = tree.body or tree.root
    if body is None:
        return _fallback(html, rule, markup, _Visible(), article, url=url, text_rule=layout.text)

    found = first_match(body, html_rule.content)
    root: LexborNode | None
    if found is not None:
        root, how = found
        dropped = drop_selectors(root, html_rule.drop)
    else:
        dropped = drop_selectors(body, html_rule.drop)
        text_rule = layout.text
        ignore = (lambda text: names_boilerplate(text_rule, text)) if text_rule is not None else None
        root, how = densest_container(body, ignore=ignore), "densest"
    if root is None:
        visible = _read_selectors(body, html_rule)
        return _fallback(html, rule, markup, visible, article, url=url, drop=html_rule.drop, text_rule=layout.text)

    # Visible metadata is read around this article only: a page saved during infinite
    # scrolling holds the next articles too.
    scope = _article_scope(root, body)
    visible = _read_selectors(scope, html_rule)
    skipped: list[tuple[str, str]] = []
    in_root = walk_inside(body, root, skipped=skipped)

    landmarks = found is not None
    if layout.text is not None and _visible_text_needed(rule, markup, visible, landmarks):
        landmarks = _read_visible_text(scope, rule, markup, layout.text, visible, landmarks) or landmarks
    # A theme the rule does not know still prints the lead figure and a standfirst.
    visible.caption = visible.caption or _lead_caption(scope, root)
    visible.subtitle = visible.subtitle or _standfirst(scope, root, layout.text)
    captions = [Removal(rule="html.caption", text=block.text) for block in in_root if block.kind == "caption"]
    body_blocks = [block for block in in_root if block.kind != "caption"]

    _fill_metadata(article, rule, markup, visible)
    blocks, stream_removed, stream_landmarks = _clean_body(body_blocks, layout.text, article.title)
    article.blocks = blocks
    # What was dropped and what lies outside the content root are listed only if the audit
    # is read: reading their text is a walk of most of the page.
    article.removed = []
    article.defer_removals(lambda: _dropped(dropped))
    article.audit_listed += [Removal(rule=f"html.non_content:{tag}", text=text) for tag, text in skipped]
    article.defer_removals(lambda: _outside(body, root, how))
    article.audit_listed += captions + stream_removed
    article.subtitle = article.subtitle or _description_standfirst(markup, blocks)
    return landmarks or stream_landmarks


def _dropped(dropped: list[tuple[str, LexborNode]]) -> list[Removal]:
    removals = [Removal(rule=f"html.drop:{selector}", text=node_text(copy)) for selector, copy in dropped]
    return [removal for removal in removals if removal.text]


def _outside(body: LexborNode, root: LexborNode, how: str) -> list[Removal]:
    """The page's text outside the content root, as removals."""
    return [
        Removal(rule=f"html.outside:{how}", text=block.text)
        for block in walk_blocks(body, inside=root)
        if not block.in_root
    ]


def _visible_text_needed(rule: SiteRule, markup: Markup, visible: _Visible, landmarks: bool) -> bool:
    """Whether reading the visible text with the text rule can change the article: it
    decides the landmarks, or it fills a field that neither the selectors nor the markup
    (where the markup takes precedence) already fill."""
    if not landmarks or not (visible.title and visible.subtitle and visible.authors and visible.caption):
        return True
    ld = markup.article
    if not visible.published and not _site_date(
        rule, markup.first("article:published_time"), text_value(ld.get("datePublished"))
    ):
        return True
    if not visible.updated and not _site_date(
        rule, markup.first("article:modified_time", "og:updated_time"), text_value(ld.get("dateModified"))
    ):
        return True
    return not visible.tags and not _choose_tags(markup, [])


#: Body paragraphs run at least this long; the lead figure sits before the first of them.
_BODY_PARAGRAPH_CHARS = 80


def _lead_caption(scope: LexborNode, root: LexborNode) -> str | None:
    """The caption of the first figure before the body's first paragraph."""
    for node in scope.traverse():
        if node.tag == "p" and contains(root, node):
            if len(normalize_text(node.text(deep=True) or "")) >= _BODY_PARAGRAPH_CHARS:
                return None
        elif node.tag == "figcaption":
            caption = normalize_text(node.text(deep=True, separator=" ") or "")
            if caption:
                return caption
    return None


def _standfirst(scope: LexborNode, root: LexborNode, text_rule: TextRule | None) -> str | None:
    """The paragraph or subheading right after the headline, in the article's header (outside
    the body): the standfirst of most themes, unless the rule reads it as a byline or date."""
    headline = scope.css_first("h1")
    node = headline.next if headline is not None else None
    while node is not None and node.tag in ("-text", "-comment"):
        node = node.next
    if node is None or node.tag not in ("p", "h2") or contains(root, node):
        return None
    text = normalize_text(node.text(deep=True) or "")
    if len(text.split()) < 6:
        return None
    if text_rule is not None and (names_metadata(text_rule, text) or names_boilerplate(text_rule, text)):
        return None
    return text


def _description_standfirst(markup: Markup, blocks: list[Block]) -> str | None:
    """The page's description, unless it is only the body's opening (an excerpt)."""
    description = normalize_text(markup.first("og:description", "description", "twitter:description") or "")
    if len(description.split()) < 6:
        return None
    body = " ".join(block.text for block in blocks)
    opening = description.rstrip(".…").removesuffix("...")[:80]
    return None if opening and opening in body else description


def _fallback(
    html: str,
    rule: SiteRule,
    markup: Markup,
    visible: _Visible,
    article: Article,
    *,
    url: str | None,
    drop: tuple[str, ...] = (),
    text_rule: TextRule | None = None,
) -> bool:
    """No content root at all: the generic extractor, with the site's metadata; what the
    site's rule names as boilerplate (drop selectors, its text patterns) still goes."""
    article.warn("generic_fallback")
    extract_generic_html(html, article, url=url, drop=drop)
    _fill_metadata(article, rule, markup, visible, keep_existing=True)
    if text_rule is not None:
        lines = [Line(number=0, text=block.text, gap_before=True) for block in article.blocks]
        cleaning = clean_stream(lines, text_rule)
        article.removed += [
            Removal(rule=rule_id, text=article.blocks[index].text)
            for index, rule_id in sorted(cleaning.removed_by.items())
        ]
        article.blocks = [block for index, block in enumerate(article.blocks) if index not in cleaning.removed_by]
    if article.title:
        # The headline repeated in the body goes, as in a content root (html.title_repeat).
        article.removed += [
            Removal(rule="html.title_repeat", text=b.text) for b in article.blocks if b.text == article.title
        ]
        article.blocks = [block for block in article.blocks if block.text != article.title]
    return False


def _article_scope(root: LexborNode, body: LexborNode) -> LexborNode:
    """The nearest element around the content root that holds the headline (``h1``)."""
    node: LexborNode | None = root
    while node is not None and node.mem_id != body.mem_id:
        if node.css_first("h1") is not None:
            return node
        node = node.parent
    return body


def _read_visible_text(
    scope: LexborNode,
    rule: SiteRule,
    markup: Markup,
    text_rule: TextRule,
    visible: _Visible,
    landmarks: bool,
) -> bool:
    """Run the text rule over the article's visible text, as if it were a dump, to read the
    byline, date, caption and the like; fill what the selectors left empty.

    The head reader stops where the body's prose starts, so the text is first read up to a
    few lines past that (see ``_HeadCut``); the whole text is read only when its tail can
    still change the article: a tail metadata line may fill a field left empty, or the
    landmarks are still undecided."""
    head_cut = _HeadCut(text_rule)
    head = walk_blocks(scope, include_self=True, until=head_cut)
    scratch, found = _read_text(head, rule, text_rule)
    if head_cut.reached and _tail_can_matter(rule, markup, text_rule, visible, scratch, landmarks or found):
        scratch, found = _read_text(walk_blocks(scope, include_self=True), rule, text_rule)
    # A headline the text reader is unsure of is no match for the page's own markup.
    visible.title = visible.title or (None if "title_uncertain" in scratch.warnings else scratch.title)
    visible.subtitle = visible.subtitle or scratch.subtitle
    visible.authors = visible.authors or scratch.authors
    visible.published = visible.published or scratch.published
    visible.updated = visible.updated or scratch.updated
    visible.caption = visible.caption or scratch.image_caption
    visible.tags = visible.tags or scratch.tags
    return found


def _read_text(blocks: list[DomBlock], rule: SiteRule, text_rule: TextRule) -> tuple[Article, bool]:
    scratch = Article(site=rule.id)
    found = extract_text("\n\n".join(block.text for block in blocks), rule, text_rule, scratch)
    return scratch, found


#: The visible field each metadata name of a text rule fills.
_FIELD_OF_NAME = {
    "title": "title",
    "subtitle": "subtitle",
    "caption": "caption",
    "authors": "authors",
    "tags": "tags",
    "date": "published",
    "time": "published",
    "updated": "updated",
}


def _tail_can_matter(
    rule: SiteRule, markup: Markup, text_rule: TextRule, visible: _Visible, head: Article, landmarks: bool
) -> bool:
    """Whether reading the text past the head can change the article: the landmarks are
    still undecided, or a tail metadata line of the rule names a field that neither the
    selectors nor the head filled and the markup does not settle. (The head's reading is
    the whole text's: the reader looks no further for it.)"""
    if not landmarks:
        return True
    return not all(
        _settled(_FIELD_OF_NAME.get(name), rule, markup, visible, head)
        for meta in text_rule.meta
        if meta.region == "tail"
        for name in patterns.compile_pattern(meta.pattern).groupindex
    )


def _settled(field_name: str | None, rule: SiteRule, markup: Markup, visible: _Visible, head: Article) -> bool:
    """Whether a tail metadata line naming this field can no longer change it."""
    ld = markup.article
    if field_name is None:
        return True  # a name the article has no field for
    if field_name == "published":
        # A shown time joins the head's date: only a selector or the markup's date settles it.
        markup_date = _site_date(rule, markup.first("article:published_time"), text_value(ld.get("datePublished")))
        return bool(visible.published or markup_date)
    if field_name == "updated":
        markup_date = _site_date(
            rule, markup.first("article:modified_time", "og:updated_time"), text_value(ld.get("dateModified"))
        )
        return bool(visible.updated or head.updated or markup_date)
    filled = bool(
        getattr(visible, field_name) or getattr(head, "image_caption" if field_name == "caption" else field_name)
    )
    return filled or (field_name == "tags" and bool(_choose_tags(markup, [])))


#: A paragraph of the body's prose: this many words at least, ending a sentence (as the
#: text reader measures the start of a body).
_PROSE_WORDS = 25
#: Lines read past the start of the body's prose: the head reader looks a few lines beyond
#: its last head line (a caption under a standfirst, a multi-line landmark).
_HEAD_LOOKAHEAD = 6


class _HeadCut:
    """Told of the visible blocks in turn, says when the head reader has all it needs: a
    few lines past the second of the first two prose paragraphs in a row that the rule
    does not name as boilerplate (where the reader's head window ends at the latest)."""

    def __init__(self, text_rule: TextRule) -> None:
        self.text_rule = text_rule
        self.count = 0
        self.previous = False
        self.stop_at: int | None = None

    @property
    def reached(self) -> bool:
        return self.stop_at is not None and self.count >= self.stop_at

    def __call__(self, block: DomBlock) -> bool:
        self.count += 1
        if self.stop_at is None:
            prose = (
                len(block.text.split()) >= _PROSE_WORDS
                and ends_sentence(block.text)
                and not names_boilerplate(self.text_rule, block.text)
            )
            if prose and self.previous:
                self.stop_at = self.count + _HEAD_LOOKAHEAD
            self.previous = prose
        return self.reached


def _clean_body(
    dom_blocks: list[DomBlock], text_rule: TextRule | None, title: str | None
) -> tuple[list[Block], list[Removal], bool]:
    lines = [
        Line(number=0, text=block.text, gap_before=_gap_before(dom_blocks, position))
        for position, block in enumerate(dom_blocks)
    ]
    removed_by: dict[int, str] = {}
    landmarks = False
    if text_rule is not None:
        cleaning = clean_stream(lines, text_rule)
        removed_by.update(cleaning.removed_by)
        landmarks = cleaning.landmarks_found
    # A content root that starts at the article's header repeats the headline.
    for position, block in enumerate(dom_blocks[:3]):
        if title and block.text == title and block.kind in ("heading", "paragraph"):
            removed_by.setdefault(position, "html.title_repeat")
    blocks = [
        Block(block.kind, block.text)  # type: ignore[arg-type]
        for position, block in enumerate(dom_blocks)
        if position not in removed_by
    ]
    removed = [Removal(rule=rule_id, text=dom_blocks[index].text) for index, rule_id in sorted(removed_by.items())]
    return blocks, removed, landmarks


def _gap_before(blocks: list[DomBlock], position: int) -> bool:
    """Whether a dump of the page would show a blank line before this block: around
    paragraphs, yes; between the items of a list (which follow their header), no."""
    if position == 0:
        return False
    current = blocks[position]
    if current.tag == "li":
        return False
    return current.tag == "p" or blocks[position - 1].tag == "p"


def _read_selectors(scope: LexborNode, html_rule: HtmlRule) -> _Visible:
    visible = _Visible()
    visible.title = _first_text(scope, html_rule.title)
    visible.subtitle = _first_text(scope, html_rule.subtitle)
    visible.caption = _first_text(scope, html_rule.caption)
    visible.authors = _all_texts(scope, html_rule.authors, strip=_BY_PREFIX)
    visible.tags = _all_texts(scope, html_rule.tags)
    visible.published = _first_date(scope, html_rule.published)
    visible.updated = _first_date(scope, html_rule.updated)
    return visible


def _first_text(scope: LexborNode, selectors: tuple[str, ...]) -> str | None:
    """The text of the first element the first matching selector finds (an empty element
    means the field is empty on this page, not that a later element holds it)."""
    for selector in selectors:
        node = scope.css_first(selector)
        if node is not None:
            return node_text(node) or None
    return None


def _all_texts(scope: LexborNode, selectors: tuple[str, ...], *, strip: str | None = None) -> list[str]:
    for selector in selectors:
        texts: list[str] = []
        for node in scope.css(selector):
            text = node_text(node)
            if strip:
                text = patterns.compile_pattern(strip).sub("", text, count=1)
            text = text.strip(" ,;")
            if text and text not in texts:
                texts.append(text)
        if texts:
            return texts
    return []


def _first_date(scope: LexborNode, selectors: tuple[str, ...]) -> str | None:
    for selector in selectors:
        node = scope.css_first(selector)
        if node is not None:
            value = node.attributes.get("datetime") or node.attributes.get("content")
            return value.strip() if value and value.strip() else None
    return None


def _fill_metadata(
    article: Article, rule: SiteRule, markup: Markup, visible: _Visible, *, keep_existing: bool = False
) -> None:
    ld = markup.article
    site_names = tuple(name for name in (markup.first("og:site_name"), rule.name) if name)

    def pick(current: str | None, *candidates: str | None) -> str | None:
        if keep_existing and current:
            candidates = (*candidates, current)
        return next((value for value in candidates if value), None)

    article.title = pick(
        article.title,
        visible.title,
        text_value(ld.get("headline")),
        strip_site_name(markup.first("og:title", "twitter:title"), site_names),
        strip_site_name(markup.html_title, site_names),
    )
    article.subtitle = pick(article.subtitle, visible.subtitle)
    article.authors = _choose_authors(markup, visible.authors, site_names) or (article.authors if keep_existing else [])
    article.published = _site_date(
        rule,
        markup.first("article:published_time"),
        text_value(ld.get("datePublished")),
        visible.published,
    ) or pick(article.published if keep_existing else None)
    article.updated = _site_date(
        rule,
        markup.first("article:modified_time", "og:updated_time"),
        text_value(ld.get("dateModified")),
        visible.updated,
    ) or pick(article.updated if keep_existing else None)
    article.tags = _choose_tags(markup, visible.tags) or (article.tags if keep_existing else [])
    article.image_caption = pick(article.image_caption, visible.caption)
    article.language = (
        primary_language(markup.lang)
        or primary_language(markup.first("og:locale"))
        or primary_language(json_ld_language(ld))
        or rule.language
    )
    article.canonical_url = pick(
        article.canonical_url,
        markup.canonical_url,
        markup.first("og:url"),
        text_value(ld.get("url")),
        text_value(ld.get("mainEntityOfPage")),
    )


def _site_date(rule: SiteRule, *values: str | None) -> str | None:
    """The first parseable machine date, in the site's time zone (a shown date that the
    text rule already parsed is ISO too, and passes through unchanged)."""
    for value in values:
        if value:
            converted = to_site_time(value, rule.timezone)
            if converted:
                return converted
    return None


def _choose_authors(markup: Markup, visible: list[str], site_names: tuple[str, ...]) -> list[str]:
    """Markup authors unless the visible byline names all of them and more: JSON-LD and
    twitter:data1 often carry only the primary author."""
    declared = list(markup.json_ld_authors)
    if not declared:
        for value in (markup.first("author"), *markup.all("article:author")):
            if value and not value.startswith(("http://", "https://")) and value not in declared:
                declared.append(value)
    if not declared and (markup.first("twitter:label1") or "").lower() == "written by":
        declared = [value for value in [markup.first("twitter:data1")] if value]
    declared = [name for name in declared if name not in site_names]
    if not declared:
        return list(visible)
    if visible and set(declared) <= set(visible) and len(visible) > len(declared):
        return list(visible)
    return declared


def _choose_tags(markup: Markup, visible: list[str]) -> list[str]:
    tags = markup.all("article:tag")
    if len(tags) == 1 and "," in tags[0]:
        tags = tags[0].split(",")
    if not tags:
        tags = json_ld_keywords(markup.article)
    tags = [tag.strip() for tag in tags if tag.strip()]
    return list(dict.fromkeys(tags)) or list(visible)
