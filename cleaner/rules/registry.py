"""Finding and loading site rules.

Sources, in order: the built-in ``site_rules`` package; each directory given with
``--rules``; the directories in ``CLEANER_RULES_PATH`` (os.pathsep-separated); packages
installed with an entry point in the ``cleaner.site_rules`` group (the entry point names
a module that binds ``RULE``, or a ``SiteRule`` object). A rule file that fails to import or
validate is reported as a :class:`LoadProblem` and does not stop the others.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Literal

import regex

from cleaner.errors import RuleError, UnknownSiteError
from cleaner.rules.patterns import FieldError
from cleaner.rules.schema import SiteRule
from cleaner.rules.validate import validate_rule

ENV_VAR = "CLEANER_RULES_PATH"
ENTRY_POINT_GROUP = "cleaner.site_rules"
BUILTIN_PACKAGE = "site_rules"


@dataclass(frozen=True, slots=True)
class LoadProblem:
    origin: str  # file path (with line where known) or entry point
    reason: str
    #: "error": the rule was not loaded; "conflict": it was, but clashes with another rule.
    severity: Literal["error", "conflict"] = "error"

    def __str__(self) -> str:
        # One line, whatever the exception text held.
        return " ".join(f"{self.origin}: {self.reason}".split())


@dataclass(slots=True)
class Registry:
    rules: dict[str, SiteRule] = field(default_factory=dict)
    problems: list[LoadProblem] = field(default_factory=list)

    def get(self, site_id: str) -> SiteRule:
        try:
            return self.rules[site_id]
        except KeyError:
            known = ", ".join(sorted(self.rules)) or "none"
            raise UnknownSiteError(f"no rule for site {site_id!r} (known: {known})") from None

    def __iter__(self):
        return iter(self.rules.values())

    def add(self, rule: SiteRule, *, override: bool) -> bool:
        """Register ``rule``; False (and a problem recorded) when its id is taken."""
        existing = self.rules.get(rule.id)
        if existing is not None and not override:
            self.problems.append(
                LoadProblem(
                    rule.origin,
                    f"rule id {rule.id!r} is already defined by {existing.origin}; pass --override to replace it",
                )
            )
            return False
        for other in self.rules.values():
            if other.id == rule.id:
                continue
            shared = set(other.domains) & set(rule.domains)
            if shared:
                self.problems.append(
                    LoadProblem(
                        rule.origin,
                        f"domain {sorted(shared)[0]} is also claimed by rule {other.id!r} "
                        f"({other.origin}); pages of that domain go to {other.id!r}",
                        severity="conflict",
                    )
                )
        self.rules[rule.id] = rule
        return True


def _error_location(exc: BaseException, path: Path) -> str:
    if isinstance(exc, SyntaxError) and exc.lineno:
        return f"{path}:{exc.lineno}"
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if Path(frame.filename) == path:
            return f"{path}:{frame.lineno}"
    if isinstance(exc, FieldError):
        line = _field_line(path, exc)
        if line:
            return f"{path}:{line}"
    return str(path)


_NAMES_IN_WHERE = regex.compile(r"\(([\w-]+)\)|\[([A-Za-z_][\w-]*)\]")


def _field_line(path: Path, exc: FieldError) -> int | None:
    """Best-effort line of a failing field: where its value is written, else the nearest
    named thing on its path (item id, layout name), else the ``RULE =`` line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    needles: list[str] = []
    if isinstance(exc.value, str) and exc.value:
        needles.append(exc.value)
    for match in reversed(list(_NAMES_IN_WHERE.finditer(exc.where))):
        name = match.group(1) or match.group(2)
        needles += [f'"{name}"', f"'{name}'"]
    needles.append("RULE =")
    for needle in needles:
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return None


def _rule_of(module: ModuleType, origin: str) -> SiteRule:
    rule = getattr(module, "RULE", None)
    if not isinstance(rule, SiteRule):
        raise RuleError("defines no RULE = SiteRule(...)")
    rule = replace(rule, origin=origin)
    validate_rule(rule)
    return rule


