"""The engine: which callbacks run, in which order, with which arguments (docs/semantics.md S1–S9).

It does no I/O: the server, the page load and the test client all feed it a layout view and a set of changed
props, and forward the typed items it yields (outcomes.py; propwire.protocol.lines writes them on the wire).
A pattern-matching callback runs as one *instance* per MATCH value; a plain callback has exactly one instance,
bound to nothing. A `Chain` composes four parts, each with one job: the planner (which instances run, and
when), the resolver (their arguments from the view), the invoker (where the calls run) and the applier
(their outputs into the view); `results.finish` turns a call's outcome into its typed item.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any

from propwire.api.callbacks import CallbackSpec
from propwire.api.context import CallInfo, RequestInfo
from propwire.api.dependencies import binding_sort_key
from propwire.core import results, threads
from propwire.core.applier import Applier
from propwire.core.graph import Graph
from propwire.core.invoker import Call, CallOutcome, Invoker, LocalInvoker
from propwire.core.layout import LayoutView
from propwire.core.outcomes import Batch, Client, Deferred, Item, Progress, Result, Skip, Start, Verdict
from propwire.core.planner import MAX_RUNS, Planner
from propwire.core.resolver import Resolver
from propwire.core.steps import Event, Instance

log = logging.getLogger("propwire")

__all__ = ["Batch", "Chain", "Engine", "Event", "Item", "MAX_RUNS", "collect"]


class Engine:
    """Plans and runs callback chains over one app's graph.

    `invoker` is where calls run (invoker.py); by default `LocalInvoker`: the engine's thread pool, the loop."""

    def __init__(self, graph: Graph, *, prevent_initial_callbacks: bool = False, debug: bool = False,
                 on_error: Callable[[Exception], Any] | None = None,
                 callback_timeout: float | None = threads.DEFAULT_TIMEOUT,
                 callback_threads: int = threads.DEFAULT_THREADS, threads_per_callback: int | None = None,
                 component_dicts: bool = False, invoker: Invoker | None = None,
                 around_call: Callable[[CallInfo], AbstractContextManager[None]] | None = None):
        self.graph, self.debug, self.on_error = graph, debug, on_error
        # entered around each call, on the thread (or in the task) it runs in: a Flask request context, for one
        self.around_call = around_call
        self.prevent_initial_callbacks = prevent_initial_callbacks
        self.component_dicts = component_dicts  # dicts shaped like components render as such (component_json.py)
        self.callback_timeout = threads.check_timeout(callback_timeout)
        self.pool = threads.Pool(callback_threads, threads_per_callback)  # sync callbacks run here (threads.py)
        self.invoker: Invoker = invoker or LocalInvoker(self)

    def timeout_for(self, cb: CallbackSpec) -> float | None:
        """A call's time limit in seconds: the callback's own timeout=, else the app's callback_timeout."""
        return self.callback_timeout if cb.timeout is ... else cb.timeout

    def prevents_initial(self, cb: CallbackSpec) -> bool:
        flag = cb.prevent_initial_call
        return (self.prevent_initial_callbacks if flag is None else flag) is True

    def view_for(self, event: Event) -> LayoutView:
        """The layout view an event describes: only the read set of its callbacks is known."""
        reads = event.reads
        if reads is None:
            starts = [i for key in event.changed for i, _ in self.graph.triggered_by(key)]
            reads = self.graph.event_read_set(starts + [i for i, _ in event.run])
        view = LayoutView(event.values, event.present, known_ids=reads.ids, known_values=reads.values)
        for key, value in event.changed.items():
            view.set(key, value)
        return view

    def initial(self, view: LayoutView, mounted: Iterable[str] = ()) -> Chain:
        """The page load's chain: every callback's initial call (S1), then what they trigger.

        `mounted` are props components set themselves as they mount (a dcc.Location's URL): they count as
        written, so an upstream PreventUpdate does not drop their readers' initial calls."""
        chain = Chain(self, view, pending=set())
        chain.planner.load(list(mounted))
        return chain

    def event(self, event: Event, view: LayoutView | None = None) -> Chain:
        """The chain one user action starts (the background jobs it cancels are stopped first)."""
        if event.cancel and hasattr(self.invoker, "cancel"):
            self.invoker.cancel(event.cancel)
        chain = Chain(self, view or self.view_for(event), pending=set(event.pending))
        chain.planner.browser_runs.update(event.ran)  # their outputs are among `changed`: not triggered again
        chain.applier.follows = event.follows
        for key in event.changed:
            chain.planner.trigger(key)
        for index, triggered in event.run:
            chain.planner.rerun(index, triggered)
        return chain


