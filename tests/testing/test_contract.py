"""The protocol contract: every case of tests/contract/cases/*.json run against the headless client's runtime.

renderer/test/contract.test.ts runs the same cases against the renderer's DOM-free core, so a protocol change
that one client misses fails one of the two (tests/contract/README.md says how to add a case). This file is
only the adapter: it feeds the case's steps to propwire.testing's Store + Runtime and compares what they do.
"""

from __future__ import annotations

import asyncio
import json
import warnings
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import orjson
import pytest

from propwire.protocol.wire import Unreadable, read_body
from propwire.testing.effects import ComponentEffects
from propwire.testing.graph import ClientGraph
from propwire.testing.runtime import Runtime
from propwire.testing.store import UNSET, Store
from tests.engine.harness import run_async

CASES = Path(__file__).resolve().parents[1] / "contract" / "cases"


def _cases() -> list[Any]:
    found = []
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text())["cases"]:
            found.append(pytest.param(case, id=f"{path.name}: {case['name']}"))
    return found


def _encode(line: Any) -> bytes:
    """A line as bytes on the wire: an object is one JSON line; a string goes out as it is (raw texts, junk)."""
    return line.encode() if isinstance(line, str) else orjson.dumps(line) + b"\n"


class World:
    """The runtime under test, with a fake server: each event's answer is what the case's steps write."""

    def __init__(self, case: dict[str, Any]):
        self.events: list[dict] = []
        self.cookies: list[dict] = []
        self.answers: dict[int, asyncio.Future] = {}
        self.tail: dict[int, bytes] = {}  # bytes written after the answer started, read when it closes
        store = Store(json.loads(json.dumps(case["config"]["layout"])))
        browser = case.get("browser")
        values = _Browser(store, case) if browser is None else None
        for key in case["config"].get("unknown", []):
            if values is not None:  # the client's own reading of storage and the URL, as Client.open does
                value = values._browser_value(key)
                if value is not UNSET:
                    store.fill(key, value)
            elif key in browser:
                store.fill(key, browser[key])
        self.rt = Runtime(store, ClientGraph(case["config"]["graph"]), self._post, on_cookies=self._cookies)

    async def _post(self, body: bytes) -> tuple[int, bytes]:
        event = orjson.loads(body)
        self.events.append(event)
        answer = self.answers[event["seq"]] = asyncio.get_running_loop().create_future()
        return await answer

    async def _cookies(self, seq: int, token: str) -> None:
        self.cookies.append({"seq": seq, "token": token})

    def _answer(self, seq: int | None) -> asyncio.Future:
        if seq not in self.answers:
            raise AssertionError(f"the case answers event {seq}, which the client did not send")
        return self.answers[seq]

    def act(self, step: dict[str, Any]) -> None:
        kind, lines = step["do"], step.get("lines", [])
        if kind == "page":
            self.rt.page_lines(lines)
        elif kind == "pageEnd":
            self.rt.page_ended()
        elif kind == "user":
            self.rt.user_change([(id_str, partial) for id_str, partial in step["changes"]])
        elif kind == "stream":
            # The headless client reads a body whole (httpx buffers it); lines that arrive before the end are
            # handed to its line handler as its reader would hand them over.
            self._answer(step["seq"])
            stream = self.rt.streams.get(step["seq"])
            for line in read_body(b"".join(map(_encode, lines))):
                if isinstance(line, Unreadable):
                    self.rt.reports.append(f"Event {step['seq']}: {line}")
                elif stream is not None:
                    self.rt._handle(stream, line)
        elif kind in ("close", "respond"):
            self._answer(step["seq"]).set_result((200, b"".join(map(_encode, lines))))
        elif kind == "reject":
            body = step.get("body", {"error": "rejected"})
            data = body.encode() if isinstance(body, str) else orjson.dumps(body)
            self._answer(step["seq"]).set_result((step.get("status", 400), data))
        else:
            raise AssertionError(f"unknown step {kind!r}")


