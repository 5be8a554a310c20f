"""Persistence: a user's edits of an input component survive a reload, kept in the browser's storage.

A component that can persist declares which props it keeps by default (`_persisted`, Dash 4.4.1's
`persisted_props` default for it) and mixes in `Persistent`; that adds the three props Dash users set
(`persistence`, `persisted_props`, `persistence_type`) and tells the page that, while persistence is on, the
browser owns those props' values at load (the server cannot read the browser's storage). The rules themselves
(record a user's edit, re-apply it while the layout's value is unchanged) are the renderer's
(renderer/src/persist.ts) and the headless client's (propwire/testing/persist.py); docs/components.md,
"Persistence".

Example::

    class Field(Persistent):
        _namespace, _type = "toy", "Field"
        _persisted = ("value",)
        _props = {"id": ID, "value": STRING, **persistence_props("value")}
"""

from __future__ import annotations

from typing import ClassVar

from propwire.components.base import BOOL, NUMBER, STRING, Component, PropType, enum, list_of
from propwire.components.spec import declared

STORAGE_TYPES = ("local", "session", "memory")


def persistence_props(*persisted: str) -> dict[str, PropType]:
    """The three persistence props of a component whose persistable props are `persisted`.

    `persistence` is the key of the kept edits (True, a string or a number; a new value starts afresh),
    `persisted_props` a subset of `persisted`, `persistence_type` where they are kept.

    Example: ``_props = {**_BOX, "value": STRING, **persistence_props("value")}``
    """
    return {
        "persistence": BOOL | STRING | NUMBER,
        "persisted_props": list_of(enum(*persisted)),
        "persistence_type": enum(*STORAGE_TYPES),
    }


def persisting(value: object) -> bool:
    """Whether a `persistence` value turns persistence on: JavaScript's truthiness, as Dash's renderer tests it
    (False, 0, "" and None are off).

    >>> [persisting(v) for v in (True, "user-1", 3, False, 0, "", None)]
    [True, True, True, False, False, False, False]
    """
    return value is not None and value is not False and value != 0 and value != ""


class Persistent(Component):
    """A component that keeps user edits of its `_persisted` props while its `persistence` is on.

    Example: ``class Input(typed.Input, Persistent): _persisted = ("value",)``
    """

    # Dash 4.4.1's default `persisted_props` of the component (a "prop.part" names a part of a prop).
    _persisted: ClassVar[tuple[str, ...]] = ()

    def client_owned_props(self) -> frozenset[str]:
        """With persistence on, the persisted props' values at load are the browser's: a stored edit may replace
        the layout's value before any callback reads it, so the initial callbacks reading them wait for it."""
        own = super().client_owned_props()
        values = self._values
        if not persisting(values.get("persistence")):
            return own
        names = values.get("persisted_props")
        chosen = self._persisted if names is None else names
        return own | frozenset(str(name).split(".")[0] for name in chosen)


def persisted_in_json(comp: dict) -> frozenset[str]:
    """The props of a component's JSON (one a callback inserts) that its kept edits may replace in the browser,
    before any callback of the new content reads them: none unless it has an id and persistence on.

    >>> sorted(persisted_in_json({"namespace": "dcc", "type": "Input", "props": {"id": "a", "persistence": 1}}))
    ['value']
    """
    props = comp.get("props") or {}
    cls = declared(f"{comp.get('namespace')}.{comp.get('type')}")
    own = getattr(cls, "_persisted", None) if cls is not None else None
    names = props.get("persisted_props")
    if own is None or props.get("id") is None or not persisting(props.get("persistence")):
        return frozenset()
    return frozenset(str(name).split(".")[0] for name in (names if isinstance(names, list) else own))
