"""What components do in the browser besides sending their props, mirrored for the headless Client.

Clicks bubble, inputs keep typed text until they send it, dcc.Location follows the URL, dcc.Store keeps
its data in local or session storage.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urljoin, urlsplit

import orjson

from propwire.components.spec import Verb, declared, verb_of
from propwire.core.json_values import same_json
from propwire.testing.components import NUMERIC_TYPES, kind_of, parse_number, same_value, text_of
from propwire.testing.dialogs import provider_around
from propwire.testing.runtime import Runtime
from propwire.testing.store import UNSET
from propwire.testing.tab_clicks import tab_change

LOCATION_PARTS = ("pathname", "search", "hash", "href")
# dcc components that count a click on anything inside them (their element's onClick hears it bubble)
BUBBLE_COUNTERS = ("dcc.Button",)


def now_ms() -> int:
    return int(time.time() * 1000)


def location_parts(url: str) -> dict[str, str]:
    """window.location's pathname, search, hash and href for a URL."""
    parts = urlsplit(url)
    return {"pathname": parts.path or "/", "search": f"?{parts.query}" if parts.query else "",
            "hash": f"#{parts.fragment}" if parts.fragment else "", "href": url}


# Schemes the renderer's dcc.Location never goes to: they run script, or open a document the app did not send.
_BLOCKED_SCHEMES = ("javascript:", "vbscript:", "data:")


def blocked_url(url: str) -> bool:
    """True when the renderer would refuse to navigate to `url` (browsers ignore controls and spaces in it)."""
    cleaned = "".join(c for c in url if c > " " and not "\x7f" <= c <= "\x9f").lower()
    return cleaned.startswith(_BLOCKED_SCHEMES)


STAMP_SUFFIX = "-timestamp"  # a stored store's modified_timestamp lives under its id + this (as in the renderer)


def read_stored(storage: dict[str, str], id_str: str) -> Any:
    """The JSON stored under `id_str`; UNSET when there is none or it is not JSON (storage another script, or an
    older version of the app, wrote), as the renderer's readStored reads it."""
    raw = storage.get(id_str)
    if raw is None:
        return UNSET
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return UNSET


