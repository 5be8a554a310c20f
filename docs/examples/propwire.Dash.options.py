import warnings

from propwire import Dash, html

# A Dash option propwire cannot honour yet is a warning that names it and says what propwire does instead
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    app = Dash(__name__, show_undo_redo=True)
assert any("show_undo_redo" in str(w.message) for w in caught)
app.layout = html.P("Hi")

try:
    Dash(__name__, colour="blue")
except TypeError as error:
    assert "colour" in str(error)
else:
    raise AssertionError("an unknown option was accepted")
