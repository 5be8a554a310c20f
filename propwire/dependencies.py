"""`propwire.dependencies`: where `dash.dependencies` keeps them — Input, Output, State and the wildcards.

Example::

    from propwire.dependencies import ALL, Input, Output

    @callback(Output("total", "children"), Input({"type": "qty", "index": ALL}, "value"))
    def total(values):
        return sum(v or 0 for v in values)
"""

from propwire.api.dependencies import ALL, ALLSMALLER, MATCH, DashDependency, Input, Output, State  # noqa: F401

__all__ = ["ALL", "ALLSMALLER", "MATCH", "DashDependency", "Input", "Output", "State"]
