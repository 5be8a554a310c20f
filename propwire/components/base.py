"""The Component base class: declared props, validated when set, serialized as JSON."""

from __future__ import annotations

import copy
import numbers
import random
import uuid
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from propwire.api.suggest import did_you_mean
from propwire.components.spec import Bundle, Verb, register

# A prop type is a predicate with a name used in error messages.
Check = Callable[[Any], bool]


class PropType:
    """A named predicate; the name appears in the error for a wrong value. `hint` is the same type as a Python
    annotation (text, as it is written into the generated component signatures, docs/components.md "Typed
    signatures"): what a type checker and an IDE are told the prop takes. It may name `Any`, `Literal`,
    `Sequence`, `Mapping` and the aliases of propwire.components.hints; a PropType without one is `Any`.

    Example: ``PropType("an even integer", lambda v: isinstance(v, int) and v % 2 == 0, hint="int")``
    """

    def __init__(self, name: str, check: Check, hint: str = "Any"):
        self.name = name
        self.check = check
        self._hint = hint
        self._members: tuple[PropType, ...] = ()

    @property
    def hint(self) -> str:
        # A union's is written when first read (by the signature generators), not as the classes are defined.
        if self._members:
            self._hint, self._members = union_hint(*(m.hint for m in self._members)), ()
        return self._hint

    def __repr__(self) -> str:
        return self.name

    def __or__(self, other: PropType) -> PropType:
        union = PropType(f"{self.name} or {other.name}", lambda v: self.check(v) or other.check(v))
        union._members = (self, other)
        return union


def _top_level_parts(hint: str) -> list[str]:
    """The members of a union written as text, split at the `|` outside brackets: "int | Sequence[int | str]"
    is two members, not three."""
    parts, depth, start, quote = [], 0, 0, ""
    for i, char in enumerate(hint):
        if quote:  # inside a Literal's string: brackets and bars there are text
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(hint[start:i].strip())
            start = i + 1
    return [*parts, hint[start:].strip()]


def union_hint(*hints: str) -> str:
    """The annotation of a value of any of `hints`: their members once each, in order; `Any` absorbs the rest.

    Example: ``union_hint("str", "int | float", "str") == "str | int | float"``
    """
    members = list(dict.fromkeys(m for hint in hints for m in _top_level_parts(hint)))
    return "Any" if "Any" in members else " | ".join(members)


def _is_number(v: Any) -> bool:
    return isinstance(v, numbers.Number) and not isinstance(v, bool)


def _is_array(v: Any) -> bool:
    """A numpy array or scalar, or a pandas Series or Index: Dash takes them wherever it takes a list or a number
    (its JSON encoder calls `tolist`), so propwire's props take them too, as their plain-Python lists."""
    return type(v).__module__.partition(".")[0] in ("numpy", "pandas") and callable(getattr(v, "tolist", None))


def _is_node(v: Any) -> bool:
    if v is None or isinstance(v, (str, Component)) or _is_number(v):
        return True
    if isinstance(v, (list, tuple)):
        return all(_is_node(x) for x in v)
    # The JSON form of a component, as callbacks receive it for `children` inputs.
    return isinstance(v, dict) and "type" in v and "props" in v


def _is_id(v: Any) -> bool:
    if isinstance(v, str):
        return "." not in v and v != ""
    return isinstance(v, dict) and bool(v) and all(isinstance(k, str) for k in v)


ANY = PropType("any value", lambda v: True)
STRING = PropType("a string", lambda v: isinstance(v, str), "str")
NUMBER = PropType("a number", _is_number, "int | float")
INTEGER = PropType("an integer", lambda v: isinstance(v, numbers.Integral) and not isinstance(v, bool), "int")
BOOL = PropType("a boolean", lambda v: isinstance(v, bool), "bool")
DICT = PropType("a dict", lambda v: isinstance(v, dict), "dict[str, Any]")
LIST = PropType("a list", lambda v: isinstance(v, (list, tuple)), "list[Any] | tuple[Any, ...]")
# `Children` is Dash's children type (propwire.components.hints), which a Dash library's components also match.
NODE = PropType("a string, number, component or a list of them", _is_node, "Children")
ID = PropType("a non-empty string without '.', or a dict", _is_id, "str | dict[str, Any]")


