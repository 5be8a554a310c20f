"""What the verbs need to know of components: which kinds take which verb, options, numbers, text."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import orjson

from propwire.api.dependencies import id_string
from propwire.api.suggest import did_you_mean
from propwire.components.spec import Verb, declared, kinds_taking, verb_of
from propwire.testing.store import is_component
from propwire.testing.tab_clicks import is_tab


class ComponentNotFound(LookupError):
    """A verb or read named an id that is not in the page."""


class WrongComponent(TypeError):
    """A verb was used on a component that does not take it (typing into a Button)."""


class EventRejected(RuntimeError):
    """The server answered an event with a 4xx/5xx: the client or the server is wrong, not the app."""


class ClientsideUnsupported(RuntimeError):
    """A clientside callback would run: the headless client runs no JavaScript, so it stops here rather than show
    a page the browser would not (test such an app with `BrowserDriver`, docs/testing.md)."""


def clientside_unsupported(spec: dict[str, Any]) -> ClientsideUnsupported:
    where = f"window.dash_clientside.{spec['ns']}.{spec['fn']}" if spec["ns"] != "_propwire_inline" else "inline JS"
    return ClientsideUnsupported(
        f"clientside callback {spec['name']!r} ({where}) would run here, and the headless Client runs no JavaScript: "
        "test this step with propwire.testing.BrowserDriver (docs/testing.md, 'Clientside callbacks')")


NUMERIC_TYPES = ("number", "range")
SPACES = re.compile(r"\s+")
# The namespaces whose components the drivers mirror in code (their React files do more than their verbs say:
# debounce, Enter, navigation). Any other declared component gets the generic rule of its `_verbs`.
BUILTIN = ("html", "dcc")


def kind_of(comp: dict) -> str:
    """`namespace.Type`, e.g. `dcc.Input`."""
    return f"{comp['namespace']}.{comp['type']}"


def show_id(component_id: Any) -> str:
    return repr(component_id) if isinstance(component_id, str) else id_string(component_id)


def not_found(component_id: Any, ids: Iterable[str] = ()) -> ComponentNotFound:
    """The error for an id not in the page; `ids`, the page's ids, give a did-you-mean for a typo."""
    hint = did_you_mean(component_id, ids) if isinstance(component_id, str) else ""
    return ComponentNotFound(f"no component with id {show_id(component_id)} in the page{hint}")


def builtin(comp: dict) -> bool:
    """Whether the drivers mirror this component in code rather than by the generic rule of its verbs."""
    return comp["namespace"] in BUILTIN


def require(comp: dict, component_id: Any, verb: str, words: str = "") -> Verb:
    """What `verb` does to the component, by its declaration (its class's `_verbs`); WrongComponent when it does
    not take the verb. `words` says the verb in the message ("type into")."""
    kind = kind_of(comp)
    found = verb_of(kind, verb)
    if found is not None:
        return found
    wanted = " or ".join(kinds_taking(verb)) or "any declared component"
    article = "an" if kind[0] in "aehio" else "a"
    raise WrongComponent(f"cannot {words or verb} {show_id(component_id)}: it is {article} {kind}, not {wanted}")


# -- options (Checklist, RadioItems, Dropdown) ---------------------------------------------

def options_of(props: dict) -> list[dict[str, Any]]:
    """Options in their three accepted shapes as [{value, label, disabled}], in order."""
    raw = props.get("options")
    if isinstance(raw, dict):
        return [{"value": v, "label": label, "disabled": False} for v, label in raw.items()]
    out = []
    for item in raw or []:
        if isinstance(item, dict):
            out.append({"value": item.get("value"), "label": item.get("label", item.get("value")),
                        "disabled": bool(item.get("disabled"))})
        else:
            out.append({"value": item, "label": str(item), "disabled": False})
    return out


def option_index(props: dict, value: Any, component_id: Any) -> int:
    """The position of the option with this value; a clear error naming the values there are."""
    options = options_of(props)
    for i, option in enumerate(options):
        if option["value"] == value and type(option["value"]) is type(value):
            if option["disabled"] or props.get("disabled"):
                raise WrongComponent(f"option {value!r} of {show_id(component_id)} is disabled")
            return i
    values = ", ".join(repr(o["value"]) for o in options)
    raise ValueError(f"{show_id(component_id)} has no option {value!r}; its options are: {values}")


def toggled(props: dict, value: Any) -> list[Any]:
    """A checklist's value with `value` toggled: unchecked, it leaves the list; checked, it goes at the end (in the
    order the user checked them, as the renderer and Dash 4.4.1 do)."""
    current = props["value"] if isinstance(props.get("value"), list) else []
    return [v for v in current if v != value] if value in current else [*current, value]


