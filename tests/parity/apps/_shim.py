"""The import lines of every parity app: Dash's API from `dash` or from `propwire`.

    PARITY_FRAMEWORK=dash|propwire   (default propwire)

A parity app does `from ._shim import Dash, html, dcc, Input, Output, ..., log` (a page module of a pages
folder, which Dash imports by its own name, `from tests.parity.apps._shim import ...`), so the same source runs on
Dash 4.4.1 (the oracle) and on propwire, as a user ports an app by changing only its imports (`dash_table` too:
`from dash import dash_table` / `from propwire import dash_table`, Dash's DataTable either way).
`log(name, *args)` records one callback call in the call log the runner compares.
"""

from __future__ import annotations

import json
import os

FRAMEWORK = os.environ.get("PARITY_FRAMEWORK", "propwire")

if FRAMEWORK == "dash":
    from dash import (  # noqa: F401
        ALL,
        ALLSMALLER,
        MATCH,
        CeleryManager,
        ClientsideFunction,
        Dash,
        DiskcacheManager,
        Input,
        Output,
        Patch,
        State,
        callback,
        callback_context,
        clientside_callback,
        ctx,
        dash_table,
        dcc,
        exceptions,  # noqa: F401
        get_relative_path,
        html,
        no_update,
        page_container,
        page_registry,
        register_page,
        set_props,
    )
    from dash.exceptions import PreventUpdate  # noqa: F401

    class Dash(Dash):  # type: ignore[no-redef]
        """Dash 4.4.1 as the corpus was first written against it: its sync endpoints unless an app asks for
        `use_async=True`. Dash turns its async mode on by itself once asgiref (dash[async]) is installed, which
        the tests install for the apps that ask for it (pages_async)."""

        def __init__(self, *args, use_async=False, **kwargs):
            super().__init__(*args, use_async=use_async, **kwargs)
elif FRAMEWORK == "propwire":
    from propwire import (  # noqa: F401
        ALL,
        ALLSMALLER,
        MATCH,
        CeleryManager,
        ClientsideFunction,
        Dash,
        DiskcacheManager,
        Input,
        Output,
        Patch,
        State,
        callback,
        callback_context,
        clientside_callback,
        ctx,
        dash_table,
        dcc,
        exceptions,  # noqa: F401
        get_relative_path,
        html,
        no_update,
        page_container,
        page_registry,
        register_page,
        set_props,
    )
    from propwire.exceptions import PreventUpdate  # noqa: F401
else:
    raise ImportError(f"PARITY_FRAMEWORK must be 'dash' or 'propwire', not {FRAMEWORK!r}")


def log(name: str, *args: object) -> None:
    """Append one call to the log file the runner names in PARITY_LOG (JSON; other values by repr)."""
    path = os.environ.get("PARITY_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps([name, list(args)], default=repr, sort_keys=True) + "\n")
