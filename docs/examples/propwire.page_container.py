from propwire import Dash, html, page_container, register_page
from propwire.testing import Client

app = Dash(__name__, use_pages=True, pages_folder="")
register_page("home", path="/", layout=html.Div("welcome", id="welcome"))
app.layout = html.Div([html.H1("My shop"), page_container])  # the current page's layout goes in its place

with Client(app).open("/") as client:
    assert client.text("_pages_content") == "welcome"
    client.navigate("/elsewhere")
    assert client.text("_pages_content") == "404 - Page not found"
