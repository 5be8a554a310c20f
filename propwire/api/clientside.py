"""Clientside callbacks: callbacks whose function is JavaScript, run by the browser (docs/callbacks.md).

`clientside_callback(code_or_function, Output(...), Input(...), ...)` declares one. Its function is either an
inline JS function expression (a string, the app author's own code) or `ClientsideFunction(namespace, name)`,
naming `window.dash_clientside[namespace][name]` that a script in the assets folder defines. The engine never
calls it: its planner hands each call to the browser (a `client` stream line, or the browser runs it before it
sends its event). Example::

    >>> from propwire import Input, Output
    >>> spec = make_clientside_spec("function(n) { return n * 2; }", (Output("o", "children"), Input("i", "value")), {})
    >>> spec.clientside.namespace, spec.clientside.function_name.startswith("f")
    ('_propwire_inline', True)
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from propwire.api.callbacks import CallbackSpec, make_spec
from propwire.api.exceptions import CallbackError, ValidationError

__all__ = ["INLINE_NAMESPACE", "ClientsideFunction", "Clientside", "inline_script", "make_clientside_spec"]

# Where the page's inline functions live on window.dash_clientside (a name no app's assets would choose).
INLINE_NAMESPACE = "_propwire_inline"
_OPTIONS = {"prevent_initial_call", "output", "inputs", "state"}


class ClientsideFunction:
    """A JavaScript function an assets script defines, as `window.dash_clientside[namespace][function_name]`.

    Keeping the code in a `.js` file of the assets folder lets an editor and a linter see it, and lets the
    browser cache it. Example::

        >>> from propwire import ClientsideFunction
        >>> ClientsideFunction("ui", "double")
        ClientsideFunction(ui, double)
    """

    def __init__(self, namespace: str, function_name: str):
        for what, value in (("namespace", namespace), ("function_name", function_name)):
            if not isinstance(value, str) or not value:
                raise TypeError(f"ClientsideFunction: {what} must be a non-empty string, got {value!r}")
        if namespace.startswith(("_dashprivate", INLINE_NAMESPACE)):
            raise ValueError(f'"{namespace}" is a forbidden namespace in dash_clientside (it is the framework\'s own)')
        self.namespace = namespace
        self.function_name = function_name

    def __repr__(self) -> str:
        return f"ClientsideFunction({self.namespace}, {self.function_name})"


@dataclass(frozen=True)
class Clientside:
    """How the browser finds a clientside callback's function; `code` is the inline source (None: an asset's)."""

    namespace: str
    function_name: str
    code: str | None = None


def _declared(function: Any) -> Clientside:
    if isinstance(function, ClientsideFunction):
        return Clientside(function.namespace, function.function_name)
    if isinstance(function, str):
        if not function.strip():
            raise CallbackError("clientside_callback: the inline JavaScript function is empty")
        name = "f" + hashlib.sha256(function.encode()).hexdigest()[:16]  # the same code shares one entry
        return Clientside(INLINE_NAMESPACE, name, function)
    raise CallbackError("clientside_callback takes an inline JavaScript function (a str) or a "
                        f"ClientsideFunction(namespace, function_name), got {type(function).__name__}")


def make_clientside_spec(function: Any, args: tuple, kwargs: dict[str, Any], default_prevent: bool | None = None,
                         where: str = "") -> CallbackSpec:
    """A CallbackSpec for a clientside callback: its dependencies are read as `@callback`'s are, its function
    is a stand-in the engine never calls (the planner gives every clientside call to the browser)."""
    unknown = sorted(set(kwargs) - _OPTIONS)
    if unknown:
        raise TypeError(f"clientside_callback: propwire does not support the option(s) {unknown}")
    declared = _declared(function)
    label = declared.function_name if declared.code is None else "inline"

    def clientside(*_: Any, **__: Any) -> Any:
        raise RuntimeError(f"clientside callback {label!r} runs in the browser, not in Python")

    clientside.__name__ = f"clientside:{declared.namespace}.{declared.function_name}" if declared.code is None \
        else f"clientside:{declared.function_name}"
    try:
        spec = make_spec(clientside, args, dict(kwargs), default_prevent)
    except ValidationError as exc:
        raise ValidationError(str(exc).replace(f"callback '{clientside.__name__}'",
                                               f"clientside callback {label!r}")) from None
    if not spec.flat_args:
        raise ValidationError(f"clientside callback {label!r} ({where}): its Inputs and States must be given flat "
                              "(the JavaScript function takes them as positional arguments)")
    if not (spec.single_output or spec.output_shape == list(range(len(spec.outputs)))):
        raise ValidationError(f"clientside callback {label!r} ({where}): its Outputs must be one Output or a list")
    spec.clientside = declared
    spec.where = where
    return spec


def caller_where(depth: int = 2) -> str:
    """file:line of the code that declared a clientside callback (how errors name it)."""
    frame = inspect.stack()[depth]
    return f"{frame.filename}:{frame.lineno}"


def inline_script(specs: Iterable[CallbackSpec]) -> str:
    """The page's script defining every inline clientside function under `window.dash_clientside`.

    It merges into what is there (assets may have defined their namespaces first). The code is the app author's;
    a `</script` in it is written `<\\/script` so it cannot end the page's script element early."""
    entries = {}
    for spec in specs:
        declared = getattr(spec, "clientside", None)
        if declared is not None and declared.code is not None:
            entries[declared.function_name] = declared.code
    if not entries:
        return ""
    body = ",\n".join(f"{name}: ({code}\n)" for name, code in entries.items())
    js = (f"(function(){{var d=window.dash_clientside=window.dash_clientside||{{}};"
          f"d.{INLINE_NAMESPACE}=Object.assign(d.{INLINE_NAMESPACE}||{{}},{{\n{body}\n}});}})();")
    return _script_safe(js)


def _script_safe(js: str) -> str:
    out, low, at = [], js.lower(), 0
    while (found := low.find("</script", at)) >= 0:
        out.append(js[at:found] + "<\\/")
        at = found + 2
    out.append(js[at:])
    return "".join(out)
