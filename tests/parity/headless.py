"""The headless half of the conformance contract: the same STEPS through propwire.testing.Client, in process.

The app is loaded with propwire.testing.load_app (PARITY_FRAMEWORK=propwire, a fresh PARITY_LOG for the run);
each frame is `Client.snapshot()` and the call log, the shapes the browser trace has.
"""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Any
from urllib.parse import urlsplit

from runner import APPS_DIR, Frame, parse_step, steps_of
from snapshot import call_log
from table_steps import play_headless as play_table


def _play(client: Any, verb: str, args: list, opts: dict) -> None:
    wait = opts.get("wait", True)
    if verb == "type":
        client.type(args[0], args[1], enter=bool(opts.get("enter")), wait=wait)
    elif verb == "slide":  # what the slider's own setProps sends: a RangeSlider moves the handle nearest the click
        current = client.prop(args[0], "value")
        value = args[1]
        if isinstance(current, list) and current and not isinstance(value, list):
            nearest = min(range(len(current)), key=lambda i: abs(current[i] - value))
            value = sorted(current[:nearest] + [value] + current[nearest + 1:])
        client.set_props(args[0], value=value, wait=wait)
    elif verb.startswith("table_"):
        play_table(client, verb, args, wait)
    elif verb == "new_tab":
        client.new_tab()
    elif verb == "reload":
        parts = urlsplit(client.url)
        client.open(parts.path + (f"?{parts.query}" if parts.query else ""))
    else:
        getattr(client, verb)(*args, wait=wait)


def headless_trace(name: str) -> list[Frame]:
    """Load the app in process and play its steps through the headless Client, a frame after each."""
    from propwire.testing import Client, load_app

    steps = steps_of(name)
    fd, log_path = tempfile.mkstemp(prefix=f"parity-headless-{name}-", suffix=".log")
    os.close(fd)
    saved = {k: os.environ.get(k) for k in ("PARITY_FRAMEWORK", "PARITY_LOG")}
    os.environ.update(PARITY_FRAMEWORK="propwire", PARITY_LOG=log_path)
    if str(APPS_DIR) not in sys.path:
        sys.path.insert(0, str(APPS_DIR))
    frames: list[Frame] = []
    current = Frame(None)
    client = None

    def read() -> None:
        current.snapshot = client.snapshot()
        with open(log_path, encoding="utf-8") as f:
            current.calls = call_log([line for line in f.read().split("\n") if line])

    try:
        client = Client(load_app(APPS_DIR / f"{name}.py"), strict=False)
        client.open("/")
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
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        os.unlink(log_path)
    return frames
