"""A multi-page app written as a Dash user writes one (Dash Pages): `Dash(use_pages=True)` imports every page
of `pages/`, a nav of dcc.Link's built from `page_registry`, and `page_container` where the current page goes.

The same file runs on Dash 4.4.1 with only the import line changed (`from dash import ...`). The pages:

- `/` (pages/home.py): what the app shows, and where;
- `/files` (pages/files.py): dcc.Upload a CSV, dcc.Tabs for its summary and its rows, dcc.Download a processed copy;
- `/clientside` (pages/clientside.py): a clientside_callback (inline JavaScript) that runs in the browser with no
  request at all.

Run it on its own with `python examples/multipage/app.py`, or in the demo (`python examples/demo.py`) under
/multipage/.
"""

from propwire import Dash, dcc, html, page_container, page_registry

app = Dash(__name__, use_pages=True, title="Multi-page demo")

app.layout = html.Div([
    html.H1("A multi-page app"),
    html.Nav([dcc.Link(page["name"], href=page["relative_path"], id=f"nav-{page['name'].lower()}",
                       style={"marginRight": "1em"})
              for page in page_registry.values()], id="nav"),
    html.Hr(),
    page_container,
])

if __name__ == "__main__":
    app.run(debug=True)
