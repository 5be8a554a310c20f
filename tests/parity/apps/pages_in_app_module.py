"""Dash Pages without a folder (pages_folder=""), under a prefix: pages registered in the app's module with
layouts given, a path template and query arguments, routing_callback_inputs re-routing on a RadioItems change,
links from page_registry's relative_path and get_relative_path, app.strip_relative_path in a callback, and the default 404."""
from ._shim import (
    Dash,
    Input,
    Output,
    State,
    dcc,
    get_relative_path,
    html,
    log,
    page_container,
    page_registry,
    register_page,
)

START_PATH = "/sales/"

app = Dash(__name__, use_pages=True, pages_folder="", url_base_pathname="/sales/",
           routing_callback_inputs={"lang": Input("lang", "value"), "who": State("who", "value")})


def home(lang=None, who=None, **query):
    log("home_layout", lang, who, query)
    return html.Div(f"home in {lang} for {who} {sorted(query.items())}", id="home-body")


def item(item_id=None, lang=None, who=None, **query):
    log("item_layout", item_id, lang, who, query)
    return html.Div([html.Span(f"item {item_id} in {lang} {sorted(query.items())}", id="item-body"),
                     dcc.Link("about", href=get_relative_path("/about"), id="item-about")])  # the module-level one


register_page("home", path="/", layout=home, order=0)
register_page("items", path_template="/items/<item_id>", layout=item, name="Items", order=1)
register_page("about", layout=html.P("about us", id="about-body"), order=2, title="About")

app.layout = html.Div([
    dcc.RadioItems(["en", "fr"], "en", id="lang"),
    dcc.Input(id="who", value="ada"),
    html.Div([dcc.Link(p["name"], href=p["relative_path"], id=f"link-{p['module']}") for p in page_registry.values()]),
    dcc.Link("item 7", href=app.get_relative_path("/items/7?color=red"), id="link-item7"),
    html.Div(id="stripped"),
    page_container,
])


@app.callback(Output("stripped", "children"), Input("_pages_location", "pathname"))
def stripped(pathname):
    log("stripped", pathname)
    return f"page {app.strip_relative_path(pathname)!r}"


STEPS = [
    ("click", "link-item7"),
    ("select", "lang", "fr"),
    ("type", "who", "bob"),
    ("click", "item-about"),
    ("navigate", "/sales/items/9?a=1&a=2"),
    ("navigate", "/sales/nowhere"),
    ("select", "lang", "en"),
    ("click", "link-home"),
]
