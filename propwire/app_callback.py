"""`propwire.callback`, the decorator that registers callbacks for the next app that starts.

Kept apart from `propwire.app` (the `Dash` object) so each module stays small; `propwire.app` re-exports both
names, and `GLOBAL_CALLBACKS` is the one list both see.

Example: docs/examples/propwire.callback.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from propwire.api.callbacks import CallbackSpec, make_spec
from propwire.api.clientside import caller_where, make_clientside_spec

__all__ = ["GLOBAL_CALLBACKS", "callback", "claim_globals", "clientside_callback"]

# `@callback` registers here; the next app to start claims them (as Dash's global callbacks do).
GLOBAL_CALLBACKS: list[CallbackSpec] = []


def claim_globals() -> list[CallbackSpec]:
    """The `@callback`s registered so far, taken off the list: the app whose engine is built first owns them.

    >>> claim_globals() == [] and GLOBAL_CALLBACKS == []
    True
    """
    claimed = list(GLOBAL_CALLBACKS)
    GLOBAL_CALLBACKS.clear()
    return claimed


def callback(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare a function that keeps some props in step with others: `@callback(Output(...), Input(...))`.

    The function runs when an Input changes (and once at page load), gets the Inputs' and States' values as
    arguments, and returns the Outputs' new values. It is registered for the next app that starts, as Dash's
    global callbacks are; `app.callback` registers it on one app only. Examples of each option:
    docs/examples/propwire.callback.*.py (shown in docs/reference.md).

    Parameters:
        *dependencies: Outputs, then Inputs, then States (or lists / dicts of them, which shape the arguments
            and the return value as Dash's flexible signatures do).
        output: the Outputs by keyword (one, a list or a dict) instead of positionally.
        inputs: the Inputs by keyword (a dict makes the function take keyword arguments).
        state: the States by keyword.
        prevent_initial_call: True: no initial call of its own at page load, nor when a callback inserts its
            Outputs' components (docs/semantics.md S1, S5); "initial_duplicate" for an allow_duplicate Output
            that must still run at load.
        running: (Output, value while running, value after) triples set while the call runs (a button
            disabled while its work runs).
        on_error: called with the exception when the function raises; its return becomes the outputs.
        memoize: True, a ttl in seconds, or a dict of propwire.cache.memoize's arguments: results cached by
            argument value (sync callbacks only).
        optional: every id the callback names may be absent from the layout without a start-up warning.
        inline: propwire's: True for a sync callback that never blocks, run on the event loop instead of a
            worker thread (saves the thread hop; a blocking one would stall every user).
        timeout: propwire's: seconds this callback's calls may take (None: no limit; default: the app's
            callback_timeout).
        background: True runs each call as a job of a manager, in a process of its own, its progress pushed
            to the page as it is set (docs/background.md).
        manager: the background callback's manager (a DiskcacheManager or CeleryManager); default: the app's
            background_callback_manager.
        progress: an Output or a list of Outputs the function sets through `set_progress`, its first
            argument (background callbacks).
        progress_default: the progress Outputs' values once the job ends.
        cancel: an Input or a list of Inputs whose change stops the callback's running job.
        interval: milliseconds between writes of the job's progress to its record on disk (Dash: between
            polls; propwire pushes every update at once).
        cache_args_to_ignore: argument positions or names the cache key leaves out (with a manager's
            cache_by).

    Returns:
        A decorator that registers the function and returns it unchanged (it can still be called directly).

    Raises:
        ValidationError: a wrong declaration, naming the function and its file:line.
        TypeError: a Dash option propwire does not support yet (api_endpoint=, ...).
    """

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        GLOBAL_CALLBACKS.append(make_spec(func, args, dict(kwargs)))
        return func

    return decorate


def clientside_callback(clientside_function: Any, *args: Any, **kwargs: Any) -> None:
    """Declare a callback whose function is JavaScript, run in the browser: no request for it at all.

    `clientside_function` is an inline JS function expression (a string, e.g. `"function(n) { return n * 2; }"`)
    or a `ClientsideFunction(namespace, function_name)` naming `window.dash_clientside[namespace][function_name]`
    from a script in the assets folder. The function gets the Inputs' then the States' values and returns the
    Output's value (a list of them for several Outputs), `window.dash_clientside.no_update`, or a Promise of
    those; it may `throw window.dash_clientside.PreventUpdate`, call `dash_clientside.set_props(id, props)` and
    read `dash_clientside.callback_context`. Registered for the next app that starts, as `callback` is; how it
    fits the one-request-per-action plan, and what it costs: docs/callbacks.md. Example:
    docs/examples/propwire.clientside_callback.py.

    Parameters:
        clientside_function: the inline JS source, or a ClientsideFunction.
        *dependencies: Outputs, then Inputs, then States (given one by one or in lists).
        prevent_initial_call: True: no initial call at page load (as for `callback`).

    Raises:
        ValidationError: a wrong declaration (grouped Inputs, dict Outputs, an unknown option).
    """
    GLOBAL_CALLBACKS.append(make_clientside_spec(clientside_function, args, dict(kwargs), where=caller_where()))
