"""Engine unit tests: instances of one callback that feed each other (an ALLSMALLER Input over the callback's own
MATCH Outputs, Dash's Fibonacci test) run in order, each once per chain, and a plain Input of a MATCH callback
runs each instance separately, as Dash 4.4.1 runs them."""

from propwire import ALL, ALLSMALLER, MATCH, Input, Output

from .harness import Page, el


def _fibonacci_page(count: int):
    page = Page(el("Div", [el("Input", ns="dcc", id="count", value=count), el("Div", [], id="cells"),
                           el("Div", id="total")]))
    calls = []

    @page.callback(Output("cells", "children"), Input("count", "value"))
    def cells(n):
        return [el("Div", id={"cell": i}) for i in range(n)]

    @page.callback(Output({"cell": MATCH}, "children"), Input({"cell": MATCH}, "id"),
                   Input({"cell": ALLSMALLER}, "children"))
    def fib(own, earlier):
        calls.append(("fib", own["cell"], list(earlier)))
        return len(earlier) if len(earlier) < 2 else earlier[-1] + earlier[-2]

    @page.callback(Output("total", "children"), Input({"cell": ALL}, "children"))
    def total(series):
        calls.append(("total", list(series)))
        return sum(v or 0 for v in series)

    return page, calls


def test_each_instance_waits_for_the_earlier_ones_it_reads_and_runs_once():
    page, calls = _fibonacci_page(4)
    page.load()
    fibs = [c for c in calls if c[0] == "fib"]
    assert fibs == [("fib", 0, []), ("fib", 1, [0]), ("fib", 2, [0, 1]), ("fib", 3, [0, 1, 1])]
    # The ALL sum waits for every cell: one call with the whole series (the first, over no cells, comes before).
    assert [c for c in calls if c[0] == "total"][-1] == ("total", [0, 1, 1, 2])
    assert page.get("total.children") == 4


def test_a_longer_series_reruns_every_cell_once_in_order():
    page, calls = _fibonacci_page(4)
    page.load()
    calls.clear()
    page.act({"count.value": 5})
    assert [c[1] for c in calls if c[0] == "fib"] == [0, 1, 2, 3, 4]
    assert [c for c in calls if c[0] == "total"] == [("total", [0, 1, 1, 2, 3])]
    assert page.followups == 0


def test_a_plain_input_of_a_match_callback_runs_every_instance_on_its_own():
    page = Page(el("Div", [el("Button", id="go"), *[el("Div", str(i), id={"n": i}) for i in range(3)]]))
    seen = []

    @page.callback(Output({"n": MATCH}, "title"), Input({"n": MATCH}, "id"), Input("go", "n_clicks"),
                   prevent_initial_call=True)
    def stamp(own, n):
        seen.append(own["n"])
        return f"{own['n']}:{n}"

    page.load()
    page.act({"go.n_clicks": 2})
    assert sorted(seen) == [0, 1, 2]  # three calls, not one merged over every instance
    assert [page.get(f'{{"n":{i}}}.title') for i in range(3)] == ["0:2", "1:2", "2:2"]
