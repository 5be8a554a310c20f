"""The `app.config` keys Dash also offers as app attributes (`app.suppress_callback_exceptions`, ...): a base
class of Dash, so that app.py holds the app's behaviour and this the attribute table."""

from __future__ import annotations

from propwire.app_config import config_property


class ConfigProperties:
    """Each attribute reads and writes the app's `config` key of the same name, as Dash's do.

    >>> from propwire import Dash
    >>> app = Dash(__name__); app.assets_ignore = "draft"; app.config.assets_ignore
    'draft'
    """

    suppress_callback_exceptions = config_property("suppress_callback_exceptions", """`app.config.suppress_callback_exceptions`
        (settable, as in Dash), read when the app is validated.

        >>> from propwire import Dash
        >>> app = Dash(__name__); app.config.suppress_callback_exceptions = True; app.suppress_callback_exceptions
        True
        """)
    prevent_initial_callbacks = config_property("prevent_initial_callbacks", """`app.config.prevent_initial_callbacks`:
        the default of the callbacks registered from now on.

        >>> from propwire import Dash
        >>> Dash(__name__, prevent_initial_callbacks=True).prevent_initial_callbacks
        True
        """)
    external_stylesheets = config_property("external_stylesheets", """`app.config.external_stylesheets`, read on
        every page load.

        >>> from propwire import Dash
        >>> Dash(__name__, external_stylesheets=["https://cdn.example/a.css"]).external_stylesheets
        ['https://cdn.example/a.css']
        """)
    external_scripts = config_property("external_scripts", """`app.config.external_scripts`, read on every page
        load.

        >>> from propwire import Dash
        >>> Dash(__name__, external_scripts=["https://cdn.example/a.js"]).external_scripts
        ['https://cdn.example/a.js']
        """)
    assets_ignore = config_property("assets_ignore", """`app.config.assets_ignore`: the regex of asset file names
        not linked into the page.

        >>> from propwire import Dash
        >>> Dash(__name__, assets_ignore=r"draft").assets_ignore
        'draft'
        """)
