"""Which dicts may become elements: component JSON from data is data unless the app says otherwise.

The renderer builds an element from every `{type, namespace, props}` it meets where it renders children
(`children`, option labels, slider marks). Dash does the same, so a dict from a Store, a database or a
request that happens to have that shape becomes an element whose props no Python class ever checked
(`Img` with `onError`, `Iframe` with `srcDoc`). propwire closes that door on the server, where the value
leaves a callback:

- a Component instance is sent as a component (its props were checked when it was built);
- a `ComponentDict` (component JSON that reached the callback as a node prop's value: the browser's
  children in State, an upstream output, the layout) is sent as a component once it passes the same
  checks as a layout component (known type, declared props of the right type);
- any other dict with that shape is data: it is sent as its JSON text, which the renderer shows as text.
  `Dash(component_dicts=True)` makes such dicts components again (checked like a `ComponentDict`).

Example::

    @callback(Output("box", "children"), Input("add", "n_clicks"), State("box", "children"))
    def add(n, children):          # children: ComponentDicts, so they round-trip as components
        return children + [html.P(f"item {n}")]

Only node positions are looked at, so a Store's `data` keeps any dict as it is; the wire carries nothing extra.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import orjson

from propwire.api.suggest import did_you_mean
from propwire.components import dcc as _dcc  # noqa: F401  (defining the classes declares them)
from propwire.components import foreign, spec
from propwire.components import html as _html  # noqa: F401
from propwire.components.base import NODE, Component, PropError

log = logging.getLogger("propwire")


class ComponentDict(dict):
    """Component JSON that reached a callback from a node prop: a plain dict to user code, a component when returned.

    >>> child = ComponentDict(type="P", namespace="html", props={"children": "hi"})
    >>> child["props"]["children"]
    'hi'
    """

    __slots__ = ()


class ComponentJSONError(ValueError):
    """Component JSON names a type propwire does not have, or props that type does not declare."""


def _class_of(namespace: Any, type_: Any) -> type[Component] | None:
    """The declared class of a kind (propwire's html and dcc, or any Component subclass defined since)."""
    return spec.declared(f"{namespace}.{type_}") if isinstance(namespace, str) and isinstance(type_, str) else None


def is_component_json(value: Any) -> bool:
    """The shape the renderer builds an element from (renderer/src/tree.ts isComponent).

    >>> is_component_json({"type": "P", "namespace": "html", "props": {}}), is_component_json({"type": "x"})
    (True, False)
    """
    return isinstance(value, dict) and "type" in value and "props" in value and "namespace" in value


def check_component_json(value: dict) -> None:
    """Raise ComponentJSONError unless `value` would pass as a layout component (its own props, not its children).

    >>> check_component_json({"type": "Img", "namespace": "html", "props": {"onError": "x"}})
    Traceback (most recent call last):
    propwire.core.component_json.ComponentJSONError: html.Img has no prop 'onError'. Allowed props: ...
    """
    cls = _class_of(value.get("namespace"), value.get("type"))
    if cls is None:
        raise ComponentJSONError(f"unknown component type {value.get('namespace')!r}.{value.get('type')!r}")
    props = value["props"]
    if not isinstance(props, dict) or not all(isinstance(k, str) for k in props):
        raise ComponentJSONError(f"{cls._name()}: props must be a dict with string keys")
    for name, item in props.items():
        # What Component._set checks, without building the component (this runs for every node of every event).
        kind = cls._props.get(name)
        if kind is None and not any(name.startswith(w) for w in cls._wildcards):
            raise ComponentJSONError(f"{cls._name()} has no prop '{name}'{did_you_mean(name, cls._props) or '.'} "
                                     f"Allowed props: {', '.join(sorted(cls._props))}")
        if item is not None and kind is not None and not kind.check(item):
            raise ComponentJSONError(f"{cls._name()}: prop '{name}' must be {kind.name}, got {type(item).__name__} "
                                     f"{item!r:.80}")
    probe = cls.__new__(cls)
    object.__setattr__(probe, "_values", props)
    try:
        probe._check()  # the cross-prop checks (min <= max)
    except PropError as exc:
        raise ComponentJSONError(str(exc)) from None


# Props whose values the renderer renders as nodes, whatever the component (renderer/src: renderValue's callers).
_SLOTS = frozenset({"children", "options", "marks"})


def _holds_nodes(cls: Any, name: str) -> bool:
    return name in _SLOTS or getattr(cls, "_props", {}).get(name) is NODE or name in getattr(cls, "_node_props", ())


def _in_slot(prop: str) -> bool:
    """Whether a prop known by name only (no class at hand) holds nodes: propwire's slots, and the node props of
    adopted library components unless one of propwire's own components has a data prop of that name."""
    return prop in _SLOTS or (prop in foreign.ROOTS and prop not in _own_props())


_OWN_PROPS: set[str] = set()


def _own_props() -> set[str]:
    if not _OWN_PROPS:
        _OWN_PROPS.update(name for cls in spec.all_declared() if cls._namespace in ("html", "dcc")
                          for name in cls._props if not _holds_nodes(cls, name))
    return _OWN_PROPS


def _map_nodes(cls: Any, prop: str, value: Any, fn: Callable[[Any], Any]) -> Any:
    """map_slot, or map_deep for a library component's prop below a longer path (`loaderProps.children`)."""
    deep = getattr(cls, "_node_props", {}).get(prop) if cls is not None else prop in foreign.DEEP_ROOTS
    return foreign.map_deep(value, fn) if deep else map_slot(prop, value, fn)


def map_slot(prop: str, value: Any, fn: Callable[[Any], Any]) -> Any:
    """`fn` applied to each node a prop's value holds: `children` whole, each option's label, each mark (label).

    >>> map_slot("options", [{"label": "a", "value": 1}], str.upper)
    [{'label': 'A', 'value': 1}]
    """
    if prop == "options" and isinstance(value, list):
        return [dict(o, label=fn(o["label"])) if isinstance(o, dict) and "label" in o else o for o in value]
    if prop == "marks" and isinstance(value, dict):
        return {at: dict(m, label=fn(m["label"])) if isinstance(m, dict) and "label" in m else fn(m)
                for at, m in value.items()}
    if prop in ("options", "marks"):
        return value
    return fn(value)


def mark(prop: str, value: Any) -> Any:
    """A callback argument: component JSON in node positions becomes ComponentDicts (copies: the view keeps its own).

    >>> type(mark("children", [{"type": "P", "namespace": "html", "props": {}}])[0]).__name__
    'ComponentDict'
    """
    if not _in_slot(prop):
        return value
    return _map_nodes(None, prop, value, _mark_node)


def _mark_node(value: Any) -> Any:
    if isinstance(value, list):
        return [_mark_node(v) for v in value]
    if not is_component_json(value) or not isinstance(value["props"], dict):
        return value
    cls = _class_of(value["namespace"], value["type"])
    props = {k: _map_nodes(cls, k, v, _mark_node) if _holds_nodes(cls, k) else v for k, v in value["props"].items()}
    return ComponentDict(value, props=props)


_WARNED: set[str] = set()


class Guard:
    """Checks one output value before it is sent; `where` names the callback and output in errors.

    >>> guard = Guard("cb: output 'out.children'", allow_dicts=False)
    >>> guard("children", [{"type": "B", "namespace": "html", "props": {}}])
    ['{"type":"B","namespace":"html","props":{}}']
    """

    def __init__(self, where: str, allow_dicts: bool, who: str = ""):
        self.where = where
        self.allow_dicts = allow_dicts
        self.who = who or where

    @staticmethod
    def active(prop: str) -> bool:
        """Whether values of `prop` hold nodes at all (else they are data and pass untouched)."""
        return _in_slot(prop) or prop in foreign.ROOTS

    def __call__(self, prop: str, value: Any) -> Any:
        if value is None or isinstance(value, (str, int, float)) or not self.active(prop):
            return value
        if not _in_slot(prop):  # a data prop of propwire's that some library uses for nodes: its objects only
            return foreign.map_deep(value, foreign.adopt) if prop in foreign.DEEP_ROOTS else foreign.adopt(value)
        return _map_nodes(None, prop, value, self.node)

    def node(self, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            new = [self.node(v) for v in value]
            return value if all(a is b for a, b in zip(new, value)) else new  # unchanged: no copy
        if foreign.is_foreign(value):
            value = foreign.adopt(value)  # checked as it is built
        if isinstance(value, Component):
            self._props_of(type(value), value._values, in_place=True)
            return value
        if not is_component_json(value):
            return value
        if not (type(value) is ComponentDict or self.allow_dicts):
            if self.who not in _WARNED and len(_WARNED) < 1000:  # once per callback: data may be big and frequent
                _WARNED.add(self.who)
                log.warning("%s: a dict shaped like a component (%r.%r) is sent as text; build it with its "
                            "class, or opt in with Dash(component_dicts=True)", self.where,
                            value.get("namespace"), value.get("type"))
            return orjson.dumps(value, default=str).decode()
        try:
            check_component_json(value)
        except ComponentJSONError as exc:
            raise ComponentJSONError(f"{self.where}: {exc}") from None
        cls = _class_of(value["namespace"], value["type"])
        props = self._props_of(cls, value["props"], in_place=False)
        return value if props is value["props"] and type(value) is ComponentDict else ComponentDict(value, props=props)

    def _props_of(self, cls: Any, props: dict, in_place: bool) -> dict:
        """`props` with their nodes checked: the same dict when nothing changed (or `in_place`), else a copy."""
        changed = {}
        for name, child in props.items():
            if _holds_nodes(cls, name) and child is not None and not isinstance(child, (str, int, float)):
                new = _map_nodes(cls, name, child, self.node)
                if new is not child:
                    changed[name] = new
        if not changed:
            return props
        if in_place:
            props.update(changed)
            return props
        return {**props, **changed}


def check_sent(values: dict[str, Any]) -> None:
    """Raise ComponentJSONError, naming the prop, if component JSON in a node prop the browser sent would not pass
    as a layout component: a malformed event is refused before any callback sees it.

    >>> check_sent({"out.children": [{"type": "Svg", "namespace": "html", "props": {}}]})
    Traceback (most recent call last):
    propwire.core.component_json.ComponentJSONError: 'out.children': unknown component type 'html'.'Svg'
    """
    for key, value in values.items():
        prop = key.rpartition(".")[2]
        if not _in_slot(prop) or value is None or isinstance(value, (str, int, float)):
            continue
        try:
            _map_nodes(None, prop, value, _check_node)
        except ComponentJSONError as exc:
            raise ComponentJSONError(f"'{key}': {exc}") from None


def _check_node(value: Any) -> Any:
    if isinstance(value, list):
        for item in value:
            _check_node(item)
    elif is_component_json(value):
        check_component_json(value)
        cls = _class_of(value["namespace"], value["type"])
        for name, child in value["props"].items():
            if _holds_nodes(cls, name) and child is not None and not isinstance(child, (str, int, float)):
                _map_nodes(cls, name, child, _check_node)
    return value
