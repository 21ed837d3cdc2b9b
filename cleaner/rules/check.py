"""`cleaner check`: validate rule files and run each rule's fixtures.

A fixture case is ``<case>.txt|.html|.htm`` next to ``<case>.expected.json``; the expected
JSON holds any subset of the Article fields and only those are compared. A case is
cleaned exactly as a normal run would clean it (the site is detected, not forced); when
the expected JSON has a ``url``, it is passed as the page's URL. A case in a folder named
after a rule id must also be detected as that rule; in any other folder the expected
``site`` (when given) says which rule the case belongs to.
"""

from __future__ import annotations

import contextlib
import difflib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import click

from cleaner.outputs.article import Article
from cleaner.pipeline import clean
from cleaner.rules.registry import LoadProblem, Registry, load_file, load_registry, rule_files

INPUT_SUFFIXES = (".txt", ".html", ".htm")
EXPECTED_SUFFIX = ".expected.json"
#: Keys an expected JSON may hold: the Article's fields ("removed" asks for the audit).
ARTICLE_FIELDS = frozenset(item.name for item in fields(Article) if item.init) | {"text", "removed"}


@dataclass(frozen=True, slots=True)
class Case:
    input: Path | None
    expected: Path | None
    folder_rule: str | None  # the case sits in a folder named after this rule

    @property
    def name(self) -> str:
        return display(self.input or self.expected)


@dataclass(slots=True)
class CaseResult:
    case: Case
    rule_id: str
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass(slots=True)
class RuleRow:
    rule_id: str
    origin: str
    problems: list[str] = field(default_factory=list)
    cases: list[CaseResult] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(case.ok for case in self.cases)

    def ok(self, *, require_fixtures: bool = False) -> bool:
        return not self.problems and self.passed == len(self.cases) and (bool(self.cases) or not require_fixtures)


@dataclass(slots=True)
class CheckReport:
    rows: list[RuleRow] = field(default_factory=list)
    not_loaded: list[LoadProblem] = field(default_factory=list)
    require_fixtures: bool = False

    @property
    def ok(self) -> bool:
        return not self.not_loaded and all(row.ok(require_fixtures=self.require_fixtures) for row in self.rows)

    def render(self) -> str:
        table = [("RULE", "RESULT", "FIXTURES", "ORIGIN")]
        for row in self.rows:
            result = "pass" if row.ok(require_fixtures=self.require_fixtures) else "FAIL"
            fixtures = f"{row.passed}/{len(row.cases)}" if row.cases else "none"
            table.append((row.rule_id, result, fixtures, row.origin))
        for problem in self.not_loaded:
            table.append(("(not loaded)", "FAIL", "-", str(LoadProblem(display(problem.origin), problem.reason))))
        widths = [max(len(line[column]) for line in table) for column in range(3)]
        out = ["  ".join([*(c.ljust(w) for c, w in zip(line[:3], widths, strict=True)), line[3]]) for line in table]
        for row in self.rows:
            for reason in row.problems:
                out += ["", f"FAIL {row.rule_id}: {reason}"]
            if self.require_fixtures and not row.cases:
                out += ["", f"FAIL {row.rule_id}: has no fixtures"]
            for case in row.cases:
                if not case.ok:
                    out += ["", f"FAIL {row.rule_id}: {case.case.name}", *case.failures]
        out += ["", self.summary()]
        return "\n".join(out)

    def summary(self) -> str:
        failed = sum(not row.ok(require_fixtures=self.require_fixtures) for row in self.rows)
        cases = [case for row in self.rows for case in row.cases]
        rules = f"{len(self.rows)} rule{'s' * (len(self.rows) != 1)}"
        parts = [f"{rules}, {failed} failed", f"{sum(c.ok for c in cases)}/{len(cases)} fixtures passed"]
        if self.not_loaded:
            parts.append(f"{len(self.not_loaded)} not loaded")
        return "; ".join(parts)


