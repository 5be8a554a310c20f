"""Loading an app from a file or a module, with the global callbacks it registered claimed by it."""

from __future__ import annotations

import importlib.util
import runpy
import sys
from pathlib import Path
from types import ModuleType
from typing import Any


def load_app(path: str | Path, name: str = "app") -> Any:
    """Run a Python file, or a module named with dots, and return its app (`app` by default), its `@callback`s
    claimed at once.

    A path (a `Path`, or a string ending in ".py") runs as a script; a dotted name is imported afresh (run
    again even if imported before, as each test needs its own app), with its package known, so the app may
    import its neighbours relatively (`from ._shared import layout`) and find its assets folder beside it.

    >>> from propwire.testing import load_app
    >>> app = load_app("examples/hello.py")              # doctest: +SKIP
    >>> app = load_app("myproject.dashboard")            # doctest: +SKIP
    """
    import propwire.app

    propwire.app.GLOBAL_CALLBACKS.clear()  # leftovers from elsewhere must not join this app
    if isinstance(path, Path) or str(path).endswith(".py"):
        namespace = runpy.run_path(str(path))
    else:
        namespace = vars(_import_afresh(str(path)))
    if name not in namespace:
        raise LookupError(f"{path} defines no '{name}'")
    app = namespace[name]
    app.engine  # noqa: B018 - builds the graph now, claiming the callbacks the file registered with @callback
    return app


def _import_afresh(module_name: str) -> ModuleType:
    """Import `module_name` anew: a module found on sys.path, run, and kept in sys.modules as an import would."""
    spec = importlib.util.find_spec(module_name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"load_app: no module named {module_name!r} on sys.path")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
