"""What the runner compares: a snapshot of the page (per id'd component) and the call log, and their diff.

Snapshot shape, the same for Dash, propwire in Chromium and propwire's headless client:

    {id: {"text": str, "value"?: str, "checked"?: [int, ...], "slider"?: [str, ...]}}

- `id` is the component's id as the DOM writes it; a dict id is parsed and re-dumped with sorted keys and no
  spaces, so both frameworks' forms compare.
- Only ids of the app's components count (those in the framework's own layout store), not ids a component
  uses inside itself (Dash's `dd-value`, react-select's live regions).
- `text` is the visible text under the element: text nodes of visible elements (script, style and textarea
  contents left out), a space at every element boundary, whitespace runs collapsed, trimmed. Element
  boundaries count as spaces so that block-versus-inline layout (Dash 4's flex option lists against
  propwire's labels) does not make "A B" differ from "AB". Component chrome that is not content is left out:
  Dash 4's number-input steppers ("−", "+"), screen-reader-only live regions, and AG Grid's and DataTable's
  own DOM (their checkboxes too).
- `value` for input / textarea / select elements (the string the field shows); `checked` lists the indexes of
  the checked boxes / radios inside the element; `slider` the `aria-valuenow` of every slider thumb inside.
"""

from __future__ import annotations

import json
from typing import Any

Snapshot = dict[str, dict[str, Any]]
CallLog = dict[str, list[Any]]

# AG Grid's own DOM (.ag-root-wrapper: headers, drawn rows, checkboxes) is chrome too: which rows are drawn depends
# on the viewport, and the headless client cannot draw it; apps show a grid's state through callbacks instead.
# DataTable's own DOM (everything inside .dash-table-container: cells, headers, page buttons, select boxes) likewise.
CHROME = ".dash-input-stepper, [aria-live], [class*='a11yText'], .ag-root-wrapper, .dash-table-container > *"

# Dash keeps its layout in window.store (redux); propwire in window.propwire.runtime.store.
_IDS = {
    "dash": """() => {
      const st = window.store && window.store.getState();
      if (!st || st.appLifecycle !== 'HYDRATED' || !st.layout) return null;
      const ids = [];
      const walk = v => {
        if (Array.isArray(v)) { v.forEach(walk); return; }
        if (!v || typeof v !== 'object') return;
        if (v.props && typeof v.type === 'string' && v.props.id !== undefined && v.props.id !== null) ids.push(v.props.id);
        Object.values(v).forEach(walk);
      };
      walk(st.layout);
      return ids;
    }""",
    "propwire": """() => {
      const rt = window.propwire && window.propwire.runtime;
      return rt ? Array.from(rt.store.ids()) : null;
    }""",
}
ROOT = {"dash": "react-entry-point", "propwire": "_pw-root"}

_SNAPSHOT = """([ids, rootId, chrome]) => {
  const sortKeys = v => Array.isArray(v) ? v.map(sortKeys) : (v && typeof v === 'object')
    ? Object.fromEntries(Object.keys(v).sort().map(k => [k, sortKeys(v[k])])) : v;
  const norm = id => {
    if (typeof id !== 'string') return JSON.stringify(sortKeys(id));
    if (id.startsWith('{')) { try { return JSON.stringify(sortKeys(JSON.parse(id))); } catch (e) {} }
    return id;
  };
  const want = new Set(ids.map(norm));
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA']);
  const visible = e => !e.checkVisibility || e.checkVisibility({visibilityProperty: true});
  const text = node => {
    let s = '';
    for (const c of node.childNodes) {
      if (c.nodeType === 3) s += c.data;
      else if (c.nodeType === 1 && !SKIP.has(c.tagName) && !c.matches(chrome) && visible(c)) s += ' ' + text(c) + ' ';
    }
    return s;
  };
  const out = {};
  const root = document.getElementById(rootId);
  if (!root) return out;
  for (const el of root.querySelectorAll('[id]')) {
    const key = norm(el.id);
    if (!want.has(key) || key in out || !visible(el)) continue;
    const d = {text: SKIP.has(el.tagName) ? '' : text(el).replace(/\\s+/g, ' ').trim()};
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) {
      if (el.type === 'checkbox' || el.type === 'radio') d.checked = el.checked ? [0] : [];
      else d.value = el.value;
    }
    const boxes = Array.from(el.querySelectorAll('input[type=checkbox], input[type=radio]'))
      .filter(b => !b.closest(chrome));
    if (boxes.length) d.checked = boxes.map((b, i) => b.checked ? i : -1).filter(i => i >= 0);
    const thumbs = Array.from(el.querySelectorAll('[role=slider]'));
    if (thumbs.length) d.slider = thumbs.map(t => t.getAttribute('aria-valuenow'));
    out[key] = d;
  }
  return out;
}"""


def probe(framework: str, idle_js: str) -> str:
    """One script for a poll of quiet: null while the framework is busy or has no layout yet, else the snapshot.

    One evaluate per poll instead of three keeps the poll cheap on a loaded machine."""
    return f"""() => {{
      if (!({idle_js})()) return null;
      const ids = ({_IDS[framework]})();
      if (ids === null) return null;
      return ({_SNAPSHOT})([ids, {json.dumps(ROOT[framework])}, {json.dumps(CHROME)}]);
    }}"""


def call_log(lines: list[str]) -> CallLog:
    """The log file's lines as {callback name: [args, ...]} in call order per name."""
    log: CallLog = {}
    for line in lines:
        name, args = json.loads(line)
        log.setdefault(name, []).append(args)
    return log


def diff(left: dict[str, Any], right: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """The keys whose entries differ, with both sides' entries (`<absent>` where a side lacks the key)."""
    missing = "<absent>"
    keys = list(left) + [k for k in right if k not in left]
    return [(k, left.get(k, missing), right.get(k, missing)) for k in keys if left.get(k, missing) != right.get(k, missing)]
