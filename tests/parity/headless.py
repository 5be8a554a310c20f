"""The headless half of the conformance contract: the same STEPS through propwire.testing.Client, in process.

The app is loaded with propwire.testing.load_app (PARITY_FRAMEWORK=propwire, a fresh PARITY_LOG for the run);
each frame is `Client.snapshot()` and the call log, the shapes the browser trace has.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from typing import Any
from urllib.parse import urlsplit

from .celery_services import AppCelery, is_celery_app
from .file_steps import downloads_headless, upload_headless, with_downloads
from .graph_steps import play_headless as play_graph
from .graph_steps import pointer_moves
from .grid_steps import play_headless as play_grid
from .runner import Frame, geolocation, parse_step, start_path, steps_of
from .snapshot import call_log
from .table_steps import play_headless as play_table


def _play(client: Any, verb: str, args: list, opts: dict) -> None:
    wait = opts.get("wait", True)
    client.accept_dialogs = opts.get("dialog") == "accept"  # a confirm() the step brings up: OK, else Cancel
    pointer_moves(client, verb, args, wait)
    if verb == "type":
        client.type(args[0], args[1], enter=bool(opts.get("enter")), wait=wait)
    elif verb == "slide":  # what the slider's own setProps sends: a RangeSlider moves the handle nearest the click
        current = client.prop(args[0], "value")
        value = args[1]
        if isinstance(current, list) and current and not isinstance(value, list):
            nearest = min(range(len(current)), key=lambda i: abs(current[i] - value))
            value = sorted(current[:nearest] + [value] + current[nearest + 1:])
        client.drag(args[0], value, wait=wait)  # released there: value and drag_value
    elif verb == "slider_type":
        client.type_slider(args[0], args[2], box=args[1], wait=wait)
    elif verb.startswith("grid_"):
        play_grid(client, verb, args, wait)
    elif verb.startswith("table_"):
        play_table(client, verb, args, wait)
    elif verb.startswith("graph_"):
        play_graph(client, verb, args, wait)
    elif verb == "type_end_date":
        client.type_date(args[0], args[1], end=True, wait=wait)
    elif verb == "upload":
        upload_headless(client, args[0], args[1], wait)
    elif verb == "new_tab":
        client.new_tab()
    elif verb == "reload":
        parts = urlsplit(client.url)
        client.open(parts.path + (f"?{parts.query}" if parts.query else ""))
    else:
        getattr(client, verb)(*args, wait=wait)


def headless_trace(name: str, transport: str = "http") -> list[Frame]:
    """Load the app in process and play its steps through the headless Client (its events sent over
    `transport`: propwire.testing.transport), a frame after each."""
    from propwire.testing import Client, load_app

    steps = steps_of(name)
    fd, log_path = tempfile.mkstemp(prefix=f"parity-headless-{name}-", suffix=".log")
    os.close(fd)
    saved = {k: os.environ.get(k) for k in ("PARITY_FRAMEWORK", "PARITY_LOG", "PARITY_REDIS")}
    os.environ.update(PARITY_FRAMEWORK="propwire", PARITY_LOG=log_path)
    services = AppCelery(name, "propwire", log_path) if is_celery_app(name) else None  # its Redis and worker
    if services is not None:
        os.environ.update(services.env)
    frames: list[Frame] = []
    current = Frame(None)
    client = None

    def read() -> None:
        current.snapshot = with_downloads(client.snapshot(), downloads_headless(client))
        current.library = library_ids(client._rt_or_fail().store.root)
        with open(log_path, encoding="utf-8") as f:
            current.calls = call_log([line for line in f.read().split("\n") if line])

    try:
        if services is not None:
            services.wait_ready()
        client = Client(load_app(f"tests.parity.apps.{name}"), strict=False, transport=transport)
        where = geolocation(name)  # the browser context's position, in dcc.Geolocation's keys
        if where:
            client.geolocation = {"lat": where["latitude"], "lon": where["longitude"],
                                  "accuracy": where.get("accuracy", 0)}
        client.open(start_path(name))
        read()
        frames.append(current)
        for i, step in enumerate(steps):
            verb, args, opts = parse_step(step, f"step {i}")
            current = Frame(step, i)
            _play(client, verb, args, opts)
            if opts.get("wait", True) is False:
                continue
            read()
            frames.append(current)
    except Exception as exc:
        current.error = f"{type(exc).__name__}: {exc}"
        frames.append(current)
    finally:
        if client is not None:
            client.close()
        if services is not None:
            services.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        os.unlink(log_path)
    return frames


def library_ids(root: Any) -> tuple[set[str], set[str]]:
    """(opaque, inside) of a layout: `opaque` the ids of library components (and dcc.Graphs) and of components
    with one inside (their text is partly the library's drawing); `inside` the ids within a library component (the library
    decides whether and where it draws them: a closed dbc.Modal draws nothing, an open one draws in a portal)."""
    from propwire.api.dependencies import id_string
    from propwire.components.foreign import node_props
    from propwire.testing.store import is_component

    opaque: set[str] = set()
    inside: set[str] = set()

    def walk(value: Any, within: bool) -> bool:
        """Visit `value`; whether a library component is in it."""
        if isinstance(value, list):
            return any([walk(v, within) for v in value])
        if isinstance(value, dict) and not is_component(value):
            return any([walk(v, within) for v in value.values()])
        if not is_component(value):
            return False
        # a dcc.Graph's text is plotly.js's drawing (ticks, hover labels), which the headless client does not draw
        own = node_props(value["namespace"], value["type"]) is not None or (
            value["namespace"], value["type"]) == ("dcc", "Graph")
        found = any([walk(v, within or own) for v in value["props"].values()]) or own
        key = value["props"].get("id")
        if key is not None:
            (opaque if found else inside if within else set()).add(id_string(key))
        return found

    walk(root, False)
    return opaque, inside - opaque


def honest(browser: list[Frame], headless: list[Frame]) -> tuple[list[Frame], list[Frame]]:
    """Both traces reduced, frame by frame, to what the headless client can know (README.md): library
    components and what contains them left out on both sides; a component inside a library component compared
    only where the browser shows it."""
    out_b, out_h = [], []
    for i, h in enumerate(headless):
        b = browser[i] if i < len(browser) else None
        if h.library is None or b is None:
            out_h.append(h)
            if b is not None:
                out_b.append(b)
            continue
        opaque, inside = h.library
        keep_b = {k: v for k, v in b.snapshot.items() if k not in opaque}
        keep_h = {k: v for k, v in h.snapshot.items() if k not in opaque and (k not in inside or k in keep_b)}
        out_b.append(dataclasses.replace(b, snapshot=keep_b))
        out_h.append(dataclasses.replace(h, snapshot=keep_h))
    out_b.extend(browser[len(headless):])
    return out_b, out_h
