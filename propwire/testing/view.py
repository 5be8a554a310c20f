"""`Client.snapshot()`: what the page shows, per id'd element, in the shape the parity runner reads from Chromium.

This is the headless half of the two clients' conformance contract (tests/parity/README.md): for every step of
the parity corpus, the snapshot computed here from the headless client's store must equal the one the runner
reads from the DOM propwire's renderer draws. So the rules follow what the renderer puts in the DOM:

- one entry per component with an id that renders an element (not dcc.Store / Location / Interval /
  Download), keyed by the DOM id (a dict id as sorted compact JSON), skipped when it or an element around it is hidden
  (`hidden`, `style.display == "none"`, `style.visibility == "hidden"`);
- `text`: the text nodes under the element, a space at every element boundary, whitespace collapsed, trimmed.
  A Checklist / RadioItems shows its option labels, a Dropdown its chosen labels in value order (or its placeholder) and its "N selected" count, a
  Slider its marks' labels; inputs show no text;
- `value`: for dcc.Input / dcc.Textarea, the text in the field (what the user typed stays while the store holds
  what it means, as the renderer's local text does);
- `checked`: indexes of the checked options of a Checklist / RadioItems;
- `slider`: each handle's `aria-valuenow`.

A component library's component (dbc, Mantine, ...) is drawn by the library's own JavaScript, which this
cannot run: its entry holds the text of the components in its `children` and other node props (those are
drawn by propwire, each with its own entry), not the library's own chrome. The parity runner therefore
compares library components and what contains them only where this can know them (tests/parity/README.md).
"""

from __future__ import annotations

from typing import Any

from propwire.api.dependencies import id_string
from propwire.components.foreign import node_props
from propwire.testing.components import hidden, js_number, kind_of, norm, options_of, same_value
from propwire.testing.dates import shown
from propwire.testing.slider_marks import auto_marks, tooltip_texts, wants_auto_marks
from propwire.testing.store import is_component
from propwire.testing.view_layout import loading_text, tabs_text, tooltip_shown

NO_ELEMENT = ("dcc.Store", "dcc.Location", "dcc.Interval", "dcc.Download", "dcc.ConfirmDialog", "dcc.Geolocation")


