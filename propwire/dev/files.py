"""Which files are the app's own: the Python files of loaded modules under the app's folder (not installed
packages). The supervisor watches them; the child reports the ones it imported.

Example::

    watched(Path("/home/me/myapp"))    # {"/home/me/myapp/app.py", "/home/me/myapp/pages/home.py"}
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path


def watched(root: Path, extra: Iterable[str] = ()) -> set[str]:
    """The Python files of the loaded modules that live under the app's folder (not in an installed package)."""
    files = {getattr(m, "__file__", None) or "" for m in list(sys.modules.values())}
    return under(root, [*files, *extra])


def under(root: Path, files: Iterable[str]) -> set[str]:
    """The given files that are Python files of the app's own (under root, not an installed package)."""
    keep: set[str] = set()
    for file in files:
        if file and file.endswith(".py"):
            path = Path(file).resolve()
            if root in path.parents and not {"site-packages", "dist-packages", "__pycache__"} & set(path.parts):
                keep.add(str(path))
    return keep
