"""A Patch on a Graph's figure (docs/graph.md, "Patch on a figure"): only the operations leave the server, a
chained callback in the same event and a later event reading `figure` as State see the patched figure, and
extending a typed-array trace (as every plotly.express figure holds) extends its values."""

from propwire import Input, Output, Patch, State
from propwire.api.typed_arrays import spec_of_values, spec_values

from .harness import Page, el

N = 10_000


def _figure():
    xs = list(range(N))
    return {"data": [{"type": "scattergl", "x": spec_of_values(xs, "i4"), "y": spec_of_values(xs, "f8")},
                     {"type": "scattergl", "x": [0, 1], "y": [5, 6], "marker": {"color": "blue"}}],
            "layout": {}}


def _page():
    page = Page(el("Div", [el("Button", id="recolour"), el("Button", id="grow"), el("Button", id="look"),
                           el("Graph", ns="dcc", id="g", figure=_figure()), el("Div", id="chained"),
                           el("Div", id="later")]))

    @page.callback(Output("g", "figure"), Input("recolour", "n_clicks"), prevent_initial_call=True)
    def recolour(_):
        patched = Patch()
        patched["data"][1]["marker"]["color"] = "red"
        return patched

    @page.callback(Output("g", "figure", allow_duplicate=True), Input("grow", "n_clicks"), prevent_initial_call=True)
    def grow(n):
        patched = Patch()
        patched["data"][0]["x"].extend([N, N + 1])
        patched["data"][0]["y"].extend([0.5 * n, -1])
        return patched

    @page.callback(Output("chained", "children"), Input("g", "figure"), prevent_initial_call=True)
    def chained(figure):
        return [figure["data"][1]["marker"]["color"], len(spec_values(figure["data"][0]["y"]))]

    @page.callback(Output("later", "children"), Input("look", "n_clicks"), State("g", "figure"),
                   prevent_initial_call=True)
    def later(_, figure):
        y = figure["data"][0]["y"]
        return [figure["data"][1]["marker"]["color"], y["dtype"], spec_values(y)[-3:]]

    return page


def test_a_patch_sends_only_its_operations_and_the_chain_sees_the_patched_figure():
    page = _page()
    page.load()
    lines = page.act({"recolour.n_clicks": 1})
    [patch_line] = [line["result"] for line in lines if "result" in line and line["result"].get("patches")]
    assert patch_line["patches"] == {"g.figure": [["assign", ["data", 1, "marker", "color"], "red"]]}
    assert "g.figure" not in patch_line["outputs"]
    assert page.get("chained.children") == ["red", N]
    page.act({"look.n_clicks": 1})
    assert page.get("later.children") == ["red", "f8", [N - 3, N - 2, N - 1]]


def test_extending_a_typed_array_trace_extends_its_values_for_the_chain_and_later_state():
    page = _page()
    page.load()
    page.act({"grow.n_clicks": 1})
    assert page.get("chained.children") == ["blue", N + 2]  # the same event's chained callback
    page.act({"look.n_clicks": 1})  # a later event sends the patched figure as State
    assert page.get("later.children") == ["blue", "f8", [N - 1, 0.5, -1]]
    x = page.get("g.figure")["data"][0]["x"]
    assert x["dtype"] == "i4" and spec_values(x)[-2:] == [N, N + 1]
