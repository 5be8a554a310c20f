from propwire import Dash, html

# __name__ tells the app which module it is, so it finds its assets/ folder next to that module's file.
app = Dash(__name__)
app.layout = html.P("Hello")
assert app.name == __name__
