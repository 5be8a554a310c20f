from propwire import Dash, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = dcc.Tabs(id="tabs", children=[
    dcc.Tab(label="First", id="first", children="one"),          # value "tab-1"
    dcc.Tab(label=html.B("Second"), id="second", children="two"),  # a component label; value "tab-2"
    dcc.Tab(label="Off", id="off", disabled=True),
])

with Client(app).open() as client:
    client.click("second")
    assert client.prop("tabs", "value") == "tab-2"
    client.click("off")  # a disabled Tab picks nothing
    assert client.prop("tabs", "value") == "tab-2"
