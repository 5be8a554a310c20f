"""A to-do list: MATCH style per item, ALLSMALLER "preceding items done" notes, ALL totals, items added and cleared."""
from ._dt_todo import build

app = build(content_callback=False)

STEPS = [
    ("type", "new-item", "apples"), ("click", "add"),
    ("type", "new-item", "bananas"), ("click", "add"),
    ("type", "new-item", "carrots"), ("type", "new-item", "carrots", {"enter": True}),
    ("type", "new-item", "dates"), ("click", "add"),
    ("check", {"item": 2, "action": "done"}, "done"), ("check", {"item": 0, "action": "done"}, "done"),
    ("click", "clear-done"),
    ("check", {"item": 0, "action": "done"}, "done"), ("check", {"item": 1, "action": "done"}, "done"),
    ("click", "clear-done"),
]
