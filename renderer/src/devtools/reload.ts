// Hot reload, page side: the server's reload stream says its boot id (a new one: the server restarted, so
// reload the page) and which assets changed (a stylesheet: swap it in place; anything else: reload).

export interface ReloadMessage {
  boot?: string;
  css?: string[];
  reload?: string;
}

/** What a message asks of the page: nothing, a reload, or these stylesheets swapped. */
export function verdict(message: ReloadMessage, boot: string): "reload" | string[] | null {
  if (typeof message.boot === "string" && message.boot !== boot) return "reload";
  if (message.reload) return "reload";
  if (Array.isArray(message.css) && message.css.length) return message.css.map(String);
  return null;
}

export function listen(url: string, boot: string): void {
  const open = () => {
    const source = new EventSource(url);
    source.onopen = () => (document.body.dataset.pwReload = "1");
    source.onmessage = (m) => {
      let message: ReloadMessage;
      try {
        message = JSON.parse(m.data);
      } catch {
        return;
      }
      const todo = verdict(message, boot);
      if (todo === "reload") {
        source.close();
        location.reload();
      } else if (todo) swapStylesheets(todo);
    };
    // The browser reconnects by itself when the stream ends (a restart); if it gave up, try again a bit later.
    source.onerror = () => {
      delete document.body.dataset.pwReload;
      if (source.readyState === EventSource.CLOSED) setTimeout(open, 1000);
    };
  };
  open();
}

/** Point each stylesheet link of these paths at a fresh URL, so the browser fetches it again. */
export function swapStylesheets(paths: string[]): void {
  const stamp = String(Date.now());
  document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]').forEach((link) => {
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !paths.includes(url.pathname)) return;
    url.searchParams.set("pw", stamp);
    link.href = url.pathname + url.search;
  });
}
