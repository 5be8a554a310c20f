"""The event loop's work per click event, counted (not timed): Python calls, loop callbacks and tasks.

    PYTHONPATH=. /tmp/venv/bin/python bench/event_loop_work.py [--events 1600]

The click app of bench/bench_app.py (one sync callback on the worker pool) answers its event through the ASGI
app in this process, 16 events at a time, under cProfile; it prints per event the Python function calls on the
loop's thread, the asyncio handles made (each a trip through the loop: call_soon, timers) and the tasks
created (this script's own gather adds one per event). Counts are the same from run to run on a loaded
machine, where a timed A/B (bench/event_ab.py) drowns in noise; they say how much loop work a change removes,
not how many milliseconds. Run it with another checkout first on PYTHONPATH to compare.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
BODY = json.dumps({"seq": 15, "changed": {"btn.n_clicks": 15}, "values": {"btn.n_clicks": 15},
                   "present": {"btn": [], "out": []}, "pending": []}).encode()
SCOPE = {"type": "http", "method": "POST", "path": "/_propwire/event", "raw_path": b"/_propwire/event",
         "root_path": "", "query_string": b"", "client": ("127.0.0.1", 5), "server": ("127.0.0.1", 8000),
         "scheme": "http", "http_version": "1.1", "asgi": {"version": "3.0"},
         "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", b"application/json"),
                     (b"content-length", str(len(BODY)).encode())]}


async def one(asgi, out: list[bytes]) -> None:
    sent = False

    async def receive() -> dict:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": BODY, "more_body": False}
        await asyncio.sleep(3600)  # the client stays: no disconnect
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.body":
            out.append(message.get("body", b""))

    await asgi(SCOPE, receive, send)


async def count(events: int) -> dict[str, float]:
    os.environ.update(BENCH_FRAMEWORK="propwire", BENCH_SCENARIO="click", PROPWIRE_SECRET_KEY="bench-only-key")
    sys.path.insert(0, str(BENCH))
    import bench_app

    asgi, out = bench_app.app.server, []
    for _ in range(50):  # warm: the graph's caches, the pool's threads
        await one(asgi, out)
    if b"clicked 15" not in b"".join(out[-3:]):
        raise RuntimeError(f"unexpected answer: {out[-3:]!r}")
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(events // 16):
        await asyncio.gather(*(one(asgi, out) for _ in range(16)))
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]

    def calls(file_end: str, name: str) -> int:
        return sum(v[1] for (f, _, n), v in stats.items() if f.endswith(file_end) and n == name)

    return {"python_calls": sum(v[1] for v in stats.values()) / events,
            "loop_handles": calls("asyncio/events.py", "__init__") / events,
            "tasks": calls("asyncio/base_events.py", "create_task") / events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1600)
    args = parser.parse_args()
    import propwire

    result = asyncio.run(count(args.events))
    print(f"{Path(propwire.__file__).parent.parent}: " + ", ".join(f"{k} {v:.1f}" for k, v in result.items())
          + " per event")


if __name__ == "__main__":
    main()
