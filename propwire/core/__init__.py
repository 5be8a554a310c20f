"""The core layer: the callback graph, the planner (docs/semantics.md), the calls, the layout view (docs/architecture.md).

Plain Python values in, typed outcomes out: no I/O, no web library, no wire format.
"""
