"""Cleaning many pages: input discovery, per-input outcomes, process pools, the run report.

Every function here is pure and picklable, so it maps directly onto multiprocessing or a
distributed engine (see ``cleaner.engines.ray``).
"""

from __future__ import annotations

import os
import signal
import threading
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from cleaner.errors import CleanerError
from cleaner.inputs.source import Source
from cleaner.pipeline import clean
from cleaner.rules.registry import ENV_VAR, Registry, load_registry

if TYPE_CHECKING:
    from cleaner.learn.state import LearnedState


@dataclass(frozen=True, slots=True)
class Options:
    site: str | None = None
    url: str | None = None
    rule_dirs: tuple[str, ...] = ()
    override: bool = False
    audit: bool = False
    #: Seconds one document may take before it is reported as failed (0: no limit).
    timeout: float = 120.0
    #: False: only rules from rule_dirs, the environment and entry points (no built-in ones).
    builtin_rules: bool = True
    #: Patterns learned from the run's pages (``--learn``), applied per group of pages.
    learned: LearnedState | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    source: Source
    article: dict[str, Any] | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


_REGISTRIES: dict[tuple[tuple[str, ...], bool, str, bool], Registry] = {}


def registry_for(options: Options) -> Registry:
    """One registry per worker process and rule set (loading rules is the slow part)."""
    key = (options.rule_dirs, options.override, os.environ.get(ENV_VAR, ""), options.builtin_rules)
    if key not in _REGISTRIES:
        _REGISTRIES[key] = load_registry(options.rule_dirs, override=options.override, builtin=options.builtin_rules)
    return _REGISTRIES[key]


class DocumentTimeout(Exception):
    """One document took longer than Options.timeout."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout after ``seconds``, where the platform allows (a POSIX main thread)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def clean_source(source: Source, options: Options) -> Outcome:
    """Clean one input; never raises — a failure is an Outcome with its reason."""
    try:
        with _time_limit(options.timeout):
            return _clean_source(source, options)
    except DocumentTimeout:
        return Outcome(source, error=f"timed out after {options.timeout:g} s")


def _clean_source(source: Source, options: Options) -> Outcome:
    if source.error is not None:
        return Outcome(source, error=source.error)
    try:
        if source.data is not None:
            content: bytes | str = source.data
        elif source.path is not None:
            content = Path(source.path).read_bytes()
        else:
            return Outcome(source, error="input has neither a path nor data")
        article = clean(
            content,
            url=source.url or options.url,
            site=options.site,
            source=str(source.relative),
            registry=registry_for(options),
            doc_id=source.id,
            crawl_date=source.crawl_date,
            learned=options.learned,
            audit=options.audit,
        )
        return Outcome(source, article=article.to_dict(audit=options.audit))
    except CleanerError as exc:
        return Outcome(source, error=str(exc))
    except OSError as exc:
        return Outcome(source, error=f"cannot read: {exc.strerror or exc}")
    except RecursionError:
        return Outcome(source, error="input too deeply nested to process")
    except DocumentTimeout:
        raise
    except Exception as exc:  # a bug must cost one document, not the run
        return Outcome(source, error=f"internal error: {type(exc).__name__}: {exc}")


def _clean_chunk(chunk: list[Source], options: Options) -> list[Outcome]:
    return [clean_source(source, options) for source in chunk]


def _ignore_interrupts() -> None:
    """Pool workers leave Ctrl-C and SIGTERM to the main process, which stops the run cleanly
    (a terminal sends Ctrl-C to the whole process group)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


#: Sources per task sent to a worker, and tasks in flight per worker: what bounds memory.
CHUNK = 8
IN_FLIGHT_PER_JOB = 4


