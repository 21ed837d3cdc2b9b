"""The `cleaner` command line."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

import click

from cleaner import __version__
from cleaner.cli.interrupt import EXIT_INTERRUPTED, stop_on_signals
from cleaner.cli.progress import wants_progress, with_progress
from cleaner.cli.run import Run
from cleaner.cli.usage import UsageProblem
from cleaner.engines.local import (
    Options,
    Outcome,
    RunReport,
    Skipped,
    Source,
    clean_many,
    discover,
    registry_for,
)
from cleaner.engines.ray import RayMissing, clean_on_ray, require_ray
from cleaner.errors import CleanerError, UnknownSiteError
from cleaner.inputs.records import DEFAULT_FIELDS, RecordFields
from cleaner.inputs.stream import INPUT_FORMATS, STDIN, expand, stdin_source
from cleaner.outputs.writers import (
    FORMATS,
    PAGE_BREAK,
    render,
    render_titled,
    why_not_writable,
    write_atomic,
)
from cleaner.rules.registry import Registry

rules_option = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=str),
    help="A directory of extra rule files (repeatable). Also read from $CLEANER_RULES_PATH.",
)
override_option = click.option(
    "--override", is_flag=True, help="Let rules from --rules / the environment replace built-in ones with the same id."
)
no_builtin_option = click.option(
    "--no-builtin-rules",
    "no_builtin",
    is_flag=True,
    help="Load only rules from --rules, $CLEANER_RULES_PATH and entry points.",
)


def _report_problems(registry: Registry) -> None:
    for problem in registry.problems:
        what = "rule conflict" if problem.severity == "conflict" else "rule not loaded"
        click.echo(f"cleaner: {what}: {problem}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cleaner")
def main() -> None:
    """Strip boilerplate from scraped news pages; keep the article text and its metadata."""


@main.command("clean")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Output directory (for jsonl: a file, to which a run adds the pages it lacks); - for stdout.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("--site", help="Force a site rule by id (or 'generic'); see `cleaner sites`.")
@click.option("--url", help="The URL the page(s) came from; decides the site when given.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, help="Processes; 0 = all cores."
)
@rules_option
@override_option
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help='local: this machine (--jobs processes); ray: a Ray cluster (pip install ".[ray]").',
)
@click.option("--ray-address", help="Ray cluster to join (e.g. auto, ray://host:10001); default: start a local Ray.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=120.0,
    show_default=True,
    help="Seconds one page may take before it is reported as failed (0: no limit).",
)
@click.option("--audit", is_flag=True, help="Add `removed`: every removed span with the rule that removed it.")
@click.option(
    "--report", "report_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the run report as JSON."
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="page: each file is one page; jsonl: one record a line; warc: HTML responses of a WARC. "
    "auto: .jsonl/.ndjson and .warc files (also .gz) are read as records, other files as pages.",
)
@click.option("--id-field", default="id", show_default=True, help="JSONL: the field holding the record's id.")
@click.option("--url-field", default="url", show_default=True, help="JSONL: the field holding the page's URL.")
@click.option(
    "--content-field",
    "content_fields",
    multiple=True,
    help="JSONL: the field(s) holding the page, first present wins (repeatable or comma list) "
    "[default: html,text,content].",
)
@click.option(
    "--crawl-date-field", default="crawl_date", show_default=True, help="JSONL: the field holding the capture date."
)
@click.option("--force", is_flag=True, help="Clean everything again, even what an earlier run already wrote.")
@click.option("-q", "--quiet", is_flag=True, help="No summary or progress bar on stderr (failures are still named).")
@no_builtin_option
@click.option("--learn", is_flag=True, help="Learn each site's repeated boilerplate from the input pages first.")
@click.option(
    "--learned-rules",
    "learned_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --learn: save the learned state (JSON) here; without: clean with the state saved here.",
)
def clean_command(
    inputs: tuple[str, ...],
    output: str,
    fmt: str,
    site: str | None,
    url: str | None,
    jobs: int,
    rule_dirs: tuple[str, ...],
    override: bool,
    engine: str,
    ray_address: str | None,
    timeout: float,
    audit: bool,
    report_path: Path | None,
    input_format: str,
    id_field: str,
    url_field: str,
    content_fields: tuple[str, ...],
    crawl_date_field: str,
    force: bool,
    quiet: bool,
    no_builtin: bool,
    learn: bool,
    learned_path: Path | None,
) -> None:
    """Clean INPUT files and directories (recursively; - reads standard input: one page, or
    records with --input-format jsonl/warc)."""
    options = Options(
        site=site,
        url=url,
        rule_dirs=rule_dirs,
        override=override,
        audit=audit,
        timeout=timeout,
        builtin_rules=not no_builtin,
    )
    registry = registry_for(options)
    _report_problems(registry)
    if site and site != "generic":
        try:
            registry.get(site)
        except UnknownSiteError as exc:
            raise UsageProblem(f"--site: {exc}") from None
    if engine == "ray":
        try:
            require_ray()
        except RayMissing as exc:
            raise UsageProblem(str(exc)) from None
    target = _output_target(output, fmt)
    if report_path is not None:
        _check_report_path(report_path)

    fields = _record_fields(id_field, url_field, content_fields, crawl_date_field)
    exclude = _own_outputs(output, fmt, target, report_path)
    if output != "-":
        _refuse_output_as_input(inputs, target)
    tops, failures, skipped = _sources(inputs, exclude)
    report = RunReport(skipped=skipped)
    if learn or learned_path is not None:
        from cleaner.learn.cli import learning_options

        if learn and any(top.name == STDIN for top in tops):
            raise UsageProblem("--learn reads its inputs twice, which standard input cannot be: save it to a file")
        pages = (
            page for page in expand(tops, input_format, fields=fields, skipped_records=Counter()) if not page.error
        )
        options, report.learning = learning_options(options, pages, registry, learn=learn, path=learned_path)
    for unread in failures:
        report.add(unread)
    run = Run(tops, input_format, fields, report, output=None if output == "-" else target, fmt=fmt, force=force)

    with stop_on_signals() as stop:
        pending, total = run.pending()
        sources = stop.until_stopped(pending)
        try:
            if engine == "ray":
                try:
                    outcomes = clean_on_ray(sources, options, address=ray_address)
                except CleanerError as exc:
                    raise click.ClickException(str(exc)) from None
            else:
                outcomes = clean_many(sources, options, jobs=jobs or os.cpu_count() or 1)
            outcomes = with_progress(outcomes, total=total, enabled=wants_progress(quiet))
            if output == "-":
                _to_stdout(outcomes, fmt, report)
            elif fmt == "jsonl":
                _to_jsonl_file(outcomes, target, report, fresh=force)
            else:
                _to_directory(outcomes, run, report)
        except KeyboardInterrupt:  # a second Ctrl-C: the pages in progress are abandoned
            stop.requested = True
        stop.finishing = True  # from here on a signal changes nothing: what was done is reported
        report.interrupted = stop.requested
        report.collisions = run.collisions
        _finish(report, report_path, quiet)


def _finish(report: RunReport, report_path: Path | None, quiet: bool) -> None:
    """The summary on standard error, the --report file, the exit code."""
    if quiet:
        for line in report.notices():
            click.echo(f"cleaner: {line}", err=True)
    else:
        click.echo(report.summary(), err=True)
    if report_path is not None:
        try:
            write_atomic(report_path, json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        except OSError as exc:
            raise click.ClickException(f"cannot write the report {report_path}: {exc.strerror or exc}") from None
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(1 if report.failures else 0)


def _record_fields(
    id_field: str, url_field: str, content_fields: tuple[str, ...], crawl_date_field: str
) -> RecordFields:
    content = tuple(name.strip() for given in content_fields for name in given.split(",") if name.strip())
    if content_fields and not content:
        raise UsageProblem("--content-field: give at least one field name")
    return RecordFields(
        id=id_field, url=url_field, content=content or DEFAULT_FIELDS.content, crawl_date=crawl_date_field
    )


def _output_target(output: str, fmt: str) -> Path:
    """The directory (for jsonl: the file) the run writes to, checked before any work."""
    path = Path(output)
    if output == "-":
        return path
    if fmt == "jsonl":
        if path.is_dir():
            path = path / "articles.jsonl"
        if os.path.lexists(path) and not path.is_file():
            raise UsageProblem(f"output {path} is not a regular file: give a file path, or -o - for standard output")
        reason = why_not_writable(path.parent)
    else:
        if os.path.lexists(path) and not path.is_dir():
            raise UsageProblem(
                f"output {path} is a file, not a directory: give a directory with -o, "
                "or use --format jsonl to write one file"
            )
        reason = why_not_writable(path)
    if reason:
        raise UsageProblem(f"cannot write output {path}: {reason}; choose another -o")
    return path


def _check_report_path(path: Path) -> None:
    reason = why_not_writable(path.parent)
    if reason:
        raise UsageProblem(f"cannot write the report {path}: {reason}; choose another --report")


def _own_outputs(output: str, fmt: str, target: Path, report_path: Path | None) -> dict[Path, str]:
    """This run's outputs, which walking an input directory must not take for pages."""
    own: dict[Path, str] = {}
    if output != "-":
        own[target] = f"the output {'file' if fmt == 'jsonl' else 'directory'} of this run"
    if report_path is not None:
        own[report_path] = "the report file of this run"
    return own


