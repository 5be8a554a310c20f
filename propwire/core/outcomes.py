"""What a chain yields, as typed values: the core's answer, which the protocol layer turns into stream lines.

The core never builds wire dicts. A chain yields, batch by batch, `Plan`, `Start`, `Result`, `Error`, `Skip`,
`Deferred` and `Note` items; a finished call's cookies, headers and Server-Timing entries travel with its item as
`CallEffects`, so the web layer reads them here instead of reaching into `ctx`. `propwire.protocol.lines` is the
one place that knows how each item looks on the wire (docs/protocol.md). Example::

    for item in batch.items:
        if isinstance(item, Result):
            print(item.cb, item.outputs, item.effects.cookies)
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class SkipReason(enum.StrEnum):
    """Why an instance did not run (docs/semantics.md S1, S3, S8): its value is the reason the stream shows."""

    PREVENT_UPDATE = "PreventUpdate"
    PREVENTED_UPSTREAM = "prevented upstream"
    NO_INPUT = "no input in layout"
    INPUT_ABSENT = "input not in layout"
    OUTPUT_ABSENT = "output not in layout"
    NO_OUTPUT = "no output in layout"
    STATE_ABSENT = "state not in layout"
    PREVENT_INITIAL = "prevent_initial_call"
    CANCELLED = "cancelled"  # a background job stopped by a cancel Input, a newer run or the page leaving


class Verdict(enum.Enum):
    """The planner's word on a ready instance: run it, defer it to the browser (S3), or skip it."""

    RUN = "run"
    DEFER = "defer"
    SKIP = "skip"
    CLIENT = "client"  # a clientside callback: the browser runs it


@dataclass(frozen=True)
class Decision:
    """A verdict and, for a skip, its reason.

    >>> Decision.skip(SkipReason.NO_INPUT).reason.value
    'no input in layout'
    """

    verdict: Verdict
    reason: SkipReason | None = None

    @staticmethod
    def skip(reason: SkipReason) -> Decision:
        return Decision(Verdict.SKIP, reason)


RUN = Decision(Verdict.RUN)
DEFER = Decision(Verdict.DEFER)
CLIENT = Decision(Verdict.CLIENT)


@dataclass
class CallEffects:
    """What a finished call asks of the HTTP response besides its outputs: cookies (Set-Cookie values),
    headers, Server-Timing entries (name, seconds, description), and the keys it wrote through set_props.

    >>> CallEffects(cookies=["theme=dark; Path=/"]).cookies
    ['theme=dark; Path=/']
    """

    cookies: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    timings: list[tuple[str, float, str | None]] = field(default_factory=list)
    set_props: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """What may run in this chain and what it may write (the first item of every chain)."""

    callbacks: list[int]
    props: list[str]


@dataclass
class Start:
    """A callback with `running=` Outputs starts; `running` holds pattern ones as [key, on, off] of this instance."""

    cb: int
    running: list[list[Any]] | None = None


@dataclass
class Job:
    """A background callback's job started (or, with `ended`, just gave its outcome): its id, which the page sends
    back to cancel it, and the MATCH values of the instance it runs for, so a newer run of another instance of a
    pattern-matching callback leaves it alone (docs/background.md)."""

    cb: int
    id: str
    match: dict[str, Any] | None = None
    ended: bool = False


@dataclass
class Progress:
    """A running background job's `set_progress` or `set_props` values, to apply at once (JSON values by key);
    `side` for a `set_props` call's, whose ids the page checks (a progress Output's are checked at start-up)."""

    cb: int
    outputs: dict[str, Any]
    side: bool = False


@dataclass
class Result:
    """A call that returned: each output's JSON value (no_update ones left out) and its Patch operations.

    `no_update` is for the dev tools: the keys the call left alone, in debug mode only (None otherwise, and then
    its timings do not go on its line either: they still go into the Server-Timing header, `effects`)."""

    cb: int
    outputs: dict[str, Any]
    reads: list[str]
    triggered: list[str]
    seconds: float
    patches: dict[str, list] = field(default_factory=dict)
    no_update: list[str] | None = None
    effects: CallEffects = field(default_factory=CallEffects)


@dataclass
class Error:
    """A call that failed (S8): a message safe to show; with debug, the user's traceback and the call's inputs."""

    cb: int
    message: str
    traceback: str | None = None
    inputs: dict[str, Any] | None = None
    effects: CallEffects = field(default_factory=CallEffects)


@dataclass
class Skip:
    """An instance that did not run, or raised PreventUpdate (then `effects` holds what it set before)."""

    cb: int
    reason: SkipReason
    effects: CallEffects | None = None


@dataclass
class Deferred:
    """An instance that needs props the event did not carry: the browser asks for it again (S3)."""

    cb: int
    triggered: list[str]


@dataclass
class Client:
    """A clientside callback's call, handed to the browser (docs/callbacks.md): the concrete prop keys of each of
    its Inputs, States and Outputs (a list of keys for an ALL / ALLSMALLER one), and what triggered it. The
    browser reads the values from its own store, runs the function and sends its outputs in a follow-up event."""

    cb: int
    triggered: list[str]
    inputs: list[Any]
    states: list[Any]
    outputs: list[Any]


@dataclass
class Note:
    """Debug mode: why a callback did not join the chain, for the dev tools' trace."""

    cb: int
    reason: SkipReason


Item = Plan | Start | Job | Progress | Result | Error | Skip | Deferred | Client | Note


def effects_of(item: Item) -> CallEffects | None:
    """A finished call's effects, or None for an item no call produced (plan, start, deferred, note, a skip)."""
    return getattr(item, "effects", None)


@dataclass
class Batch:
    """Items ready together: the server writes them in one piece; `last` says no more follow."""

    items: list[Item]
    last: bool = False
