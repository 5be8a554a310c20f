from propwire import Dash, html


class Branding:
    """A Dash plugin: an object whose plug(app) is called with the app at the end of the constructor."""

    def plug(self, app):
        app.title = "Acme: " + app.title


app = Dash(__name__, title="Sales", plugins=[Branding()])
app.layout = html.P("Q3")
assert app.title == "Acme: Sales"