def enum(*values: Any) -> PropType:
    """A prop that takes one of a fixed set of values; typed as the `Literal` of them.

    Example: ``enum("memory", "local", "session")``
    """
    literal = all(v is None or isinstance(v, (str, int, bool)) for v in values)
    hint = f"Literal[{', '.join(repr(v) for v in values)}]" if literal and values else "Any"
    return PropType("one of " + ", ".join(repr(v) for v in values), lambda v: v in values, hint)


def list_of(item: PropType) -> PropType:
    """A list whose every item passes `item`; typed as a `Sequence` of it (a list[int] is then a list of numbers).

    Example: ``list_of(NUMBER)`` for a RangeSlider's value.
    """
    return PropType(f"a list of {item.name}", lambda v: isinstance(v, (list, tuple)) and all(item.check(x) for x in v),
                    f"Sequence[{item.hint}]")


class PropError(TypeError):
    """A component was given a prop it does not declare, or a value of the wrong type."""


def _same(value: Any) -> Any:
    return value


# Turns the components of Dash component libraries inside a node value into propwire components; set by
# propwire.components.foreign when it is imported (it builds on this module, so it registers itself here).
_adopt: Callable[[Any], Any] = _same


def set_adopter(adopt: Callable[[Any], Any]) -> None:
    """Install the function that adopts library components in node props (propwire.components.foreign).

    Example: ``set_adopter(foreign.adopt)``, done once as propwire.components.foreign is imported.
    """
    global _adopt
    _adopt = adopt


# Auto-generated ids: seeded, so every worker that builds the same layout in the same order makes the same ids;
# not with Dash's seed, whose generator gives a Dash library component its id in the same process.
_AUTO_IDS = random.Random("propwire auto ids")


