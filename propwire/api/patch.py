"""`Patch`: change part of a prop (append to a list, merge into a dict, add to a number) without resending it."""

from __future__ import annotations

import copy
from typing import Any

from propwire.api.typed_arrays import is_typed_array_spec, spec_of_values, spec_values

_NUMERIC = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
            "div": lambda a, b: a / b}
_LIST_OPS = frozenset({"append", "prepend", "insert", "extend", "remove", "clear", "reverse"})


class Patch:
    """Change part of a prop instead of sending all of it: return a Patch from a callback as an output's value.

    Appending one row to a table of thousands sends one row. Operations are recorded in order and replayed by the
    browser (and by the engine, so callbacks downstream see the patched value). Keys and indexes nest:
    `p["a"]["b"].append(1)`; `p.a` reads as `p["a"]`; `p[k] += 1`, `-=`, `*=`, `/=` work on numbers.

    >>> from propwire import Patch
    >>> p = Patch()
    >>> p.append("new item"); p["title"] = "Done"; p["count"] += 1
    >>> p.to_ops()
    [['append', [], 'new item'], ['assign', ['title'], 'Done'], ['add', ['count'], 1]]

    A whole app: docs/examples/propwire.Patch.py.
    """

    _location: list  # the path this (child) Patch stands for
    _ops: list  # the operations recorded, shared by a Patch and its children

    def __init__(self, _location: list | None = None, _ops: list | None = None):
        object.__setattr__(self, "_location", list(_location or []))
        object.__setattr__(self, "_ops", _ops if _ops is not None else [])

    def _op(self, name: str, path: list, arg: Any = None) -> None:
        self._ops.append([name, path, arg])

    def __getitem__(self, key: Any) -> Patch:
        return Patch(self._location + [key], self._ops)

    __getattr__ = __getitem__  # p.a.b reads like p["a"]["b"]

    def __setitem__(self, key: Any, value: Any) -> None:
        if isinstance(value, Patch):
            return  # p[k] += 1 already recorded "add" on the child
        self._op("assign", self._location + [key], value)

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delitem__(self, key: Any) -> None:
        self._op("delete", self._location + [key])

    def __iadd__(self, value: Any) -> Patch:
        self._op("extend" if isinstance(value, (list, tuple)) else "add", self._location, value)
        return self

    def __isub__(self, value: Any) -> Patch:
        self._op("sub", self._location, value)
        return self

    def __imul__(self, value: Any) -> Patch:
        self._op("mul", self._location, value)
        return self

    def __itruediv__(self, value: Any) -> Patch:
        self._op("div", self._location, value)
        return self

    def append(self, item: Any) -> None:
        """Add an item at the end of a list prop (a new row, a new message).

        >>> from propwire import Patch
        >>> p = Patch(); p.append("c")
        >>> p.to_ops()
        [['append', [], 'c']]
        """
        self._op("append", self._location, item)

    def prepend(self, item: Any) -> None:
        """Add an item at the start of a list prop (newest first).

        >>> from propwire import Patch
        >>> p = Patch(); p.prepend("z")
        >>> p.to_ops()
        [['prepend', [], 'z']]
        """
        self._op("prepend", self._location, item)

    def insert(self, index: int, item: Any) -> None:
        """Insert an item before `index` of a list prop, as list.insert does.

        >>> from propwire import Patch
        >>> p = Patch(); p.insert(1, "b")
        >>> p.to_ops()
        [['insert', [], [1, 'b']]]
        """
        self._op("insert", self._location, [index, item])

    def extend(self, items: Any) -> None:
        """Add several items at the end of a list prop.

        >>> from propwire import Patch
        >>> p = Patch(); p["rows"].extend([1, 2])
        >>> p.to_ops()
        [['extend', ['rows'], [1, 2]]]
        """
        self._op("extend", self._location, list(items))

    def remove(self, item: Any) -> None:
        """Remove the first item equal to `item` from a list prop (nothing happens if it is absent).

        >>> from propwire import Patch
        >>> p = Patch(); p.remove("done")
        >>> p.to_ops()
        [['remove', [], 'done']]
        """
        self._op("remove", self._location, item)

    def clear(self) -> None:
        """Empty a list prop.

        >>> from propwire import Patch
        >>> p = Patch(); p.clear()
        >>> p.to_ops()
        [['clear', [], None]]
        """
        self._op("clear", self._location)

    def reverse(self) -> None:
        """Reverse a list prop in place.

        >>> from propwire import Patch
        >>> p = Patch(); p.reverse()
        >>> p.to_ops()
        [['reverse', [], None]]
        """
        self._op("reverse", self._location)

    def update(self, other: dict | None = None, **kwargs: Any) -> None:
        """Merge keys into a dict prop (a style, a figure's layout), as dict.update does.

        >>> from propwire import Patch
        >>> p = Patch(); p["style"].update({"color": "red"}, fontSize=12)
        >>> p.to_ops()
        [['merge', ['style'], {'color': 'red', 'fontSize': 12}]]
        """
        self._op("merge", self._location, {**(other or {}), **kwargs})

    def to_ops(self) -> list[list]:
        """The recorded operations, [name, path, argument] each: what travels to the browser.

        >>> from propwire import Patch
        >>> p = Patch(); del p["draft"]
        >>> p.to_ops()
        [['delete', ['draft'], None]]
        """
        return [list(op) for op in self._ops]

    def __repr__(self) -> str:
        return f"Patch({self._ops!r})"


