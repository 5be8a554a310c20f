"""Testing propwire apps: a headless `Client`, a Playwright `BrowserDriver` with the same verbs, a pytest plugin.

Imports are lazy, so the pytest plugin costs nothing (and needs neither httpx nor Playwright) until used.
See docs/testing.md; example: docs/examples/propwire.testing.Client.py.

>>> from propwire.testing import Client, load_app
"""

from typing import Any

_WHERE = {
    "Client": "client", "AgGridVerbs": "aggrid", "BrowserDriver": "browser", "CallRecord": "records", "load_app": "apps",
    "ComponentNotFound": "components", "GridError": "aggrid_model", "EventRejected": "components", "WrongComponent": "components",
    "ClientsideUnsupported": "components",
    "DataTableVerbs": "datatable", "UnsupportedFilter": "table_filter",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'propwire.testing' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
