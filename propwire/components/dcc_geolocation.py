"""dcc.Geolocation: the device's position from the browser's Geolocation API, as Dash 4.4.1's component gives it.

It draws nothing. On mount, whenever a callback sets `update_now=True` (which it then resets to False), and when
`high_accuracy`, `maximum_age` or `timeout` change, the browser asks navigator.geolocation for the position and
sets `position` ({lat, lon, accuracy, alt, alt_accuracy, speed, heading}; the ones the device does not know are
None), `timestamp` (ms since the epoch), `local_date` (the browser's locale string of it) and clears
`position_error`; a refusal or failure sets `position_error` ({code, message}) and clears `position` instead
(`show_alert=True` also shows the error in an alert box). The headless client takes the position to give from
`Client.geolocation` (docs/testing.md).

Example::

    dcc.Geolocation(id="geo", high_accuracy=True)

    @callback(Output("where", "children"), Input("geo", "position"))
    def show(pos):
        return "unknown" if pos is None else f"{pos['lat']:.3f}, {pos['lon']:.3f}"
"""

from __future__ import annotations

from typing import Any

from propwire.components import dcc_signatures as typed
from propwire.components.base import BOOL, ID, NUMBER, STRING, Component, PropType
from propwire.components.spec import Bundle

__all__ = ["Geolocation"]

_POSITION_KEYS = ("lat", "lon", "accuracy", "alt", "alt_accuracy", "heading", "speed")


def _is_position(value: Any) -> bool:
    return isinstance(value, dict) and all(k in _POSITION_KEYS and (v is None or NUMBER.check(v))
                                           for k, v in value.items())


def _is_position_error(value: Any) -> bool:
    return isinstance(value, dict) and set(value) <= {"code", "message"} and \
        (value.get("code") is None or NUMBER.check(value["code"])) and \
        (value.get("message") is None or isinstance(value["message"], str))


# Dicts of these keys only, so a misspelt key is an error rather than a position nobody reads.
POSITION = PropType("a dict of lat, lon, accuracy, alt, alt_accuracy, heading, speed (numbers)", _is_position,
                    "Mapping[str, Any]")
POSITION_ERROR = PropType("a dict {'code': number, 'message': str}", _is_position_error, "Mapping[str, Any]")


class Geolocation(typed.Geolocation, Component):
    """The device's position (`position`, `timestamp`, `local_date`) or why it is unknown (`position_error`),
    read on mount and each time a callback sets `update_now=True`, as Dash 4.4.1's dcc.Geolocation.

    Example: ``dcc.Geolocation(id="geo", maximum_age=60_000)``
    """

    _namespace = "dcc"
    _type = "Geolocation"
    _bundle = Bundle("geolocation", "default", lazy=True)
    _positional = ("id", "local_date", "timestamp", "position", "position_error", "show_alert", "update_now",
                   "high_accuracy", "maximum_age", "timeout")
    _props = {
        "id": ID,
        "local_date": STRING,
        "timestamp": NUMBER,
        "position": POSITION,
        "position_error": POSITION_ERROR,
        "show_alert": BOOL,
        "update_now": BOOL,
        "high_accuracy": BOOL,
        "maximum_age": NUMBER,
        "timeout": NUMBER,  # milliseconds; unset waits as long as it takes (Dash's Infinity, which JSON lacks)
    }
    # No _defaults: Dash 4.4.1 keeps its defaults (update_now False, maximum_age 0, ...) in the browser, so a
    # callback reading one it was not given sees None there too.
