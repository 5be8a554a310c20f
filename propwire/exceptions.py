"""`propwire.exceptions`: every error propwire raises, under Dash's names (as `dash.exceptions` has them).

A Dash app that catches `dash.exceptions.X` catches `propwire.exceptions.X` after the import change.

>>> from propwire.exceptions import DashException, PreventUpdate, ValidationError
>>> issubclass(PreventUpdate, DashException) and issubclass(ValidationError, DashException)
True
"""

from propwire.api.exceptions import (  # noqa: F401
    AppNotFoundError,
    BackgroundCallbackError,
    BadEvent,
    CallbackError,
    CallbackException,
    CallbackLimitError,
    CallbackTimeout,
    DashException,
    DependencyException,
    DuplicateCallback,
    DuplicateIdError,
    HookError,
    IDsCantContainPeriods,
    ImportedInsideCallbackError,
    IncorrectTypeException,
    InvalidCallbackReturnValue,
    InvalidComponentIdError,
    InvalidConfig,
    InvalidIndexException,
    InvalidResourceError,
    MissingCallbackContextException,
    MissingLongCallbackManagerError,
    NoLayoutException,
    NonExistentEventException,
    NoWorkerThread,
    ObsoleteAttributeException,
    ObsoleteKwargException,
    PageError,
    PreventUpdate,
    PropwireError,
    ProxyError,
    ResourceException,
    UnsupportedRelativePath,
    ValidationError,
    WebSocketCallbackError,
    WebsocketDisconnected,
    WildcardInLongCallback,
)

__all__ = ["PropwireError", "DashException", "ObsoleteKwargException", "ObsoleteAttributeException", "NoLayoutException", "CallbackException", "CallbackError", "NonExistentEventException", "IncorrectTypeException", "IDsCantContainPeriods", "WildcardInLongCallback", "InvalidComponentIdError", "PreventUpdate", "DuplicateIdError", "InvalidCallbackReturnValue", "InvalidConfig", "InvalidResourceError", "InvalidIndexException", "DependencyException", "ResourceException", "MissingCallbackContextException", "UnsupportedRelativePath", "ProxyError", "DuplicateCallback", "BackgroundCallbackError", "MissingLongCallbackManagerError", "PageError", "ImportedInsideCallbackError", "HookError", "AppNotFoundError", "WebSocketCallbackError", "WebsocketDisconnected", "BadEvent", "ValidationError", "CallbackLimitError", "CallbackTimeout", "NoWorkerThread"]
