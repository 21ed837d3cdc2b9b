"""HTML as a tree, and a tree as a typed block stream.

Parsing goes through selectolax (lexbor). Walks over the tree are iterative, so no page is
too deep for them; but lexbor itself slows down quadratically on absurd nesting, so markup
nested deeper than ``MAX_DEPTH`` is flattened (its excess tags dropped, its text kept)
before parsing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from typing import Literal

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaner.extract.normalize import normalize_text

MAX_DEPTH = 1000

DomKind = Literal["paragraph", "heading", "quote", "list_item", "caption"]

#: Elements whose content is never page text.
NON_CONTENT_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "select",
        "textarea",
        "head",
        "title",
        "map",
    }
)
#: Non-content elements whose text a reader could take for page text; their removal is audited.
AUDITED_NON_CONTENT = frozenset({"noscript", "template"})

_KIND_OF_TAG: dict[str, DomKind] = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "blockquote": "quote",
    "li": "list_item",
    "figcaption": "caption",
}
_BLOCK_TAGS = frozenset(
    {
        *_KIND_OF_TAG,
        "address",
        "article",
        "aside",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "main",
        "nav",
        "ol",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
    }
)
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Tags whose end tag is optional and that close their own kind: they never nest by themselves.
_SELF_CLOSING_KIND = frozenset({"p", "li", "dt", "dd", "option", "tr", "td", "th", "rb", "rt", "rp", "optgroup"})
#: Elements the walk neither enters nor takes as a block boundary.
_LEAF_TAGS = frozenset({"img", "input", "hr"})
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})\b[^>]*>")
# The same tags as (closing slash, name, last character before ">"): measuring the depth
# of every page is one C-level findall, with no match object per tag.
_TAG_PARTS = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})\b(?:[^>]*([^>]))?>")
_NEVER_NESTS = _VOID_TAGS | _SELF_CLOSING_KIND


@dataclass(frozen=True, slots=True)
class DomBlock:
    kind: DomKind
    text: str  # normalised
    tag: str  # the innermost block element holding the text
    in_root: bool = False


def limit_depth(html: str, max_depth: int = MAX_DEPTH) -> str:
    """Drop the tags of elements nested deeper than ``max_depth``, keeping their text."""
    if html.count("<") <= max_depth or _deepest(html) <= max_depth:
        return html
    parts: list[str] = []
    depth = 0
    last = 0
    for match in _TAG.finditer(html):
        if _never_nests(match):
            continue
        if match.group(1):
            keep = depth <= max_depth
            depth = max(depth - 1, 0)
        else:
            depth += 1
            keep = depth <= max_depth
        if not keep:
            parts.append(html[last : match.start()])
            parts.append(" ")
            last = match.end()
    parts.append(html[last:])
    return "".join(parts)


def _deepest(html: str) -> int:
    """How deep the page's tags nest, counted as ``limit_depth`` counts them."""
    depth = deepest = 0
    for closing, name, last in _TAG_PARTS.findall(html):
        if last == "/" or name.lower() in _NEVER_NESTS:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _never_nests(tag: regex.Match[str]) -> bool:
    name = tag.group(2).lower()
    return name in _VOID_TAGS or name in _SELF_CLOSING_KIND or tag.group(0).endswith("/>")


