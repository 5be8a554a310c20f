"""propwire.api.cache: memoize by argument value, with expiry and a bounded size."""

import time

import numpy as np
import pytest

from propwire import html
from propwire.api.cache import LRUStore, memoize


def test_second_call_with_equal_arguments_is_served_from_the_cache():
    calls = []

    @memoize()
    def slow(value, *, scale=1):
        calls.append(value)
        return f"Input was {value}" * scale

    assert slow("test") == "Input was test"
    assert slow("test") == "Input was test"
    assert slow("other") == "Input was other"
    assert slow("test", scale=2) == "Input was testInput was test"
    assert calls == ["test", "other", "test"]


def test_keys_are_values_not_identities():
    calls = []

    @memoize()
    def size(data):
        calls.append(1)
        return 1

    size({"b": 1, "a": [1, 2]})
    size({"a": [1, 2], "b": 1})
    size(np.array([1, 2, 3]))
    size(np.array([1, 2, 3]))
    size(html.Div("x", id="d"))
    size(html.Div("x", id="d"))
    assert len(calls) == 3


def test_ttl_expires_entries():
    calls = []

    @memoize(ttl=0.05)
    def now(x):
        calls.append(x)
        return x

    now(1)
    now(1)
    time.sleep(0.08)
    now(1)
    assert calls == [1, 1]


def test_lru_forgets_least_recently_used():
    store = LRUStore(maxsize=2)

    @memoize(store=store)
    def f(x):
        return x * 2

    f(1), f(2), f(1), f(3)
    assert len(store) == 2
    calls = []

    @memoize(store=store)
    def g(x):
        calls.append(x)
        return x

    g(1)
    assert calls == [1]


def test_unserializable_arguments_are_refused_clearly():
    @memoize()
    def f(x):
        return x

    with pytest.raises(TypeError, match="JSON-serializable"):
        f(object())


def test_the_store_is_bounded_by_the_bytes_of_its_values_too():
    store = LRUStore(maxsize=1000, max_bytes=10_000)
    for i in range(20):
        store.set(str(i).encode(), "x" * 1_000, None)  # about 1 kB of JSON each
    assert len(store) < 10 and store.bytes <= 10_000
    assert store.get(b"19") == "x" * 1_000  # the newest is kept
    assert store.get(b"0") is store.get(b"nothing")  # the oldest went
    store.set(b"huge", "y" * 20_000, None)  # bigger than the whole bound: not kept, nothing evicted for it
    assert store.get(b"huge") is store.get(b"nothing") and store.get(b"19") == "x" * 1_000
    store.clear()
    assert store.bytes == 0 and len(store) == 0


def test_memoize_max_bytes_bounds_the_default_store_and_is_refused_with_a_store_of_ones_own():
    calls = []

    @memoize(max_bytes=5_000)
    def big(i):
        calls.append(i)
        return "z" * 2_000

    for i in (1, 2, 3, 1):
        big(i)
    assert calls == [1, 2, 3, 1]  # 1 was evicted by bytes (3 results of 2 kB do not fit in 5 kB)
    assert big.cache.bytes <= 5_000
    with pytest.raises(TypeError, match="max_bytes"):
        memoize(store=LRUStore(), max_bytes=10)