# -- number inputs -------------------------------------------------------------------------

def _num(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def parse_number(text: str, props: dict, base: Any = None) -> int | float | None:
    """What a number field sends for `text`: a number, or None when empty, unparsable or invalid (min/max/step).

    As in the browser, steps count from `min`, else from the field's value attribute (`base`: React keeps it
    at the value the field had before the user started typing), else from 0; the default step is 1.
    """
    if text.strip() == "":
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    low, high = _num(props.get("min")), _num(props.get("max"))
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    step = props.get("step", 1)
    if step != "any" and _num(step):
        start = low if low is not None else (_num(base) or 0.0)
        ratio = (number - start) / float(step)
        if abs(ratio - round(ratio)) > 1e-9 * max(1.0, abs(ratio)):
            return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def same_value(a: Any, b: Any) -> bool:
    """None and unset are the same "no value"; 1 and 1.0 are the same number (as in JavaScript)."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


# -- text content --------------------------------------------------------------------------

def js_number(value: int | float) -> str:
    """A number as JavaScript's String() spells it."""
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e21):
        return str(int(value))
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if 1e-6 <= abs(value) < 1e21:
        return format(Decimal(repr(value)), "f")
    mantissa, _, exponent = repr(value).partition("e")
    return f"{mantissa}e{'+' if int(exponent) > 0 else '-'}{abs(int(exponent))}"


def norm(text: str) -> str:
    """Whitespace collapsed and trimmed, as the snapshot's `text` is."""
    return SPACES.sub(" ", text).strip()


def hidden(props: dict) -> bool:
    style = props["style"] if isinstance(props.get("style"), dict) else {}
    return bool(props.get("hidden")) or style.get("display") == "none" or style.get("visibility") == "hidden"


def text_of(value: Any) -> str:
    """The DOM's textContent of a rendered value: strings and numbers of the tree, concatenated."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, list):
        return "".join(text_of(v) for v in value)
    if is_component(value):
        return _component_text(value)
    return orjson.dumps(value).decode()


def _component_text(comp: dict) -> str:
    props = comp["props"]
    kind = kind_of(comp)
    if kind == "dcc.Markdown":
        children = props.get("children")
        return "\n".join(map(str, children)) if isinstance(children, list) else str(children or "")
    if kind in ("dcc.Checklist", "dcc.RadioItems"):
        return "".join(text_of(o["label"]) for o in options_of(props))
    if kind == "dcc.Dropdown":
        wanted = props.get("value") if props.get("multi") else [props.get("value")]
        chosen = [text_of(o["label"]) for o in options_of(props) if o["value"] in (wanted or [])]
        return "".join(chosen) if chosen else str(props.get("placeholder") or "")  # Dash 4.4.1: no default text
    if kind in ("dcc.Slider", "dcc.RangeSlider"):
        marks = props.get("marks") or {}
        ordered = sorted(marks.items(), key=lambda kv: float(kv[0]))
        return "".join(text_of(m.get("label") if isinstance(m, dict) else m) for _, m in ordered)
    if kind == "dcc.Tabs":  # the headers' labels, then the picked Tab's children
        tabs = tabs_of(props)
        picked = picked_tab(props, tabs)
        labels = "".join(text_of(tab["props"].get("label")) for tab in tabs)
        return labels + (text_of(picked["props"].get("children")) if picked is not None else "")
    if kind == "dcc.Loading":  # its children (hidden under a spinner, still in the DOM), then a custom spinner
        return text_of(props.get("children")) + element_text(comp)
    if comp["namespace"] == "dcc" and kind not in HOLDERS:
        return ""  # Input, Textarea, Store, Location, Interval, ConfirmDialog: no text of their own
    return text_of(props.get("children"))


# dcc components whose element holds their children as they are
HOLDERS = ("dcc.Link", "dcc.Button", "dcc.ConfirmDialogProvider", "dcc.Tooltip", "dcc.Tab")


def element_text(comp: dict) -> str:
    """The textContent of the element that carries the component's id: a Tabs' id is on its row of headers, a
    Tab's on its header, a Loading's on the spinner's box (Dash 4.4.1's DOM); any other: text_of."""
    props, kind = comp["props"], kind_of(comp)
    if kind == "dcc.Tabs":
        return "".join(text_of(tab["props"].get("label")) for tab in tabs_of(props))
    if kind == "dcc.Tab":
        return text_of(props.get("label"))
    if kind == "dcc.Loading":
        return text_of(props.get("custom_spinner")) if props.get("display") == "show" else ""
    return text_of(comp)


def tab_value(props: dict, index: int) -> str:
    """A Tab's value: its own, else "tab-<position from 1>" (renderer/src/components/tabs.tsx has the same rule)."""
    value = props.get("value")
    return str(value) if value else f"tab-{index + 1}"


