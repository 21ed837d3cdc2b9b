"""`cleaner new-site`: a commented rule file, a fixture folder and a test, ready to fill in."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import click

from cleaner.cli.usage import UsageProblem
from cleaner.errors import RuleError
from cleaner.outputs.writers import why_not_writable
from cleaner.rules.registry import Registry, load_file
from cleaner.rules.validate import DOMAIN, RULE_ID


class ScaffoldRefused(RuleError):
    """The scaffold was not written: a bad name or domain, files in the way, or a directory
    that cannot be written to. Nothing was written."""


@dataclass(frozen=True, slots=True)
class Planned:
    path: Path
    template: str


def plan(rule_id: str, directory: Path) -> list[Planned]:
    fixtures = directory / "fixtures" / rule_id
    return [
        Planned(directory / f"{rule_id}.py", "rule.py.tmpl"),
        Planned(fixtures / "example.txt", "example.txt.tmpl"),
        Planned(fixtures / "example.expected.json", "example.expected.json.tmpl"),
        Planned(directory / "tests" / f"test_{rule_id}_fixtures.py", "test_fixtures.py.tmpl"),
    ]


def _check_inputs(rule_id: str, domains: tuple[str, ...], name: str) -> None:
    if not RULE_ID.fullmatch(rule_id):
        suggestion = re.sub(r"[^a-z0-9_]+", "_", rule_id.lower()).strip("_")
        hint = f" (e.g. {suggestion})" if RULE_ID.fullmatch(suggestion) else ""
        raise ScaffoldRefused(
            f"site id {rule_id!r} must be lower-case letters, digits and _, starting with a letter{hint}"
        )
    if not domains:
        raise ScaffoldRefused("give at least one --domain")
    for domain in domains:
        if not DOMAIN.fullmatch(domain):
            raise ScaffoldRefused(f"{domain!r} is not a domain name (write example.com, without scheme or path)")
    if not name.strip() or any(char in name for char in '"\\\n'):
        raise ScaffoldRefused(f"site name {name!r} must be non-empty, without quotes or backslashes")


def render(template: str, values: dict[str, str]) -> str:
    text = files("cleaner.rules").joinpath("templates", template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def scaffold(
    rule_id: str, domains: tuple[str, ...], directory: Path, *, name: str | None = None, force: bool = False
) -> list[Path]:
    """Write the files for a new site; refuse to overwrite unless ``force``. Return their paths."""
    domains = tuple(domain.lower().removeprefix("www.") for domain in domains)
    name = name or rule_id.replace("_", " ").title()
    _check_inputs(rule_id, domains, name)
    blocked = why_not_writable(directory)
    if blocked:
        raise ScaffoldRefused(f"cannot write into --dir {directory}: {blocked}; choose another --dir")
    planned = plan(rule_id, directory)
    existing = [item.path for item in planned if item.path.exists()]
    if existing and not force:
        raise ScaffoldRefused(f"{existing[0]} already exists (pass --force to overwrite)")
    values = {
        "id": rule_id,
        "name": name,
        "name_literal": json.dumps(name, ensure_ascii=False),
        "name_re": re.escape(name),
        "domain": domains[0],
        "domains": ", ".join(f'"{domain}"' for domain in domains) + ("," if len(domains) == 1 else ""),
    }
    for item in planned:
        try:
            item.path.parent.mkdir(parents=True, exist_ok=True)
            item.path.write_text(render(item.template, values), encoding="utf-8", newline="\n")
        except OSError as exc:
            raise RuleError(f"cannot write {item.path}: {exc.strerror or exc}") from None
    # The template must give a valid rule; say so now rather than at the first run.
    registry = Registry()
    if load_file(registry, planned[0].path, override=True) is None:
        raise RuleError(f"the generated rule does not load: {registry.problems[0]}")
    return [item.path for item in planned]


@click.command("new-site")
@click.argument("site_id", metavar="NAME")
@click.option("--domain", "domains", multiple=True, required=True, help="A domain of the site (repeatable).")
@click.option(
    "--dir",
    "directory",
    default=".",
    show_default=True,
    type=click.Path(path_type=Path),
    help="The rule directory to write into (the one you pass to --rules).",
)
@click.option("--site-name", help="Human name of the site (default: NAME in title case).")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def new_site_command(site_id: str, domains: tuple[str, ...], directory: Path, site_name: str | None, force: bool):
    """Start a rule for a new site: NAME.py, fixtures/NAME/ with an example case, and a test.

    NAME is the rule id (lower-case letters, digits and _).
    """
    try:
        written = scaffold(site_id, domains, directory, name=site_name, force=force)
    except ScaffoldRefused as exc:
        raise UsageProblem(str(exc)) from None
    except RuleError as exc:
        raise click.ClickException(str(exc)) from None
    for path in written:
        click.echo(f"created {path}")
    fixtures = directory / "fixtures" / site_id
    click.echo(
        "\nNext: save a real page of the site in "
        f"{fixtures}/, run `cleaner explain PAGE --rules {directory}`, edit {written[0].name}, "
        f"write PAGE.expected.json, and run `cleaner check {directory}`."
    )
