"""Open-loop load of many sessions, each sending one event a second: the generator bench/sessions.py runs.

    python bench/session_load.py --kind ws-propwire --url ws://127.0.0.1:PORT/_propwire/ws \
        --body-file body.json --sessions 1000 --seconds 60 --expect 'clicked '

Each session is one connection, as a browser tab holds one: a WebSocket (`ws-propwire`, `ws-dash`) or an
HTTP/1.1 keep-alive connection (`http`, reconnecting when the server answers `Connection: close`, as
gunicorn's sync workers do; the reconnect counts in that event's latency). Sessions connect one after another
over the ramp-up, then each sends its event once a second at its own phase (open loop: a slow answer does not
delay the next event's schedule, it shows as latency). Latency is from the send to the answer's end: for
propwire's socket the frame with the `done` line of that seq, for Dash's socket the `callback_response` of that
requestId, for HTTP the end of the response body. An answer is good when it holds --expect.

Prints one JSON object: sessions, connected, events, good, errors, p50_ms, p99_ms, latencies (every sample,
ms), error_sample. Only 127.0.0.1 is accepted as a target.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import sys
import time
from urllib.parse import urlsplit

from websockets.asyncio.client import connect

_ids = itertools.count(1)


class Session:
    """One session's connection and the event it sends again and again."""

    def __init__(self, args: argparse.Namespace, body: dict):
        self.args, self.body = args, body
        self.url = urlsplit(args.url)
        self.origin = f"http://{self.url.netloc}"
        self.seq = 0
        self.conn = None  # a websocket, or an HTTP (reader, writer) pair

    async def open(self) -> None:
        """A socket opens at the ramp-up and stays open; an HTTP connection opens at the session's first event
        (an idle one would hold a sync worker of gunicorn's until its timeout)."""
        if self.args.kind.startswith("ws"):
            self.conn = await connect(self.args.url, origin=self.origin, max_size=None, compression=None,
                                      ping_interval=None, open_timeout=60)

    async def event(self) -> bytes:
        """Send the event once; the answer's bytes."""
        self.seq += 1
        if self.args.kind == "ws-propwire":
            return await self._ws_propwire()
        if self.args.kind == "ws-dash":
            return await self._ws_dash()
        return await self._http()

    async def _ws_propwire(self) -> bytes:
        await self.conn.send(json.dumps({**self.body, "seq": self.seq}))
        got = b""
        while b'"done"' not in got:
            frame = await self.conn.recv()
            if isinstance(frame, str):  # a refusal
                return frame.encode()
            head, _, rest = frame.partition(b"\n")
            if head == str(self.seq).encode():
                got += rest
        return got

    async def _ws_dash(self) -> bytes:
        request_id = f"r{next(_ids)}"
        await self.conn.send(json.dumps({"type": "callback_request", "requestId": request_id, "rendererId": "bench",
                                         "payload": self.body}))
        while True:
            raw = await self.conn.recv()
            messages = json.loads(raw)
            for message in messages if isinstance(messages, list) else [messages]:
                if message.get("requestId") == request_id and message.get("type") == "callback_response":
                    return json.dumps(message).encode()

    async def _http(self) -> bytes:
        if self.conn is None:
            self.conn = await asyncio.open_connection(self.url.hostname, self.url.port)
        reader, writer = self.conn
        payload = json.dumps({**self.body, "seq": self.seq} if "seq" in self.body else self.body).encode()
        writer.write(f"POST {self.url.path} HTTP/1.1\r\nHost: {self.url.netloc}\r\nOrigin: {self.origin}\r\n"
                     f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n".encode() + payload)
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").lower().split("\r\n")
        body = await (_chunked(reader) if "transfer-encoding: chunked" in lines else
                      reader.readexactly(int(next(h for h in lines if h.startswith("content-length:")).split(":")[1])))
        if "connection: close" in lines:
            writer.close()
            self.conn = None
        return head.split(b"\r\n", 1)[0] + b"\n" + body


async def _chunked(reader: asyncio.StreamReader) -> bytes:
    body = b""
    while True:
        size = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
        body += await reader.readexactly(size + 2)
        if size == 0:
            return body


async def run(args: argparse.Namespace) -> dict:
    body = json.loads(open(args.body_file).read())
    sessions = [Session(args, body) for _ in range(args.sessions)]
    ramp = args.ramp / max(1, args.sessions)
    connected = 0
    for session in sessions:  # one after another, as traffic grows
        try:
            await session.open()
            connected += 1
        except OSError:
            pass
        await asyncio.sleep(ramp)
    print(json.dumps({"ramped": connected}), flush=True)  # the caller reads the servers' RSS from here on
    latencies: list[float] = []
    errors: list[str] = []
    end = time.monotonic() + args.seconds

    async def act(session: Session) -> None:
        next_at = time.monotonic() + random.random()
        while next_at < end:
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
            began = time.monotonic()
            try:
                answer = await asyncio.wait_for(session.event(), timeout=30)
                if args.expect.encode() in answer:
                    latencies.append((time.monotonic() - began) * 1000)
                else:
                    errors.append(answer[:200].decode("utf-8", "replace"))
            except Exception as exc:  # noqa: BLE001 - every failure is counted and sampled
                errors.append(f"{type(exc).__name__}: {exc}"[:200])
                if args.kind.startswith("ws"):
                    return  # a broken socket ends the session
                session.conn = None  # reconnect at the next event
            next_at += 1.0

    await asyncio.gather(*(act(s) for s in sessions if s.conn is not None or not args.kind.startswith("ws")))
    for session in sessions:
        if session.args.kind.startswith("ws") and session.conn is not None:
            await session.conn.close()
    ordered = sorted(latencies)
    pick = lambda p: round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 3) if ordered else None  # noqa: E731
    return {"sessions": args.sessions, "connected": connected, "events": len(latencies) + len(errors),
            "good": len(latencies), "errors": len(errors), "p50_ms": pick(0.5), "p99_ms": pick(0.99),
            "latencies": [round(v, 3) for v in latencies], "error_sample": sorted(set(errors))[:5]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kind", required=True, choices=["ws-propwire", "ws-dash", "http"])
    parser.add_argument("--url", required=True)
    parser.add_argument("--body-file", required=True)
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--ramp", type=float, default=10.0, help="seconds over which the sessions connect")
    parser.add_argument("--expect", default="")
    args = parser.parse_args()
    if urlsplit(args.url).hostname != "127.0.0.1":
        sys.exit("session_load: only 127.0.0.1 is a target")
    print(json.dumps(asyncio.run(run(args))))


if __name__ == "__main__":
    main()
