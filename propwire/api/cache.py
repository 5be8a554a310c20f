"""Memoization for slow callback work (the seed's "用记忆提高表现" section).

`memoize` keys each call on its arguments, safely: arguments are encoded as
canonical JSON (components and numpy arrays included) and hashed, so equal
values hit the same entry whatever their object identity. The store behind it
is pluggable: `LRUStore` in this process by default; a shared store (Redis,
for several workers) implements the same three methods.

>>> from propwire.api.cache import memoize
>>> @memoize(ttl=60)
... def slow_function(value):
...     return f"Input was {value}"
"""

from __future__ import annotations

import functools
import hashlib
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol

import orjson

from propwire.api.serialize import dumps

_MISSING = object()


class Store(Protocol):
    """What a memo store offers: bytes keys, any values, optional time to live.

    Implement it to share one cache between several worker processes (Redis, memcached); `memoize(store=...)`
    takes it. LRUStore is the in-process one.

    >>> from propwire.cache import Store, LRUStore, memoize
    >>> class DictStore:  # no eviction, no ttl: a sketch
    ...     def __init__(self): self.data = {}
    ...     def get(self, key): return self.data.get(key, LRUStore.MISSING)
    ...     def set(self, key, value, ttl): self.data[key] = value
    ...     def clear(self): self.data.clear()
    >>> square = memoize(store=DictStore())(lambda n: n * n)
    >>> square(4), len(square.cache.data)
    (16, 1)
    """

    def get(self, key: bytes) -> Any:
        """The value kept for `key`, or LRUStore.MISSING (None is a value a callback may return).

        >>> from propwire.cache import LRUStore
        >>> LRUStore().get(b"absent") is LRUStore.MISSING
        True
        """

    def set(self, key: bytes, value: Any, ttl: float | None) -> None:
        """Keep `value` under `key` for `ttl` seconds (None: until evicted).

        >>> from propwire.cache import LRUStore
        >>> store = LRUStore(); store.set(b"k", [1, 2], ttl=60); store.get(b"k")
        [1, 2]
        """

    def clear(self) -> None:
        """Forget every entry (after the data behind the results changed).

        >>> from propwire.cache import LRUStore
        >>> store = LRUStore(); store.set(b"k", 1, None); store.clear(); len(store)
        0
        """


class LRUStore:
    """An in-process store that forgets the least recently used entries beyond `maxsize` entries, or beyond
    `max_bytes` bytes of values (each value measured once, as its JSON; one bigger than `max_bytes` is not
    kept). Arguments come from browsers, so without a byte bound 256 results of a few megabytes each stay.

    >>> from propwire.cache import LRUStore
    >>> store = LRUStore(maxsize=100, max_bytes=10)
    >>> store.set(b"k", "a long result", None)   # 15 bytes of JSON: not kept
    >>> store.get(b"k") is LRUStore.MISSING
    True
    """

    MISSING = _MISSING  # what get() returns for a key it does not hold

    def __init__(self, maxsize: int = 256, max_bytes: int | None = 64 << 20):  # DEFAULT_MAX_BYTES
        self.maxsize = maxsize
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[bytes, tuple[float | None, Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: bytes) -> Any:
        """The value kept for `key` (marked most recently used), or MISSING when absent or expired.

        >>> from propwire.cache import LRUStore
        >>> store = LRUStore(); store.set(b"k", "v", None); store.get(b"k")
        'v'
        """
        with self._lock:
            entry = self._items.get(key)
            if entry is None:
                return _MISSING
            expires, value, size = entry
            if expires is not None and expires < time.monotonic():
                del self._items[key]
                self.bytes -= size
                return _MISSING
            self._items.move_to_end(key)
            return value

    def set(self, key: bytes, value: Any, ttl: float | None) -> None:
        """Keep `value` under `key` for `ttl` seconds, evicting the least recently used beyond the bounds.

        >>> from propwire.cache import LRUStore
        >>> store = LRUStore(maxsize=1); store.set(b"a", 1, None); store.set(b"b", 2, None); len(store)
        1
        """
        size = len(key) + (_size_of(value) if self.max_bytes is not None else 0)
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[2]
            if self.max_bytes is not None and size > self.max_bytes:
                return  # too big to keep: computed again next time, never pinned in memory
            self._items[key] = (None if ttl is None else time.monotonic() + ttl, value, size)
            self.bytes += size
            while len(self._items) > self.maxsize or (self.max_bytes is not None and self.bytes > self.max_bytes):
                self.bytes -= self._items.popitem(last=False)[1][2]

    def clear(self) -> None:
        """Forget every entry.

        >>> from propwire.cache import LRUStore
        >>> store = LRUStore(); store.set(b"a", 1, None); store.clear(); store.bytes
        0
        """
        with self._lock:
            self._items.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)


def _size_of(value: Any) -> int:
    """A value's size as its JSON (what a callback result becomes anyway); one that is not JSON counts as
    its shallow size (a bound on entries of that kind is still `maxsize`)."""
    try:
        return len(dumps(value))
    except TypeError:
        return sys.getsizeof(value)


def make_key(func: Callable[..., Any], args: tuple, kwargs: dict[str, Any]) -> bytes:
    """A digest of the function's identity and its arguments' canonical JSON."""
    try:
        payload = dumps([args, sorted(kwargs.items())])
    except TypeError as exc:
        raise TypeError(f"memoize({func.__qualname__}): arguments must be JSON-serializable: {exc}") from None
    payload = orjson.dumps(orjson.loads(payload), option=orjson.OPT_SORT_KEYS)
    name = f"{func.__module__}.{func.__qualname__}".encode()
    return hashlib.blake2b(name + b"\0" + payload, digest_size=20).digest()


DEFAULT_MAX_BYTES = 64 << 20


def memoize(ttl: float | None = None, maxsize: int = 256, store: Store | None = None,
            max_bytes: Any = _MISSING) -> Callable:
    """Cache a function's results by argument value, so slow work (a query, a model) runs once per distinct input.

    Arguments are keyed by value (canonical JSON: equal lists, dicts, components and numpy arrays hit one entry),
    never by object identity. The wrapped function has `.cache` (its store) and `.cache_clear()`.

    Parameters:
        ttl: seconds an entry is kept (None: until evicted).
        maxsize: the most results the default store keeps.
        store: a Store of your own (shared between workers); it bounds itself, so no max_bytes with it.
        max_bytes: the most bytes of results (as JSON) the default store keeps: default 64 MiB, None: no bound.
            Arguments come from browsers, so without it a few large results could hold memory indefinitely.

    Returns:
        A decorator; `@callback(..., memoize=...)` applies it for you.

    >>> from propwire.cache import memoize
    >>> calls = []
    >>> @memoize(ttl=60)
    ... def slow_square(n):
    ...     calls.append(n)
    ...     return n * n
    >>> slow_square(3), slow_square(3), calls
    (9, 9, [3])
    """
    if store is not None and max_bytes is not _MISSING:
        raise TypeError("memoize: max_bytes bounds the default store; a store= of your own bounds itself")
    backing = store if store is not None else LRUStore(maxsize, DEFAULT_MAX_BYTES if max_bytes is _MISSING else max_bytes)

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            key = make_key(func, args, kwargs)
            value = backing.get(key)
            if value is _MISSING:
                value = func(*args, **kwargs)
                backing.set(key, value, ttl)
            return value

        wrapper.cache = backing  # type: ignore[attr-defined]
        wrapper.cache_clear = backing.clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
