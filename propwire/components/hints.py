"""The types the generated component signatures name besides the standard ones (docs/components.md, "Typed
signatures"), for type checkers and IDEs.

html.py and dcc_signatures.py import this module under `TYPE_CHECKING` only: the signatures cost nothing at
run time. An app may use the aliases for its own helpers that build layouts.

Example::

    from propwire.components.hints import Children

    def card(title: str, body: Children) -> html.Div:
        return html.Div([html.H3(title), body], className="card")
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeAlias

__all__ = ["Child", "Children", "ComponentLike"]


class ComponentLike(Protocol):
    """Anything with Dash's `to_plotly_json()`: a propwire component, a Dash component library's component
    (adopted where it is set, docs/libraries.md) or a plotly Figure. Typed this loosely so that mixing a
    library's components into html.* children is no type error, as it is no runtime error.

    Example: ``html.Div([dbc.Button("Go")])`` type-checks, ``dbc.Button`` having `to_plotly_json`.
    """

    def to_plotly_json(self) -> Any: ...


# One child, as Dash types it (a string, a number, a component or nothing), plus the JSON form of a component that
# a callback receives for a `children` input and may put back into a layout.
Child: TypeAlias = "str | int | float | ComponentLike | dict[str, Any] | None"
# A prop of the node type (html's `children`, dcc.Link's): a child or a list of them, nested lists too, as the
# runtime check (propwire.components.base.NODE) accepts.
Children: TypeAlias = "Child | Sequence[Children]"
