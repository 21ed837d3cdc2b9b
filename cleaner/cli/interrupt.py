"""Stopping a run cleanly on Ctrl-C or SIGTERM."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

#: The exit code of a run stopped by a signal: 128 + SIGINT, as shells report Ctrl-C.
EXIT_INTERRUPTED = 130


class Stop:
    """Set by the first Ctrl-C or SIGTERM: no new page is started, the ones in progress are
    finished and written. A second one abandons them (KeyboardInterrupt)."""

    def __init__(self) -> None:
        self.requested = False
        self.finishing = False

    def handle(self, signum: int, frame: object) -> None:
        if self.finishing:
            return  # the summary and the report of what was done are being written
        if self.requested:
            self.finishing = True
            raise KeyboardInterrupt
        self.requested = True
        print(
            "cleaner: stopping: finishing the pages in progress (press Ctrl-C again to abandon them)",
            file=sys.stderr,
            flush=True,
        )

    def until_stopped(self, items: Iterable[T]) -> Iterator[T]:
        """``items`` until a stop is requested; the item in hand then is not taken."""
        for item in items:
            if self.requested:
                return
            yield item


@contextmanager
def stop_on_signals() -> Iterator[Stop]:
    """Ctrl-C and SIGTERM request a Stop while the block runs; the handlers before are put back."""
    stop = Stop()
    signals = [signal.SIGINT, signal.SIGTERM]
    previous = {signum: signal.signal(signum, stop.handle) for signum in signals}
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
