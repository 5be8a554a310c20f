"""Persistence in the headless client: the renderer's rules (renderer/src/persist.ts), over the client's storages.

A user's edit of a persisted prop (and, as in Dash 4.4.1, a callback's write to it) is kept as
`[new value, the value it replaced]` under the component's id, the prop and its `persistence` value; a page
load and a `children` write put kept values back while the component still holds the value they replaced,
and drop the ones whose original no longer matches. `local` and `session` live in the Client's
`local_storage` / `session_storage` (kept by `open()` and, for local, `new_tab()`), `memory` in the open
page only. A nested persisted prop (DataTable's `columns.name`) keeps only its part of the prop, through the
transform propwire/components/library_persistence.py gives it; library components persist with the defaults
their classes declare. docs/components.md, "Persistence"; docs/libraries.md, "Persistence".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from propwire.api.dependencies import id_string
from propwire.components.library_persistence import Transform, transform
from propwire.components.spec import declared
from propwire.core.json_values import same_json

PREFIX = "_dash_persistence."  # the renderer's (and Dash's) key prefix
_ABSENT = object()
_SETTINGS = ("persistence", "persistence_type", "persisted_props")


def _on(value: Any) -> bool:
    return value is not None and value is not False and value != 0 and value != ""


def default_props(namespace: str, type_: str) -> tuple[str, ...] | None:
    """The component kind's default persisted props (its class's `_persisted`); None when it does not persist."""
    cls = declared(f"{namespace}.{type_}")
    persisted = getattr(cls, "_persisted", ()) if cls is not None else ()
    return tuple(persisted) or None


def _keep(value: Any) -> Any:
    return value


_WHOLE: Transform = (_keep, lambda stored, _value: stored)  # a prop kept whole (no `prop.part` transform)


@dataclass
class _Settings:
    id_str: str
    persistence: Any
    props: tuple[str, ...]
    area: dict[str, str]
    kind: tuple[str, str] = ("", "")

    def transform(self, name: str) -> Transform:
        """How a persisted name's part is taken from its prop and put back (DataTable's `columns.name`)."""
        return (transform(*self.kind, name) if "." in name else None) or _WHOLE

    def key(self, name: str) -> str:
        return f"{PREFIX}{self.id_str}.{name}.{orjson.dumps(self.persistence).decode()}"


class Persistence:
    """Kept edits over `areas` (persistence_type -> a dict of strings, or None when unknown).

    Example: ``Persistence(lambda t: {"local": client.local_storage}.get(t)).restore_tree(layout)``
    """

    def __init__(self, areas: Callable[[str], dict[str, str] | None],
                 defaults: Callable[[str, str], tuple[str, ...] | None] = default_props):
        self._areas = areas
        self._defaults = defaults

    def _settings(self, comp: dict, props: dict | None = None) -> _Settings | None:
        props = comp["props"] if props is None else props
        own = self._defaults(comp.get("namespace", ""), comp.get("type", ""))
        cid = comp["props"].get("id")
        if cid is None or own is None or not _on(props.get("persistence")):
            return None
        listed = props.get("persisted_props")
        names = tuple(listed) if isinstance(listed, list) else own
        kind = props.get("persistence_type")
        area = self._areas(kind if isinstance(kind, str) else "local")
        kind = (comp.get("namespace", ""), comp.get("type", ""))
        return None if area is None else _Settings(id_string(cid), props["persistence"], names, area, kind)

    def record(self, comp: dict, changes: dict[str, Any]) -> None:
        """`comp`'s props are about to become `changes`: each persisted one kept with the value it replaces."""
        s = self._settings(comp)
        if s is None or ("persistence" in changes and changes["persistence"] != s.persistence):
            return
        for name in s.props:
            prop = name.split(".")[0]
            if prop not in changes:
                continue
            extract = s.transform(name)[0]
            old, new = _extracted(extract, comp["props"].get(prop, _ABSENT)), extract(changes[prop])
            if not _differs(old, new):
                continue
            kept = _read(s.area, s.key(name))
            original = kept[1] if kept is not None and len(kept) > 1 else (_ABSENT if kept else old)
            vals = [new] if original is _ABSENT else [new, original]
            s.area[s.key(name)] = orjson.dumps(vals).decode()

    def restore(self, comp: dict) -> dict[str, Any]:
        """The kept values `comp` takes now; stale ones are dropped."""
        s = self._settings(comp)
        update: dict[str, Any] = {}
        if s is not None:
            for name in s.props:
                _take(s, name, comp["props"], update, undo=False)
        return update

    def restore_tree(self, value: Any) -> None:
        """Kept values applied in place through a layout or a `children` value (components and their children)."""
        if isinstance(value, list):
            for item in value:
                self.restore_tree(item)
            return
        if not (isinstance(value, dict) and "props" in value and "type" in value and "namespace" in value):
            return
        update = self.restore(value)
        if update:
            value["props"] = {**value["props"], **update}
        self.restore_tree(value["props"].get("children"))

    def written(self, comp: dict, props: dict[str, Any]) -> dict[str, Any]:
        """A callback's values for one component: what to apply (as persist.ts `written`)."""
        changes = self._output(comp, props)
        if "children" in changes:
            self.restore_tree(changes["children"])
        self.record(comp, changes)
        return changes

    def _output(self, comp: dict, changes: dict[str, Any]) -> dict[str, Any]:
        before = self._settings(comp)
        after = self._settings(comp, {**comp["props"], **changes})
        moved = any(p in changes and _differs(comp["props"].get(p, _ABSENT), changes[p]) for p in _SETTINGS)
        if (before is None and after is None) or not moved:
            return changes
        update: dict[str, Any] = {}
        for s, base, undo in ((before, comp["props"], True), (after, None, False)):
            if s is None:
                continue
            for name in s.props:
                if name.split(".")[0] not in changes:
                    _take(s, name, {**comp["props"], **update} if base is None else base, update, undo)
        return {**changes, **update}


