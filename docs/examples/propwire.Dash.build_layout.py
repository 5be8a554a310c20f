import itertools

from propwire import Dash, html

app = Dash(__name__)
visits = itertools.count(1)
app.layout = lambda: html.P(f"visit {next(visits)}", id="n")  # called once per page load

first, second = app.build_layout(), app.build_layout()  # what two page loads get
assert (first.children, second.children) == ("visit 1", "visit 2")
