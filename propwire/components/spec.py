"""What a component declares besides its props: the user verbs it takes and where the renderer finds it.

A component is one class (its props, defaults, client-owned props, verbs and bundle) plus its React file. The
Python class validates props; the headless client and the browser driver (propwire/testing) read the verbs; the
renderer's table of built-in components is generated from the bundles (`python -m propwire.components.codegen`
writes renderer/src/components/generated.ts) and outside bundles reach the page config. No second list is kept
by hand anywhere (docs/components.md).

Example: a counter whose clicks count in `clicks`, rendered by an outside UMD bundle that sets
`window.toy.Counter` (or calls `window.propwire.register("toy", "Counter", Counter)`)::

    class Counter(Component):
        _namespace, _type = "toy", "Counter"
        _props = {"id": ID, "clicks": INTEGER, "label": STRING}
        _verbs = {"click": Verb("clicks", "count")}
        _bundle = Bundle(script="/assets/toy.js")
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

HOWS = ("count", "set", "toggle")


@dataclass(frozen=True)
class Verb:
    """What one user verb (click, type, select, check, blur) changes: `prop`, counted up by one ("count"), set to
    the verb's value ("set") or with the value toggled in or out of its list ("toggle").

    Example: ``Verb("n_clicks", "count")`` for a button, ``Verb("value")`` for a text field's `type`.
    """

    prop: str
    how: str = "set"

    def __post_init__(self) -> None:
        if self.how not in HOWS:
            raise ValueError(f"Verb(how={self.how!r}): how must be one of {', '.join(HOWS)}")


@dataclass(frozen=True)
class Bundle:
    """Where the renderer finds a component's React code.

    Built in: `module` (a file of renderer/src/components), its `export` ("" = the component's type name,
    "default" for a default export), `lazy` = its own chunk, fetched when a page first renders one. Outside:
    `script`, the URL of a UMD/IIFE bundle the renderer loads (once, when a page first renders a component of
    that namespace) after it has put React and ReactDOM on `window`; the bundle then calls
    `window.propwire.register(namespace, type, Component)` or sets `window[namespace][type]`.

    Example: ``Bundle("slider", "RangeSlider", lazy=True)``, ``Bundle(script="/assets/toy.js")``.
    """

    module: str = ""
    export: str = ""
    lazy: bool = False
    script: str = ""

    def __post_init__(self) -> None:
        if bool(self.module) == bool(self.script):
            raise ValueError("a Bundle names either a renderer module or an outside script, not both or neither")


# Every declared component class by "namespace.Type": filled as the classes are defined (Component.__init_subclass__).
_DECLARED: dict[str, Any] = {}


def register(cls: Any) -> None:
    """Record a component class under its kind; a later class of the same kind replaces it (a reload)."""
    _DECLARED[f"{cls._namespace}.{cls._type}"] = cls


def declared(kind: str) -> Any:
    """The component class of `namespace.Type`, or None when no such class was defined in this process."""
    return _DECLARED.get(kind)


def all_declared() -> Iterator[Any]:
    """Every declared component class, in the order they were defined."""
    return iter(list(_DECLARED.values()))


def follow_rules() -> dict[str, dict[str, tuple[str, ...]]]:
    """The props that follow another when a callback writes it, by kind: {"dcc.Slider": {"value": ("drag_value",)}}.

    Dash's slider copies a value a callback set into its drag_value before the callbacks of that change run; the
    engine does the same in the chain (docs/semantics.md, "Props that follow"), given these rules.

    Example: ``follow_rules()["dcc.RangeSlider"]["value"] == ("drag_value",)``
    """
    return {kind: dict(cls._follows) for kind, cls in _DECLARED.items() if getattr(cls, "_follows", None)}


def verb_of(kind: str, verb: str) -> Verb | None:
    """What `verb` does to a component of `kind`, or None when it does not take that verb."""
    cls = declared(kind)
    return None if cls is None else cls._verbs.get(verb)


def kinds_taking(verb: str) -> list[str]:
    """The kinds that take `verb`, for error messages ("html element" stands for every html.* kind)."""
    kinds = [kind for kind, cls in _DECLARED.items() if verb in cls._verbs]
    if any(k.startswith("html.") for k in kinds):
        kinds = ["html element", *(k for k in kinds if not k.startswith("html."))]
    return kinds


def outside_scripts(prefix: str = "") -> dict[str, list[str]]:
    """{namespace: [script URLs]} of the outside bundles declared, for the page config (a URL starting with '/'
    gets the app's path prefix)."""
    out: dict[str, list[str]] = {}
    for cls in _DECLARED.values():
        bundle = cls._bundle
        if bundle is not None and bundle.script:
            url = prefix + bundle.script if bundle.script.startswith("/") else bundle.script
            urls = out.setdefault(cls._namespace, [])
            if url not in urls:
                urls.append(url)
    return out


def forget(cls: Any) -> None:
    """Drop a component class from the table (a test's toy component, a module being reloaded)."""
    kind = f"{cls._namespace}.{cls._type}"
    if _DECLARED.get(kind) is cls:
        del _DECLARED[kind]


@contextmanager
def scoped() -> Iterator[None]:
    """The table as it was once the block ends: what is declared inside (a test's or an example's toy
    components) is forgotten, and what it replaced comes back.

    Example::

        with scoped():
            class Gauge(Component): ...
    """
    before = dict(_DECLARED)
    try:
        yield
    finally:
        _DECLARED.clear()
        _DECLARED.update(before)
