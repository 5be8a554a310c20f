"""Closed-loop HTTP load on one server, with raw asyncio sockets (no HTTP library in the measured path).

    python bench/load.py --url http://127.0.0.1:PORT/path --body-file body.json --clients 16 --seconds 5

Each of `clients` connections POSTs the same JSON body again and again for `seconds` (and at most
`--max-requests` in all), keeping the connection alive when the server allows it and reconnecting when it
answers `Connection: close` (gunicorn's sync workers do); a reconnect counts in that request's latency.
A response counts as good when its status is 200 and its body holds `--expect`. Prints one JSON object:
requests, good, errors, seconds, per-second rate, and latency percentiles in ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from urllib.parse import urlsplit


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if ":" in line:
            key, value = line.split(":", 1)
            headers[key.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")  # no trailers expected: the final CRLF
                break
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
        body = b"".join(parts)
    else:
        body = await reader.read()
        headers["connection"] = "close"
    return status, headers, body


async def _client(host: str, port: int, request: bytes, expect: bytes, stop_at: float, budget: list[int],
                  latencies: list[float], errors: list[str]) -> None:
    reader = writer = None
    while time.perf_counter() < stop_at and budget[0] > 0:
        budget[0] -= 1
        began = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            writer.write(request)
            status, headers, body = await _read_response(reader)
            if headers.get("connection", "").lower() == "close":
                writer.close()
                reader = writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            errors.append(type(exc).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        elapsed = time.perf_counter() - began
        if status == 200 and expect in body:
            latencies.append(elapsed)
        else:
            errors.append(f"status {status}: {body[:200]!r}")
    if writer is not None:
        writer.close()


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[index]


async def run(url: str, body: bytes, headers: dict[str, str], clients: int, seconds: float, max_requests: int,
              expect: bytes) -> dict:
    parts = urlsplit(url)
    host, port = parts.hostname, parts.port or 80
    if host not in ("127.0.0.1", "localhost"):
        raise SystemExit("load.py only targets 127.0.0.1")
    head = [f"POST {parts.path or '/'} HTTP/1.1", f"Host: {parts.netloc}", f"Content-Length: {len(body)}"]
    head += [f"{k}: {v}" for k, v in headers.items() if k.lower() not in ("host", "content-length", "connection")]
    request = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body
    latencies: list[float] = []
    errors: list[str] = []
    budget = [max_requests]
    began = time.perf_counter()
    await asyncio.gather(*(_client(host, port, request, expect, began + seconds, budget, latencies, errors)
                           for _ in range(clients)))
    elapsed = time.perf_counter() - began
    ordered = sorted(latencies)
    return {"requests": len(latencies) + len(errors), "good": len(latencies), "errors": len(errors),
            "error_sample": sorted(set(errors))[:3], "seconds": elapsed, "per_second": len(latencies) / elapsed,
            "p50_ms": percentile(ordered, 0.5) * 1000, "p99_ms": percentile(ordered, 0.99) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--body-file", required=True)
    parser.add_argument("--header", action="append", default=[], help="'Name: value', repeatable")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--expect", default="")
    args = parser.parse_args()
    with open(args.body_file, "rb") as f:
        body = f.read()
    headers = dict(h.split(":", 1) for h in args.header)
    headers = {k.strip(): v.strip() for k, v in headers.items()}
    result = asyncio.run(run(args.url, body, headers, args.clients, min(args.seconds, 60.0), args.max_requests,
                             args.expect.encode()))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
