"""`propwire.cache`: `memoize`, a cache of a callback's results by its arguments (docs/callbacks.md).

`RedisStore` (propwire.cache_redis) shares the results between worker processes; it needs redis-py
(`pip install propwire[redis]`), imported only when a RedisStore is made.

>>> from propwire.cache import memoize
>>> @memoize(ttl=60)
... def slow_square(n):
...     return (n or 0) ** 2
>>> slow_square(12)
144
"""

from propwire.api.cache import LRUStore, Store, memoize  # noqa: F401
from propwire.cache_redis import RedisStore, RedisStoreError  # noqa: F401

__all__ = ["LRUStore", "RedisStore", "RedisStoreError", "Store", "memoize"]
