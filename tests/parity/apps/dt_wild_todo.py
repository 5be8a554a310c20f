"""A to-do list: MATCH style per item, ALLSMALLER "preceding items done" notes, ALL totals, items added and cleared."""
from _dt_todo import STEPS, build  # noqa: F401

app = build(content_callback=False)