class ComponentEffects:
    """The component behaviour part of the Client (it supplies url, storage, _typed, _reload, _rt_or_fail)."""

    url: str
    local_storage: dict[str, str]
    session_storage: dict[str, str]
    _typed: dict[str, str]
    _shown: dict[str, str]
    _reload: str | None
    _memory: dict[str, Any]  # memory stores' kept data, for the open page
    _kept_text: dict[str, str]

    def _rt_or_fail(self) -> Runtime:
        raise NotImplementedError

    def _downloaded(self, id_str: str, props: dict[str, Any]) -> None:
        raise NotImplementedError  # FileVerbs (files.py)

    def _count(self, id_str: str, prop: str) -> int:
        value = self._rt_or_fail().store.value(f"{id_str}.{prop}")
        return (value if isinstance(value, int) and not isinstance(value, bool) else 0) + 1

    def _click_changes(self, id_str: str) -> list[tuple[str, dict[str, Any]]]:
        """The click bubbles: the element and every id'd html element (or dcc.Button) around it count it."""
        store = self._rt_or_fail().store
        entry = store.entry(id_str)
        if entry is None:
            return []
        around = [slot.rpartition(".")[0] for slot in reversed(entry.ancestry)]
        changes = []
        for target in [id_str, *around]:
            found = store.entry(target)
            if found is None or found.comp["props"].get("disable_n_clicks"):
                continue
            provider = provider_around(store, target)
            if provider is not None:  # a ConfirmDialogProvider's child: the provider takes its click over
                changes.append((provider, {"displayed": True}))
                continue
            # the clicked component counts as its declaration says; the html elements around it hear the click bubble
            hears = target == id_str or found.comp["namespace"] == "html" or kind_of(found.comp) in BUBBLE_COUNTERS
            verb = verb_of(kind_of(found.comp), "click") if hears else None
            if verb is not None and verb.prop:
                change: dict[str, Any] = {verb.prop: self._count(target, verb.prop)}
                cls = declared(kind_of(found.comp))
                if verb.prop == "n_clicks" and (cls is None or cls._allowed("n_clicks_timestamp")):
                    change["n_clicks_timestamp"] = now_ms()  # not on a dcc.Clipboard, which has none
                changes.append((target, change))
        picked = tab_change(store, id_str)  # a library tab: its tab set's value (tab_clicks.py)
        return changes + ([picked] if picked is not None else [])

    def _generic_change(self, id_str: str, verb: Verb, value: Any) -> list[tuple[str, dict[str, Any]]]:
        """What a verb does to a component outside html/dcc, by the rule its declaration names."""
        if not verb.prop:
            return []
        if verb.how == "count":
            return [(id_str, {verb.prop: self._count(id_str, verb.prop)})]
        if verb.how == "toggle":
            entry = self._rt_or_fail().store.entry(id_str)
            current = entry.comp["props"].get(verb.prop) if entry is not None else None
            listed = current if isinstance(current, list) else []
            return [(id_str, {verb.prop: [v for v in listed if v != value] if value in listed else [*listed, value]})]
        return [(id_str, {verb.prop: value})]

    def _commit(self, id_str: str, text: str | None, extra: dict[str, Any]) -> None:
        """What dcc.Input sends: its text's value if that changed, with `extra` (n_submit, n_blur)."""
        store = self._rt_or_fail().store
        entry = store.entry(id_str)
        if entry is None:
            return
        props = entry.comp["props"]
        if text is None:
            text = self._typed.get(id_str, text_of(props.get("value")))
        self._typed.pop(id_str, None)
        current = props.get("value")
        value: Any = parse_number(text, props, current) if props.get("type") in NUMERIC_TYPES else text
        change = dict(extra) if same_value(value, current) else {"value": value, **extra}
        if change:
            self._rt_or_fail().user_change([(id_str, change)])

    def _go(self, url: str) -> None:
        """In-page navigation: the URL changes, every dcc.Location syncs to it (one user change)."""
        self.url = url
        self._sync_locations(None)

    def _sync_locations(self, only: set[str] | None) -> None:
        changes = self._location_changes(only)
        if changes:
            self._rt_or_fail().user_change(changes)

    def _location_changes(self, only: set[str] | None) -> list[tuple[str, dict[str, Any]]]:
        """What each dcc.Location (or those in `only`) must change to match the page's URL."""
        store = self._rt_or_fail().store
        current = location_parts(self.url)
        changes = []
        for id_str in store.ids():
            entry = store.entry(id_str)
            if entry is None or kind_of(entry.comp) != "dcc.Location" or (only is not None and id_str not in only):
                continue
            props = entry.comp["props"]
            diff = {p: current[p] for p in LOCATION_PARTS if not same_value(props.get(p) or None, current[p] or None)}
            if diff:
                changes.append((id_str, diff))
        return changes

    # -- dcc.Store: data kept in memory (per page) or in storage, stamped when it really changes -----------

    def _store_get(self, id_str: str, props: dict[str, Any]) -> Any:
        """The data a store keeps (UNSET when none), as the renderer's store reads its back end."""
        storage = self._storage(props)
        if storage is None:
            return self._memory.get(id_str, UNSET)
        return read_stored(storage, id_str)

    def _store_set(self, id_str: str, props: dict[str, Any], data: Any, stamp: int) -> None:
        storage = self._storage(props)
        if storage is None:
            if data is None:
                self._memory.pop(id_str, None)
            else:
                self._memory[id_str] = data
        elif data is None:
            storage.pop(id_str, None)
            storage.pop(id_str + STAMP_SUFFIX, None)
        else:
            storage[id_str] = orjson.dumps(data).decode()
            storage[id_str + STAMP_SUFFIX] = str(stamp)

    def _mounted(self, id_str: str, inserted: bool = False) -> None:
        """A component appeared (page load, or `inserted` by a callback): what it does as it mounts."""
        entry = self._rt_or_fail().store.entry(id_str)
        kind = kind_of(entry.comp) if entry is not None else None
        if kind == "dcc.Store":
            self._store_mounted(id_str)
        elif kind == "dcc.Location" and inserted:  # at load the page's URL was filled in already
            self._rt_or_fail().effects.append(lambda: self._sync_locations({id_str}))
        elif kind == "dcc.Textarea" and entry is not None and entry.comp["props"].get("value") is not None:
            self._kept_text[id_str] = text_of(entry.comp["props"]["value"])

    def _store_mounted(self, id_str: str) -> None:
        """A store appeared (page load or inserted): stored data wins; else the layout's data is kept."""
        rt = self._rt_or_fail()
        entry = rt.store.entry(id_str)
        if entry is None:
            return
        props = entry.comp["props"]
        old = self._store_get(id_str, props)
        if old is UNSET:
            if props.get("data") is None:
                return
            stamp = props.get("modified_timestamp")
            if not isinstance(stamp, int):
                stamp = now_ms()
                rt.effects.append(lambda: rt.user_change([(id_str, {"modified_timestamp": stamp})]))
            self._store_set(id_str, props, props["data"], stamp)
        elif not same_json(old, props.get("data")):
            change = {"data": old, "modified_timestamp": self._stored_stamp(id_str, props) or now_ms()}
            rt.effects.append(lambda: rt.user_change([(id_str, change)]))

    def _stored_stamp(self, id_str: str, props: dict[str, Any]) -> int | None:
        storage = self._storage(props)
        raw = storage.get(id_str + STAMP_SUFFIX) if storage is not None else None
        try:
            return int(float(raw)) if raw is not None else None
        except ValueError:
            return None

    def _store_value(self, id_str: str, props: dict[str, Any], prop: str) -> Any:
        """A store's value at load: stored data with its stamp; the layout's data (written at mount) stamped now;
        a local / session one with neither: None, stamped -1 (as Dash 4.4.1)."""
        storage = self._storage(props)
        stored = read_stored(storage, id_str) if storage is not None else UNSET
        if storage is not None and stored is UNSET and "data" not in props:
            # Nothing stored, no data in the layout: Dash 4.4.1's store mounts stamped -1.
            return -1 if prop == "modified_timestamp" else UNSET  # data stays unset, read as None
        if prop == "data":
            return stored
        if prop != "modified_timestamp":
            return UNSET
        if stored is not UNSET:
            return self._stored_stamp(id_str, props) or now_ms()
        return UNSET if props.get("data") is None else now_ms()

    def _browser_value(self, key: str) -> Any:
        """The browser's value for a prop the server could not know (stored data, the URL's hash and href)."""
        id_str, _, prop = key.rpartition(".")
        entry = self._rt_or_fail().store.entry(id_str)
        if entry is None or entry.comp["namespace"] != "dcc":
            return UNSET
        if entry.comp["type"] == "Location":
            return location_parts(self.url).get(prop, UNSET)
        if entry.comp["type"] == "Store":
            return self._store_value(id_str, entry.comp["props"], prop)
        return UNSET

    def _storage(self, props: dict[str, Any]) -> dict[str, str] | None:
        return {"local": self.local_storage, "session": self.session_storage}.get(props.get("storage_type", ""))

    def _after_set(self, id_str: str, prop: str, user: bool) -> None:
        """What components do after a change: inputs drop stale typed text, stores persist, locations move."""
        rt = self._rt_or_fail()
        for new in rt.store.inserted:
            self._shown.pop(new, None)  # a newly mounted field shows its value, as a new <input> does
            self._mounted(new, inserted=True)
        entry = rt.store.entry(id_str)
        if entry is None:
            return
        kind, props = kind_of(entry.comp), entry.comp["props"]
        if kind == "dcc.Textarea" and prop == "value":
            # Dash 4.4.1's Textarea keeps its text when its value becomes None; any other value replaces it
            if props.get("value") is not None:
                self._kept_text[id_str] = text_of(props["value"])
                self._shown.pop(id_str, None)
            elif not user and id_str in self._kept_text:
                self._shown[id_str] = self._kept_text[id_str]
        elif kind == "dcc.Input" and prop == "value" and not user:
            # A value from a callback replaces the field's text unless the text already means it (the renderer's
            # useLocalText): "1.0" typed into a number field stays while the server echoes 1.
            for held in (self._typed, self._shown):
                text = held.get(id_str)
                if text is None:
                    continue
                meaning = parse_number(text, props, props.get("value")) if props.get("type") in NUMERIC_TYPES else text
                if not same_value(props.get("value"), meaning):
                    del held[id_str]
        elif kind == "dcc.Store" and prop == "data":
            old = self._store_get(id_str, props)
            if same_json(None if old is UNSET else old, props.get("data")):
                return  # equal data written again is no change: no stamp (as Dash's store)
            stamp = now_ms()
            self._store_set(id_str, props, props.get("data"), stamp)
            rt.effects.append(lambda: rt.user_change([(id_str, {"modified_timestamp": stamp})]))
        elif kind == "dcc.Location" and prop in LOCATION_PARTS and not user:
            self._follow_location(props)
        elif kind == "dcc.Download" and prop == "data" and not user:
            self._downloaded(id_str, props)

    def _follow_location(self, props: dict[str, Any]) -> None:
        """A callback set a part of the URL: go there (in the page unless refresh asks for a load)."""
        here = location_parts(self.url)
        if props.get("href") and props["href"] != here["href"]:
            if blocked_url(str(props["href"])):
                return  # as the renderer: a script or data URL is refused (it logs a console error)
            target = urljoin(self.url, props["href"])
        else:
            pick = {p: here[p] if props.get(p) is None else str(props[p]) for p in ("pathname", "search", "hash")}
            search = pick["search"] if not pick["search"] or pick["search"].startswith("?") else "?" + pick["search"]
            frag = pick["hash"] if not pick["hash"] or pick["hash"].startswith("#") else "#" + pick["hash"]
            # The parts are set on this page's URL, so a pathname like "//elsewhere" stays on this origin.
            path = pick["pathname"] if pick["pathname"].startswith("/") else "/" + pick["pathname"]
            origin = urlsplit(self.url)
            target = f"{origin.scheme}://{origin.netloc}{path}{search}{frag}"
        if target == self.url:
            return
        if props.get("refresh") in (False, "callback-nav"):
            self._rt_or_fail().effects.append(lambda: self._go(target))
        else:
            self._reload = target
