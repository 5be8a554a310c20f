"""prevent_initial_call in a chain (pattern_content flavour): a prevented source does not stop its readers' initial calls;
a reader with its own prevent_initial_call still runs when another Input was written at load."""
from _dt_initial import PATTERN_STEPS as STEPS, build

app = build(content=True, global_prevent=False, pattern=True)
