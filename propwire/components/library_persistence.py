"""Which props a component library's component persists by default, and the transforms of nested ones.

Dash's renderer persists any component that takes a `persistence` prop, using the `persisted_props` default
the component's JavaScript declares (`defaultProps` or `dashPersistence`). propwire must know that default on
the server too (those props' values at load are the browser's, docs/components.md "Persistence"), and the
headless client runs no JavaScript, so it is read from the Python class Dash's tooling generated:

- its docstring's default (`persisted_props (...; default ['selectedRows'])`: dash-ag-grid, DataTable);
- else the values the docstring allows (`list of a value equal to: 'value's`: dash-bootstrap-components, whose
  JavaScript defaults to exactly those);
- else, for dash-mantine-components (whose docstrings name neither; its JavaScript defaults to `["value"]`,
  `["checked"]` for its check boxes and switches, `["opened"]` for Burger and NavLink, `["direction"]` for
  DirectionProvider): `_MANTINE_OWN`'s entry, else the first of `checked`, `value`, `opened` the component has.
  dmc 2.8.1's RichTextEditor declares its default (`["html", "json"]`) on its lazily loaded inner part, which
  Dash's renderer never reads: on Dash it keeps nothing unless `persisted_props` is given, and so on propwire.

A component that takes `persistence` but whose default cannot be known keeps the props an explicit
`persisted_props=` names (`persists` says it takes them); without one, validation warns and says what to pass.

A nested persisted prop (`columns.name`) keeps a part of its prop through a transform, as the component's
`persistenceTransforms` does in Dash: DataTable's `columns.name` keeps the columns' names only.

Example::

    import dash_bootstrap_components as dbc
    library_defaults(dbc.Input, dbc.Input()._prop_names)      # ('value',)
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Callable, Iterable
from typing import Any, cast

_LINE = re.compile(r"- persisted_props \(([^\n]*)\):")
_DEFAULT = re.compile(r"default (\[.*\])\s*$")
_ALLOWED = re.compile(r"list of a value equal to: (.*?)s[;)]")
_MANTINE = ("checked", "value", "opened")
# dmc components whose JavaScript default is none of _MANTINE's guesses (read from dash_mantine_components.js 2.8.1).
_MANTINE_OWN = {"DirectionProvider": ("direction",), "RichTextEditor": ()}
# What the library itself would keep where Dash keeps nothing by default: the props a warning suggests.
_SUGGESTED = {"dash_mantine_components.RichTextEditor": ("html", "json")}


def suggested(library_class: type) -> tuple[str, ...]:
    """The props to pass as `persisted_props` to a component whose default propwire cannot know, () if unknown.

    >>> import dash_mantine_components as dmc
    >>> suggested(dmc.RichTextEditor)
    ('html', 'json')
    """
    return _SUGGESTED.get(f"{getattr(library_class, '_namespace', '')}.{getattr(library_class, '_type', '')}", ())


def persists(library_class: type) -> bool:
    """Whether a library component class takes `persisted_props` (its generated docstring lists it).

    >>> class Grid:
    ...     '''- persisted_props (list of strings; optional):'''
    >>> persists(Grid), persists(int)
    (True, False)
    """
    return _LINE.search(library_class.__doc__ or "") is not None


def library_defaults(library_class: type, props: Iterable[str] | None = None) -> tuple[str, ...]:
    """The default `persisted_props` of a library component class; () when it does not persist (or its default
    cannot be known, which validation warns about). `props`: the component's prop names
    (by default its constructor's keyword parameters, one per prop in a generated class).

    >>> class Grid:
    ...     '''- persisted_props (list of strings; default ['selectedRows']):'''
    >>> library_defaults(Grid)
    ('selectedRows',)
    """
    line = _LINE.search(library_class.__doc__ or "")
    if line is None:
        return ()
    kind = line.group(1)
    default = _DEFAULT.search(kind)
    if default is not None:
        try:
            names = ast.literal_eval(default.group(1))
        except (ValueError, SyntaxError):
            names = None
        if isinstance(names, list) and all(isinstance(n, str) for n in names):
            return tuple(names)
    allowed = _ALLOWED.search(kind)
    if allowed is not None:
        return tuple(re.findall(r"'([^']+)'", allowed.group(1)))
    if getattr(library_class, "_namespace", None) == "dash_mantine_components":
        kind = str(getattr(library_class, "_type", ""))
        if kind in _MANTINE_OWN:
            return _MANTINE_OWN[kind]
        names = set(_parameters(library_class) if props is None else props)
        return next(((name,) for name in _MANTINE if name in names), ())
    return ()


def _parameters(library_class: type) -> tuple[str, ...]:
    try:
        return tuple(inspect.signature(cast(Any, library_class).__init__).parameters)
    except (TypeError, ValueError):
        return ()


Transform = tuple[Callable[[Any], Any], Callable[[Any, Any], Any]]


def _pluck(field: str) -> Transform:
    """Keeps one field of each item of a list prop: extract lists the fields, apply puts them back in order
    (items past the shorter list are left out, as Dash's zip does)."""
    def extract(value: Any) -> Any:
        if not isinstance(value, list):
            return None
        return [item.get(field) if isinstance(item, dict) else None for item in value]

    def apply(stored: Any, value: Any) -> Any:
        if not isinstance(stored, list) or not isinstance(value, list):
            return value
        return [{**item, field: name} if isinstance(item, dict) else item for name, item in zip(stored, value)]

    return extract, apply


# kind -> nested persisted prop -> (extract, apply); renderer/src/persist.ts has the same table.
TRANSFORMS: dict[str, dict[str, Transform]] = {"dash_table.DataTable": {"columns.name": _pluck("name")}}


def transform(namespace: str, type_: str, name: str) -> Transform | None:
    """The transform of a nested persisted prop of a kind (None: the whole prop is kept).

    >>> extract, apply = transform("dash_table", "DataTable", "columns.name")
    >>> extract([{"id": "a", "name": "A"}]), apply(["B"], [{"id": "a", "name": "A"}])
    (['A'], [{'id': 'a', 'name': 'B'}])
    """
    return TRANSFORMS.get(f"{namespace}.{type_}", {}).get(name)
