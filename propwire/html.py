"""`propwire.html`: one component class per HTML element (html.Div, html.P, ...), generated from a table.

Children come first (a string, a component or a list of them), then props as keywords: every element takes
`id`, `className`, `style` (a dict of camelCase CSS), `n_clicks` (counted on click), `title`, ...

>>> from propwire import html
>>> html.Div([html.H1("Title"), html.P("Text", style={"color": "grey"})], id="page").children[1].style
{'color': 'grey'}
"""

from propwire.components.html import *  # noqa: F401,F403
from propwire.components.html import __all__  # noqa: F401
