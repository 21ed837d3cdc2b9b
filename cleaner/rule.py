"""What a rule file imports: the rule schema (``from cleaner.rule import SiteRule, ...``).

The classes live in :mod:`cleaner.rules.schema`; this module is the stable import path for
rule files, which are written outside the package.
"""

from cleaner.rules.schema import (
    CaptionRule,
    HeadingRule,
    HtmlRule,
    Layout,
    LinePattern,
    MetaLine,
    Signature,
    SiteRule,
    TextRule,
    TitleRule,
)

__all__ = [
    "CaptionRule",
    "HeadingRule",
    "HtmlRule",
    "Layout",
    "LinePattern",
    "MetaLine",
    "Signature",
    "SiteRule",
    "TextRule",
    "TitleRule",
]
