"""`propwire.html`: one component class per HTML element (html.Div, html.P, ...)."""

from propwire.components.html import *  # noqa: F401,F403
from propwire.components.html import __all__  # noqa: F401
