"""The one import line the benchmark apps use: Dash's API from `dash` or from `propwire`.

    BENCH_FRAMEWORK=dash|propwire   (default propwire)

Every benchmark app does `from shim import Dash, html, dcc, Input, Output, State, MATCH, ALL, ...`, so the
same source runs on both frameworks, as a user would port an app by changing its imports.
"""

from __future__ import annotations

import os

FRAMEWORK = os.environ.get("BENCH_FRAMEWORK", "propwire")

if FRAMEWORK == "dash":
    from dash import (ALL, ALLSMALLER, MATCH, Dash, Input, Output, Patch, State, callback, ctx,  # noqa: F401
                      dcc, html, no_update)
    from dash.exceptions import PreventUpdate  # noqa: F401
    import dash as _framework
elif FRAMEWORK == "propwire":
    from propwire import (ALL, ALLSMALLER, MATCH, Dash, Input, Output, Patch, PreventUpdate, State,  # noqa: F401
                          callback, ctx, dcc, html, no_update)
    import propwire as _framework
else:
    raise ImportError(f"BENCH_FRAMEWORK must be 'dash' or 'propwire', not {FRAMEWORK!r}")

VERSION = _framework.__version__

__all__ = ["FRAMEWORK", "VERSION", "Dash", "html", "dcc", "Input", "Output", "State", "callback", "ctx",
           "no_update", "ALL", "ALLSMALLER", "MATCH", "PreventUpdate", "Patch"]
