"""Component classes: the base (props, validation, JSON form), html.* elements and dcc.* controls."""

from . import dcc, html
from .base import Component, PropError, PropType

__all__ = ["Component", "PropError", "PropType", "dcc", "html"]
