"""Where a component library's children props put components inside dicts, for the headless client's store.

A library declares its component-valued props other than `children` as paths (`leftSection`,
`loaderProps.children`, `marks[].label`, `slots{}`). The renderer's store walk (renderer/src/children_props.ts)
follows the paths that go into dicts, so an id there is in the page; this module follows them the same way,
with the same positions, so the two clients index the same components in the same document order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from propwire.components import spec


@cache
def _steps(path: str) -> tuple[tuple[str, bool, bool], ...]:
    """(key, each list item, each dict value) per dotted part: `marks[]` -> ("marks", True, False)."""
    return tuple((part.replace("[]", "").replace("{}", ""), "[]" in part, "{}" in part) for part in path.split("."))


def deep_paths(namespace: str, type_: str) -> tuple[str, ...]:
    """The kind's children-prop paths that reach into dicts (a walk over props and lists reaches the others).

    >>> deep_paths("html", "Div")
    ()
    """
    cls = spec.declared(f"{namespace}.{type_}")
    paths = getattr(cls, "_children_props", ()) if cls is not None else ()
    return tuple(p for p in paths if "." in p or "{}" in p)


def each_at(props: dict, path: str) -> Iterator[tuple[Any, str, tuple[int, ...]]]:
    """(value, top prop name, position) of each value a children-prop path names in `props`; the position is
    the index of each key or item on the way down (the renderer's `pos`).

    >>> [(v, p) for v, p, _ in each_at({"marks": [{"label": "a"}, {"v": 1}]}, "marks[].label")]
    [('a', 'marks')]
    """
    steps = _steps(path)
    out: list[tuple[Any, str, tuple[int, ...]]] = []

    def go(value: Any, i: int, pos: tuple[int, ...]) -> None:
        if i == len(steps):
            out.append((value, steps[0][0], pos))
            return
        if not isinstance(value, dict) or steps[i][0] not in value:
            return
        key, each_item, each_value = steps[i]
        here, at = value[key], (*pos, list(value).index(key))
        if each_item:
            for j, item in enumerate(here if isinstance(here, list) else []):
                if not each_value:
                    go(item, i + 1, (*at, j))
                elif isinstance(item, dict):
                    for n, k in enumerate(item):
                        go(item[k], i + 1, (*at, j, n))
        elif each_value:
            for n, k in enumerate(here if isinstance(here, dict) else {}):
                go(here[k], i + 1, (*at, n))
        else:
            go(here, i + 1, at)

    go(props, 0, ())
    return iter(out)


Visit = Callable[[Any, str, tuple[int, ...]], None]


def walk_deep(comp: dict, visit: Visit) -> None:
    """Call `visit(value, prop, position)` for each value a deep children-prop path of the kind names.

    >>> walk_deep({"namespace": "html", "type": "Div", "props": {}}, print)  # no library kind: nothing
    """
    for path in deep_paths(comp["namespace"], comp["type"]):
        for value, prop, pos in each_at(comp["props"], path):
            visit(value, prop, pos)


def is_library(comp: dict) -> bool:
    """Whether a component JSON is a component library's (dbc, Mantine, ...), drawn by its own bundle.

    >>> is_library({"namespace": "html", "type": "Div", "props": {}})
    False
    """
    from propwire.components.foreign import Foreign

    cls = spec.declared(f"{comp['namespace']}.{comp['type']}")
    return isinstance(cls, type) and issubclass(cls, Foreign)
