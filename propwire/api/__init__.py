"""The user API layer: what an app's code is written with (docs/architecture.md).

Ids and dependencies, callback declaration and signatures, `ctx`, `Patch`, `memoize`, exceptions, JSON conversion.
The public names are re-exported by `propwire` and its top-level modules; import them from there.
"""
