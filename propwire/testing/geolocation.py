"""dcc.Geolocation for the headless Client: the position the page's browser would report, given by the test.

`Client.geolocation` plays the browser's location: a dict of Dash's position keys (lat, lon, accuracy, and
optionally alt, alt_accuracy, speed, heading) once the user allowed it, or None (the default) when the user
refused, which Chromium reports as error 1 "User denied Geolocation". A Geolocation reads it as the renderer's
does: on mount, when a callback sets `update_now=True` (reset to False first) and when a callback changes
`high_accuracy`, `maximum_age` or `timeout`.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from propwire.core.json_values import same_json
from propwire.testing.components import kind_of
from propwire.testing.runtime import Runtime

POSITION_KEYS = ("lat", "lon", "accuracy", "alt", "alt_accuracy", "speed", "heading")
# What a Geolocation reads again when a callback changes it (the renderer's effect on its options).
_OPTIONS = ("high_accuracy", "maximum_age", "timeout")
DENIED = {"code": 1, "message": "User denied Geolocation"}  # Chromium's error when the user refused


def local_date(stamp_ms: int) -> str:
    """The browser's `new Date(t).toLocaleString()` in the en-US locale: "12/2/2026, 4:05:09 AM"."""
    t = datetime.fromtimestamp(stamp_ms / 1000)
    hour = t.hour % 12 or 12
    return f"{t.month}/{t.day}/{t.year}, {hour}:{t.minute:02d}:{t.second:02d} {'AM' if t.hour < 12 else 'PM'}"


def reading(position: dict[str, Any] | None, stamp: int) -> dict[str, Any]:
    """The props one reading sets: the position (unknown keys None) and its time, or the refusal."""
    if position is None:
        return {"position": None, "position_error": dict(DENIED)}
    unknown = set(position) - set(POSITION_KEYS)
    if unknown or "lat" not in position or "lon" not in position:
        raise ValueError(f"Client.geolocation takes lat, lon and optionally {', '.join(POSITION_KEYS[2:])}; "
                         f"got {sorted(position)}")
    full = {k: position.get(k, 0 if k == "accuracy" else None) for k in POSITION_KEYS}
    return {"local_date": local_date(stamp), "timestamp": stamp, "position": full, "position_error": None}


class GeolocationEffects:
    """The Client's dcc.Geolocation readings. Example::

        client.geolocation = {"lat": 48.85, "lon": 2.35, "accuracy": 12}
        client.open("/")                  # the Geolocation reads it as it mounts
        client.geolocation = None         # the user refuses: the next reading sets position_error
        client.click("again")             # a callback sets update_now=True: read again
    """

    geolocation: dict[str, Any] | None = None
    _last_position: tuple[Any, ...] = ()  # the position last read (in a tuple: None is a reading too)
    _position_stamp = 0

    def _rt_or_fail(self) -> Runtime:
        raise NotImplementedError

    def _mounted(self, id_str: str, inserted: bool = False) -> None:
        super()._mounted(id_str, inserted)  # type: ignore[misc]
        self._read_position(id_str)

    def _after_set(self, id_str: str, prop: str, user: bool) -> None:
        super()._after_set(id_str, prop, user)  # type: ignore[misc]
        if user:
            return
        entry = self._rt_or_fail().store.entry(id_str)
        if prop in _OPTIONS or (prop == "update_now" and entry is not None and entry.comp["props"].get(prop)):
            self._read_position(id_str)

    def _read_position(self, id_str: str) -> None:
        rt = self._rt_or_fail()
        entry = rt.store.entry(id_str)
        if entry is None or kind_of(entry.comp) != "dcc.Geolocation":
            return

        def read() -> None:  # the renderer's effect: update_now reset at once, the position when the browser answers
            now = rt.store.entry(id_str)
            if now is None:
                return
            props = now.comp["props"]
            if props.get("update_now"):
                rt.user_change([(id_str, {"update_now": False})])
            # Chromium keeps a position's time until the position changes; the renderer (as Dash's) sends only
            # the props that changed, so reading the same position again triggers nothing.
            if self._last_position != (self.geolocation,):
                self._last_position, self._position_stamp = (self.geolocation,), int(time.time() * 1000)
            changed = {k: v for k, v in reading(self.geolocation, self._position_stamp).items()
                       if not same_json(props.get(k), v)}
            if changed:
                rt.user_change([(id_str, changed)])

        rt.effects.append(read)
