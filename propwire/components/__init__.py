"""Component classes: the base (props, validation, JSON form), html.* elements and dcc.* controls."""

from propwire.components import dcc, foreign, html
from propwire.components.base import Component, PropError, PropType

__all__ = ["Component", "PropError", "PropType", "dcc", "foreign", "html"]
