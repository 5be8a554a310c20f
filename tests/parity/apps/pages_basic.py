"""Dash Pages: a pages folder (pages_basic_pages/) with a home page, a page with its own callback, a path
template with query arguments, a redirect (an in-page navigation to /old-counter is a 404, its reload the
server's redirect to /counter) and a 404; links built from page_registry; navigation by dcc.Link."""
from ._shim import Dash, Input, Output, dcc, html, log, page_container, page_registry

app = Dash(__name__, use_pages=True, pages_folder="pages_basic_pages")
app.layout = html.Div([
    html.Div(id="where"),
    html.Div([dcc.Link(page["name"], href=page["relative_path"], id=f"link-{page['name']}")
              for page in page_registry.values()], id="nav"),
    html.Div(" / ".join(f"{p['module']}:{p['path']}:{p['order']}:{p['title']}" for p in page_registry.values()
                        if not callable(p["title"])), id="registry"),
    page_container,
])


@app.callback(Output("where", "children"), Input("_pages_location", "pathname"))
def where(pathname):
    log("where", pathname)
    return f"at {pathname}"


STEPS = [
    ("click", "home-inc"),
    ("click", "link-Counter"),
    ("click", "counter-inc"),
    ("click", "counter-inc"),
    ("navigate", "/report/42?x=1&tag=a&tag=b"),
    ("click", "link-Home"),
    ("navigate", "/no/such/page"),
    ("navigate", "/old-counter"),
    ("reload",),
    ("click", "counter-inc"),
    ("click", "link-Counter"),
]
