"""`uvicorn` with its listening socket marked IPPROTO_TCP, so that accepted connections get TCP_NODELAY.

    python bench/uvicorn_nodelay.py --workers 2 ... bench_app:server     (same arguments as `uvicorn`)

Diagnostic only (run.py --propwire-server uvicorn-nodelay). With --workers N, uvicorn binds the socket
itself as socket.socket(family) (proto 0); accepted sockets inherit proto 0 and asyncio then skips
TCP_NODELAY, so a response written in more than one send (any streamed one) waits for the client's
delayed ACK (~40 ms on Linux) on every keep-alive request after the first (uvicorn issue #3149).
"""

import socket

import uvicorn.config
from uvicorn.main import main

_bind = uvicorn.config.Config.bind_socket


def bind_socket(self):  # type: ignore[no-untyped-def]
    sock = _bind(self)
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto == 0:
        fixed = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
        fixed.set_inheritable(True)
        return fixed
    return sock


uvicorn.config.Config.bind_socket = bind_socket

if __name__ == "__main__":
    main()
