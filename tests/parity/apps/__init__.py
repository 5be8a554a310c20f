"""The parity apps: one Dash app per file, importing Dash's API through `_shim` (Dash or propwire by PARITY_FRAMEWORK).

A package, so an app imports the shim relatively (`from ._shim import ...`) and is run as
`python -m tests.parity.serve_app NAME PORT` or loaded by its module name `tests.parity.apps.NAME`.
"""