def parse_html(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(limit_depth(html))


def iter_elements(root: LexborNode) -> Iterator[LexborNode]:
    """Descendant elements of ``root`` in document order, without recursion."""
    stack: list[LexborNode] = []
    node = root.child
    while node is not None:
        if node.is_element_node:
            yield node
        if node.child is not None:
            stack.append(node)
            node = node.child
            continue
        while node.next is None and stack:
            node = stack.pop()
        node = node.next


def node_text(node: LexborNode) -> str:
    """The visible text of an element, non-content elements skipped, normalised."""
    return " ".join(block.text for block in walk_blocks(node, include_self=True))


def walk_blocks(
    root: LexborNode,
    *,
    inside: LexborNode | None = None,
    include_self: bool = False,
    skipped: list[tuple[str, str]] | None = None,
    until: Callable[[DomBlock], bool] | None = None,
) -> list[DomBlock]:
    """The text under ``root`` as typed blocks, in document order.

    Block elements and ``<br>`` end a block; a block's kind is that of its innermost typed
    ancestor (``p``, ``h1``-``h6``, ``blockquote``, ``li``), except that anything inside a
    ``figcaption`` is a ``caption``. Blocks under ``inside`` are marked ``in_root``.
    Text of audited non-content elements found inside ``inside`` (or anywhere, without it)
    is appended to ``skipped`` as (tag, text). ``until`` is told of each block in turn; the
    walk stops after the first one it says yes to (the blocks so far are those of a whole
    walk: a block is complete once written).
    """
    walker = _Walker(inside.mem_id if inside is not None else None, skipped, until)
    try:
        walker.walk_from(root, include_self=include_self)
        walker.flush()
    except _Enough:
        pass
    return walker.blocks


def walk_inside(
    root: LexborNode, inside: LexborNode, *, skipped: list[tuple[str, str]] | None = None
) -> list[DomBlock]:
    """The ``in_root`` blocks of ``walk_blocks(root, inside=inside)``, walking ``inside`` alone:
    its ancestors up to ``root`` give the blocks their kind as the whole walk would."""
    ancestors: list[LexborNode] = []
    node = inside.parent
    while node is not None and node.mem_id != root.mem_id:
        ancestors.append(node)
        node = node.parent
    if node is None or inside.mem_id == root.mem_id:
        return []  # a walk of ``root`` never enters ``inside``
    walker = _Walker(inside.mem_id, skipped)
    for ancestor in reversed(ancestors):
        tag = ancestor.tag or ""
        if tag in NON_CONTENT_TAGS or tag in _LEAF_TAGS or not ancestor.is_element_node:
            return []  # the walk skips this element and all it holds
        walker.contexts.append((tag, _KIND_OF_TAG.get(tag)) if tag in _BLOCK_TAGS else ("", None))
        walker.in_root_stack.append(False)
    # The whole walk enters ``inside`` with the text since its last block boundary still
    # unwritten, and writes it as the first block of ``inside``.
    walker.buffer.append(_unwritten_text(root, inside))
    walker.walk_from(inside, include_self=True)
    walker.flush()
    return [block for block in walker.blocks if block.in_root]


def _unwritten_text(root: LexborNode, node: LexborNode) -> str:
    """The text a walk of ``root`` holds unwritten when it reaches ``node``: what follows the
    last block boundary (a block element's start or end, a ``<br>``) before it."""
    parts: list[str] = []
    current = node
    while current.mem_id != root.mem_id:
        stack = [current.prev] if current.prev is not None else []
        while stack:
            item = stack.pop()
            if item.prev is not None:
                stack.append(item.prev)  # after this item's own content
            if item.is_text_node:
                parts.append(item.text_content or "")
                continue
            tag = item.tag or ""
            if not item.is_element_node or tag in NON_CONTENT_TAGS or tag in _LEAF_TAGS:
                continue
            if tag == "br" or tag in _BLOCK_TAGS:
                return "".join(reversed(parts))
            if item.last_child is not None:
                stack.append(item.last_child)
        parent = current.parent
        if parent is None or parent.mem_id == root.mem_id or (parent.tag or "") in _BLOCK_TAGS:
            break
        current = parent
    return "".join(reversed(parts))


_INLINE: tuple[str, DomKind | None] = ("", None)


class _Enough(Exception):
    """Raised by a walk's ``until`` to end it."""


class _Walker:
    def __init__(
        self,
        inside_id: int | None,
        skipped: list[tuple[str, str]] | None,
        until: Callable[[DomBlock], bool] | None = None,
    ) -> None:
        self.inside_id = inside_id
        self.skipped = skipped
        self.until = until
        self.blocks: list[DomBlock] = []
        self.buffer: list[str] = []
        # One entry per open element: (tag if it is a block element else "", its kind).
        self.contexts: list[tuple[str, DomKind | None]] = []
        self.in_root_stack: list[bool] = []

    @property
    def in_root(self) -> bool:
        return self.inside_id is None or (bool(self.in_root_stack) and self.in_root_stack[-1])

    def flush(self) -> None:
        if not self.buffer:
            return
        joined = "".join(self.buffer)
        self.buffer.clear()
        if joined.isspace():  # the white space between elements
            return
        text = normalize_text(joined)
        if not text:
            return
        kinds = [kind for _, kind in self.contexts if kind is not None]
        kind: DomKind = "caption" if "caption" in kinds else (kinds[-1] if kinds else "paragraph")
        tag = self.contexts[-1][0] if self.contexts else "body"
        block = DomBlock(kind, text, tag, self.inside_id is not None and self.in_root)
        self.blocks.append(block)
        if self.until is not None and self.until(block):
            raise _Enough

    def enter(self, node: LexborNode) -> bool:
        """Handle the start of ``node``; return whether to walk into its children."""
        if node.is_text_node:
            self.buffer.append(node.text_content or "")
            return False
        if not node.is_element_node:
            return False
        tag = node.tag or ""
        if tag in NON_CONTENT_TAGS:
            if tag in AUDITED_NON_CONTENT and self.skipped is not None and self.in_root:
                text = normalize_text(node.text(deep=True) or "")
                if text:
                    self.skipped.append((tag, text))
            return False
        if tag == "br":
            self.flush()
            return False
        if tag in _LEAF_TAGS:
            return False
        entering_root = self.inside_id is not None and node.mem_id == self.inside_id
        self.in_root_stack.append(entering_root or (bool(self.in_root_stack) and self.in_root_stack[-1]))
        if tag in _BLOCK_TAGS or entering_root:
            self.flush()
            self.contexts.append((tag, _KIND_OF_TAG.get(tag)))
        else:
            self.contexts.append(_INLINE)
        return True

    def leave(self, node: LexborNode) -> None:
        if self.contexts[-1][0]:
            self.flush()
        self.contexts.pop()
        self.in_root_stack.pop()

    def walk_from(self, root: LexborNode, *, include_self: bool) -> None:
        """``enter`` and ``leave`` every node under ``root``, inlined: this loop runs once
        per node of every page."""
        if include_self and not self.enter(root):
            return
        buffer, contexts, in_root_stack, flush = self.buffer, self.contexts, self.in_root_stack, self.flush
        inside_id = self.inside_id
        stack: list[LexborNode] = []
        node = root.child
        while node is not None:
            if node.is_text_node:
                buffer.append(node.text_content or "")
            elif node.is_element_node:
                tag = node.tag or ""
                if tag in NON_CONTENT_TAGS or tag == "br" or tag in _LEAF_TAGS:
                    self.enter(node)
                else:
                    entering_root = inside_id is not None and node.mem_id == inside_id
                    in_root_stack.append(entering_root or (bool(in_root_stack) and in_root_stack[-1]))
                    if tag in _BLOCK_TAGS or entering_root:
                        flush()
                        contexts.append((tag, _KIND_OF_TAG.get(tag)))
                    else:
                        contexts.append(_INLINE)
                    child = node.child
                    if child is not None:
                        stack.append(node)
                        node = child
                        continue
                    if contexts[-1][0]:
                        flush()
                    contexts.pop()
                    in_root_stack.pop()
            following = node.next
            while following is None and stack:
                node = stack.pop()
                if contexts[-1][0]:
                    flush()
                contexts.pop()
                in_root_stack.pop()
                following = node.next
            node = following
        if include_self:
            self.leave(root)


def first_match(root: LexborNode, selectors: tuple[str, ...]) -> tuple[LexborNode, str] | None:
    """The first element matching the first selector that matches anything."""
    for selector in selectors:
        node = root.css_first(selector)
        if node is not None:
            return node, selector
    return None


def densest_container(
    root: LexborNode, *, min_chars: int = 200, ignore: Callable[[str], bool] | None = None
) -> LexborNode | None:
    """The element that holds the most paragraph text: each ``p`` counts fully for its
    parent and half for its grandparent, so a body split over several wrapper blocks is
    still taken whole, while a single wrapper beats the page around it. Paragraphs that
    ``ignore`` names (known boilerplate: a donation appeal) count for nothing."""
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    for paragraph in root.css("p"):
        text = normalize_text(paragraph.text(deep=True) or "")
        length = 0 if ignore is not None and ignore(text) else len(text)
        parent = paragraph.parent
        for weight in (1.0, 0.5):
            if parent is None:
                break
            scores[parent.mem_id] = scores.get(parent.mem_id, 0.0) + weight * length
            nodes[parent.mem_id] = parent
            parent = parent.parent
    if not scores:
        return None
    best = max(scores, key=lambda key: scores[key])
    return nodes[best] if scores[best] >= min_chars else None


def contains(ancestor: LexborNode, node: LexborNode) -> bool:
    current: LexborNode | None = node
    target = ancestor.mem_id
    while current is not None:
        if current.mem_id == target:
            return True
        current = current.parent
    return False


def drop_selectors(
    scope: LexborNode, selectors: tuple[str, ...], *, keep: LexborNode | None = None
) -> list[tuple[str, LexborNode]]:
    """Remove every element under ``scope`` that a selector matches; return (selector, a
    copy of the element as it was removed), whose text is read only if the audit asks for
    it (a copy is made in C; reading text walks it in Python). An element holding ``keep``
    is never removed."""
    # All matches are collected before anything is removed, and only the outermost ones are
    # removed: a node inside an already removed subtree must not be touched again.
    matches: dict[int, tuple[LexborNode, str]] = {}
    for selector in selectors:
        for node in scope.css(selector):
            if node.mem_id == scope.mem_id or node.mem_id in matches:
                continue
            if keep is not None and contains(node, keep):
                continue
            matches[node.mem_id] = (node, selector)
    # The outermost are told apart before anything is removed: once an element is gone, the
    # nodes inside it are no longer part of the tree.
    outermost = [
        (node, selector)
        for node, selector in matches.values()
        if not _has_ancestor_in(node, matches, stop=scope.mem_id)
    ]
    removed: list[tuple[str, LexborNode]] = []
    for node, selector in outermost:
        removed.append((selector, node.clone()))
        node.decompose()
    return removed


def _has_ancestor_in(node: LexborNode, ids: Container[int], *, stop: int) -> bool:
    current = node.parent
    while current is not None and current.mem_id != stop:
        if current.mem_id in ids:
            return True
        current = current.parent
    return False