def _refuse_output_as_input(inputs: tuple[str, ...], target: Path) -> None:
    """Outputs written among the pages would be cleaned as pages by the next run."""
    for given in inputs:
        if target.is_dir() and Path(given).is_dir() and target.samefile(given):
            raise UsageProblem(f"output directory {target} is the input directory {given}: choose an -o outside it")


def _sources(inputs: tuple[str, ...], exclude: dict[Path, str]) -> tuple[list[Source], list[Outcome], list[Skipped]]:
    files = [given for given in inputs if given != "-"]
    sources, failures, skipped = discover(files, exclude=exclude)
    if "-" in inputs:
        sources.insert(0, stdin_source())
    return sources, failures, skipped


def _to_stdout(outcomes, fmt: str, report: RunReport) -> None:
    if fmt == "json":  # one object per line, so `jq` and a json.loads per line both read it
        fmt = "jsonl"
    separator = ""
    for outcome in outcomes:
        report.add(outcome)
        if outcome.article is None:
            continue
        if fmt in ("txt", "md"):
            page = render_titled(outcome.article) if fmt == "txt" else render(outcome.article, fmt)
            click.echo(separator + page, nl=False)
            separator = PAGE_BREAK
        else:
            click.echo(render(outcome.article, fmt), nl=False)