def _load_file(path: Path) -> SiteRule:
    name = f"cleaner_user_rules.{path.parent.name}_{path.stem}_{abs(hash(str(path)))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise RuleError("cannot be imported as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    # While it loads, a rule file may import private helpers kept beside it (``_common.py``).
    directory = str(path.parent)
    sys.path.insert(0, directory)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(name, None)
        if directory in sys.path:
            sys.path.remove(directory)
    return _rule_of(module, str(path))


def is_rule_file(path: Path) -> bool:
    """Python files of a rule directory, except private helpers and tests kept beside them."""
    name = path.name
    return (
        path.suffix == ".py"
        and not name.startswith(("_", ".", "test_"))
        and not name.endswith("_test.py")
        and name not in ("conftest.py", "setup.py")
    )


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.py") if p.is_file() and is_rule_file(p))


def _load_builtin(registry: Registry) -> None:
    package = importlib.import_module(BUILTIN_PACKAGE)
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module_name = f"{BUILTIN_PACKAGE}.{info.name}"
        finder_path = getattr(info.module_finder, "path", None)
        origin = str(Path(finder_path, f"{info.name}.py")) if finder_path else module_name
        try:
            module = importlib.import_module(module_name)
            origin = module.__file__ or module_name
            registry.add(_rule_of(module, origin), override=False)
        except (Exception, SystemExit) as exc:  # a broken rule must not take the others down
            registry.problems.append(LoadProblem(_error_location(exc, Path(origin)), _reason(exc)))


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if isinstance(exc, RuleError) else f"{type(exc).__name__}: {text}"


def load_directory(registry: Registry, directory: Path, *, override: bool) -> None:
    if not directory.is_dir():
        registry.problems.append(LoadProblem(str(directory), "not a directory"))
        return
    for path in rule_files(directory):
        load_file(registry, path, override=override)


def load_file(registry: Registry, path: Path, *, override: bool) -> SiteRule | None:
    """Load one rule file into ``registry``; a failure becomes a LoadProblem with path:line."""
    try:
        rule = _load_file(path)
    except (Exception, SystemExit) as exc:  # a broken rule must not take the others down
        registry.problems.append(LoadProblem(_error_location(exc, path), _reason(exc)))
        return None
    return rule if registry.add(rule, override=override) else None


def _load_entry_points(registry: Registry, *, override: bool) -> None:
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        origin = f"entry point {entry.name} ({entry.value})"
        try:
            loaded = entry.load()
            if isinstance(loaded, ModuleType):
                rule = _rule_of(loaded, origin)
            elif isinstance(loaded, SiteRule):
                rule = replace(loaded, origin=origin)
                validate_rule(rule)
            else:
                raise RuleError("is neither a module with RULE nor a SiteRule")
            registry.add(rule, override=override)
        except (Exception, SystemExit) as exc:
            registry.problems.append(LoadProblem(origin, _reason(exc)))


def env_directories() -> list[Path]:
    value = os.environ.get(ENV_VAR, "")
    return [Path(part) for part in value.split(os.pathsep) if part.strip()]


def load_registry(
    rule_dirs: Iterable[str | Path] = (),
    *,
    override: bool = False,
    use_env: bool = True,
    use_entry_points: bool = True,
    builtin: bool = True,
) -> Registry:
    """The rules of every source; ``builtin=False`` leaves out the built-in ``site_rules``."""
    registry = Registry()
    if builtin:
        _load_builtin(registry)
    directories = [Path(d) for d in rule_dirs]
    if use_env:
        directories += env_directories()
    for directory in directories:
        load_directory(registry, directory, override=override)
    if use_entry_points:
        _load_entry_points(registry, override=override)
    return registry


_DEFAULT: Registry | None = None


def default_registry() -> Registry:
    """The registry of built-in, environment and entry-point rules, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_registry()
    return _DEFAULT
