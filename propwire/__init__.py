"""propwire: reactive web apps in Python, with the API Dash users know.

A Dash app runs after changing only its imports (`from propwire import Dash, html, dcc, Input, Output, ...`);
each user action then costs one request, which carries the whole chain of callbacks it sets off. The names
here are the public API (docs/reference.md); propwire.api, core, protocol, web and dev are implementation.
Example: docs/examples/propwire.py.
"""

from propwire import dcc, html
from propwire.api.clientside import ClientsideFunction
from propwire.api.context import callback_context, ctx, set_props
from propwire.api.dependencies import ALL, ALLSMALLER, MATCH, Input, Output, State, no_update
from propwire.api.exceptions import PreventUpdate
from propwire.api.patch import Patch
from propwire.app import Dash, callback, clientside_callback
from propwire.background_celery import CeleryManager
from propwire.background_jobs import DiskcacheManager
from propwire.current_paths import get_asset_url, get_relative_path, strip_relative_path
from propwire.pages import page_container, page_registry, register_page

__version__ = "0.1.0"

__all__ = ["DiskcacheManager", "CeleryManager", "Dash", "html", "dcc", "Input", "Output", "State", "callback", "ctx", "callback_context",
           "no_update", "ALL", "MATCH", "ALLSMALLER", "PreventUpdate", "Patch", "set_props",
           "clientside_callback", "ClientsideFunction", "register_page", "page_registry", "page_container",
           "get_asset_url", "get_relative_path", "strip_relative_path", "__version__"]
