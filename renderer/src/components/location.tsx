// dcc.Location: renders nothing; mirrors window.location, and moves it when a callback sets it.
import { useEffect, useRef } from "react";
import { locationProps } from "../browser";
import { isSameOrigin, navigate, onNavigate } from "../navigation";
import { safeUrl } from "./attrs";
import { sameValue } from "./text";
import type { ComponentProps, Props } from "./types";

const PARTS = ["pathname", "search", "hash", "href"] as const;

/** The parts of the current URL that differ from `props` ("" and null are the same empty part). */
export function locationChanges(props: Props, current: Record<string, string>): Props {
  const changes: Props = {};
  for (const part of PARTS) {
    if (!sameValue(props[part] || null, current[part] || null)) changes[part] = current[part];
  }
  return changes;
}

/**
 * The URL a callback asked for: `href` if it changed, else the changed pathname/search/hash; null for none,
 * or when the URL would run script (`javascript:`) or open a document of its own (`data:`).
 */
export function targetUrl(props: Props, previous: Props): string | null {
  if (props.href && props.href !== previous.href) return safeUrl(props.href, "frame", "dcc.Location href") ?? null;
  if (PARTS.slice(0, 3).every((p) => props[p] === previous[p])) return null;
  const here = locationProps();
  const pick = (p: string) => (props[p] === null || props[p] === undefined ? here[p] : String(props[p]));
  // The parts are pieces of this page's URL: set them on it, so that a pathname such as "javascript:..." or
  // "//elsewhere.example" stays a path of this origin (as Dash's window.location.pathname = ... does).
  const url = new URL(here.href);
  url.pathname = pick("pathname");
  url.search = pick("search");
  url.hash = pick("hash");
  return url.href;
}

export function Location({ props, setProps }: ComponentProps) {
  const previous = useRef(props);

  // Follow the URL: at mount, on back/forward, and on propwire's own navigation.
  useEffect(() => {
    const sync = () => {
      const changes = locationChanges(previous.current, locationProps());
      if (Object.keys(changes).length === 0) return;
      previous.current = { ...previous.current, ...changes };
      setProps(changes);
    };
    sync();
    window.addEventListener("popstate", sync);
    const stop = onNavigate(sync);
    return () => {
      window.removeEventListener("popstate", sync);
      stop();
    };
  }, [setProps]);

  // A callback set a part of the URL: go there.
  useEffect(() => {
    const url = targetUrl(props, previous.current);
    previous.current = props;
    if (url === null || url === locationProps().href) return;
    // As in Dash, refresh defaults to true: only false or "callback-nav" stay in the page.
    const stay = props.refresh === false || props.refresh === "callback-nav";
    if (stay && isSameOrigin(url)) navigate(url);
    else window.location.assign(url);
  }, [props]);

  return null;
}
