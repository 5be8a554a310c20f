"""`propwire.dcc`: the core interactive components (dcc.Input, dcc.Dropdown, dcc.Store, ...)."""

from propwire.components.dcc import *  # noqa: F401,F403
from propwire.components.dcc import __all__  # noqa: F401
