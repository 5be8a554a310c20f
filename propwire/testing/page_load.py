"""How the headless Client loads a page: GET it, mount its layout (kept persisted edits first, then the props
the browser owns), play the page's stream, wait until the app is idle. One function of the Client (client.py's
`open`), kept apart so client.py stays one screenful of verbs and reads.

    >>> from propwire import Dash, html
    >>> from propwire.testing import Client
    >>> app = Dash(__name__); app.layout = html.Div("hi", id="t")
    >>> with Client(app) as c:
    ...     c.open().text("t")
    'hi'
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from propwire.testing.components import EventRejected
from propwire.testing.graph import ClientGraph
from propwire.testing.persist import page_persistence
from propwire.testing.records import parse_page
from propwire.testing.runtime import Runtime
from propwire.testing.store import UNSET, Store

# The headers of a browser navigation (the page route tells a navigation from a script's fetch by them).
NAVIGATE = {"sec-fetch-dest": "document", "sec-fetch-mode": "navigate", "sec-fetch-site": "none"}


async def load_page(client: Any, path: str) -> None:
    """Load `path` into `client` (a propwire.testing.Client): its runtime, store and URLs are the new page's."""
    response = await client._http.get(urljoin(client.url, path), headers=NAVIGATE)
    if response.status_code != 200:
        raise EventRejected(f"GET {path} answered HTTP {response.status_code}: {response.text[:300]}")
    config, lines = parse_page(response.text)
    client.url = str(response.url)
    client._event_url = config.get("eventUrl", "/_propwire/event")
    client._cookies_url = config.get("cookiesUrl", "/_propwire/cookies")
    client._upload_url = config.get("uploadUrl", "/_propwire/upload")
    await client._close_socket()  # the page before's socket goes with it, as a browser closes it
    client._socket_url = config.get("socketUrl")  # Client(transport="socket"): the page's event socket
    client._typed, client._shown = {}, {}
    client._memory = {}
    persist = page_persistence(client.local_storage, client.session_storage)
    persist.restore_tree(config.get("layout"))  # kept edits replace the layout's values before anything reads
    store = Store(config.get("layout"))
    client._rt = Runtime(store, ClientGraph(config.get("graph")), client._post, client._after_set,
                         client._cookie_lines, persist)
    for key in config.get("unknown", []):
        value = client._browser_value(key)
        if value is not UNSET:
            store.fill(key, value)
    client._kept_text = {}
    for id_str in store.ids():  # the components mount before the page stream applies
        client._mounted(id_str)
    client._rt.page_lines(lines)
    client._rt.page_ended()  # the HTML is all read: a page stream without its `done` line ends here
    await client._rt.wait_idle(client.timeout)
    client._last = list(client._rt.log)
    client._rt.raise_unsupported()
