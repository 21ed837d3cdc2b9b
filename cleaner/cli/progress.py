"""A progress bar on standard error while a run goes: documents, documents/s, ETA, failures."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from cleaner.engines.local import Outcome


def wants_progress(quiet: bool) -> bool:
    """Only for a person watching: standard error is a terminal and -q was not given."""
    return not quiet and sys.stderr.isatty()


def with_progress(outcomes: Iterable[Outcome], *, total: int | None, enabled: bool) -> Iterator[Outcome]:
    """``outcomes`` unchanged, counted on a bar (ETA when ``total`` is known)."""
    if not enabled:
        yield from outcomes
        return
    from tqdm import tqdm

    failed = 0
    with tqdm(total=total, unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.2) as bar:
        bar.set_postfix(failed=0, refresh=False)
        for outcome in outcomes:
            if not outcome.ok:
                failed += 1
                bar.set_postfix(failed=failed, refresh=False)
            bar.update(1)
            yield outcome
