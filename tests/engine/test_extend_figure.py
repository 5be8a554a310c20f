"""A Graph's extendData / prependData output grows its figure for the rest of the chain (docs/graph.md):
a chained callback reading `figure` as State sees the new points, and nothing fires on `figure` itself."""

from propwire import Input, Output, State

from .harness import Page, el


def _page(prop: str = "extendData", update=lambda n: [{"x": [[3 + n]], "y": [[100]]}, [0], 3]):
    figure = {"data": [{"x": [1, 2, 3], "y": [10, 20, 30]}], "layout": {}}
    page = Page(el("Div", [el("Button", id="tick"), el("Graph", ns="dcc", id="g", figure=figure),
                           el("Div", id="seen"), el("Div", id="fired")]))
    fired = []

    @page.callback(Output("g", prop), Input("tick", "n_clicks"), prevent_initial_call=True)
    def tick(n):
        return update(n)

    @page.callback(Output("seen", "children"), Input("g", prop), State("g", "figure"), prevent_initial_call=True)
    def seen(_update, figure):
        return figure["data"][0]["x"]

    @page.callback(Output("fired", "children"), Input("g", "figure"), prevent_initial_call=True)
    def on_figure(figure):
        fired.append(figure)
        return "figure fired"

    return page, fired


def test_a_chained_callback_sees_the_extended_figure_and_figure_inputs_do_not_fire():
    page, fired = _page()
    page.load()
    page.act({"tick.n_clicks": 1})
    assert page.get("seen.children") == [2, 3, 4]  # max points 3: the window moved by one
    assert fired == [] and "on_figure" not in page.ran()


def test_prepend_data_grows_the_front():
    page, _ = _page("prependData")
    page.load()
    page.act({"tick.n_clicks": 1})
    assert page.get("seen.children") == [4, 1, 2]


def test_a_malformed_update_leaves_the_figure_as_it_was():
    """plotly.js refuses an update naming an attribute the trace lacks; the chain goes on with the figure."""
    page, _ = _page(update=lambda n: [{"z": [[n]]}, [0]])
    page.load()
    page.act({"tick.n_clicks": 1})
    assert page.get("seen.children") == [1, 2, 3]


def test_numpy_arrays_in_a_figure_output_go_out_as_typed_arrays():
    import numpy as np

    from propwire.api.typed_arrays import decode_typed_array

    page = Page(el("Div", [el("Button", id="draw"), el("Graph", ns="dcc", id="g"), el("Div", id="seen")]))
    y = np.linspace(0.0, 1.0, 1000)

    @page.callback(Output("g", "figure"), Input("draw", "n_clicks"), prevent_initial_call=True)
    def draw(_):
        return {"data": [{"type": "scattergl", "y": y, "text": ["a"] * 1000}]}

    @page.callback(Output("seen", "children"), Input("g", "figure"), prevent_initial_call=True)
    def seen(figure):
        return figure["data"][0]["y"]["dtype"]  # a chained callback sees the spec, as State will

    page.load()
    page.act({"draw.n_clicks": 1})
    sent = page.get("g.figure")["data"][0]
    assert sent["y"]["dtype"] == "f8" and np.array_equal(decode_typed_array(sent["y"]), y)
    assert sent["text"] == ["a"] * 1000 and page.get("seen.children") == "f8"
