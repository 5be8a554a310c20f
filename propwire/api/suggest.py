"""Did-you-mean hints: every message naming a prop or an id that does not exist also names the closest one
that does, so a typo (`placholder`, `cityname`) is fixed from the message alone (issue 19).

In `api`, the lowest layer, because components (a layout's props), core (a callback's props and ids) and the
testing drivers (ids a test names) all build such messages and must word them alike.

Example::

    >>> did_you_mean("placholder", ["placeholder", "value"])
    "; did you mean 'placeholder'?"
    >>> did_you_mean("zzz", ["placeholder", "value"])
    ''
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like `word`, or None when none is close (difflib's ratio of at least 0.6, its default:
    close enough that the suggestion reads as the typo's fix, not as a guess)."""
    found = difflib.get_close_matches(word, [c for c in choices if isinstance(c, str)], n=1)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """"; did you mean 'x'?" for the closest choice, or "" when none is close: appended to a message as is."""
    match = closest(word, choices)
    return f"; did you mean {match!r}?" if match is not None else ""
