from propwire import Dash, html

# Dash options propwire does not need are accepted, so a Dash app's constructor runs as it is
app = Dash(__name__, serve_locally=True, compress=False)
app.layout = html.P("Hi")

try:
    Dash(__name__, colour="blue")
except TypeError as error:
    assert "colour" in str(error)
else:
    raise AssertionError("an unknown option was accepted")
