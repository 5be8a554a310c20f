"""Polling helpers for tests, as Dash's `dash.testing.wait` offers them (`wait.until(lambda: n.value == 2, 3)`).

>>> from propwire.testing import wait
>>> wait.until(lambda: True, timeout=1)
True
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from propwire.testing.duo_element import TimeoutException


def until(wait_cond: Callable[[], Any], timeout: float, poll: float = 0.1,
          msg: str = "expected condition not met within timeout") -> Any:
    """Call `wait_cond` every `poll` seconds until it returns a truthy value (returned), or raise
    TimeoutException(msg) once `timeout` seconds have passed.

    >>> until(lambda: 42, timeout=1)
    42
    """
    deadline = time.monotonic() + timeout
    while True:
        result = wait_cond()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutException(msg)
        time.sleep(poll)


def until_not(wait_cond: Callable[[], Any], timeout: float, poll: float = 0.1,
              msg: str = "expected condition met but timeout") -> Any:
    """As `until`, waiting for `wait_cond` to return a falsy value (returned).

    >>> until_not(lambda: 0, timeout=1)
    0
    """
    deadline = time.monotonic() + timeout
    while True:
        result = wait_cond()
        if not result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutException(msg)
        time.sleep(poll)
