"""Shared builder for the dt_initial_* apps: a chain of prevent_initial_call flavours (not an app itself)."""
from ._shim import MATCH, Dash, Input, Output, PreventUpdate, html, log


def build(*, content: bool, global_prevent: bool, pattern: bool = False, suppress: bool = False) -> Dash:
    """A button -> a; b, c, e, f read a (c and f with prevent_initial_call); d always raises PreventUpdate."""
    kwargs = {"prevent_initial_callbacks": True} if global_prevent else {}
    app = Dash(__name__, suppress_callback_exceptions=suppress, **kwargs)

    def cid(name):
        return {"i": 0, "j": name} if pattern else name

    def dep(cls, name, prop="children"):
        return cls({"i": MATCH, "j": name} if pattern else name, prop)

    layout = html.Div([html.Button("click", id=cid("btn"))] + [html.Div(x.upper(), id=cid(x)) for x in "abcdef"])
    if content:
        app.layout = html.Div(id="content")
        kw = {"prevent_initial_call": False} if global_prevent else {}

        @app.callback(Output("content", "children"), Input("content", "style"), **kw)
        def set_content(_):
            log("set_content", _)
            return layout
    else:
        app.layout = layout

    def pic(flag):
        return {"prevent_initial_call": flag} if flag != global_prevent else {}

    def concat(name, inputs, prevent=False):
        @app.callback(dep(Output, name), [dep(Input, i) for i in inputs], **pic(prevent))
        def f(*args):
            log(name, *args)
            return "".join(str(a) for a in args)

    @app.callback(dep(Output, "a"), dep(Input, "btn", "n_clicks"), **pic(True))
    def a(n):
        log("a", n)
        return "Click"

    concat("b", ["a"])
    concat("c", ["a"], prevent=True)

    @app.callback(dep(Output, "d"), dep(Input, "d", "style"), **pic(False))
    def d(_):
        log("d", _)
        raise PreventUpdate

    concat("e", ["a", "d"])
    concat("f", ["a", "b", "d"], prevent=True)
    return app

