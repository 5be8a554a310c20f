"""propwire.cache: memoize by argument value, with expiry and a bounded size."""

import time

import numpy as np
import pytest

from propwire import html
from propwire.cache import LRUStore, memoize


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
