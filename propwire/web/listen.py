"""The listening socket `app.run()` serves on: bound here, before uvicorn starts, so a busy port is one clear
sentence (which address, which port, how to choose another) instead of uvicorn's traceback, and the address
the app really serves on can be printed.

>>> from propwire.web.listen import listen
>>> sock = listen("127.0.0.1", 0)            # 0: any free port
>>> sock.getsockname()[0]
'127.0.0.1'
>>> sock.close()
"""

from __future__ import annotations

import socket


class PortInUse(OSError):
    """The port asked for is taken (another server, or an earlier run still going).

    >>> from propwire.web.listen import PortInUse
    >>> str(PortInUse("127.0.0.1", 8050)).startswith("port 8050 on 127.0.0.1 is in use")
    True
    """

    def __init__(self, host: str, port: int):
        super().__init__(f"port {port} on {host} is in use (another server, or this app already running): stop "
                         f"it, or pick another port with app.run(port={port + 1}) or PORT={port + 1}")
        self.host, self.port = host, port


def listen(host: str, port: int, *, inheritable: bool = False) -> socket.socket:
    """A TCP socket bound to (host, port) and listening; `inheritable` for a child process to serve on it.

    Raises:
        PortInUse: the port is taken.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart binds while old connections linger
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise PortInUse(host, port) from None
        raise
    sock.listen(2048)
    sock.set_inheritable(inheritable)
    return sock


def url_of(sock: socket.socket, prefix: str = "/") -> str:
    """The address a browser opens for an app served on `sock` under `prefix`.

    >>> from propwire.web.listen import listen, url_of
    >>> sock = listen("127.0.0.1", 0)
    >>> url_of(sock, "/app/").startswith("http://127.0.0.1:") and url_of(sock, "/app/").endswith("/app/")
    True
    >>> sock.close()
    """
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{prefix}"
