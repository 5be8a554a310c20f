"""What BrowserDriver installs in the page before its scripts: a copy of every event and its answer.

Chromium may drop the bodies of responses read as streams, so reading them over the devtools protocol
afterwards is unreliable; the page keeps its own copies instead, in `window.__pwEvents`: one entry per event,
`{body, status, text}` (`text` null until its answer is whole). The page sends an event as a POST (fetch) or
over the event socket (docs/protocol.md), so both are watched: the socket's messages are the POST bodies,
its binary frames `<seq>\\n<bytes>` the pieces of each answer (the last ends with the event's `done` line), a
text frame a refusal. An event the socket closed on unanswered is dropped from the copies: the page sends it
again as a POST, which is recorded then.
"""

from __future__ import annotations

EVENT_PATH = "/_propwire/event"
SOCKET_PATH = "/_propwire/ws"

RECORD_EVENTS = f"""(() => {{
  const seen = window.__pwEvents = [];
  const fetch0 = window.fetch;
  window.fetch = async function (input, init) {{
    const res = await fetch0.apply(this, arguments);
    const url = typeof input === 'string' ? input : input.url;
    if (url.includes('{EVENT_PATH}')) {{
      const entry = {{body: init && init.body, status: res.status, text: null}};
      seen.push(entry);
      res.clone().text().then(t => {{ entry.text = t; }}, () => {{ entry.text = ''; }});
    }}
    return res;
  }};
  const WS0 = window.WebSocket;
  function Watched(url, protocols) {{
    const ws = new WS0(url, protocols);
    if (!String(url).includes('{SOCKET_PATH}')) return ws;
    const open = new Map();
    const send0 = ws.send.bind(ws);
    ws.send = data => {{
      let seq = null;
      try {{ seq = JSON.parse(data).seq; }} catch (e) {{}}
      const entry = {{body: data, status: 200, text: null, parts: [], decoder: new TextDecoder()}};
      seen.push(entry);
      open.set(seq, entry);
      send0(data);
    }};
    const finish = (seq, entry) => {{
      open.delete(seq);
      entry.text = entry.parts.join('');
      delete entry.parts;
      delete entry.decoder;
    }};
    ws.addEventListener('message', ev => {{
      if (typeof ev.data === 'string') {{
        let refusal = null;
        try {{ refusal = JSON.parse(ev.data); }} catch (e) {{ return; }}
        const entry = open.get(refusal.seq);
        if (entry) {{ entry.status = refusal.status; entry.parts = [ev.data]; finish(refusal.seq, entry); }}
        return;
      }}
      const bytes = new Uint8Array(ev.data);
      const nl = bytes.indexOf(10);
      const seq = Number(new TextDecoder().decode(bytes.subarray(0, nl)));
      const entry = open.get(seq);
      if (!entry) return;
      const piece = entry.decoder.decode(bytes.subarray(nl + 1), {{stream: true}});
      entry.parts.push(piece);
      if (piece.endsWith('{{"done":{{"seq":' + seq + '}}}}\\n')) finish(seq, entry);
    }});
    ws.addEventListener('close', () => {{
      for (const [seq, entry] of open) {{
        if (entry.parts.length) finish(seq, entry);
        else {{ open.delete(seq); seen.splice(seen.indexOf(entry), 1); }}
      }}
    }});
    return ws;
  }}
  Watched.prototype = WS0.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Watched[k] = WS0[k];
  window.WebSocket = Watched;
}})();"""
