"""Cleaning past one machine with Ray: the same pure per-document function, spread by Ray.

Workers read input files themselves, so on a cluster the paths must be on storage every
node sees (a shared file system); in-memory sources travel with their data.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from types import ModuleType

from cleaner.engines.local import Options, Outcome, Source, clean_source
from cleaner.errors import CleanerError


def _clean_batch(batch: list[Source], options: Options) -> list[Outcome]:
    return [clean_source(source, options) for source in batch]


def _batches(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    iterator = iter(sources)
    while batch := list(islice(iterator, size)):
        yield batch


def clean_on_ray(
    sources: Iterable[Source],
    options: Options,
    *,
    address: str | None = None,
    batch_size: int = 64,
    max_in_flight: int = 32,
) -> Iterator[Outcome]:
    """Outcomes in input order. Joins the cluster at ``address`` (``auto``, ``ray://…``) or
    starts a local Ray; at most ``max_in_flight`` batches are pending at once, so memory
    stays bounded on any corpus size. Raises CleanerError at once when Ray is missing."""
    ray = require_ray()
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
    return _stream(ray, sources, options, batch_size, max_in_flight)


class RayMissing(CleanerError):
    """The optional ``ray`` extra is not installed."""


def require_ray() -> ModuleType:
    """The ``ray`` module, or RayMissing naming the install command the README gives."""
    try:
        import ray
    except ImportError:
        raise RayMissing('--engine ray needs Ray, which is not installed: pip install ".[ray]"') from None
    return ray


def _stream(ray, sources: Iterable[Source], options: Options, batch_size: int, max_in_flight: int) -> Iterator[Outcome]:
    remote_batch = ray.remote(_clean_batch)
    pending: deque = deque()
    for batch in _batches(sources, batch_size):
        pending.append(remote_batch.remote(batch, options))
        if len(pending) >= max_in_flight:
            yield from ray.get(pending.popleft())
    while pending:
        yield from ray.get(pending.popleft())
