"""Dash's async mode (`use_async=True`, dash[async] installed): pages whose layout functions are `async def`,
awaited by the router with the path variables and query arguments, and an `async def` callback on a page's
button."""
import asyncio

from ._shim import Dash, Input, Output, dcc, html, log, page_container, register_page

app = Dash(__name__, use_pages=True, pages_folder="", use_async=True, suppress_callback_exceptions=True)


async def home(**query):
    log("home_layout", query)
    await asyncio.sleep(0)
    return html.Div(f"home {sorted(query.items())}", id="home-body")


async def item(item_id=None, **query):
    log("item_layout", item_id, query)
    await asyncio.sleep(0.01)
    return html.Div([html.Span(f"item {item_id} {sorted(query.items())}", id="item-body"),
                     html.Button("add", id="add"), html.Div(id="total")])


register_page("home", path="/", layout=home)
register_page("items", path_template="/items/<item_id>", layout=item)

app.layout = html.Div([
    dcc.Link("item 3", href="/items/3?color=red", id="to-item"),
    dcc.Link("home", href="/?from=item", id="to-home"),
    page_container,
])


@app.callback(Output("total", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
async def total(n):
    log("total", n)
    await asyncio.sleep(0.01)
    return f"added {n}"


STEPS = [
    ("click", "to-item"),
    ("click", "add"),
    ("click", "add"),
    ("click", "to-home"),
    ("navigate", "/items/8"),
]
