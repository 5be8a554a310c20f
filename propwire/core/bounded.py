"""A cache bounded by entries and by bytes, for lookups whose keys come from clients.

The graph caches what a prop key triggers and who writes it (graph.py): those keys are written by browsers,
so a hostile one can make them as long and as many as it likes. A cache bounded only by its entry count
would keep sixty thousand one-megabyte keys. `BoundedCache` counts an estimate of each entry's bytes too,
refuses entries too big to be worth keeping, and forgets the oldest entries once either bound is reached
(first in, first out: the cheapest order to keep, and a flood of odd keys cannot pin them in place).

>>> cache = BoundedCache(max_entries=2, max_bytes=1_000)
>>> cache.put("a.value", [1])
>>> cache.get("a.value")
[1]
>>> cache.put("b.value", [2]); cache.put("c.value", [3])  # the oldest goes
>>> cache.get("a.value") is None, len(cache)
(True, 2)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

# What one entry costs beyond its key: the dict slot, the value's list and tuples (an estimate, on purpose
# generous: the bound is about not growing without limit, not about exact accounting).
ENTRY_OVERHEAD = 256


def key_size(key: Any) -> int:
    """An entry's size estimate: its key twice (the key, and what parsing it left in the value) plus overhead."""
    return 2 * len(key) + ENTRY_OVERHEAD if isinstance(key, str) else 16 * len(key) + ENTRY_OVERHEAD


class BoundedCache:
    """A dict with at most `max_entries` entries and about `max_bytes` bytes; entries over `max_item` bytes
    are never kept (looking them up again costs a computation, never memory)."""

    __slots__ = ("max_entries", "max_bytes", "max_item", "size", "bytes", "_items")

    def __init__(self, max_entries: int = 65_536, max_bytes: int = 8 << 20, max_item: int = 4_096,
                 size: Callable[[Any], int] = key_size):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_item = max_item
        self.size = size
        self.bytes = 0  # the sum of size(key) over the entries kept
        self._items: dict[Hashable, tuple[Any, int]] = {}

    def get(self, key: Hashable) -> Any:
        """The value kept for `key`, or None."""
        found = self._items.get(key)
        return None if found is None else found[0]

    def put(self, key: Hashable, value: Any) -> None:
        """Keep `value` for `key`, unless the entry alone is over `max_item`; the oldest entries make room."""
        cost = self.size(key)
        if cost > self.max_item or cost > self.max_bytes:
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        items = self._items
        while items and (len(items) >= self.max_entries or self.bytes + cost > self.max_bytes):
            oldest = next(iter(items))
            self.bytes -= items.pop(oldest)[1]
        items[key] = (value, cost)
        self.bytes += cost

    def lookup(self, key: Hashable, compute: Callable[[Any], Any], keep: Callable[[Any], bool] = bool) -> Any:
        """The cached value for `key`, else `compute(key)`, kept if `keep(value)` (by default: if not empty)."""
        found = self._items.get(key)
        if found is not None:
            return found[0]
        value = compute(key)
        if keep(value):
            self.put(key, value)
        return value

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items
