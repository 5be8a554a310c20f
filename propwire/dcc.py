"""`propwire.dcc`: the core interactive components (dcc.Input, dcc.Dropdown, dcc.Store, ...), as Dash's.

Each takes its props as keywords (the first few also by position, as in Dash) and checks them as it is made,
so a wrong prop fails where it is written, not in the browser.

>>> from propwire import dcc
>>> dcc.Dropdown(["red", "green"], "red", id="colour").value
'red'
"""

from propwire.api.uploads import uploaded_path
from propwire.components.dcc import *  # noqa: F401,F403
from propwire.components.dcc import __all__ as _components
from propwire.components.dcc_send import send_bytes, send_data_frame, send_file, send_string

# The send_* helpers make dcc.Download's `data` (Dash has them in dcc too), uploaded_path reads a streamed
# dcc.Upload's handle (propwire only); not components, so not in propwire.components.dcc's list, which the
# generators read.
__all__ = [*_components, "send_bytes", "send_data_frame", "send_file", "send_string", "uploaded_path"]