def page_persistence(local: dict[str, str], session: dict[str, str]) -> Persistence:
    """One page's persistence: local and session edits in the client's storages, memory ones in this page only.

    Example: ``page_persistence(client.local_storage, client.session_storage).restore_tree(layout)``
    """
    areas = {"local": local, "session": session, "memory": {}}
    return Persistence(areas.get)


def _differs(old: Any, new: Any) -> bool:
    """The renderer's `!==`: equal scalars are the same value; a list or dict from the wire is always new."""
    if old is _ABSENT or isinstance(new, (list, dict)):
        return True
    return not same_json(old, new)


def _extracted(extract: Callable[[Any], Any], value: Any) -> Any:
    return value if value is _ABSENT else extract(value)


def _read(area: dict[str, str], key: str) -> list | None:
    raw = area.get(key)
    if raw is None:
        return None
    try:
        vals = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    return vals if isinstance(vals, list) and vals else None


def _take(s: _Settings, name: str, props: dict, update: dict[str, Any], undo: bool) -> None:
    kept = _read(s.area, s.key(name))
    if kept is None:
        return
    newer, original = kept[0], (kept[1] if len(kept) > 1 else _ABSENT)
    prop = name.split(".")[0]
    extract, apply = s.transform(name)
    source, target = (newer, original) if undo else (original, newer)
    held = _extracted(extract, props.get(prop, _ABSENT))
    if (source is _ABSENT and held is _ABSENT) or (source is not _ABSENT and held is not _ABSENT
                                                   and same_json(source, held)):
        # several parts of one prop each put theirs into what the others made (Dash: `propName in update`)
        current = update[prop] if prop in update else props.get(prop)
        update[prop] = None if target is _ABSENT else apply(target, current)  # None: back to unset
    else:
        s.area.pop(s.key(name), None)
