"""RedisStore (issue 17 item 6): memoize shared by worker processes through a real redis-server.

Each test gets its own redis-server (tests/services.py, the `redis_server` fixture), stopped by PID after it.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import redis

from propwire import dcc, html
from propwire.cache import RedisStore, RedisStoreError, memoize
from propwire.cache_redis import decode, encode
from propwire.core.component_json import ComponentDict

ROOT = Path(__file__).resolve().parents[2]

WORKER = textwrap.dedent("""
    import sys
    from propwire.cache import RedisStore, memoize

    url, counter, version = sys.argv[1:4]

    @memoize(ttl=60, store=RedisStore(url, namespace="shared", version=version))
    def slow_report(region):
        with open(counter, "a") as f:
            f.write(region + "\\n")
        return {"region": region, "rows": (1, 2, 3)}

    print(repr(slow_report("north")))
""")


def _run_worker(tmp_path: Path, url: str, version: str = "v1") -> str:
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(script), url, str(tmp_path / "calls.txt"), version],
                          capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _calls(tmp_path: Path) -> list[str]:
    path = tmp_path / "calls.txt"
    return path.read_text().split() if path.exists() else []


def test_two_worker_processes_share_one_result(redis_server, tmp_path):
    first = _run_worker(tmp_path, redis_server.url)
    second = _run_worker(tmp_path, redis_server.url)
    assert first == second == "{'region': 'north', 'rows': (1, 2, 3)}"
    assert _calls(tmp_path) == ["north"]  # the second process read the first one's result
    _run_worker(tmp_path, redis_server.url, version="v2")  # another app version: its own entries
    assert _calls(tmp_path) == ["north", "north"]


def _counted(store: RedisStore, ttl: float | None = 60):
    calls: list = []

    @memoize(ttl=ttl, store=store)
    def square(n):
        calls.append(n)
        return n * n

    return square, calls


def test_ttl_is_redis_expiry(redis_server):
    store = RedisStore(redis_server.url, namespace="ttl")
    square, calls = _counted(store, ttl=0.4)
    assert square(3) == 9 and square(3) == 9 and calls == [3]
    client = redis.Redis.from_url(redis_server.url)
    (entry,) = [k for k in client.keys(store.prefix + "*") if k != store.index_key.encode()]
    assert 0 < client.pttl(entry) <= 400
    time.sleep(0.6)
    assert square(3) == 9 and calls == [3, 3]


def test_entry_cap_evicts_the_oldest_and_big_values_are_not_kept(redis_server):
    store = RedisStore(redis_server.url, namespace="cap", max_entries=3, max_value_bytes=100)
    square, calls = _counted(store, ttl=None)
    for n in range(5):
        square(n)
    assert len(store) == 3
    client = redis.Redis.from_url(redis_server.url)
    assert len(client.keys(store.prefix + "*")) == 3 + 1  # three entries and the index, nothing else left
    calls.clear()
    for n in (2, 3, 4, 0, 1):
        square(n)
    assert calls == [0, 1]  # 2, 3, 4 were kept; 0 and 1, written first, were evicted

    wide = memoize(store=store)(lambda n: "x" * n)
    assert wide(200) == "x" * 200 and len(store) == 3  # 202 bytes of JSON > max_value_bytes: not stored


def test_namespaces_and_versions_are_isolated(redis_server):
    old = RedisStore(redis_server.url, namespace="app", version="v1")
    new = RedisStore(redis_server.url, namespace="app", version="v2")
    other = RedisStore(redis_server.url, namespace="other", version="v1")
    fns = [_counted(store) for store in (old, new, other)]
    for square, _ in fns:
        assert square(4) == 16
    assert [calls for _, calls in fns] == [[4], [4], [4]]
    old.clear()
    assert len(old) == 0 and len(new) == 1 and len(other) == 1
    for square, _ in fns:
        square(4)
    assert [calls for _, calls in fns] == [[4, 4], [4], [4]]


def test_redis_down_computes_and_recovers_after_restart(redis_server, caplog):
    store = RedisStore(redis_server.url, namespace="fault", retry_after=0.2, socket_timeout=0.5)
    square, calls = _counted(store)
    assert square(5) == 25 and square(5) == 25 and calls == [5]
    redis_server.stop()
    with caplog.at_level(logging.INFO, logger="propwire.cache"):
        assert square(5) == 25 and square(6) == 36 and square(5) == 25  # computed: the callback never fails
        assert calls == [5, 5, 6, 5] and not store.available
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and redis_server.url in warnings[0] and "unreachable" in warnings[0]
        redis_server.start()  # same port, empty (no persistence)
        time.sleep(0.3)  # past retry_after
        assert square(7) == 49 and store.available
        assert square(7) == 49 and calls == [5, 5, 6, 5, 7]  # shared again
        assert any("answers again" in r.getMessage() for r in caplog.records if r.levelno == logging.INFO)


def test_restart_helper_keeps_the_port(redis_server):
    port = redis_server.port
    redis_server.restart()
    assert redis_server.port == port and redis_server.running
    assert redis.Redis.from_url(redis_server.url).ping()


def test_values_round_trip_as_json_with_components_and_tuples():
    value = (html.Div([html.P("a", id="p"), dcc.Graph(figure={"data": []})], id="x"), [1, 2.5, None],
             {"~t": 1, "~~c": 2, "n": {"~c": 3}})
    back = decode(encode(value))
    assert back == value and type(back[0]) is html.Div
    child = ComponentDict(type="P", namespace="html", props={"children": "hi"})
    assert decode(encode([child])) == [html.P("hi")]


def test_data_shaped_like_a_component_stays_data():
    lookalike = {"type": "Iframe", "namespace": "html", "props": {"srcDoc": "<script>x</script>"}}
    back = decode(encode([lookalike]))
    assert back == [lookalike] and type(back[0]) is dict


def test_values_are_never_unpickled(redis_server, caplog):
    import pickle

    store = RedisStore(redis_server.url, namespace="planted")
    square, calls = _counted(store)
    square(2)
    client = redis.Redis.from_url(redis_server.url)
    (entry,) = [k for k in client.keys(store.prefix + "*") if k != store.index_key.encode()]
    client.set(entry, pickle.dumps(os.getcwd))  # what someone with write access to Redis might plant
    with caplog.at_level(logging.WARNING, logger="propwire.cache"):
        assert square(2) == 4
    assert calls == [2, 2] and "not readable" in caplog.text


def test_values_that_are_not_json_are_computed_each_time(redis_server):
    store = RedisStore(redis_server.url, namespace="nojson")
    calls = []
    make = memoize(store=store)(lambda n: calls.append(n) or object())
    make(1), make(1)
    assert calls == [1, 1] and len(store) == 0


@pytest.mark.parametrize("kwargs, named", [({"namespace": "a:b"}, "namespace"), ({"version": ""}, "version"),
                                           ({"version": "{x}"}, "version"), ({"max_entries": 0}, "max_entries"),
                                           ({"max_value_bytes": -1}, "max_value_bytes")])
def test_bad_configuration_names_the_argument(kwargs, named):
    with pytest.raises(RedisStoreError, match=named):
        RedisStore("redis://127.0.0.1:1/0", **kwargs)
