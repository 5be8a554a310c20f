"""The headless runtime's running= props and side updates, as the renderer's runtime handles them (docs/protocol.md).

A prop set on the side of a callback's Outputs — a background job's progress and set_props, a callback's running=
values at its start and end — triggers its readers as a user's change does: Dash's sideUpdate notifies the
prop's observers, whatever the value. The server's chain did not run them, so the side keys of one tick go out
as one new event, whose read set lets the server run the whole chain after them.
"""

from __future__ import annotations

import asyncio
from typing import Any

from propwire.api.dependencies import split_key
from propwire.api.suggest import did_you_mean
from propwire.testing.components import clientside_unsupported
from propwire.testing.graph import ClientGraph
from propwire.testing.patterns import same_value
from propwire.testing.store import UNSET, Store
from propwire.testing.stream import Running, Stream


def none_if_unset(value: Any) -> Any:
    return None if value is UNSET else value


def absent_side_ids(side: Any, store: Store) -> list[str]:
    """A result's set_props writes (its `side` keys) to ids the page does not hold, one message per id as the
    renderer words it (renderer/src/results.ts): Dash reports such an id; the page's closest id is the likely fix.

    Example: with `city-name` in the page, `["cityname.children"]` gives ``["set_props('cityname', ...) was
    ignored: no component of the page has that id; did you mean 'city-name'? If it comes later, ..."]``.
    """
    keys = side if isinstance(side, list) else []
    absent = [i for i in dict.fromkeys(split_key(k)[0] for k in keys if isinstance(k, str)) if not store.has(i)]
    return [f"set_props('{i}', ...) was ignored: no component of the page has that id"
            f"{did_you_mean(i, store.ids()) or '.'} If it comes later, set Dash(suppress_callback_exceptions=True)."
            for i in absent]


def _covers(bindings: list[dict[str, Any]] | None, match: dict[str, Any] | None) -> bool:
    """Whether a run for `bindings` is a newer run of the instance a job bound to `match` runs for."""
    if bindings is None or match is None:
        return True
    return any(all(k not in match or same_value(v, match[k]) for k, v in b.items()) for b in bindings)


class SideUpdates:
    """Runtime's part that sets running= props and sends side updates (a mixin: Runtime provides `_send`)."""

    store: Store
    graph: ClientGraph
    streams: dict[int, Stream]
    unsupported: list[Exception]
    _side: list[str]
    _wake: asyncio.Event

    def _send(self, changed: dict[str, Any], run: list[dict], cancel: list[str] | None = None,
              side: bool = False) -> None:
        raise NotImplementedError  # Runtime's

    def _start(self, stream: Stream, cb: int, own: list | None = None) -> None:
        """A callback with `running=` began: set each prop to its value while running (pattern-matching ones come
        with the start line, as the instance's own keys)."""
        entries = own if own is not None else self.graph.running[cb] if 0 <= cb < len(self.graph.running) else []
        if not entries:
            return
        running = stream.running.get(cb)
        after = [(key, off) for key, _on, off in entries]
        if running is not None:
            running.count += 1  # another instance: the props go back when the last one ends
            running.after += [e for e in after if all(e[0] != key for key, _ in running.after)]
        else:
            stream.running[cb] = Running(1, after)
        for key, on, _off in entries:
            self.store.set_prop(*split_key(key), on)
        self._side_changed([key for key, _on, _off in entries])

    def _jobs_of(self, cb: int, bindings: list[dict[str, Any]] | None = None) -> list[str]:
        """The ids of cb's background jobs still running, in every open stream, narrowed to the MATCH instances
        `bindings` names (None: all): as Dash keys a job by its outputs, a newer run of instance {"i": 2} leaves
        the job of {"i": 1} alone."""
        return [job_id for s in self.streams.values() for job_id, (of, match) in s.jobs.items()
                if of == cb and _covers(bindings, match)]

    def _stop(self, stream: Stream, cb: int, every: bool = False) -> None:
        """An instance ended (or, with `every`, the stream did): once none runs, set the props back."""
        running = stream.running.get(cb)
        if running is None:
            return
        running.count -= 1
        if running.count > 0 and not every:
            return
        del stream.running[cb]
        for key, off in running.after:
            self.store.set_prop(*split_key(key), off)
        self._side_changed([key for key, _off in running.after])

    def _side_changed(self, keys: list[str]) -> None:
        """Props a stream set on the side (a job's progress and set_props, running= values) trigger their readers
        as a user's change does, whatever their value: Dash's sideUpdate notifies the prop's observers. The keys
        of one tick (the lines handled together, as the renderer's microtask batch) go out as one event; a
        component not in the page notifies no one. A key that triggers nothing may still cancel a job."""
        stop: list[str] = []
        for key in keys:
            if not self.store.has(split_key(key)[0]):
                continue
            if self.graph.triggers_any(key):
                if not self._side:
                    asyncio.get_running_loop().call_soon(self._flush_side)
                if key not in self._side:
                    self._side.append(key)
            else:
                stop += [j for cb in self.graph.cancelled_by.get(key, ()) for j in self._jobs_of(cb)]
        if stop:
            self._send({}, [], stop)

    def _flush_side(self) -> None:
        keys, self._side = self._side, []
        local = self.graph.local_clientside(keys)
        if local:
            self.unsupported.append(clientside_unsupported(local[0]))
        if keys:
            self._send({k: none_if_unset(self.store.value(k)) for k in keys}, [], side=True)
        self._wake.set()
