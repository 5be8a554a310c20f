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