def tabs_of(props: dict) -> list[dict]:
    """A Tabs' Tab components, in order."""
    children = props.get("children")
    return [c for c in (children if isinstance(children, list) else [children]) if isinstance(c, dict)
            and is_component(c)]


def picked_tab(props: dict, tabs: list[dict]) -> dict | None:
    """The Tab a Tabs shows: the one whose value is the Tabs' value (the first's, or "tab-1", when unset)."""
    value = props.get("value")
    if value is None:
        value = tab_value(tabs[0]["props"], 0) if tabs else "tab-1"
    return next((tab for i, tab in enumerate(tabs) if tab_value(tab["props"], i) == value), None)


# -- what each verb accepts (both drivers check the same way) ----------------------------------

def check_click(comp: dict, component_id: Any) -> None:
    if not is_tab(kind_of(comp)):  # a library tab counts nothing but picks itself (tab_clicks.py)
        require(comp, component_id, "click")
    # a disabled dcc.Tab is a plain <div>: the click lands (the html around it counts it) and picks nothing
    if comp["props"].get("disabled") and kind_of(comp) != "dcc.Tab":
        raise WrongComponent(f"cannot click {show_id(component_id)}: it is disabled")


def check_prop(comp: dict, component_id: Any, prop: str) -> None:
    """WrongComponent unless the component declares `prop` (what `Client.set_prop` may set)."""
    cls = declared(kind_of(comp))
    if cls is not None and not cls._allowed(prop):
        raise WrongComponent(f"{show_id(component_id)} is a {kind_of(comp)}, which has no prop {prop!r}"
                             f"{did_you_mean(prop, cls._props) or '.'} "
                             f"Allowed props: {', '.join(sorted(cls._props))}")


def check_type(comp: dict, component_id: Any, text: str, enter: bool) -> None:
    require(comp, component_id, "type", "type into")
    props = comp["props"]
    if props.get("disabled") or props.get("readOnly"):
        raise WrongComponent(f"cannot type into {show_id(component_id)}: it is disabled or read-only")
    if not builtin(comp):
        if enter:
            raise WrongComponent(f"cannot press Enter in {show_id(component_id)}: a {kind_of(comp)} declares no "
                                 "verb for it")
        return
    if enter and kind_of(comp) == "dcc.Textarea":
        raise WrongComponent(f"cannot press Enter in {show_id(component_id)}: a dcc.Textarea has no n_submit")


def field_holds(comp: dict, text: str) -> str:
    """The text a field holds after `text` is typed: a number field cannot hold what is no number ("abc"; the
    browser drops the keys), so it is left empty and sends None, as Dash 4.4.1's does in Chromium."""
    if comp["props"].get("type") in NUMERIC_TYPES and text.strip() and parse_number(text, {"step": "any"}) is None:
        return ""
    return text


def check_select(comp: dict, component_id: Any, value: Any) -> int | None:
    """The option's position for a single choice; None for a multi Dropdown's list or a clear."""
    require(comp, component_id, "select")
    props = comp["props"]
    if not builtin(comp):
        return None
    multi = kind_of(comp) == "dcc.Dropdown" and bool(props.get("multi"))
    if value is None and kind_of(comp) == "dcc.Dropdown":  # its clear x, single or multi (multi: value [])
        if props.get("clearable") is False:
            raise WrongComponent(f"{show_id(component_id)} cannot be cleared")
        return None
    if multi != isinstance(value, (list, tuple)):
        raise ValueError(f"{show_id(component_id)} takes " +
                         ("a list of values (a multi Dropdown)" if multi else "one value, not a list"))
    if multi:
        for v in value:
            option_index(props, v, component_id)
        return None
    if value is None:  # a Dropdown's clear is above: this is a RadioItems, which has none
        raise WrongComponent(f"{show_id(component_id)} cannot be cleared")
    return option_index(props, value, component_id)


def selected_value(comp: dict, value: Any) -> Any:
    """The value a select leaves: a list for a multi Dropdown's choices, and its clear x leaves `[]` (not None),
    as in Dash 4.4.1 and the renderer; otherwise the option's value, or None for a single Dropdown's clear."""
    if isinstance(value, (list, tuple)):
        return list(value)
    if value is None and comp["props"].get("multi"):
        return []
    return value


def check_check(comp: dict, component_id: Any, value: Any) -> int | None:
    """The option's position in a dcc.Checklist; None for a component checked by the generic rule."""
    require(comp, component_id, "check")
    return option_index(comp["props"], value, component_id) if builtin(comp) else None