def display(path: Path | str | None) -> str:
    """A path relative to the current directory when below it; keeps a ``:LINE`` suffix."""
    if path is None:
        return "?"
    text, _, line = str(path).rpartition(":")
    if not (text and line.isdigit()):
        text, line = str(path), ""
    with contextlib.suppress(ValueError, OSError):
        text = str(Path(text).resolve().relative_to(Path.cwd()))
    return f"{text}:{line}" if line else text


def find_cases(root: Path, rule_ids: Iterable[str]) -> list[Case]:
    """Every case below ``root`` (hidden files skipped), with the rule its folder names."""
    ids = set(rule_ids)
    inputs: dict[Path, list[Path]] = {}
    expected: dict[Path, Path] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if path.name.endswith(EXPECTED_SUFFIX):
            expected[path.with_name(path.name[: -len(EXPECTED_SUFFIX)])] = path
        elif path.suffix.lower() in INPUT_SUFFIXES:
            inputs.setdefault(path.with_suffix(""), []).append(path)
    cases = []
    for stem in sorted(set(inputs) | set(expected)):
        parts = stem.relative_to(root).parts
        folder_rule = parts[0] if len(parts) > 1 and parts[0] in ids else None
        for given in inputs.get(stem, [None]):
            cases.append(Case(given, expected.get(stem), folder_rule))
    return cases


def run_case(case: Case, registry: Registry) -> CaseResult:
    expected, problem = _read_expected(case)
    owner = case.folder_rule or str(expected.get("site") or "?")
    result = CaseResult(case, owner)
    if problem:
        result.failures.append(problem)
        return result
    assert case.input is not None
    try:
        article = clean(
            case.input.read_bytes(), url=expected.get("url"), source=case.input.name, registry=registry
        ).to_dict(audit="removed" in expected)
    except Exception as exc:  # a fixture that crashes the cleaner is a failure to show, not to raise
        result.failures.append(f"cleaning failed: {type(exc).__name__}: {exc}")
        return result
    if result.rule_id == "?":
        result.rule_id = article["site"]
    if case.folder_rule and article["site"] != case.folder_rule and "site" not in expected:
        result.failures.append(
            f"detected as site {article['site']!r}, but the case is in the folder of rule {case.folder_rule!r}"
        )
    for key, want in expected.items():
        if key not in ARTICLE_FIELDS:
            result.failures.append(f"unknown field {key!r} in {display(case.expected)}")
        elif article.get(key) != want:
            result.failures.append(diff(key, want, article.get(key)))
    return result


