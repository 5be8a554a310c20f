"""`propwire.dependencies`: where `dash.dependencies` keeps them — Input, Output, State and the wildcards.

>>> from propwire.dependencies import ALL, Input
>>> Input({"type": "qty", "index": ALL}, "value").has_wildcard()
True
"""

from propwire.api.clientside import ClientsideFunction  # noqa: F401
from propwire.api.dependencies import ALL, ALLSMALLER, MATCH, DashDependency, Input, Output, State  # noqa: F401

__all__ = ["ALL", "ALLSMALLER", "ClientsideFunction", "MATCH", "DashDependency", "Input", "Output", "State"]