def _to_jsonl_file(outcomes, target: Path, report: RunReport, *, fresh: bool) -> None:
    """One line per page, flushed as it is written, so a stopped run leaves whole lines only;
    appended to what an earlier run wrote unless ``fresh``."""
    try:
        with target.open("w" if fresh else "a", encoding="utf-8", newline="\n") as stream:
            for outcome in outcomes:
                report.add(outcome)
                if outcome.article is not None:
                    stream.write(render(outcome.article, "jsonl"))
                    stream.flush()
    except OSError as exc:
        raise click.ClickException(f"cannot write {target}: {exc.strerror or exc}") from None


def _to_directory(outcomes, run: Run, report: RunReport) -> None:
    for outcome in outcomes:
        if outcome.article is not None:
            destination = run.destination(outcome.source)
            try:
                write_atomic(destination, render(outcome.article, run.fmt))
            except OSError as exc:  # e.g. a file where a subdirectory of the tree must go
                outcome = Outcome(outcome.source, error=f"cannot write {destination}: {exc.strerror or exc}")
        report.add(outcome)


@main.command("sites")
@rules_option
@override_option
@no_builtin_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def sites_command(rule_dirs: tuple[str, ...], override: bool, no_builtin: bool, as_json: bool) -> None:
    """List the site rules: id, name, domains, layouts, and where each was loaded from."""
    registry = registry_for(Options(rule_dirs=rule_dirs, override=override, builtin_rules=not no_builtin))
    _report_problems(registry)
    rows = [
        {
            "id": rule.id,
            "name": rule.name,
            "domains": list(rule.domains),
            "layouts": [layout.name for layout in rule.layouts],
            "origin": rule.origin,
        }
        for rule in sorted(registry, key=lambda r: r.id)
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{row['id']:<20} {row['name']:<24} {', '.join(row['domains']):<28} {', '.join(row['layouts'])}")


from cleaner.rules.check import check_command  # noqa: E402

main.add_command(check_command)

from cleaner.rules.scaffold import new_site_command  # noqa: E402

main.add_command(new_site_command)

from cleaner.cli.explain import explain_command  # noqa: E402

main.add_command(explain_command)

from cleaner.learn.cli import induce_command  # noqa: E402

main.add_command(induce_command)
