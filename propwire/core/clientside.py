"""Clientside callbacks in the graph: which ones the browser runs on its own, and what it needs to run them.

A clientside callback is *local* when no server callback declares an Output that is one of its Inputs and none of
its dependencies is a pattern: then nothing the server computes can be pending for it, so the browser runs it as
soon as one of its Inputs changes in the page (a user change, a server output, another clientside output) and
before it sends its event; the server never plans it from a trigger (planner.py). Every other clientside call
(an Input a server callback writes, a pattern id, an initial call at page load or on insertion) is planned by the
server, which hands it to the browser with a `client` line (docs/callbacks.md, docs/protocol.md).

Example::

    table = client_table(graph)   # {"3": {"ns": ..., "fn": ..., "inputs": [...], "local": True}, "order": [3]}
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from propwire.api.callbacks import CallbackSpec
    from propwire.core.graph import Graph

__all__ = ["callback_label", "client_table", "local_callbacks"]


def callback_label(cb: CallbackSpec, limit: int = 48) -> str:
    """How messages and the dev tools name a callback: its function's name; a clientside one's `namespace.function`,
    or, for inline code, the code itself on one line, cut to `limit` characters (its generated name, a hash, would
    tell the reader nothing).

        >>> from propwire.api.clientside import make_clientside_spec
        >>> from propwire import Input, Output
        >>> callback_label(make_clientside_spec("function(n) {   return n * 2;   }",
        ...                                     (Output("o", "children"), Input("i", "value")), {}))
        'function(n) { return n * 2; }'
    """
    declared = cb.clientside
    if declared is None:
        return cb.name
    if declared.code is None:
        return f"{declared.namespace}.{declared.function_name}"
    text = " ".join(declared.code.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def local_callbacks(graph: Graph) -> frozenset[int]:
    """The clientside callbacks the browser runs by itself (see the module docstring)."""
    local = set()
    for cb in graph.callbacks:
        if cb.clientside is None or cb.is_pattern:
            continue
        writers = {w for d in cb.inputs for w in graph.writers(d.key)}
        if all(graph.callbacks[w].clientside is not None for w in writers):
            local.add(cb.index)
    # A local callback fed by a clientside one that is not local would run before its upstream: not local then.
    changed = True
    while changed:
        changed = False
        for i in sorted(local):
            writers = {w for d in graph.callbacks[i].inputs for w in graph.writers(d.key)}
            if not writers <= local:
                local.discard(i)
                changed = True
    return frozenset(local)


def _order(graph: Graph, local: frozenset[int]) -> list[int]:
    """The local callbacks in an order where each comes after those writing its Inputs (the graph has no cycle
    through several callbacks: validation refuses one)."""
    done: list[int] = []
    seen: set[int] = set()

    def visit(i: int) -> None:
        if i in seen:
            return
        seen.add(i)
        for d in graph.callbacks[i].inputs:
            for w in graph.writers(d.key):
                if w in local and w != i:
                    visit(w)
        done.append(i)

    for i in sorted(local):
        visit(i)
    return done


def client_table(graph: Graph) -> dict[str, Any]:
    """What the renderer needs of each clientside callback: where its function is, its dependencies' keys (pattern
    keys for pattern ones: the server's `client` line names the concrete keys), whether it has one bare Output, and
    whether it is local; `order` lists the local ones in the order they run."""
    local = graph.local_clientside
    table: dict[str, Any] = {}
    for cb in graph.callbacks:
        if cb.clientside is None:
            continue
        table[str(cb.index)] = {"ns": cb.clientside.namespace, "fn": cb.clientside.function_name,
                                "inputs": cb.input_keys, "states": cb.state_keys, "outputs": cb.output_keys,
                                "single": cb.single_output, "local": cb.index in local, "name": callback_label(cb)}
    return {"callbacks": table, "order": _order(graph, local)} if table else {}
