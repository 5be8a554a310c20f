"""A TCP proxy on 127.0.0.1 that delays every byte by a fixed time each way: a round trip of `--rtt-ms` between a
browser and a server on one machine, for HTTP and WebSocket alike.

    python bench/delay_proxy.py --listen 8100 --to 8050 --rtt-ms 50

Chromium's network emulation (what bench/run.py's 50 ms rows use) delays HTTP requests but not WebSocket
frames, so it cannot compare a socket transport with a POST one; bytes through this proxy are all delayed
alike. Each direction keeps its order: what is read at time t is written at t + rtt/2. Bandwidth is not
limited (loopback's). The proxy prints "ready" once it listens; stop it with SIGTERM.

Example, from Python (bench/transports.py does this)::

    proxy = DelayProxy(target_port=8050, rtt_ms=50)
    proxy.start()             # its own process, on a free port: proxy.url
    ...
    proxy.stop()              # by its PID
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import servers
from servers import free_port

CHUNK = 1 << 16


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    """Bytes from `reader` to `writer`, each chunk `delay` seconds after it was read, in order."""
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

    async def deliver() -> None:
        loop = asyncio.get_running_loop()
        while True:
            due, data = await queue.get()
            if not data:
                break
            if (wait := due - loop.time()) > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        writer.close()

    delivering = asyncio.ensure_future(deliver())
    try:
        while data := await reader.read(CHUNK):
            queue.put_nowait((asyncio.get_running_loop().time() + delay, data))
    except (ConnectionError, OSError):
        pass
    queue.put_nowait((0.0, b""))  # the end, after what is still on its way
    try:
        await delivering
    except (ConnectionError, OSError):
        pass


async def serve(listen: int, target: int, rtt_ms: float) -> None:
    delay = rtt_ms / 2000

    async def connected(client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            server_r, server_w = await asyncio.open_connection("127.0.0.1", target)
        except OSError:
            client_w.close()
            return
        for writer in (client_w, server_w):  # small writes must not wait for Nagle's algorithm
            sock = writer.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        await asyncio.gather(_pipe(client_r, server_w, delay), _pipe(server_r, client_w, delay))

    server = await asyncio.start_server(connected, "127.0.0.1", listen)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


class DelayProxy:
    """The proxy in a process of its own, in front of `target_port`; `url` is where to point the browser."""

    def __init__(self, target_port: int, rtt_ms: float):
        self.target_port, self.rtt_ms = target_port, rtt_ms
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--listen", str(self.port),
                                      "--to", str(self.target_port), "--rtt-ms", str(self.rtt_ms)],
                                     stdout=subprocess.PIPE, text=True, start_new_session=True)
        line = self.proc.stdout.readline() if self.proc.stdout else ""  # "" if it exited
        if line.strip() != "ready":
            self.stop()
            raise RuntimeError(f"delay proxy did not start (said {line!r})")

    def stop(self) -> None:
        if self.proc is not None:
            servers.stop(self.proc)  # by its PID: SIGTERM, then SIGKILL

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--to", type=int, required=True, help="the server's port on 127.0.0.1")
    parser.add_argument("--rtt-ms", type=float, required=True, help="the round trip added (half each way)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))  # nothing to clean up: connections just end
    asyncio.run(serve(args.listen, args.to, args.rtt_ms))


if __name__ == "__main__":
    main()