def apply_patch(value: Any, ops: list[list]) -> Any:
    """A new value with the operations applied; the old value is left as it was."""
    value = copy.deepcopy(value)
    for name, path, arg in ops:
        value = _apply_one(value, name, list(path), arg)
    return value


def _apply_one(value: Any, name: str, path: list, arg: Any) -> Any:
    if name in ("assign", "delete"):
        if not path:
            return arg if name == "assign" else None
        parent = _walk(value, path[:-1], create=True)
        if name == "assign":
            if isinstance(parent, list) and path[-1] == len(parent):
                parent.append(arg)
            else:
                parent[path[-1]] = arg
        else:
            del parent[path[-1]]
        return value
    if not path:
        return _change(value, name, arg)
    parent = _walk(value, path[:-1], create=True)
    key = path[-1]
    current = parent.get(key) if isinstance(parent, dict) else parent[key]
    parent[key] = _change(current, name, arg)
    return value


def _walk(value: Any, path: list, create: bool) -> Any:
    for key in path:
        if isinstance(value, dict) and key not in value and create:
            value[key] = {}
        value = value[key]
    return value


def _change(target: Any, name: str, arg: Any) -> Any:
    if name in _NUMERIC:
        return _NUMERIC[name](target or 0, arg)
    if name == "merge":
        return {**(target or {}), **arg}
    if name in _LIST_OPS and is_typed_array_spec(target):
        return _change_spec(target, name, arg)
    items = list(target or [])
    if name == "append":
        items.append(arg)
    elif name == "prepend":
        items.insert(0, arg)
    elif name == "insert":
        items.insert(arg[0], arg[1])
    elif name == "extend":
        items.extend(arg)
    elif name == "remove":
        if arg in items:  # like the browser: removing what is not there changes nothing
            items.remove(arg)
    elif name == "clear":
        items.clear()
    elif name == "reverse":
        items.reverse()
    else:
        raise ValueError(f"unknown Patch operation {name!r}")
    return items


def _change_spec(spec: dict, name: str, arg: Any) -> Any:
    """A list operation on a typed-array spec (`fig["data"][0]["y"].extend(...)` on a plotly.express figure) acts
    on its values, and a 1-D spec stays one: of its dtype if the values still fit, else f8, else (a None, a
    string) a list. A 2-D spec becomes its nested list. Dash 4.4.1 fails here; renderer/src/patch.ts does the same."""
    values = _change(spec_values(spec), name, arg)
    flat = spec.get("shape") in (None, "") or "," not in str(spec.get("shape"))
    return spec_of_values(values, spec["dtype"]) if flat else values