class Component:
    """Base of every component. A subclass is the component's whole declaration (docs/components.md): `_namespace`
    and `_type`, `_props` (name -> PropType), `_positional`, `_defaults`, `_client_props`, `_verbs` (user verb ->
    the prop it changes), `_follows` (props that follow another: core/follows.py) and `_bundle` (where the renderer
    finds its React code). Defining the class records it (propwire.components.spec), so the headless client, the
    browser driver and the page read the same facts.

    Example::

        class Counter(Component):
            _namespace, _type = "toy", "Counter"
            _props = {"id": ID, "clicks": INTEGER}
            _verbs = {"click": Verb("clicks", "count")}
            _bundle = Bundle(script="/assets/toy.js")
    """

    _namespace: ClassVar[str] = ""
    _type: ClassVar[str] = ""
    _props: ClassVar[dict[str, PropType]] = {}
    _positional: ClassVar[tuple[str, ...]] = ("children",)
    # Prefixes of free-form attributes, e.g. data-* and aria-* on html elements.
    _wildcards: ClassVar[tuple[str, ...]] = ()
    # Values set at construction for props not given, so callbacks see them (copied per instance).
    _defaults: ClassVar[dict[str, Any]] = {}
    # Props whose value the browser owns at page load (see client_owned_props).
    _client_props: ClassVar[frozenset[str]] = frozenset()
    # The user verbs the component takes (click, type, select, check, blur) and the prop each changes.
    _verbs: ClassVar[dict[str, Verb]] = {}
    # Where the renderer finds the React component; None: the renderer knows the namespace itself (html).
    _bundle: ClassVar[Bundle | None] = None
    # Props that follow another in the same step when a callback writes it (a slider's drag_value its value):
    # leader prop -> follower props (propwire.components.spec.follow_rules, docs/semantics.md).
    _follows: ClassVar[dict[str, tuple[str, ...]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_type" in cls.__dict__ and cls._namespace and cls._type:
            register(cls)

    def __init__(self, *args: Any, **props: Any):
        if len(args) > len(self._positional):
            if not self._positional:
                raise PropError(f"{self._name()} takes no positional arguments, got {len(args)}")
            raise PropError(
                f"{self._name()} takes at most {len(self._positional)} positional "
                f"argument(s) ({', '.join(self._positional)}), got {len(args)}"
            )
        object.__setattr__(self, "_values", {})
        for name, value in zip(self._positional, args):
            if value is None and not self._allowed(name):
                continue  # Dash's order names every prop, some propwire's component lacks (children of <br>): unset
            if name in props:
                raise PropError(f"{self._name()} got prop '{name}' both by position and by name")
            props[name] = value
        # The id goes first so that errors about the other props can name it.
        if "id" in props:
            self._set("id", props.pop("id"))
        for name, value in props.items():
            self._set(name, value)
        for name, value in self._defaults.items():
            if name not in self._values:
                self._set(name, copy.deepcopy(value))
        self._check()

    @classmethod
    def _name(cls) -> str:
        return f"{cls._namespace}.{cls._type}"

    @classmethod
    def _allowed(cls, name: str) -> bool:
        return name in cls._props or any(name.startswith(w) for w in cls._wildcards)

    def _set(self, name: str, value: Any) -> None:
        if not self._allowed(name):
            allowed = ", ".join(sorted(self._props))
            raise PropError(f"{self._name()} has no prop '{name}'{did_you_mean(name, self._props) or '.'} "
                            f"Allowed props: {allowed}")
        kind = self._props.get(name, ANY)
        if kind is not ANY and _is_array(value):
            value = value.tolist()  # as Dash's JSON encoder sends it: options, marks' values, a multi value
        if kind is NODE and value is not None:
            value = _adopt(value)
        if value is not None and not kind.check(value):
            raise PropError(
                f"{self._name()}{self._where()}: prop '{name}' must be {kind.name}, "
                f"got {type(value).__name__} {value!r:.80}"
            )
        if isinstance(value, tuple):
            value = list(value)
        self._values[name] = value

    def _check(self) -> None:
        """Cross-prop checks (e.g. min <= max); raise PropError. Runs after construction and each assignment."""

    def _where(self) -> str:
        return f" (id={self._values['id']!r})" if "id" in self._values else ""

    def client_owned_props(self) -> frozenset[str]:
        """Props the server cannot know at page load (the browser fills them); empty for most components."""
        return self._client_props

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._allowed(name):
            return self._values.get(name)
        raise AttributeError(f"{self._name()} has no prop '{name}'")

    def __setattr__(self, name: str, value: Any) -> None:
        missing = object()
        old = self._values.get(name, missing)
        self._set(name, value)
        try:
            self._check()
        except PropError:
            if old is missing:
                self._values.pop(name, None)
            else:
                self._values[name] = old
            raise

    def __delattr__(self, name: str) -> None:
        self._values.pop(name, None)

    def _set_random_id(self) -> Any:
        """Its id, given one first if it has none (`Input(button, "n_clicks")` with a component object, as in Dash).
        The ids come from a generator seeded alike in every process, so workers that build the layout in the same
        order agree on them."""
        if self._values.get("id") is not None:
            return self._values["id"]
        self.id = str(uuid.UUID(int=_AUTO_IDS.getrandbits(128)))
        return self.id

    def to_plotly_json(self) -> dict[str, Any]:
        """The JSON form the renderer and callbacks see: type, namespace and the props that are set."""
        return {"type": self._type, "namespace": self._namespace, "props": dict(self._values)}

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self._values.items())
        return f"{self._type}({inner})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._values == self._values

    __hash__ = None  # type: ignore[assignment]

    def _traverse(self) -> Iterator[Component]:
        """Every component below this one (not itself), depth first."""
        for value in self._values.values():
            yield from _components_in(value)


def _components_in(value: Any) -> Iterator[Component]:
    if isinstance(value, Component):
        yield value
        yield from value._traverse()
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _components_in(item)
