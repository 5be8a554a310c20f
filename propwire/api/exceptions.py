"""Exceptions that callbacks raise or that propwire raises at users.

Every name `dash.exceptions` has is here too, in the same hierarchy where user code can tell (an `except
CallbackException` catches PreventUpdate and InvalidCallbackReturnValue, as in Dash), so a ported app's
`from propwire.api.exceptions import ...` and its `except` clauses work unchanged. `DashException` is
propwire's own base class under Dash's name.
"""


class PropwireError(Exception):
    """Base of every error propwire raises on purpose."""


DashException = PropwireError


class ObsoleteKwargException(DashException):
    """A keyword argument Dash once took and no longer does."""


class ObsoleteAttributeException(DashException):
    """An attribute Dash once had and no longer has."""


class NoLayoutException(DashException):
    """The app has no layout."""


class CallbackException(DashException):
    """A callback was declared or returned something that cannot work."""


CallbackError = CallbackException  # propwire's first name for it, kept for its own code and users


class NonExistentEventException(CallbackException):
    """Events were removed from Dash long ago; a callback named one."""


class IncorrectTypeException(CallbackException, TypeError):
    """A callback argument of the wrong type (not an Output, Input or State; a bad id or property)."""


class IDsCantContainPeriods(CallbackException):
    """A string id with a '.' in it (the prop key separator)."""


class WildcardInLongCallback(CallbackException):
    """A pattern-matching dependency where a background callback cannot take one."""


class InvalidComponentIdError(IDsCantContainPeriods, ValueError):
    """A string id with a character ids must not hold ('.' or '{')."""


class PreventUpdate(CallbackException):
    """Raised inside a callback to leave every one of its outputs as it is, and run nothing downstream of them.

    For "not yet" (no click, an incomplete form); to keep only some outputs, return no_update for those.
    Example: docs/examples/propwire.PreventUpdate.py.
    """


class DuplicateIdError(DashException):
    """Two components of one layout share an id."""


class InvalidCallbackReturnValue(CallbackException):
    """A callback returned the wrong number of values, or a value JSON cannot carry."""


class InvalidConfig(DashException):
    """An app option that cannot work."""


class InvalidResourceError(DashException):
    """A requested asset or component bundle that does not exist."""


class InvalidIndexException(DashException):
    """A custom index page missing what the renderer needs."""


class DependencyException(DashException):
    """A component library's dependency that cannot be served."""


class ResourceException(DashException):
    """A component library's resource declared wrongly."""


class MissingCallbackContextException(CallbackException):
    """`ctx` was used outside a callback."""


class UnsupportedRelativePath(CallbackException):
    """A relative path helper given a path it cannot handle."""


class ProxyError(DashException):
    """The `proxy=` option of run() does not fit the host and port."""


class DuplicateCallback(DashException):
    """The same callback registered twice."""


class BackgroundCallbackError(DashException):
    """A background callback failed in its manager."""


class MissingLongCallbackManagerError(DashException):
    """A background callback without a manager to run it."""


class PageError(DashException):
    """A page of a multi-page app registered wrongly."""


class ImportedInsideCallbackError(DashException):
    """A page registered from inside a callback."""


class HookError(DashException):
    """A plugin hook registered wrongly."""


class AppNotFoundError(DashException):
    """No app to attach to (e.g. `get_app()` before any Dash() was made)."""


class WebSocketCallbackError(CallbackException):
    """A callback over a websocket failed."""


class WebsocketDisconnected(CallbackException):
    """The websocket a callback used went away."""


class BadEvent(PropwireError):
    """An event request is malformed or inconsistent with the app; answered with a 4xx."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


class ValidationError(CallbackException):
    """The app's callbacks, functions and layout do not fit together; lists every problem found.

    Raised when the app starts (the first use of `app.engine`), or when a callback is declared.
    """

    def __init__(self, problems: "list[str] | str"):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the app's callbacks and layout:"
        super().__init__("\n".join([head, *(f"- {p}" for p in self.problems)]))


class CallbackLimitError(PropwireError):
    """propwire ended a call itself (propwire/threads.py). The message names the callback, not its file, so the
    browser is shown it even outside debug mode."""


class CallbackTimeout(CallbackLimitError, TimeoutError):
    """A call ran past its time limit: `@callback(timeout=...)`, else `Dash(callback_timeout=...)`.

    Example: `on_error=lambda exc: "too slow, try again" if isinstance(exc, CallbackTimeout) else None`."""

    def __init__(self, name: str, seconds: float | None, started: bool = True):
        self.callback, self.seconds = name, seconds
        if started:
            what = "did not return within"
        else:
            what = "found no free worker thread within"
        super().__init__(f"callback '{name}' {what} its timeout of {seconds:g} s")


class NoWorkerThread(CallbackLimitError):
    """No worker thread could be had for a sync call: those it could use are all held by calls past their
    timeout, so it fails at once rather than wait (see `Dash(callback_threads=...)`)."""

    def __init__(self, name: str, why: str):
        self.callback = name
        super().__init__(f"callback '{name}' could not run: no worker thread is free ({why})")


class JobCancelled(PreventUpdate):
    """A background job was stopped before it finished (a cancel Input, a newer run, the page leaving): like
    PreventUpdate, its Outputs keep their values; the stream says `cancelled`."""


class JobLost(BackgroundCallbackError):
    """A background job's process ended without an answer (killed, out of memory, its machine gone), or the job
    could not be queued (the Celery broker down): the page shows this error instead of waiting for ever. Its message is propwire's own words, safe to show outside debug mode."""