class Chain:
    """One chain of callbacks, driven by `advance()` (what is ready now, as a Batch of typed items) and
    `await wait()` (until a running callback finishes) until a batch is the last; or iterated with
    `async for batch in chain`. Example::

        async for batch in engine.event(Event(changed={"button.n_clicks": 1})):
            for item in batch.items:
                print(item)
    """

    def __init__(self, engine: Engine, view: LayoutView, pending: set[str]):
        self.engine = engine
        self.graph = engine.graph
        self.view = view
        self.resolver = Resolver(view)
        self.planner = Planner(engine.graph, self.resolver, pending, debug=engine.debug,
                               prevents_initial=engine.prevents_initial)
        self.applier = Applier(view, self.planner)
        self.invoker = engine.invoker
        self.running: dict[asyncio.Future, Instance] = {}
        self.finished: list[tuple[Instance, CallOutcome]] = []  # calls made at once, done before the next await
        self.ready: list[Item] | None = None  # items of the next batch (None: the plan is still to come)
        self._woken: asyncio.Future | None = None  # what wait() awaits; a finishing call's task sets it

    @property
    def request(self) -> RequestInfo:
        """What ctx.cookies / headers / path read in this chain's calls; the web layer sets it."""
        return self.resolver.request

    @request.setter
    def request(self, info: RequestInfo) -> None:
        self.resolver.request = info

    def advance(self) -> Batch:
        """Run what is ready, calls made at once included, until the chain must wait for a running one or is done."""
        if self.ready is None:
            self.ready = [self.graph.plan(frozenset(i for i, _ in self.planner.candidates))]
        items, self.ready = self.ready, []
        while True:
            items += self._start_ready()
            items += self.planner.take_notes()
            if not self.finished:
                break
            done, self.finished = self.finished, []
            for instance, outcome in done:
                items += self._complete(instance, outcome)
        if self.running:
            return Batch(items)
        items += [Deferred(index, triggers) for index, triggers in self.planner.leftover()]
        return Batch(items, last=True)

    async def wait(self, interrupt: asyncio.Future | None = None) -> bool:
        """Until a running callback finishes (True: its items open the next batch), or `interrupt` is done first
        (False: the web layer's watch saw the client go away).

        One future the running calls' tasks wake as they finish, not asyncio.wait: that would hook every task
        and the interrupt anew on each wait, and this is on every sync callback's path."""
        if not self.running:
            raise RuntimeError("Chain.wait(): no callback is running (the last batch was already returned)")
        done = [task for task in self.running if task.done()]
        while not done and not self.ready:  # a wake with no call finished (the interrupt's, or a late one) is checked, not trusted
            if interrupt is not None and interrupt.done():
                return False
            self._woken = asyncio.get_running_loop().create_future()
            if interrupt is not None:
                interrupt.add_done_callback(self._wake)
            try:
                await self._woken
            finally:
                self._woken = None
                if interrupt is not None:
                    interrupt.remove_done_callback(self._wake)
            done = [task for task in self.running if task.done()]
        if self.ready is None:
            self.ready = []
        for task in sorted(done, key=lambda t: binding_sort_key(self.running[t])):
            self.ready += self._complete(self.running.pop(task), task.result())
        return True

    def _push(self, item: Item) -> None:
        """An item a running call sends before it finishes (a job's progress): the next batch opens with it.

        A job's progress and set_props values also go into the chain's view, triggering nothing: the page fires
        their readers in an event of its own (docs/protocol.md, Side updates), but a callback this chain runs
        later reads them as the page then holds them, as in Dash (a State downstream of the job)."""
        if isinstance(item, Progress):
            for key, value in item.outputs.items():
                if self.view.has(key.rpartition(".")[0]):
                    self.view.set(key, value)
        if self.ready is None:
            self.ready = []
        self.ready.append(item)
        self._wake()

    def _wake(self, _: Any = None) -> None:
        if self._woken is not None and not self._woken.done():
            self._woken.set_result(None)

    def cancel(self) -> None:
        """The response is gone: callbacks still running are cancelled (sync ones finish on their thread)."""
        for task in self.running:
            task.cancel()

    def __aiter__(self) -> AsyncIterator[Batch]:
        return self._batches()

    async def _batches(self) -> AsyncIterator[Batch]:
        try:
            while True:
                batch = self.advance()
                yield batch
                if batch.last:
                    return
                await self.wait()
        finally:
            self.cancel()

    def _start_ready(self) -> list[Item]:
        """What the planner lets start: deferred and skipped ones said so, the rest handed to the invoker."""
        items: list[Item] = []
        for instance, triggers, decision in self.planner.ready():
            cb = self.graph.callbacks[instance[0]]
            if decision.verdict is Verdict.DEFER:
                items.append(Deferred(cb.index, triggers))
                continue
            if decision.verdict is Verdict.SKIP:
                items.append(Skip(cb.index, decision.reason))  # type: ignore[arg-type]
                continue
            if decision.verdict is Verdict.CLIENT:
                items.append(self._client(cb, instance, triggers))
                continue
            self.planner.begin(instance)
            if cb.running or cb.background is not None:
                items.append(self._start(cb, instance))
            info, args, kwargs = self.resolver.prepare(cb, instance, triggers)
            started = self.invoker.start(Call(cb, instance, info, args, kwargs, triggers, self._push))
            if isinstance(started, CallOutcome):
                self.finished.append((instance, started))
            else:
                task = asyncio.ensure_future(started)
                task.add_done_callback(self._wake)
                self.running[task] = instance
        return items

    def _client(self, cb: CallbackSpec, instance: Instance, triggers: list[str]) -> Client:
        """A clientside call for the browser: each dependency's concrete keys in this instance (docs/callbacks.md)."""
        self.planner.hand_over(instance)

        def keys(deps: Iterable[Any]) -> list[Any]:
            found = [self.resolver.resolve(d, instance[1], with_values=False) for d in deps]
            return [list(r.keys) if r.multi else (r.keys[0] if r.keys else r.dep.key) for r in found]

        return Client(cb.index, list(triggers), keys(cb.inputs), keys(cb.states), keys(cb.outputs))

    def _start(self, cb: CallbackSpec, instance: Instance) -> Start:
        """A start item; pattern `running=` Outputs go as this instance's own prop keys (the graph has only patterns)."""
        if not any(out.has_wildcard() for out, _, _ in cb.running):
            return Start(cb.index)
        return Start(cb.index, [[key, on, off] for out, on, off in cb.running
                                for key in self.resolver.running_keys(out, instance[1])])

    def _complete(self, instance: Instance, outcome: CallOutcome) -> list[Item]:
        """A finished call's item; its outputs are applied with it as their source (it does not trigger itself)."""
        cb = self.graph.callbacks[instance[0]]
        done = results.finish(cb, outcome, debug=self.engine.debug, component_dicts=self.engine.component_dicts)
        if self.engine.debug:  # Dash's page ignores a set_props prop its component lacks: say so, with the fix
            for warning in results.unknown_side_props(cb, outcome.info, self.graph.layout_types):
                log.warning(warning)
        self.planner.source = instance
        try:
            self.applier.apply_all(done.values, done.patches, done.declared)
        finally:
            self.planner.source = None
        followed = self.applier.take_followed()
        if followed and isinstance(done.item, Result):  # the page sets them with the outputs, as Dash's slider
            done.item.outputs.update(followed)
        self.planner.finished(instance, [k for r in outcome.info.outputs for k in r.keys])
        return [done.item]


async def collect(chain: Chain) -> list[Item]:
    """All items of a chain, in order (for tests and the headless client)."""
    return [item async for batch in chain for item in batch.items]
