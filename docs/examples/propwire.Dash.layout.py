import datetime

from propwire import Dash, html
from propwire.testing import Client

app = Dash(__name__)


def layout():  # a function: called for every page load, so each visitor sees the time of their visit
    return html.P(f"loaded at {datetime.datetime.now():%H:%M:%S.%f}", id="stamp")


app.layout = layout

with Client(app).open() as first, Client(app).open() as second:
    assert first.text("stamp") != second.text("stamp")

try:
    app.layout = "just text"
except TypeError as error:
    assert "app.layout must be a component" in str(error)