def clean_many(sources: Iterable[Source], options: Options, *, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in input order; ``jobs`` > 1 spreads the work over processes.

    ``sources`` is read lazily, a few chunks ahead of the outcomes (``Executor.map`` would
    submit the whole input at once), so memory stays bounded on any input size. Stopping
    the iteration early abandons the chunks not yet started."""
    if jobs <= 1:
        for source in sources:
            yield clean_source(source, options)
        return
    chunks = _chunks(sources, CHUNK)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    try:
        pending: deque[Future[list[Outcome]]] = deque()
        for chunk in islice(chunks, jobs * IN_FLIGHT_PER_JOB):
            pending.append(pool.submit(_clean_chunk, chunk, options))
        while pending:
            done = pending.popleft().result()
            for chunk in islice(chunks, 1):
                pending.append(pool.submit(_clean_chunk, chunk, options))
            yield from done
    except BaseException:  # the caller stopped early, or a second Ctrl-C: abandon the work in progress
        _abandon(pool)
        raise
    pool.shutdown(wait=True)


def _abandon(pool: ProcessPoolExecutor) -> None:
    """Drop the queued chunks and stop the workers now rather than after their current chunk."""
    for worker in list((getattr(pool, "_processes", None) or {}).values()):
        worker.kill()  # they ignore SIGTERM (see _ignore_interrupts)
    # Waiting for the pool's own thread to see the workers gone lets it close its pipes
    # before the interpreter's exit handler writes to them.
    pool.shutdown(wait=True, cancel_futures=True)


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    iterator = iter(sources)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path below an input directory that was deliberately not walked, and why."""

    path: str
    reason: str


def discover(
    inputs: Iterable[str], *, exclude: Mapping[Path, str] | None = None
) -> tuple[list[Source], list[Outcome], list[Skipped]]:
    """Files below each input (recursively for directories); missing ones become failures.

    ``exclude`` maps paths (this run's own outputs) to the reason they are not walked.
    Symbolic links to directories are followed, each directory once: a second way to the
    same directory, or a loop, is skipped and said."""
    excluded = {_identity(path): reason for path, reason in (exclude or {}).items() if path.exists()}
    sources: list[Source] = []
    failures: list[Outcome] = []
    skipped: list[Skipped] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for file in sorted(_walk(path, excluded, skipped, failures)):
                relative = PurePosixPath(file.relative_to(path).as_posix())
                sources.append(Source(name=str(file), relative=relative, path=str(file)))
        elif path.is_file():
            sources.append(Source(name=str(path), relative=PurePosixPath(path.name), path=str(path)))
        else:
            missing = Source(name=given, relative=PurePosixPath(path.name or given))
            reason = "no such file or directory" if not path.exists() else "not a regular file"
            failures.append(Outcome(missing, error=reason))
    return sources, failures, skipped


def _identity(path: Path | str) -> tuple[int, int]:
    """What a path leads to, links followed: the same directory has the same identity."""
    status = os.stat(path)
    return status.st_dev, status.st_ino


def _walk(
    root: Path, excluded: Mapping[tuple[int, int], str], skipped: list[Skipped], failures: list[Outcome]
) -> Iterator[Path]:
    """The visible files below ``root``. The real tree is walked before any symbolic link to a
    directory, so a directory reached both ways keeps its real path."""
    walked: dict[tuple[int, int], Path] = {}
    real: deque[Path] = deque([root])
    linked: deque[Path] = deque()
    while real or linked:
        directory = real.popleft() if real else linked.popleft()
        try:
            identity = _identity(directory)
            if identity in excluded:
                skipped.append(Skipped(str(directory), excluded[identity]))
                continue
            if identity in walked:
                skipped.append(Skipped(str(directory), _walked_reason(directory, walked[identity])))
                continue
            walked[identity] = directory
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as exc:
            unreadable = Source(name=str(directory), relative=PurePosixPath(directory.name))
            failures.append(Outcome(unreadable, error=f"cannot read the directory: {exc.strerror or exc}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if not entry.is_dir():
                identity_of_file = _identity_or_none(path) if excluded else None
                reason = excluded.get(identity_of_file) if identity_of_file is not None else None
                if reason is None:
                    yield path
                else:
                    skipped.append(Skipped(str(path), reason))
            elif entry.is_symlink():
                linked.append(path)
            else:
                real.append(path)


def _walked_reason(link: Path, first: Path) -> str:
    if link.is_relative_to(first):
        return f"a symbolic-link loop back to {first}"
    return f"leads to {first}, already walked"


def _identity_or_none(path: Path) -> tuple[int, int] | None:
    try:
        return _identity(path)
    except OSError:  # a broken link: reading it names the failure
        return None


def output_relpath(relative: PurePosixPath, extension: str, *, keep_suffix: bool = False) -> PurePosixPath:
    """``a/b.txt`` -> ``a/b.json`` (a ``.gz`` is peeled first); with ``keep_suffix``,
    ``a/b.txt.json`` — used to keep two inputs apart when they would share a name."""
    if relative.suffix == ".gz":
        relative = relative.with_suffix("")
    if keep_suffix:
        return relative.with_name(relative.name + extension)
    return relative.with_suffix(extension) if relative.suffix else relative.with_name(relative.name + extension)


def plan_outputs(sources: list[Source], extension: str) -> tuple[dict[int, PurePosixPath], list[list[str]]]:
    """Output path per source index, and the groups of inputs that would have collided."""
    wanted: dict[PurePosixPath, list[int]] = {}
    for index, source in enumerate(sources):
        wanted.setdefault(output_relpath(source.relative, extension), []).append(index)
    plan: dict[int, PurePosixPath] = {}
    collisions: list[list[str]] = []
    for target, indices in wanted.items():
        if len(indices) == 1:
            plan[indices[0]] = target
            continue
        collisions.append([sources[i].name for i in indices])
        used: set[PurePosixPath] = set()
        for index in indices:
            candidate = output_relpath(sources[index].relative, extension, keep_suffix=True)
            counter = 2
            while candidate in used or candidate in wanted:
                candidate = candidate.with_name(f"{candidate.stem}-{counter}{extension}")
                counter += 1
            used.add(candidate)
            plan[index] = candidate
    return plan, collisions


@dataclass(slots=True)
class RunReport:
    documents: int = 0
    succeeded: int = 0
    per_site: Counter[str] = field(default_factory=Counter)
    per_layout: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    failures: list[dict[str, str]] = field(default_factory=list)
    collisions: list[list[str]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    #: With --learn / --learned-rules: one summary per group of pages (see cleaner.learn).
    learning: list[dict[str, Any]] = field(default_factory=list)
    #: Inputs a previous run already cleaned (their output is there), not cleaned again.
    already_done: int = 0
    #: Records of a WARC file that are not pages, by reason (not_response, not_200, not_html).
    skipped_records: Counter[str] = field(default_factory=Counter)
    #: The run was stopped (Ctrl-C, SIGTERM) before every input was cleaned.
    interrupted: bool = False

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        if outcome.article is None:
            self.failures.append({"input": outcome.source.name, "reason": outcome.error or "unknown error"})
            return
        self.succeeded += 1
        article = outcome.article
        self.per_site[article["site"]] += 1
        if article.get("layout"):
            self.per_layout[f"{article['site']}/{article['layout']}"] += 1
        self.warnings.update(article["warnings"])

    @property
    def fallbacks(self) -> int:
        return self.warnings["generic_fallback"] + self.warnings["guard_fallback"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "succeeded": self.succeeded,
            "failed": len(self.failures),
            "per_site": dict(sorted(self.per_site.items())),
            "per_layout": dict(sorted(self.per_layout.items())),
            "fallbacks": self.fallbacks,
            "warnings": dict(sorted(self.warnings.items())),
            "failures": self.failures,
            "collisions": self.collisions,
            "skipped": [{"path": item.path, "reason": item.reason} for item in self.skipped],
            **({"learning": self.learning} if self.learning else {}),
            "already_done": self.already_done,
            "skipped_records": dict(sorted(self.skipped_records.items())),
            "interrupted": self.interrupted,
        }

    def summary(self) -> str:
        lines = [f"{self.documents} documents: {self.succeeded} cleaned, {len(self.failures)} failed"]
        if self.per_site:
            lines.append("per site: " + ", ".join(f"{site} {n}" for site, n in sorted(self.per_site.items())))
        if self.warnings:
            lines.append("warnings: " + ", ".join(f"{code} {n}" for code, n in sorted(self.warnings.items())))
        lines.append(f"fallbacks: {self.fallbacks}")
        if self.already_done:
            lines.append(f"already done: {self.already_done} (cleaned by an earlier run; --force redoes them)")
        if self.skipped_records:
            counts = ", ".join(f"{reason} {n}" for reason, n in sorted(self.skipped_records.items()))
            lines.append(f"WARC records that are not HTML pages, skipped: {counts}")
        if self.interrupted:
            lines.append("interrupted: the inputs not listed above were not cleaned; run again to finish")
        for group in self.collisions:
            lines.append("kept apart (same output name): " + ", ".join(group))
        if self.learning:
            from cleaner.learn.report import learning_lines

            lines += learning_lines(self.learning)
        lines += self.notices()
        return "\n".join(lines)

    def notices(self) -> list[str]:
        """What was skipped and what failed: named on standard error even when quiet."""
        lines = [f"skipped: {item.path}: {item.reason}" for item in self.skipped]
        return lines + [f"failed: {failure['input']}: {failure['reason']}" for failure in self.failures]
