"""propwire: reactive web apps in Python, with the API Dash users know."""

from . import dcc, html
from .app import Dash, callback
from .context import callback_context, ctx, set_props
from .dependencies import ALL, ALLSMALLER, MATCH, Input, Output, State, no_update
from .exceptions import PreventUpdate
from .patch import Patch

__version__ = "0.1.0"

__all__ = ["Dash", "html", "dcc", "Input", "Output", "State", "callback", "ctx", "callback_context",
           "no_update", "ALL", "MATCH", "ALLSMALLER", "PreventUpdate", "Patch", "set_props", "__version__"]
