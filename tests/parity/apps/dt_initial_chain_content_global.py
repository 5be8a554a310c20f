"""prevent_initial_call in a chain (content_global flavour):
a prevented source does not stop its readers' initial calls; a reader with its own prevent_initial_call
still runs when another of its Inputs was written at load."""
from ._dt_initial import build

app = build(content=True, global_prevent=True, pattern=False)

STEPS = [("click", "btn")]
