from propwire import Dash, dcc, html, page_container, page_registry, register_page

app = Dash(__name__, use_pages=True, pages_folder="")
register_page("analytics", layout=html.Div("charts"), order=2)
register_page("home", path="/", layout=html.Div("welcome"), order=1)

# A navigation bar from the registry, in its order, with links that work under any prefix
app.layout = html.Div([
    html.Nav([dcc.Link(page["name"], href=page["relative_path"]) for page in page_registry.values()]),
    page_container,
])
assert [(p["name"], p["path"]) for p in page_registry.values()] == [("Home", "/"), ("Analytics", "/analytics")]
