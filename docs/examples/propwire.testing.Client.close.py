from propwire import Dash, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.P("Hi", id="hi")

client = Client(app).open()
assert client.text("hi") == "Hi"
client.close()  # stops the client's event loop thread; `with Client(app) as client:` does it for you
client.close()  # a second close does nothing
