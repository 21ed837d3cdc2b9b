"""The learning parts of the command line: ``clean --learn / --learned-rules`` and ``induce``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from cleaner.cli.usage import UsageProblem
from cleaner.engines.local import Options, discover
from cleaner.inputs.source import Source
from cleaner.learn.learner import MIN_PAGES, MIN_SHARE
from cleaner.learn.run import induce_group, learn_from_sources, read_document
from cleaner.learn.state import LearnedState, LearnedStateError, load_state
from cleaner.learn.writer import rule_source
from cleaner.outputs.writers import write_atomic
from cleaner.rules.registry import Registry
from cleaner.rules.validate import DOMAIN, RULE_ID


def learning_options(
    options: Options, sources: Iterable[Source], registry: Registry, *, learn: bool, path: Path | None
) -> tuple[Options, list[dict[str, Any]]]:
    """Options carrying the learned state, and the report's summary of it.

    With ``learn``, the pages are read once and learned from (and the state saved to
    ``path`` when given); without it, the state saved at ``path`` is read."""
    state: LearnedState
    if learn:
        state = learn_from_sources(sources, registry, site=options.site, url=options.url)
        if path is not None:
            try:
                state.save(path)
            except OSError as exc:
                raise UsageProblem(f"--learned-rules: cannot write {path}: {exc.strerror or exc}") from None
    else:
        assert path is not None
        if not path.exists():
            raise UsageProblem(f"--learned-rules: {path} does not exist; add --learn to learn it from the inputs")
        try:
            state = load_state(path)
        except LearnedStateError as exc:
            raise UsageProblem(f"--learned-rules: {exc}") from None
    return replace(options, learned=state), [group.summary() for group in state.groups]


@click.command("induce")
@click.argument("pages", nargs=-1, required=True)
@click.option("--name", required=True, help="The rule id to write (lower-case letters, digits and _).")
@click.option("--domain", "domains", multiple=True, required=True, help="A domain of the site (repeatable).")
@click.option("-o", "--output", default="-", show_default=True, help="The rule file to write; - for stdout.")
@click.option("--min-pages", type=click.IntRange(min=2), default=MIN_PAGES, show_default=True)
@click.option("--min-share", type=click.FloatRange(min=0, max=1), default=MIN_SHARE, show_default=True)
def induce_command(
    pages: tuple[str, ...], name: str, domains: tuple[str, ...], output: str, min_pages: int, min_share: float
) -> None:
    """Write a draft rule for one site from many of its PAGES (files or folders; text dumps or HTML).

    Lines that repeat across the pages (exactly or in shape: numbers, dates, times, names
    varying) become boilerplate patterns and landmarks; repeated HTML subtrees become drop
    selectors. Candidates that look like article text are turned down, with the reason.
    """
    if not RULE_ID.fullmatch(name):
        raise UsageProblem(f"--name {name!r} must be lower-case letters, digits and _, starting with a letter")
    for domain in domains:
        if not DOMAIN.fullmatch(domain):
            raise UsageProblem(f"--domain {domain!r} is not a domain name (write example.com)")
    sources, failures, _ = discover(pages)
    for failure in failures:
        click.echo(f"cleaner: failed: {failure.source.name}: {failure.error}", err=True)
    documents = [document for document in (read_document(source) for source in sources) if document is not None]
    group = induce_group(documents, min_pages=min_pages, min_share=min_share)
    if group.too_small:
        raise UsageProblem(f"{len(documents)} readable pages: induce needs at least {min_pages}")
    source = rule_source(group, rule_id=name, name=name.replace("_", " ").title(), domains=domains)
    if output == "-":
        click.echo(source, nl=False)
    else:
        try:
            write_atomic(Path(output), source)
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
    click.echo(
        f"induced from {group.size} pages: {len(group.patterns)} patterns, {len(group.selectors)} selectors, "
        f"{len(group.rejected)} candidates rejected",
        err=True,
    )
    for item in group.rejected[:10]:
        click.echo(f"  rejected ({item.pages} pages): {item.reason}", err=True)
