"""dash-bootstrap-components: a sign-up form with validation feedback, a Modal opened by a callback, and Tabs
whose active tab is a callback Input. The same source runs on Dash (only the imports differ)."""

import importlib.util
import re
from pathlib import Path

import dash_bootstrap_components as dbc

from propwire import Dash, Input, Output, State, callback, ctx, html, no_update


def bootstrap_css_folder() -> str:
    """Bootstrap 5.3's compiled CSS from an installed package, so that the page looks right with no network.

    Dash apps usually link `dbc.themes.BOOTSTRAP`, a CDN URL that a fresh offline machine cannot load, and dbc's
    components without Bootstrap's CSS are bare HTML (the Modal shows inline, the Tabs are a bulleted list). The
    demo's extra (`pip install -e '.[demo]'`) installs bootstrap-flask, which ships that CSS; `find_spec` finds the
    package without importing it (nor Flask): only its files are read.
    """
    spec = importlib.util.find_spec("flask_bootstrap")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the dbc demo links Bootstrap's CSS from bootstrap-flask: pip install -e '.[demo]'",
                                  name="flask_bootstrap")
    return str(Path(next(iter(spec.submodule_search_locations))) / "static" / "bootstrap5" / "css")


EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
PLANS = [{"label": "Free", "value": "free"}, {"label": "Team", "value": "team"},
         {"label": "Enterprise", "value": "enterprise"}]

# The folder is served under assets/ but none of its files is linked by itself (assets_ignore): its sub-folders
# hold every Bootswatch theme, and their names are the same as the main file's. The page links the one it wants,
# relative to its own URL, so it works wherever the app is mounted. Online, a Dash app would link
# external_stylesheets=[dbc.themes.BOOTSTRAP] (a CDN URL) instead.
app = Dash(__name__, title="dbc demo", assets_folder=bootstrap_css_folder(), assets_ignore=r".*",
           external_stylesheets=["assets/bootstrap.min.css"])

form = dbc.Form([
    html.Div([
        dbc.Label("Email", html_for="email"),
        dbc.Input(id="email", type="email", placeholder="you@example.com"),
        dbc.FormFeedback("Looks good.", type="valid"),
        dbc.FormFeedback("Enter an address like name@example.com.", type="invalid"),
    ], className="mb-3"),
    html.Div([
        dbc.Label("Plan", html_for="plan"),
        dbc.Select(id="plan", options=PLANS, value="free"),
    ], className="mb-3"),
    html.Div([
        dbc.Checklist(id="extras", options=[{"label": "Send me the newsletter", "value": "news"}], value=[],
                      switch=True),
    ], className="mb-3"),
    dbc.Button("Sign up", id="submit", color="primary", n_clicks=0),
    html.Span(id="submit-hint", className="ms-3 text-danger"),
])

modal = dbc.Modal([
    dbc.ModalHeader(dbc.ModalTitle("Welcome aboard")),
    dbc.ModalBody(id="modal-body"),
    dbc.ModalFooter(dbc.Button("Close", id="close", n_clicks=0)),
], id="modal", is_open=False)

app.layout = dbc.Container([
    html.H1("dash-bootstrap-components", className="my-3"),
    dbc.Tabs([
        dbc.Tab(dbc.Card(dbc.CardBody(form), className="mt-3"), label="Sign up", tab_id="signup"),
        dbc.Tab(dbc.Card(dbc.CardBody(html.Div(id="plans")), className="mt-3"), label="Plans", tab_id="plans"),
    ], id="tabs", active_tab="signup"),
    dbc.Alert(id="tab-note", color="secondary", className="mt-3"),
    modal,
])


@callback(Output("email", "valid"), Output("email", "invalid"), Input("email", "value"))
def check_email(value):
    """Bootstrap shows the FormFeedback matching the input's state: valid, invalid, or neither while empty."""
    if not value:
        return False, False
    ok = bool(EMAIL.match(value))
    return ok, not ok


@callback(Output("modal", "is_open"), Output("modal-body", "children"), Output("submit-hint", "children"),
          Input("submit", "n_clicks"), Input("close", "n_clicks"),
          State("email", "value"), State("plan", "value"), State("extras", "value"), prevent_initial_call=True)
def submit(_submit, _close, email, plan, extras):
    if ctx.triggered_id == "close":
        return False, no_update, ""
    if not email or not EMAIL.match(email):
        return False, no_update, "Fix the email address first."
    news = "with" if "news" in (extras or []) else "without"
    return True, f"{email} signed up for the {plan} plan, {news} the newsletter.", ""


@callback(Output("tab-note", "children"), Output("plans", "children"), Input("tabs", "active_tab"))
def show_tab(active_tab):
    """The active tab is an Input like any prop; the Plans tab's content is built when it is opened."""
    plans = html.Ul([html.Li(p["label"]) for p in PLANS]) if active_tab == "plans" else no_update
    return f"Active tab: {active_tab}", plans


if __name__ == "__main__":
    app.run(debug=True)