def to_text(value: Any) -> str:
    """JavaScript's String(value) for what props hold (None shows as nothing)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return js_number(value)
    return str(value)


def _norm(text: str) -> str:
    return norm(text)


class _View:
    def __init__(self, shown: dict[str, str]):
        self.shown = shown  # id -> the text a dcc.Input's field shows
        self.out: dict[str, dict[str, Any]] = {}
        # Every checkbox / radio rendered so far, in page order: an element's `checked` counts those inside it,
        # as the browser snapshot does with querySelectorAll (a div around Checklists has one too).
        self.boxes: list[bool] = []

    def text(self, value: Any) -> str:
        """The raw text (boundary spaces included) of a rendered value; records id'd components on the way."""
        if value is None or isinstance(value, bool):
            return ""
        if isinstance(value, (str, int, float)):
            return to_text(value)
        if isinstance(value, list):
            return "".join(self.text(v) for v in value)
        if is_component(value):
            return self.component(value)
        return ""

    def component(self, comp: dict) -> str:
        props, kind = comp["props"], kind_of(comp)
        if kind in NO_ELEMENT or hidden(props):
            return ""
        if kind == "dcc.Tabs":
            return tabs_text(self, comp)
        if kind == "dcc.Loading":
            return loading_text(self, comp)
        if kind == "dcc.Tooltip" and not tooltip_shown(props):
            return ""
        if kind == "dcc.DatePickerRange" and props.get("start_date_id") not in (None, props.get("id")):
            return ""  # its start field takes start_date_id: no element carries the Range's id
        first = len(self.boxes)
        inner = self._inner(comp)
        own = props.get("id")
        if own is not None:
            key = id_string(own)
            if key not in self.out:
                entry: dict[str, Any] = {"text": _norm(inner)}
                entry.update(self._state(comp, key))
                inside = self.boxes[first:]
                if inside:
                    entry["checked"] = [i for i, on in enumerate(inside) if on]
                self.out[key] = entry
        return f" {inner} "

    def _inner(self, comp: dict) -> str:
        props, kind = comp["props"], kind_of(comp)
        if kind in ("dcc.Input", "dcc.Textarea", "dcc.DatePickerSingle", "dcc.DatePickerRange"):  # id on an <input>
            return ""
        if kind in ("dcc.Checklist", "dcc.RadioItems"):
            self.boxes += _checked_of(comp)
            return "".join(f" {self.text(o['label'])} " for o in options_of(props))
        if kind == "dcc.Dropdown":
            multi = bool(props.get("multi"))
            wanted = (props.get("value") or []) if multi else [props.get("value")]
            # In the value's order, as Dash 4.4.1 (and the renderer) list them; then the "N selected" count.
            options = options_of(props)
            chosen = [o for w in (wanted if isinstance(wanted, list) else []) for o in
                      [next((o for o in options if same_value(o["value"], w)), None)] if o is not None]
            count = selected_count(props.get("value"), props.get("labels"))
            tail = f" {count} " if count is not None else ""
            if not chosen:
                return f" {to_text(props.get('placeholder'))} " + tail  # Dash 4.4.1 shows no text by default
            return "".join(f" {self.text(o['label'])} " for o in chosen) + tail
        if kind in ("dcc.Slider", "dcc.RangeSlider"):
            low, high = _bounds(props)
            tips = tooltip_texts(kind, props, low, high)  # after the marks, as both DOMs have them
            if wants_auto_marks(props, low, high):  # Dash's own marks, for a slider of DEFAULT_WIDTH px
                return "".join(f" {label} " for _, label in auto_marks(low, high, props.get("step"))) + tips
            marks = props.get("marks") if isinstance(props.get("marks"), dict) else {}
            ordered = sorted(marks.items(), key=lambda kv: float(kv[0]))
            return "".join(f" {self.text(m.get('label') if isinstance(m, dict) else m)} " for _, m in ordered) + tips
        if kind == "dcc.Markdown":
            children = props.get("children")
            return "\n".join(map(str, children)) if isinstance(children, list) else to_text(children)
        nodes = node_props(comp["namespace"], comp["type"])
        if nodes:  # a library component: its JS draws it; the components in its node props are ours to see
            return "".join(self._deep_text(props.get(name)) if deep else self.text(props.get(name))
                           for name, deep in {"children": False, **nodes}.items())
        return self.text(props.get("children"))

    def _deep_text(self, value: Any) -> str:
        """The text of the components inside a deep node prop (`loaderProps.children`, `data[].label`)."""
        if isinstance(value, dict) and not is_component(value):
            return "".join(self._deep_text(v) for v in value.values())
        if isinstance(value, list):
            return "".join(self._deep_text(v) for v in value)
        return self.text(value)

    def _state(self, comp: dict, key: str) -> dict[str, Any]:
        props, kind = comp["props"], kind_of(comp)
        if kind == "dcc.Input":
            return {"value": self.shown[key] if key in self.shown else to_text(props.get("value"))}
        if kind == "dcc.Textarea":  # a Textarea whose value became None keeps its text (Dash 4.4.1)
            return {"value": self.shown[key] if key in self.shown else to_text(props.get("value"))}
        if kind == "dcc.DatePickerSingle":  # typed text is read on Enter: the field shows the date again
            return {"value": shown(props.get("date"), props.get("display_format"))}
        if kind == "dcc.DatePickerRange":  # the id is the start field's (a bothdates start held back: its text)
            return {"value": self.shown.get(key, shown(props.get("start_date"), props.get("display_format")))}
        if kind in ("dcc.Checklist", "dcc.RadioItems"):
            value = props.get("value")
            on = (lambda v: isinstance(value, list) and any(same_value(v, x) for x in value)) \
                if kind == "dcc.Checklist" else (lambda v: same_value(v, value))
            return {"checked": [i for i, o in enumerate(options_of(props)) if on(o["value"])]}
        if kind in ("dcc.Slider", "dcc.RangeSlider"):
            low, high = _bounds(props)
            value = props.get("value")
            if value is None:
                value = [low, high] if kind == "dcc.RangeSlider" else low
            values = value if isinstance(value, list) else [value]
            if key in self.shown:  # a number box left in drag mode: the handles show its snapped number
                return {"slider": self.shown[key].split(" ")}
            return {"slider": [to_text(v) for v in values]}
        return {}


def _bounds(props: dict) -> tuple[Any, Any]:
    """A slider's min and max: given, else its marks' range, else 0..100 (as the renderer's bounds())."""
    keys = [float(k) for k in (props.get("marks") or {}) if _is_number(k)]
    return props.get("min", min(keys) if keys else 0), props.get("max", max(keys) if keys else 100)


def selected_count(value: Any, labels: Any) -> str | None:
    """The "N selected" text a Dropdown shows beside two or more values (Dash 4.4.1: `labels.selected_count`,
    default "{num_selected} selected"), or None; renderer/src/components/options.ts has the same rule."""
    count = len(value) if isinstance(value, list) else (0 if value is None else 1)
    if count <= 1:
        return None
    template = labels.get("selected_count") if isinstance(labels, dict) and "selected_count" in labels \
        else "{num_selected} selected"
    return template.replace("{num_selected}", str(count), 1) if isinstance(template, str) else None


def _checked_of(comp: dict) -> list[bool]:
    """Whether each option's box of a Checklist / RadioItems is checked."""
    props, value = comp["props"], comp["props"].get("value")
    if kind_of(comp) == "dcc.Checklist":
        return [isinstance(value, list) and any(same_value(o["value"], x) for x in value) for o in options_of(props)]
    return [same_value(o["value"], value) for o in options_of(props)]


def _is_number(text: Any) -> bool:
    try:
        float(text)
        return True
    except (TypeError, ValueError):
        return False


def snapshot(root: Any, shown: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The snapshot of a layout tree (see the module's docstring); `shown` maps input ids to their field text."""
    view = _View(shown)
    view.text(root)
    return view.out
