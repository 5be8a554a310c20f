"""`propwire.cache`: `memoize`, a cache of a callback's results by its arguments (docs/callbacks.md).

Example::

    from propwire.cache import memoize

    @callback(Output("out", "children"), Input("n", "value"))
    @memoize()
    def slow_square(n):
        return (n or 0) ** 2
"""

from propwire.api.cache import LRUStore, Store, memoize  # noqa: F401

__all__ = ["LRUStore", "Store", "memoize"]
