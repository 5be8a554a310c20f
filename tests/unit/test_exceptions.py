"""propwire.exceptions has dash.exceptions' names and hierarchy, so `except dash.exceptions.X` ports by changing
only the import line (issue 11, item 23). Dash 4.4.1 is a test dependency: it is the oracle here."""

from __future__ import annotations

import inspect

import dash.exceptions

import propwire
from propwire import exceptions


def _classes(module) -> dict[str, type]:
    return {n: v for n, v in vars(module).items() if inspect.isclass(v) and issubclass(v, BaseException)}


def test_every_dash_exception_name_exists():
    missing = sorted(set(_classes(dash.exceptions)) - set(_classes(exceptions)))
    assert missing == []


def test_the_hierarchy_is_dashs():
    theirs, ours = _classes(dash.exceptions), _classes(exceptions)
    differ = [(a, b) for a in theirs for b in theirs
              if issubclass(theirs[a], theirs[b]) != issubclass(ours[a], ours[b])]
    assert differ == []


def test_the_module_is_importable_from_the_package():
    assert propwire.exceptions is exceptions
    assert issubclass(exceptions.PreventUpdate, exceptions.CallbackException)
