"""Loading an app from a file, with the global callbacks it registered claimed by it."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any


def load_app(path: str | Path, name: str = "app") -> Any:
    """Run a Python file and return its app (`app` by default), its `@callback`s claimed at once."""
    import propwire.app

    propwire.app.GLOBAL_CALLBACKS.clear()  # leftovers from elsewhere must not join this app
    namespace = runpy.run_path(str(path))
    if name not in namespace:
        raise LookupError(f"{path} defines no '{name}'")
    app = namespace[name]
    app.engine  # noqa: B018 - builds the graph now, claiming the callbacks the file registered with @callback
    return app
