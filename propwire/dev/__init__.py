"""The dev layer: what `app.run(debug=True)` adds on one developer's machine, and nothing else uses.

- `supervisor`: the process that holds the port and restarts the app's process when its files change
  (watched with watchfiles, inotify on Linux);
- `child`: the app's process under the supervisor (serves on the inherited socket, reports why it failed);
- `fallback`: the error page the supervisor serves while no child can start;
- `reload_stream`: the server-sent events that tell an open page to reload or swap a stylesheet.

Example::

    app.run(debug=True)    # supervise(); a child serves the app and restarts on every save
"""

from propwire.dev.child import CHILD_ENV, boot_id, is_child, serve_child, stopping
from propwire.dev.reload_stream import reload_stream
from propwire.dev.supervisor import supervise, supported

__all__ = ["CHILD_ENV", "boot_id", "is_child", "reload_stream", "serve_child", "stopping", "supervise", "supported"]
