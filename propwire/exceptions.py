"""Exceptions that callbacks raise or that propwire raises at users."""


class PropwireError(Exception):
    """Base of every error propwire raises on purpose."""


class PreventUpdate(PropwireError):
    """Raised inside a callback to leave every one of its outputs as it is."""


class CallbackError(PropwireError):
    """A callback was declared or returned something that cannot work."""


class InvalidCallbackReturnValue(CallbackError):
    """A callback returned the wrong number of values, or a value JSON cannot carry."""


class MissingCallbackContextException(PropwireError):
    """`ctx` was used outside a callback."""


class BadEvent(PropwireError):
    """An event request is malformed or inconsistent with the app; answered with a 4xx."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


class ValidationError(CallbackError):
    """The app's callbacks, functions and layout do not fit together; lists every problem found.

    Raised when the app starts (the first use of `app.engine`), or when a callback is declared.
    """

    def __init__(self, problems: "list[str] | str"):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the app's callbacks and layout:"
        super().__init__("\n".join([head, *(f"- {p}" for p in self.problems)]))