def _read_expected(case: Case) -> tuple[dict[str, Any], str | None]:
    if case.input is None:
        return {}, f"{display(case.expected)} has no input next to it (.txt, .html or .htm)"
    if case.expected is None:
        return {}, f"no expected output: write {case.input.with_suffix('').name}{EXPECTED_SUFFIX} next to it"
    try:
        data = json.loads(case.expected.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, f"cannot read {display(case.expected)}: {exc}"
    if not isinstance(data, dict):
        return {}, f"{display(case.expected)} must hold a JSON object"
    if case.folder_rule and data.get("site") not in (None, case.folder_rule):
        return data, f"expects site {data['site']!r}, but the case is in the folder of rule {case.folder_rule!r}"
    return data, None


def diff(key: str, expected: Any, actual: Any) -> str:
    def lines(value: Any) -> list[str]:
        if key == "text" and isinstance(value, str):
            return value.split("\n")
        return json.dumps(value, ensure_ascii=False, indent=2).split("\n")

    return "\n".join(
        difflib.unified_diff(
            lines(expected), lines(actual), fromfile=f"expected {key}", tofile=f"actual {key}", lineterm="", n=2
        )
    )


#: A fixture folder, and the rule ids its cases are limited to (None: any rule).
FixtureDir = tuple[Path, set[str] | None]


@dataclass(slots=True)
class _Scope:
    """What one check run covers: which rules, which fixture folders, which problems."""

    registry: Registry
    rule_ids: list[str]
    problems: list[LoadProblem]
    fixture_dirs: list[FixtureDir]


def _scope(paths: Sequence[Path], override: bool, builtin: bool = True) -> _Scope:
    if not paths:
        # The rules a normal run would load, and the fixtures of the current directory.
        registry = load_registry(override=override, builtin=builtin)
        local: list[FixtureDir] = [(Path("fixtures"), None)] if Path("fixtures").is_dir() else []
        return _Scope(registry, sorted(registry.rules), list(registry.problems), local)
    # Built-ins for context (detection, clashes); only the given rules are checked.
    registry = load_registry(use_env=False, use_entry_points=False, builtin=builtin)
    first_problem = len(registry.problems)
    rule_ids: list[str] = []
    folders: list[FixtureDir] = []
    for path in paths:
        if path.is_dir():
            loaded = [load_file(registry, file, override=override) for file in rule_files(path)]
            rule_ids += [rule.id for rule in loaded if rule is not None]
            folders.append((path / "fixtures", None))
        elif path.is_file():
            rule = load_file(registry, path, override=override)
            if rule is not None:
                rule_ids.append(rule.id)
                folders.append((path.parent / "fixtures", {rule.id}))
        else:
            registry.problems.append(LoadProblem(str(path), "no such file or directory"))
    problems = registry.problems[first_problem:]
    return _Scope(registry, rule_ids, problems, [(f, ids) for f, ids in folders if f.is_dir()])


def check_paths(
    paths: Sequence[Path | str] = (),
    *,
    fixture_dirs: Sequence[Path | str] = (),
    override: bool = False,
    require_fixtures: bool = False,
    builtin: bool = True,
) -> CheckReport:
    """Check the rules at ``paths`` (rule directories or files), or all loaded rules when none.
    ``builtin=False`` leaves the built-in rules out (a replacement for one is checked alone)."""
    scope = _scope([Path(p) for p in paths], override, builtin)
    scope.fixture_dirs += [(Path(folder), None) for folder in fixture_dirs]
    registry = scope.registry
    rows = {rule_id: RuleRow(rule_id, display(registry.rules[rule_id].origin)) for rule_id in scope.rule_ids}
    report = CheckReport(require_fixtures=require_fixtures)
    for problem in scope.problems:
        owner = next((row for row in rows.values() if registry.rules[row.rule_id].origin == problem.origin), None)
        if owner is not None and problem.severity == "conflict":
            owner.problems.append(problem.reason)
        else:
            report.not_loaded.append(problem)
    seen: set[Case] = set()
    for folder, limit in scope.fixture_dirs:
        for case in find_cases(folder, registry.rules):
            if case in seen:
                continue
            seen.add(case)
            result = run_case(case, registry)
            if limit is not None and result.rule_id not in limit:
                continue
            if result.rule_id not in rows:
                origin = registry.rules[result.rule_id].origin if result.rule_id in registry.rules else "-"
                rows[result.rule_id] = RuleRow(result.rule_id, display(origin) if origin != "-" else origin)
            rows[result.rule_id].cases.append(result)
    report.rows = sorted(rows.values(), key=lambda row: row.rule_id)
    return report


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--fixtures",
    "fixture_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Another fixtures folder to run (repeatable).",
)
@click.option("--override", is_flag=True, help="Let the checked rules replace built-in rules with the same id.")
@click.option("--require-fixtures", is_flag=True, help="Fail a rule that has no fixtures.")
@click.option(
    "--no-builtin-rules",
    "no_builtin",
    is_flag=True,
    help="Load no built-in rules (to check a replacement for one without --override).",
)
def check_command(
    paths: tuple[Path, ...], fixture_dirs: tuple[Path, ...], override: bool, require_fixtures: bool, no_builtin: bool
):
    """Validate rule files and run their fixtures; exit 1 on any failure.

    Each PATH is a rule directory (rule files, with an optional fixtures/ folder beside
    them) or a single rule file (its cases in the fixtures/ folder beside it). Without
    PATH: every rule a normal run loads, and ./fixtures when present.
    """
    report = check_paths(
        paths, fixture_dirs=fixture_dirs, override=override, require_fixtures=require_fixtures, builtin=not no_builtin
    )
    click.echo(report.render())
    raise SystemExit(0 if report.ok else 1)
