"""A learned group written out as a draft rule file in the normal schema.

Every pattern is a Python string literal (``repr``), so nothing a page holds can become code;
each carries a comment with its page share and an example of what it removes.
"""

from __future__ import annotations

import regex

from cleaner.learn.state import LearnedGroup, LearnedPattern, LearnedSelector

#: Signatures: repeated lines of at least this many words on this share of the pages weigh
#: half a cue each (two are needed), the site's names a whole one.
_SIGNATURE_WORDS = 2
_SIGNATURE_SHARE = 0.15
_MAX_LINE_SIGNATURES = 8
_LINE_WEIGHT = 0.5
_NAME_WEIGHT = 1.0
_EXAMPLE_CHARS = 70
_REGION_WORDS = {"any": "anywhere", "head": "above the article", "tail": "below the article", "body": "in the article"}


def _example(text: str) -> str:
    short = text if len(text) <= _EXAMPLE_CHARS else text[: _EXAMPLE_CHARS - 1] + "…"
    return repr(" ".join(short.split()))


def _comment(pages: int, size: int, share: float, example: str, where: str = "") -> str:
    place = f", {where}" if where else ""
    return f"# {pages}/{size} pages ({share:.0%}){place}: e.g. {_example(example)}"


def _line_pattern(item: LearnedPattern, rule_id: str, size: int, indent: str) -> str:
    local_id = item.id.split(":", 1)[-1]
    region = f", region={item.region!r}" if item.region != "any" else ""
    return (
        f"{indent}{_comment(item.pages, size, item.share, item.example, _REGION_WORDS.get(item.region, ''))}\n"
        f"{indent}LinePattern(id={f'{rule_id}.{local_id}'!r}, pattern={item.pattern!r}{region}),\n"
    )


def _selector(item: LearnedSelector, size: int, indent: str) -> str:
    return f"{indent}{_comment(item.pages, size, item.share, item.example)}\n{indent}{item.selector!r},\n"


def _signatures(group: LearnedGroup) -> list[tuple[str, float]]:
    """Cues that a dump is of this site, with their weights (the rule's ``min_score`` is 1):
    a name its boilerplate repeats, found on any line, or two of its most widespread
    repeated lines (in shape)."""
    cues = [(rf"^.*\b(?i:{regex.escape(name)})\b", _NAME_WEIGHT) for name in group.names]
    lines: list[str] = []
    for item in sorted(group.patterns, key=lambda p: -p.pages):
        wide = item.share >= _SIGNATURE_SHARE and len(item.example.split()) >= _SIGNATURE_WORDS
        if item.role == "drop" and wide and item.pattern not in lines:
            lines.append(item.pattern)
    cues += [(f"^(?:{pattern})$", _LINE_WEIGHT) for pattern in lines[:_MAX_LINE_SIGNATURES]]
    return cues


def _block(name: str, body: str, indent: str) -> str:
    if not body:
        return ""
    return f"{indent}{name}=(\n{body}{indent}),\n"


def rule_source(group: LearnedGroup, *, rule_id: str, name: str, domains: tuple[str, ...]) -> str:
    """The text of a rule file for ``group``."""
    size = group.size
    inner = " " * 20
    drops = "".join(_line_pattern(p, rule_id, size, inner) for p in group.patterns if p.role == "drop")
    heads = "".join(_line_pattern(p, rule_id, size, inner) for p in group.patterns if p.role == "head_anchor")
    tails = "".join(_line_pattern(p, rule_id, size, inner) for p in group.patterns if p.role == "tail_anchor")
    selectors = "".join(_selector(s, size, inner) for s in group.selectors)
    text_fields = (
        _block("boilerplate", drops, " " * 16)
        + _block("head_anchors", heads, " " * 16)
        + _block("tail_anchors", tails, " " * 16)
        # Landmarks learned from some pages miss on others: the lines above the first prose
        # paragraph go as head on every page.
        + " " * 16
        + "head_until_prose=True,\n"
    )
    html = f"            html=HtmlRule(\n{_block('drop', selectors, ' ' * 16)}            ),\n" if selectors else ""
    signatures = "".join(f"        Signature({cue!r}, weight={weight}),\n" for cue, weight in _signatures(group))
    rejected = "".join(
        f"#   {item.pages} pages: {item.reason}: {_example(item.example)}\n" for item in group.rejected[:20]
    )
    domain_items = "".join(f"{domain!r}, " for domain in domains).rstrip(" ")
    return (
        f'"""Draft rule for {name}, induced by `cleaner induce` from {size} pages.\n\n'
        "Each pattern repeats across those pages; its comment gives the share of pages it was found\n"
        "on and an example of what it removes. Review them, add metadata lines (byline, date) and a\n"
        "title rule, then run `cleaner explain PAGE` and `cleaner check`.\n"
        '"""\n\n'
        "from cleaner.rule import HtmlRule, Layout, LinePattern, Signature, SiteRule, TextRule\n\n"
        + (f"# Repeated lines not learned, and why:\n{rejected}\n" if rejected else "")
        + "RULE = SiteRule(\n"
        f"    id={rule_id!r},\n"
        f"    name={name!r},\n"
        f"    domains=({domain_items}),\n"
        + (f"    signatures=(\n{signatures}    ),\n    min_score=1.0,\n" if signatures else "")
        + "    layouts=(\n"
        "        Layout(\n"
        '            name="induced",\n'
        f"            text=TextRule(\n{text_fields}            ),\n"
        f"{html}"
        "        ),\n"
        "    ),\n"
        ")\n"
    )
