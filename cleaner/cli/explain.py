"""`cleaner explain FILE`: the page with what was kept and what was removed, and by which rule.

For a text dump every non-empty input line is shown in order, marked with the type of the
body block it became or with the id of the rule that removed it. For HTML the kept blocks
and the removed spans are shown in page order. A line that is neither kept nor attributed
to a rule is an audit failure and is marked as such.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import click

from cleaner.cli.usage import UsageProblem
from cleaner.errors import CleanerError, UnknownSiteError
from cleaner.extract.lines import split_lines
from cleaner.extract.normalize import normalize_text
from cleaner.inputs.document import Document, load_document
from cleaner.outputs.article import Article
from cleaner.pipeline import clean_document
from cleaner.rules.registry import Registry

UNATTRIBUTED = "UNATTRIBUTED"


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    kept: bool
    label: str  # block type when kept, rule id when removed
    line: int | None = None
    chars: int = 0


@dataclass(slots=True)
class Explanation:
    article: Article
    rows: list[Row]

    @property
    def unattributed(self) -> list[Row]:
        return [row for row in self.rows if not row.kept and row.label == UNATTRIBUTED]

    def removed_by_rule(self) -> dict[str, dict[str, int]]:
        lines: Counter[str] = Counter()
        chars: Counter[str] = Counter()
        for row in self.rows:
            if not row.kept:
                lines[row.label] += 1
                chars[row.label] += row.chars
        return {rule: {"spans": lines[rule], "chars": chars[rule]} for rule in sorted(lines)}

    def to_dict(self) -> dict:
        article = self.article
        return {
            "source": article.source,
            "site": article.site,
            "layout": article.layout,
            "warnings": list(article.warnings),
            "title": article.title,
            "rows": [asdict(row) for row in self.rows],
            "summary": {
                "kept_blocks": sum(row.kept for row in self.rows),
                "removed_spans": sum(not row.kept for row in self.rows),
                "unattributed": len(self.unattributed),
                "removed_by_rule": self.removed_by_rule(),
            },
        }


def explain_document(document: Document, article: Article) -> Explanation:
    if document.kind == "text":
        return Explanation(article, _text_rows(document, article))
    return Explanation(article, _html_rows(document, article))


def _text_rows(document: Document, article: Article) -> list[Row]:
    removed = {removal.line: removal.rule for removal in article.removed if removal.line is not None}
    blocks = iter(article.blocks)
    pending = next(blocks, None)
    rows: list[Row] = []
    for line in split_lines(document.text):
        if line.number in removed:
            rows.append(Row(line.text, False, removed[line.number] or UNATTRIBUTED, line.number, len(line.text)))
        elif pending is not None and pending.text == line.text:
            rows.append(Row(line.text, True, pending.type, line.number, len(line.text)))
            pending = next(blocks, None)
        else:
            rows.append(Row(line.text, False, UNATTRIBUTED, line.number, len(line.text)))
    return rows


def _html_rows(document: Document, article: Article) -> list[Row]:
    """Kept blocks and removed spans, ordered by where their text first occurs in the page."""
    page = normalize_text(document.text)
    rows = [Row(block.text, True, block.type, None, len(block.text)) for block in article.blocks]
    rows += [Row(r.text, False, r.rule or UNATTRIBUTED, None, len(r.text)) for r in article.removed]

    def position(row: Row) -> int:
        found = page.find(row.text[:80])
        return found if found >= 0 else len(page)

    return sorted(rows, key=position)


def explain(
    content: str | bytes,
    *,
    url: str | None = None,
    site: str | None = None,
    source: str | None = None,
    registry: Registry | None = None,
) -> Explanation:
    document = load_document(content, url=url, source=source)
    return explain_document(document, clean_document(document, site=site, registry=registry))


# --- rendering ------------------------------------------------------------------------------

_LABEL_WIDTH = 28


def render_plain_rows(explanation: Explanation, *, width: int | None) -> list[str]:
    out: list[str] = []
    for row in explanation.rows:
        number = f"{row.line:>4}" if row.line is not None else "   -"
        if row.kept:
            label = click.style(f"KEEP {row.label}".ljust(_LABEL_WIDTH), fg="green", bold=True)
            text = row.text
        else:
            label = click.style(f"DROP {row.label}".ljust(_LABEL_WIDTH), fg="red")
            text = click.style(row.text, dim=True)
        if width is not None:
            room = max(20, width - _LABEL_WIDTH - 7)
            plain = row.text if len(row.text) <= room else row.text[: room - 1] + "…"
            text = plain if row.kept else click.style(plain, dim=True)
        out.append(f"{number}  {label} {text}")
    return out


def render_header(explanation: Explanation) -> list[str]:
    article = explanation.article
    warnings = ", ".join(article.warnings) or "none"
    return [
        click.style(f"{article.source or '<input>'}", bold=True),
        f"site: {article.site}"
        + (f" ({article.site_name})" if article.site_name else "")
        + (f", layout: {article.layout}" if article.layout else ""),
        f"title: {article.title or '-'}",
        "warnings: " + (click.style(warnings, fg="yellow") if article.warnings else warnings),
        "",
    ]


def render_summary(explanation: Explanation) -> list[str]:
    summary = explanation.to_dict()["summary"]
    lines = [
        "",
        f"kept {summary['kept_blocks']} blocks; removed {summary['removed_spans']} spans",
    ]
    for rule, counts in summary["removed_by_rule"].items():
        lines.append(f"  {rule:<{_LABEL_WIDTH}} {counts['spans']:>4} spans {counts['chars']:>7} chars")
    if summary["unattributed"]:
        lines.append(click.style(f"{summary['unattributed']} removed spans have no rule", fg="red", bold=True))
    return lines


@click.command("explain")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--site", help="Force a site rule by id (or 'generic').")
@click.option("--url", help="The URL the page came from; decides the site when given.")
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=str),
    help="A directory of extra rule files (repeatable).",
)
@click.option(
    "--no-builtin-rules",
    "no_builtin",
    is_flag=True,
    help="Load only rules from --rules, $CLEANER_RULES_PATH and entry points.",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--wide", is_flag=True, help="Do not cut long lines to the terminal width.")
def explain_command(
    file: Path,
    site: str | None,
    url: str | None,
    rule_dirs: tuple[str, ...],
    no_builtin: bool,
    as_json: bool,
    wide: bool,
) -> None:
    """Show FILE with its kept blocks and its removed blocks, each marked with the rule that removed it."""
    from cleaner.engines.local import Options, registry_for

    registry = registry_for(Options(rule_dirs=rule_dirs, builtin_rules=not no_builtin))
    for problem in registry.problems:
        click.echo(f"cleaner: rule not loaded: {problem}", err=True)
    try:
        explanation = explain(file.read_bytes(), url=url, site=site, source=str(file), registry=registry)
    except UnknownSiteError as exc:
        raise UsageProblem(f"--site: {exc}") from None
    except CleanerError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(explanation.to_dict(), ensure_ascii=False, indent=2))
        return
    width = None if wide or not sys.stdout.isatty() else shutil.get_terminal_size().columns
    # click.echo drops the colours when stdout is not a terminal.
    for line in [
        *render_header(explanation),
        *render_plain_rows(explanation, width=width),
        *render_summary(explanation),
    ]:
        click.echo(line)