class _Browser(ComponentEffects):
    """The headless client's view of the browser (storage, the URL) for a case without explicit `browser` values."""

    def __init__(self, store: Store, case: dict[str, Any]):
        self.url = case.get("url", "http://127.0.0.1/")
        self.local_storage = dict(case.get("storage", {}).get("local", {}))
        self.session_storage = dict(case.get("storage", {}).get("session", {}))
        self._page = SimpleNamespace(store=store)

    def _rt_or_fail(self) -> Any:
        return self._page


def _dict_order(present: dict[str, Any]) -> list[str]:
    """The order in which `present` lists dict ids: the server takes a pattern's components in that order."""
    return [k for k in present if k.startswith("{")]


EXPECT_FIELDS = {"events", "store", "unset", "absent", "ancestry", "reports", "cookies", "busy"}
STEP_FIELDS = {"do", "lines", "changes", "seq", "status", "body", "expect"}


def _check(world: World, expect: dict[str, Any], where: str, sent: list, reports: list, cookies: list) -> None:
    want = expect.get("events", [])
    assert len(sent) == len(want), f"{where}: events sent {sent}"
    for i, (got, body) in enumerate(zip(sent, want, strict=True)):
        assert {**got, "pending": sorted(got["pending"])} == {**body, "pending": sorted(body["pending"])}, \
            f"{where}: event {i}"
        assert _dict_order(got["present"]) == _dict_order(body["present"]), f"{where}: order of present dict ids"
    store = world.rt.store
    for key, value in expect.get("store", {}).items():
        got = store.value(key)
        assert got is not UNSET and _json(got) == _json(value), f"{where}: store {key} is {got!r}"
    for key in expect.get("unset", []):
        assert store.value(key) is UNSET, f"{where}: {key} is unset"
    for id_str in expect.get("absent", []):
        assert not store.has(id_str), f"{where}: {id_str} is absent"
    for id_str, chain in expect.get("ancestry", {}).items():
        entry = store.entry(id_str)
        assert entry is not None and list(entry.ancestry) == chain, f"{where}: ancestry of {id_str}"
    want_reports = expect.get("reports", [])
    assert len(reports) == len(want_reports), f"{where}: reports {reports}"
    for text, want_text in zip(reports, want_reports, strict=True):
        assert want_text in text, f"{where}: report {text!r} lacks {want_text!r}"
    assert cookies == expect.get("cookies", []), f"{where}: cookie exchanges"
    if "busy" in expect:
        assert world.rt.busy == expect["busy"], f"{where}: busy"


def _json(value: Any) -> Any:
    """Compared as JSON values, as the renderer's deepEqual compares them (1 and 1.0 alike, True is not 1)."""
    return json.loads(json.dumps(value, sort_keys=True))


CASE_FIELDS = {"name", "config", "browser", "storage", "url", "steps"}


async def _run(case: dict[str, Any]) -> None:
    assert set(case) <= CASE_FIELDS, f"unknown case fields {set(case) - CASE_FIELDS}"
    world = World(case)
    for i, step in enumerate(case["steps"]):
        # a misspelt field would check nothing: the corpus may only use what both adapters read
        assert set(step) <= STEP_FIELDS, f"step {i}: unknown fields {set(step) - STEP_FIELDS}"
        assert set(step.get("expect", {})) <= EXPECT_FIELDS, f"step {i}: unknown expect fields"
        seen = (len(world.events), len(world.rt.reports), len(world.cookies))
        world.act(step)
        for _ in range(8):
            await asyncio.sleep(0)
        where = f"step {i} ({step['do']})"
        _check(world, step.get("expect", {}), where, world.events[seen[0]:], world.rt.reports[seen[1]:],
               world.cookies[seen[2]:])
    for answer in world.answers.values():  # a case that leaves an event open: let its task end
        if not answer.done():
            answer.set_result((200, b""))
    await asyncio.sleep(0)


def test_the_corpus_is_there() -> None:
    assert len(_cases()) >= 25


@pytest.mark.parametrize("case", _cases())
def test_contract(case: dict[str, Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # an unknown line kind: skipped with a warning
        run_async(_run(case))  # in a thread of its own when Playwright holds this thread's loop

