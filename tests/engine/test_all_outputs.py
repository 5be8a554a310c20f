"""ALL Outputs over no items (issue 11 item 21): as Dash's pruneCallbacks, a callback runs when any of its Outputs
finds a component, and is dropped when none does (only ALL Outputs, over no items)."""

from propwire import ALL, Input, Output, ctx

from .harness import Page, el


def _all_outputs_page():
    """Two buttons; `items` sets how many {"i": n} divs the box holds (issue 11 item 21, Dash's
    test_cbmt013/014 layout)."""
    page = Page(el("Div", [el("Button", id="items"), el("Button", id="values"), el("Div", [], id="box"),
                           el("Div", "init", id="total")]))

    @page.callback(Output("box", "children"), Input("items", "n_clicks"), prevent_initial_call=True)
    def fill(n):
        return [el("Div", id={"i": i}) for i in range(n)]

    return page


def test_all_outputs_over_no_items_plus_a_plain_output_run_at_load_with_empty_lists():
    page = _all_outputs_page()
    calls = []

    @page.callback(Output({"i": ALL}, "children"), Output("total", "children"), Input("values", "n_clicks"),
                   Input({"i": ALL}, "id"))
    def both(n, ids):
        calls.append(ids)
        return [n or 0] * len(ids), str(len(ids))

    page.load()
    # As Dash: one Output ("total") is in the layout, so the callback runs, its ALL Output an empty list.
    assert calls == [[]] and page.get("total.children") == "0"
    page.act({"items.n_clicks": 2})
    assert calls[-1] == [{"i": 0}, {"i": 1}] and page.get("total.children") == "2"


def test_a_callback_whose_only_outputs_are_all_over_no_items_is_not_called():
    page = _all_outputs_page()
    calls = []

    @page.callback(Output({"i": ALL}, "children"), Input("values", "n_clicks"))
    def inner(n):
        calls.append(n)
        return [n] * len(ctx.outputs_list)

    page.load()
    page.act({"values.n_clicks": 1})
    # As Dash's pruneCallbacks: none of its Outputs finds a component, so the call is dropped, not made with [].
    assert calls == [] and "skip" in page.kinds()
    page.act({"items.n_clicks": 2})
    assert calls == [1]  # its Outputs were inserted: it runs for them, as Dash does for a new layout chunk
    page.act({"values.n_clicks": 2})
    assert calls == [1, 2] and page.get('{"i":1}.children') == 2
