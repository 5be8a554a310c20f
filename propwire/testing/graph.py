"""The page config's graph as the client uses it: triggers, read sets and writes, with pattern ids expanded."""

from __future__ import annotations

from typing import Any, Iterable

import orjson

from ..dependencies import split_key, wildcard_of
from .store import Store


def _parse(id_str: str) -> Any:
    return orjson.loads(id_str) if id_str.startswith("{") else id_str


def is_pattern(id_str: str) -> bool:
    """Whether an id string holds a wildcard (ALL, MATCH, ALLSMALLER)."""
    parsed = _parse(id_str)
    return isinstance(parsed, dict) and any(wildcard_of(v) for v in parsed.values())


def fits(pattern: Any, concrete: Any) -> bool:
    """Whether a concrete id may be named by a pattern id (every wildcard taken as ALL)."""
    if not isinstance(pattern, dict):
        return pattern == concrete
    if not isinstance(concrete, dict) or set(pattern) != set(concrete):
        return False
    return all(wildcard_of(want) is not None or want == concrete[k] for k, want in pattern.items())


class ClientGraph:
    """`config.graph` with indices resolved to prop keys."""

    def __init__(self, raw: dict[str, Any] | None):
        raw = raw or {}
        props: list[str] = raw.get("props", [])
        self.triggers: dict[str, list[int]] = {k: list(v) for k, v in raw.get("triggers", {}).items()}
        callbacks = raw.get("callbacks", [])
        self.reads = [[props[i] for i in cb.get("values", [])] for cb in callbacks]
        self.ids = [list(cb.get("ids", [])) for cb in callbacks]
        self.writes = [[props[i] for i in cb.get("writes", [])] for cb in callbacks]
        self.running = [cb.get("running", []) for cb in callbacks]
        self._patterns = [(_parse(split_key(k)[0]), split_key(k)[1], cbs) for k, cbs in self.triggers.items()
                          if is_pattern(split_key(k)[0])]

    def triggered_by(self, keys: Iterable[str]) -> list[int]:
        """The callbacks that have any of `keys` (concrete prop keys) as an Input, ascending."""
        found: set[int] = set()
        for key in keys:
            found.update(self.triggers.get(key, ()))
            if self._patterns and key.startswith("{"):
                id_str, prop = split_key(key)
                concrete = _parse(id_str)
                for pattern, want, cbs in self._patterns:
                    if want == prop and fits(pattern, concrete):
                        found.update(cbs)
        return sorted(found)

    def triggers_any(self, key: str) -> bool:
        return bool(self.triggered_by([key]))

    def expand(self, names: Iterable[str], store: Store, keys: bool) -> list[str]:
        """Prop keys (or ids) with pattern ids replaced by the present ids they name, in page order."""
        out: dict[str, None] = {}
        for name in names:
            id_str, prop = split_key(name) if keys else (name, "")
            if not is_pattern(id_str):
                out[name] = None
                continue
            pattern = _parse(id_str)
            for concrete in store.ids():
                if concrete.startswith("{") and fits(pattern, _parse(concrete)):
                    out[f"{concrete}.{prop}" if keys else concrete] = None
        return list(out)

    def build_event(self, store: Store, seq: int, changed: dict[str, Any], run: list[dict],
                    pending: list[str]) -> dict[str, Any]:
        """The event body: changed props, read-set values and presence of the callbacks they start."""
        from .store import UNSET

        cbs = set(self.triggered_by(changed)) | {entry["cb"] for entry in run}
        values: dict[str, Any] = {}
        present: dict[str, list[str]] = {}
        for cb in sorted(cbs):
            for key in self.expand(self.reads[cb], store, keys=True):
                value = store.value(key)
                if key not in values and value is not UNSET:
                    values[key] = value
            for id_str in self.expand(self.ids[cb], store, keys=False):
                entry = store.entry(id_str)
                if entry is not None and id_str not in present:
                    present[id_str] = list(entry.ancestry)
        body: dict[str, Any] = {"seq": seq, "changed": changed, "values": values, "present": present,
                                "pending": pending}
        if run:
            body["run"] = run
        return body

    def asked_writes(self, cbs: Iterable[int]) -> list[str]:
        """What these callbacks and their downstream may write: `pending` before a stream's plan arrives."""
        return sorted({k for cb in cbs for k in self.writes[cb]})
