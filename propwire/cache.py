"""`propwire.cache`: `memoize`, a cache of a callback's results by its arguments (docs/callbacks.md).

>>> from propwire.cache import memoize
>>> @memoize(ttl=60)
... def slow_square(n):
...     return (n or 0) ** 2
>>> slow_square(12)
144
"""

from propwire.api.cache import LRUStore, Store, memoize  # noqa: F401

__all__ = ["LRUStore", "Store", "memoize"]
