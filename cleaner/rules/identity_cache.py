"""Values derived once from an object, found by the object's identity.

Rules and their pattern tuples are frozen dataclasses: hashing one on every line costs more
than the work a cache saves, so a derived value (a compiled matcher, a rule with learned
patterns added) is kept under ``id(obj)``, beside the object itself so that the id cannot be
reused while the entry lives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class IdentityCache(Generic[K, V]):
    def __init__(self) -> None:
        self._entries: dict[int, tuple[K, V]] = {}

    def get(self, key: K, derive: Callable[[K], V]) -> V:
        """The value derived from ``key``, derived on first use."""
        entry = self._entries.get(id(key))
        if entry is None or entry[0] is not key:
            entry = (key, derive(key))
            self._entries[id(key)] = entry
        return entry[1]

    def put(self, key: K, value: V) -> None:
        self._entries[id(key)] = (key, value)

    def find(self, key: K, default: V) -> V:
        """The value kept for ``key``, or ``default`` (nothing is derived or kept)."""
        entry = self._entries.get(id(key))
        return entry[1] if entry is not None and entry[0] is key else default
