"""Serve one parity app: `python serve_app.py NAME PORT`, run by serve.py in a fresh process per app and framework.

The framework comes from PARITY_FRAMEWORK (read by `_shim`), the call log's file from PARITY_LOG. Each app runs in
its own process because apps register global `@callback`s and module state, which must not leak between apps or
between Dash and propwire.
"""

import os
import sys

APPS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "apps")


def main() -> None:
    name, port = sys.argv[1], int(sys.argv[2])
    sys.path.insert(0, APPS)
    os.chdir(APPS)
    module = __import__(name)
    # As a user starts it: app.run, debug off (no reloader, no dev tools), only on 127.0.0.1.
    module.app.run(host="127.0.0.1", port=port, debug=False)


if __name__ == "__main__":
    main()
