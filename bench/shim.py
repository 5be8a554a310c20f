"""The one import line the benchmark apps use: Dash's API from `dash` or from `propwire`.

    BENCH_FRAMEWORK=dash|propwire   (default propwire)
    BENCH_DASH_OPTIONS='{"websocket_callbacks": false}'   (optional: options for every Dash())

Every benchmark app does `from shim import Dash, html, dcc, Input, Output, State, MATCH, ALL, ...`, so the
same source runs on both frameworks, as a user would port an app by changing its imports.
"""

from __future__ import annotations

import json
import os

FRAMEWORK = os.environ.get("BENCH_FRAMEWORK", "propwire")

if FRAMEWORK == "dash":
    import dash as _framework
    from dash import ALL, ALLSMALLER, MATCH, Dash, Input, Output, Patch, State, callback, ctx, dcc, html, no_update  # noqa: F401
    from dash.exceptions import PreventUpdate  # noqa: F401
elif FRAMEWORK == "propwire":
    import propwire as _framework
    from propwire import (  # noqa: F401
        ALL,
        ALLSMALLER,
        MATCH,
        Dash,
        Input,
        Output,
        Patch,
        PreventUpdate,
        State,
        callback,
        ctx,
        dcc,
        html,
        no_update,
    )
else:
    raise ImportError(f"BENCH_FRAMEWORK must be 'dash' or 'propwire', not {FRAMEWORK!r}")

VERSION = _framework.__version__

# BENCH_DASH_OPTIONS: Dash() options every app of the run gets, as JSON (bench/transports.py: Dash's FastAPI
# backend with WebSocket callbacks, propwire with its event socket turned off).
_OPTIONS = json.loads(os.environ.get("BENCH_DASH_OPTIONS", "{}") or "{}")
if _OPTIONS:
    _Dash = Dash

    class Dash(_Dash):  # type: ignore[no-redef]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **{**_OPTIONS, **kwargs})

__all__ = ["FRAMEWORK", "VERSION", "Dash", "html", "dcc", "Input", "Output", "State", "callback", "ctx",
           "no_update", "ALL", "ALLSMALLER", "MATCH", "PreventUpdate", "Patch"]
