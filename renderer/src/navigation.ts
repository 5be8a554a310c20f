// In-page navigation: Link pushes a URL, every Location hears about it.

const listeners = new Set<() => void>();

export function onNavigate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function navigate(url: string): void {
  window.history.pushState({}, "", url);
  notifyNavigation();
}

export function notifyNavigation(): void {
  listeners.forEach((fn) => fn());
}

/** Same origin URLs can be pushed; anything else needs a real navigation. */
export function isSameOrigin(url: string): boolean {
  try {
    return new URL(url, window.location.href).origin === window.location.origin;
  } catch {
    return false;
  }
}
