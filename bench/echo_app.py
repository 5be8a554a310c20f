"""The floor for click → DOM over a WebSocket: a page whose button sends one message and whose answer is
written into a div, served by a bare ASGI app under uvicorn (no framework, no callback, no JSON).

    uvicorn --workers 2 echo_app:app          (from bench/; bench/click_breakdown.py starts it)

Whatever propwire's click costs beyond this page's, is propwire's: the renderer before the send, the server's
event path, the apply and React's commit after the answer.
"""

from __future__ import annotations

from typing import Any

PAGE = b"""<!doctype html><html><head><title>floor</title></head><body>
<button id="btn">click</button><div id="out">connecting</div>
<script>
const ws = new WebSocket(`ws://${location.host}/ws`);
ws.onmessage = (e) => { document.getElementById("out").textContent = e.data; };
ws.onopen = () => { document.getElementById("out").textContent = "clicked None"; };
document.getElementById("btn").onclick = () => ws.send("click");
</script></body></html>"""


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """GET / is the page; /ws answers each message with the count of messages so far."""
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        return await send({"type": "lifespan.shutdown.complete"})
    if scope["type"] == "http":
        await receive()
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/html; charset=utf-8")]})
        return await send({"type": "http.response.body", "body": PAGE})
    await receive()  # websocket.connect
    await send({"type": "websocket.accept"})
    count = 0
    while (await receive())["type"] == "websocket.receive":
        count += 1
        await send({"type": "websocket.send", "text": f"clicked {count}"})
