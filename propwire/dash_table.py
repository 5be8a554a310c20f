"""`from propwire import dash_table`: Dash's own DataTable, for apps that import it through propwire.

propwire does not ship a table of its own: DataTable is the class installed with the `dash` package
(`dash.dash_table`), and its JavaScript is Dash's own bundle, which propwire serves and loads like any other
component library's (docs/libraries.md, "DataTable"). This module only forwards the names, looked up the first
time one is read, so `import propwire` never imports dash: an app that uses no DataTable needs no Dash.

Example::

    from propwire import Dash, dash_table

    app = Dash(__name__)
    app.layout = dash_table.DataTable(id="t", data=[{"a": 1}], page_size=10)

Without dash installed, reading any of the names raises an ImportError that says to ``pip install dash``.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["DataTable", "FormatTemplate", "Format"]  # noqa: F822 (module __getattr__ gives them)

_HINT = ("propwire.dash_table.{name} is Dash's own DataTable ({source}), and dash is not installed: "
         "pip install dash (propwire loads its table bundle; docs/libraries.md, 'DataTable')")


def __getattr__(name: str) -> Any:
    """A DataTable name, from dash.dash_table on first use (PEP 562: this runs only for names not found here).

    Example: ``propwire.dash_table.DataTable`` is ``dash.dash_table.DataTable``."""
    if name not in __all__:
        raise AttributeError(f"module 'propwire.dash_table' has no attribute {name!r} (it offers {__all__})")
    try:
        source = importlib.import_module("dash.dash_table")
    except ImportError as err:
        raise ImportError(_HINT.format(name=name, source="dash.dash_table"), name="dash") from err
    value = getattr(source, name)
    globals()[name] = value  # read once: later reads do not come back here
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
