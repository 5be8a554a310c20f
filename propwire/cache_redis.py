"""`RedisStore`: a memo store in Redis, so every worker process (and machine) shares `memoize`'s results.

`propwire.cache.memoize(store=RedisStore(...))` keys each call exactly as with the in-process LRUStore; the
entries live in Redis under `pwmemo:{namespace:version}:<digest>` with Redis's own expiry for the ttl.

Choices, and why:

- **Values are JSON, never pickle.** Unpickling runs code, so whoever can write to Redis (another app on the
  same server, a leaked password) could run code in every web worker. JSON decodes to data only. Components
  survive the trip (they come back as instances of their class, built through their constructor, so their
  props are checked as when the callback built them); tuples come back as tuples. A dict a browser sent that
  merely *looks* like component JSON stays a dict (components are tagged, and user keys that start with the
  tag character are escaped), so the cache never turns data into elements. A value that is not JSON (a
  DataFrame, a Patch) is simply not stored: the function runs again next time.
- **The size limit is a per-namespace cap that this store enforces**, not Redis's `maxmemory` (a Redis shared
  with a Celery broker must never evict queue keys): at most `max_entries` entries, each at most
  `max_value_bytes` of JSON (a bigger one is not kept), so one namespace holds at most their product. Each
  `set` runs one Lua script that writes the entry, drops index members whose entries expired and, beyond
  the cap, deletes the entries written longest ago (those nearest their expiry) — atomically, in one round
  trip, with Redis's clock so workers' clocks may disagree.
- **Redis down never fails a callback.** `get` answers "missing" and `set` does nothing, so the memoized
  function computes its value as if uncached; one warning names the store and the error when the outage
  starts, one info line when Redis answers again. While down, Redis is not tried again for `retry_after`
  seconds, so a callback does not wait for a connect timeout on every call.

>>> from propwire.cache import RedisStore, memoize
>>> store = RedisStore("redis://127.0.0.1:6379/0", namespace="sales", version="2026-12-02")  # doctest: +SKIP
>>> @memoize(ttl=300, store=store)  # doctest: +SKIP
... def report(region):
...     return f"report for {region}"
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import orjson

from propwire.api.cache import LRUStore
from propwire.api.serialize import dumps
from propwire.components import spec
from propwire.components.base import Component
from propwire.core.component_json import ComponentDict

log = logging.getLogger("propwire.cache")

FORMAT = "j1"  # the value encoding's version: part of every key, so a new encoding never reads an old one
_TAG = "~"
_COMPONENT = "~c"
_TUPLE = "~t"

# KEYS[1] the entry, KEYS[2] the namespace's index (a sorted set of entry keys by expiry, in µs of Redis's clock).
# ARGV: the value, the ttl in ms (0: none), max_entries.
_SET_SCRIPT = """
local now_s = redis.call('TIME')
-- microseconds (exact in a double until 2255): writes in one millisecond still keep their order
local now = tonumber(now_s[1]) * 1000000 + tonumber(now_s[2])
local ttl = tonumber(ARGV[2])
local expires = now + 3155760000000000  -- no ttl: a century on, so these go after every expiring entry, oldest first
if ttl > 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
  expires = now + ttl * 1000
else
  redis.call('SET', KEYS[1], ARGV[1])
