"""prevent_initial_call in a chain (content flavour, with suppress_callback_exceptions):
a prevented source does not stop its readers' initial calls; a reader with its own prevent_initial_call
still runs when another of its Inputs was written at load."""
from ._dt_initial import build

app = build(content=True, global_prevent=False, pattern=False, suppress=True)

STEPS = [("click", "btn")]
