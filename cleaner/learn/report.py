"""What the run report says about learning: each group, its size, its learned patterns."""

from __future__ import annotations

from typing import Any


def learning_lines(groups: list[dict[str, Any]]) -> list[str]:
    lines = []
    for group in groups:
        head = f"learned {group['group']} ({group['pages']} pages)"
        if group["too_small"]:
            lines.append(f"{head}: too few pages to learn from")
            continue
        patterns = group["patterns"]
        selectors = group["selectors"]
        if not patterns and not selectors:
            lines.append(f"{head}: nothing repeats enough to learn ({group['rejected']} candidates rejected)")
            continue
        lines.append(
            f"{head}: {len(patterns)} patterns, {len(selectors)} selectors, {group['rejected']} candidates rejected"
        )
        lines += [f"  {p['id']} ({p['role']}, {p['pages']} pages)" for p in patterns]
        lines += [f"  selector {selector}" for selector in selectors]
    return lines