end
redis.call('ZADD', KEYS[2], expires, KEYS[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if over > 0 then
  local victims = redis.call('ZPOPMIN', KEYS[2], over)
  for i = 1, #victims, 2 do redis.call('DEL', victims[i]) end
end
return over
"""


class RedisStoreError(ValueError):
    """A RedisStore was configured wrongly (its namespace, version or bounds)."""


class RedisStore:
    """A `memoize` store in Redis, shared by every worker that names the same Redis, namespace and version.

    Parameters:
        url: the Redis server, as redis-py reads it (`redis://[:password@]host:port/db`).
        namespace: the app's name, so apps sharing one Redis never read each other's entries.
        version: the app's release (a git commit, a deploy id): a new release never reads results its old
            code computed. Neither may contain ':', '{' or '}'.
        max_entries: the most entries this namespace and version keep (those written longest ago go first).
        max_value_bytes: the largest value kept, as JSON; a bigger one is computed again each time.
        retry_after: seconds Redis is left alone after a failure before it is tried again.
        socket_timeout: seconds a Redis command may take before it counts as a failure.
        client: a redis-py `Redis` of your own (then `url` and `socket_timeout` are not used).

    >>> from propwire.cache import RedisStore, memoize
    >>> store = RedisStore("redis://127.0.0.1:6379/0", namespace="sales", version="v7")  # doctest: +SKIP
    >>> total = memoize(ttl=60, store=store)(lambda region: 42)  # doctest: +SKIP
    """

    MISSING = LRUStore.MISSING

    def __init__(self, url: str = "redis://127.0.0.1:6379/0", *, namespace: str = "app", version: str = "0",
                 max_entries: int = 10_000, max_value_bytes: int = 1 << 20, retry_after: float = 1.0,
                 socket_timeout: float = 1.0, client: Any = None):
        for name, value in (("namespace", namespace), ("version", version)):
            if not isinstance(value, str) or not value or any(c in value for c in ":{}"):
                raise RedisStoreError(f"RedisStore: {name} must be a non-empty string without ':', '{{' or '}}'; "
                                      f"got {value!r}")
        if not isinstance(max_entries, int) or max_entries < 1:
            raise RedisStoreError(f"RedisStore: max_entries must be a positive int; got {max_entries!r}")
        if not isinstance(max_value_bytes, int) or max_value_bytes < 1:
            raise RedisStoreError(f"RedisStore: max_value_bytes must be a positive int; got {max_value_bytes!r}")
        import redis  # optional dependency (pip install propwire[redis]): imported only when a RedisStore is made

        self._errors = redis.RedisError
        self.client = client if client is not None else redis.Redis.from_url(
            url, socket_timeout=socket_timeout, socket_connect_timeout=socket_timeout)
        self.url = url if client is None else repr(client)
        # The hash tag {namespace:version} puts an app's entries and index in one slot (Redis Cluster's rule
        # for a script touching several keys).
        self.prefix = f"pwmemo:{{{namespace}:{version}}}:{FORMAT}:"
        self.index_key = self.prefix + "index"
        self.max_entries = max_entries
        self.max_value_bytes = max_value_bytes
        self.retry_after = retry_after
        self._script = self.client.register_script(_SET_SCRIPT)
        self._down_until = 0.0
        self._down = False
        self._lock = threading.Lock()

    def get(self, key: bytes) -> Any:
        """The value kept for `key`, or MISSING (absent, expired, unreadable, or Redis unreachable).

        >>> store.get(b"never set") is RedisStore.MISSING  # doctest: +SKIP
        True
        """
        data = self._call(self.client.get, self.prefix + key.hex())
        if data is None or data is _FAILED:
            return self.MISSING
        try:
            return decode(data)
        except (ValueError, TypeError, KeyError) as exc:  # not written by this encoder: a miss, never a crash
            log.warning("RedisStore %s: entry %s is not readable (%s); computing the value", self.url, key.hex(), exc)
            return self.MISSING

    def set(self, key: bytes, value: Any, ttl: float | None) -> None:
        """Keep `value` for `ttl` seconds (None: until the cap evicts it); not kept when not JSON or too big.

        >>> store.set(b"k", {"rows": 3}, ttl=60); store.get(b"k")  # doctest: +SKIP
        {'rows': 3}
        """
        try:
            data = encode(value)
        except TypeError as exc:
            log.debug("RedisStore %s: value not stored (%s)", self.url, exc)
            return
        if len(data) > self.max_value_bytes:
            return
        ttl_ms = 0 if ttl is None else max(1, round(ttl * 1000))
        self._call(self._script, keys=[self.prefix + key.hex(), self.index_key], args=[data, ttl_ms, self.max_entries])

    def clear(self) -> None:
        """Forget every entry of this namespace and version (other namespaces and versions keep theirs).

        >>> store.clear(); len(store)  # doctest: +SKIP
        0
        """
        def wipe() -> None:
            batch = []
            for name in self.client.scan_iter(match=self.prefix + "*", count=500):
                batch.append(name)
                if len(batch) >= 500:
                    self.client.delete(*batch)
                    batch = []
            if batch:
                self.client.delete(*batch)

        self._call(wipe)

    def __len__(self) -> int:
        """Entries this namespace holds (expired ones not yet dropped from the index included); 0 while down."""
        count = self._call(self.client.zcard, self.index_key)
        return 0 if count is _FAILED else int(count)

    @property
    def available(self) -> bool:
        """Whether the last command reached Redis (False during an outage: memoized functions then compute).

        >>> store.available  # doctest: +SKIP
        True
        """
        return not self._down

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run one Redis command; on a Redis error log once, back off, and return _FAILED instead of raising."""
        if self._down and time.monotonic() < self._down_until:
            return _FAILED
        try:
            result = fn(*args, **kwargs)
        except self._errors as exc:
            with self._lock:
                if not self._down:
                    log.warning("RedisStore %s unreachable (%s: %s); memoized functions compute their values "
                                "until it answers", self.url, type(exc).__name__, exc)
                self._down = True
                self._down_until = time.monotonic() + self.retry_after
            return _FAILED
        if self._down:
            with self._lock:
                self._down = False
            log.info("RedisStore %s answers again; memoized results are shared again", self.url)
        return result


_FAILED = object()


def encode(value: Any) -> bytes:
    """A value as tagged JSON: components and tuples tagged, user keys starting with '~' escaped.

    >>> encode((1, {"~x": 2}))
    b'{"~t":[1,{"~~x":2}]}'
    """
    return dumps(_tagged(value))


def decode(data: bytes) -> Any:
    """The value `encode` wrote: components rebuilt through their class, tuples as tuples.

    >>> decode(encode((1, {"~x": 2})))
    (1, {'~x': 2})
    """
    tree = orjson.loads(data)
    if b'"~' not in data:  # no tag and no escaped key anywhere: the JSON is the value
        return tree
    return _untagged(tree)


def _tagged(value: Any) -> Any:
    if isinstance(value, (Component, ComponentDict)) or _is_foreign_component(value):
        node = value if isinstance(value, dict) else value.to_plotly_json()
        return {_COMPONENT: [node["namespace"], node["type"], _tagged(dict(node.get("props") or {}))]}
    if isinstance(value, dict):
        return {(_TAG + k if isinstance(k, str) and k.startswith(_TAG) else k): _tagged(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tagged(v) for v in value]
    if isinstance(value, tuple):
        return {_TUPLE: [_tagged(v) for v in value]}
    return value  # a leaf: str, numbers, numpy arrays, Figures... (dumps encodes them or refuses them)


def _is_component_json(value: dict) -> bool:
    return isinstance(value.get("type"), str) and isinstance(value.get("namespace"), str) and "props" in value


def _is_foreign_component(value: Any) -> bool:
    """A component of another library built on Dash's base class (dbc, dmc): it has Dash's JSON shape."""
    if not hasattr(value, "to_plotly_json") or not hasattr(value, "_namespace"):
        return False
    return _is_component_json(value.to_plotly_json())


def _untagged(tree: Any) -> Any:
    if type(tree) is list:
        return [_untagged(v) for v in tree]
    if type(tree) is not dict:
        return tree
    if len(tree) == 1 and _TUPLE in tree:
        return tuple(_untagged(v) for v in tree[_TUPLE])
    if len(tree) == 1 and _COMPONENT in tree:
        namespace, type_, props = tree[_COMPONENT]
        props = _untagged(props)
        cls = spec.declared(f"{namespace}.{type_}") if isinstance(namespace, str) and isinstance(type_, str) else None
        if cls is not None:
            return cls(**props)
        return ComponentDict(type=type_, namespace=namespace, props=props)
    return {(k[1:] if k.startswith(_TAG) else k): _untagged(v) for k, v in tree.items()}
