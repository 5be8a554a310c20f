"""Input, Output and State: the props a callback reads and writes."""

from __future__ import annotations

from typing import Any

import orjson

from propwire.api.exceptions import IncorrectTypeException, InvalidComponentIdError


class _Wildcard:
    """ALL, MATCH and ALLSMALLER: placeholders in pattern-matching dict ids."""

    def __init__(self, name: str, doc: str):
        self._name = name
        self.__doc__ = doc  # each wildcard documents itself (help(ALL), docs/reference.md)

    def __repr__(self) -> str:
        return self._name

    def to_json(self) -> list[str]:
        return [self._name]


ALL = _Wildcard("ALL", """In a dict id, matches every value of that key: the callback gets a list, one item per component.
    Use it for "all the rows", however many a callback has added.

    >>> from propwire import ALL, Input
    >>> Input({"type": "qty", "index": ALL}, "value")
    Input({'type': 'qty', 'index': ALL}, 'value')
    """)
MATCH = _Wildcard("MATCH", """In a dict id, matches one value at a time: the callback runs once per component, for that one.
    Use it for "this row's button updates this row's label"; Outputs and Inputs with MATCH on the same key
    pair up by its value.

    >>> from propwire import MATCH, Input, Output
    >>> Output({"type": "label", "row": MATCH}, "children"), Input({"type": "edit", "row": MATCH}, "value")
    (Output({'type': 'label', 'row': MATCH}, 'children'), Input({'type': 'edit', 'row': MATCH}, 'value'))
    """)
ALLSMALLER = _Wildcard("ALLSMALLER", """In an Input's or State's dict id, matches the values smaller than the MATCH one of that key.
    Use it for running totals: row 3's total reads rows 0 to 2.

    >>> from propwire import ALLSMALLER, MATCH, Input, Output
    >>> Output({"row": MATCH}, "children"), Input({"row": ALLSMALLER}, "value")
    (Output({'row': MATCH}, 'children'), Input({'row': ALLSMALLER}, 'value'))
    """)


class _NoUpdate:
    """Returned in place of a value to leave that output as it is (the others of the call still change).

    Unlike raising PreventUpdate, which cancels every output of the call. Example:
    docs/examples/propwire.no_update.py.
    """

    _instance: _NoUpdate | None = None

    def __new__(cls) -> _NoUpdate:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "no_update"

    def to_plotly_json(self) -> dict[str, Any]:
        return {"_dash_no_update": "_dash_no_update"}


no_update = _NoUpdate()
NoUpdate = _NoUpdate


def id_string(component_id: Any) -> str:
    """The id as it appears in prop keys: as is for a string, sorted compact JSON for a dict."""
    if isinstance(component_id, str):
        return component_id
    if isinstance(component_id, dict):
        return orjson.dumps(
            {k: (v.to_json() if isinstance(v, _Wildcard) else v) for k, v in component_id.items()},
            option=orjson.OPT_SORT_KEYS,
        ).decode()
    raise TypeError(f"a component id must be a string or a dict, got {type(component_id).__name__}")


def split_key(key: str) -> tuple[str, str]:
    """The id string and the prop of a prop key."""
    id_str, _, prop = key.rpartition(".")
    return id_str, prop


class DashDependency:
    """One component prop named in a callback's signature: the base of Input, Output and State.

    Parameters:
        component_id: a string id, a dict id (pattern-matching: ALL / MATCH / ALLSMALLER values), or a component.
        component_property: the prop's name, e.g. "value" or "children".

    Raises:
        IncorrectTypeException: an id that is neither a non-empty string nor a dict of allowed values.
        InvalidComponentIdError: a string id with a "." or "{" in it.

    >>> from propwire.dependencies import Input
    >>> Input("city", "value").key
    'city.value'
    """

    kind = "dependency"

    def __init__(self, component_id: Any, component_property: str):
        if hasattr(component_id, "to_plotly_json") and not isinstance(component_id, (str, dict)):
            # a component object stands for its id, given one first if it has none (as in Dash)
            give = getattr(component_id, "_set_random_id", None)
            component_id = give() if callable(give) else component_id.id
        if not isinstance(component_id, (str, dict)) or component_id in ("", {}):
            raise IncorrectTypeException(
                f"{type(self).__name__}: component_id must be a non-empty string or dict, got {component_id!r}")
        if isinstance(component_id, str) and ("." in component_id or "{" in component_id):
            raise InvalidComponentIdError(
                f"{type(self).__name__}: component id {component_id!r} must not contain '.' or '{{'")
        if isinstance(component_id, dict):
            _check_dict_id(type(self).__name__, component_id)
        if not isinstance(component_property, str) or not component_property or "." in component_property:
            raise ValueError(f"{type(self).__name__}({component_id!r}, ...): bad property name {component_property!r}")
        self.component_id = component_id
        self.component_property = component_property
        # Fixed once made; the engine reads them for every call.
        self.id_str = id_string(component_id)
        self.key = f"{self.id_str}.{component_property}"
        self._wildcard = isinstance(component_id, dict) and any(isinstance(v, _Wildcard) for v in component_id.values())

    def has_wildcard(self) -> bool:
        """Whether the id holds ALL, MATCH or ALLSMALLER: such a dependency names many components.
        >>> from propwire import ALL, Input
        >>> Input({"row": ALL}, "value").has_wildcard(), Input("a", "value").has_wildcard()
        (True, False)
        """
        return self._wildcard

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.component_id!r}, {self.component_property!r})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.key == self.key

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.key))

    def to_dict(self) -> dict[str, Any]:
        """The {id, property} record Dash gives a dependency (as ctx's *_list entries have it).
        >>> from propwire import Output
        >>> Output("out", "children").to_dict()
        {'id': 'out', 'property': 'children'}
        """
        return {"id": self.component_id, "property": self.component_property}


class Output(DashDependency):
    """A prop the callback writes: the callback's return value becomes its new value.

    Parameters:
        component_id: the component's id (a string, or a dict for pattern-matching).
        component_property: the prop to write.
        allow_duplicate: let several callbacks write this prop (each writer needs it, as in Dash).

    >>> from propwire import Output
    >>> Output("total", "children"), Output("total", "style", allow_duplicate=True).allow_duplicate
    (Output('total', 'children'), True)
    """

    kind = "output"

    def __init__(self, component_id: Any, component_property: str, allow_duplicate: bool = False):
        super().__init__(component_id, component_property)
        self.allow_duplicate = allow_duplicate


class Input(DashDependency):
    """A prop the callback reads; a change to it (a click, a keystroke, another callback's output) runs it.

    Parameters:
        component_id: the component's id (a string, or a dict for pattern-matching).
        component_property: the prop to read, e.g. "value" or "n_clicks".
        allow_optional: the component may be absent; the callback then gets None for it instead of not running
            (and start-up does not warn about its id).

    >>> from propwire import Input
    >>> Input("city", "value"), Input("extra", "value", allow_optional=True).allow_optional
    (Input('city', 'value'), True)
    """

    kind = "input"

    def __init__(self, component_id: Any, component_property: str, allow_optional: bool = False):
        super().__init__(component_id, component_property)
        self.allow_optional = bool(allow_optional)


class State(DashDependency):
    """A prop the callback reads without being run by its changes: a form's fields, read when "Submit" is clicked.

    Parameters:
        component_id: the component's id (a string, or a dict for pattern-matching).
        component_property: the prop to read.
        allow_optional: as for Input: an absent component gives None.

    >>> from propwire import State
    >>> State("name", "value")
    State('name', 'value')
    """

    kind = "state"

    def __init__(self, component_id: Any, component_property: str, allow_optional: bool = False):
        super().__init__(component_id, component_property)
        self.allow_optional = bool(allow_optional)


def _check_dict_id(kind: str, component_id: dict) -> None:
    """Dash's rules for dict ids: non-empty string keys; values wildcards, strings, numbers or booleans."""
    for key, value in component_id.items():
        if not isinstance(key, str) or not key:
            raise IncorrectTypeException(f"{kind}: dict id keys must be non-empty strings, got {key!r} in {component_id!r}")
        if not isinstance(value, (_Wildcard, str, int, float, bool)):
            raise IncorrectTypeException(
                f"{kind}: dict id values must be wildcards, strings, numbers or booleans, got {value!r} for key "
                f"{key!r} in {component_id!r}")


def parse_id(id_str: str) -> Any:
    """The id a prop key names: a dict for a pattern-matching id, else the string itself."""
    return orjson.loads(id_str) if id_str.startswith("{") else id_str


# A concrete dict id's values: what Dash allows (numbers from JSON are finite: orjson refuses NaN and infinity).
_ID_VALUE_TYPES = (str, int, float, bool)


def concrete_id(id_str: str) -> Any:
    """The id a client's prop key or presence entry names, checked: a string, or a JSON object with non-empty
    string keys and string, number or boolean values (never a wildcard, list, object or null).

    Raises ValueError with a message saying what is wrong (its text quotes at most 80 characters of the id).

    >>> concrete_id('{"i":1,"type":"row"}')
    {'i': 1, 'type': 'row'}
    """
    if not id_str.startswith("{"):
        return id_str
    try:
        parsed = orjson.loads(id_str)
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"the id {shown(id_str)} is not valid JSON ({exc})") from None
    if not isinstance(parsed, dict) or not parsed:
        raise ValueError(f"the id {shown(id_str)} is not a non-empty JSON object")
    for key, value in parsed.items():
        if not key or not isinstance(value, _ID_VALUE_TYPES):
            raise ValueError(f"the id {shown(id_str)} has a bad entry {shown(key)}: keys must be non-empty and "
                             f"values strings, numbers or booleans")
    return parsed


def shown(text: Any, limit: int = 80) -> str:
    """A client's string for an error message: quoted, cut to `limit` characters (a key may be a megabyte)."""
    text = str(text)
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"... ({len(text)} characters)"


Binding = tuple  # ((key, value), ...): the MATCH values one instance of a pattern callback is bound to


class _Bool:
    """A boolean id value as a hashable key that never equals 1 or 0: ids {"i": True} and {"i": 1} are two
    components (JavaScript's `===` tells them apart), while Python's True == 1 would merge them."""

    __slots__ = ("value",)

    def __init__(self, value: bool):
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Bool) and other.value is self.value

    def __hash__(self) -> int:
        return hash((_Bool, self.value))

    def __repr__(self) -> str:
        return repr(self.value)


def value_key(value: Any) -> Any:
    """An id value as a dict key or binding value: booleans kept apart from numbers."""
    return _Bool(value) if isinstance(value, bool) else value


def _plain_value(value: Any) -> Any:
    return value.value if isinstance(value, _Bool) else value


def id_pairs(concrete: dict) -> tuple:
    """A concrete dict id as sorted (key, value_key) pairs: what exact_id gives for the patterns it fits."""
    return tuple(sorted((k, value_key(v)) for k, v in concrete.items()))


def same_value(a: Any, b: Any) -> bool:
    """Id values compared as the browser compares them: True is not 1."""
    a, b = _plain_value(a), _plain_value(b)
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b)


def binding_sort_key(instance: tuple) -> tuple:
    """An order for (callback index, binding) pairs whose MATCH values mix types (1 and "x")."""
    index, binding = instance
    return index, orjson.dumps([[k, _plain_value(v)] for k, v in binding])


def wildcard_of(value: Any) -> _Wildcard | None:
    """ALL / MATCH / ALLSMALLER for a wildcard (or its JSON form ["ALL"]), else None."""
    if isinstance(value, _Wildcard):
        return value
    if isinstance(value, list) and len(value) == 1 and value[0] in ("ALL", "MATCH", "ALLSMALLER"):
        return {"ALL": ALL, "MATCH": MATCH, "ALLSMALLER": ALLSMALLER}[value[0]]
    return None


def exact_id(pattern: dict, binding: Binding | None = None) -> tuple | None:
    """The one id a pattern can fit, as sorted (key, value) pairs, when each key is fixed or a bound MATCH."""
    bound = dict(binding or ())
    pairs = []
    for key, want in pattern.items():
        wild = wildcard_of(want)
        if wild is None:
            pairs.append((key, value_key(want)))
        elif wild is MATCH and key in bound:
            pairs.append((key, value_key(_plain_value(bound[key]))))
        else:
            return None
    return tuple(sorted(pairs))


def bound_id(pattern: dict, binding: Binding) -> dict | None:
    """The concrete id a pattern names in an instance, when the binding fixes every wildcard of it (else None)."""
    pairs = exact_id(pattern, binding)
    return None if pairs is None else {k: _plain_value(v) for k, v in pairs}


def id_matches(pattern: Any, concrete: Any, binding: Binding | None = None) -> bool:
    """Whether a concrete id fits a (possibly wildcard) id, with MATCH values fixed by `binding`."""
    if not isinstance(pattern, dict):
        return pattern == concrete
    if not isinstance(concrete, dict) or set(pattern) != set(concrete):
        return False
    bound = dict(binding or ())
    for key, want in pattern.items():
        got = concrete[key]
        wild = wildcard_of(want)
        if wild is None:
            if not same_value(want, got):
                return False
        elif wild is ALL:
            continue
        elif key in bound:
            if wild is MATCH and not same_value(got, bound[key]):
                return False
            if wild is ALLSMALLER and not _smaller(got, _plain_value(bound[key])):
                return False
        elif wild is ALLSMALLER:
            return False
    return True


def _smaller(a: Any, b: Any) -> bool:
    try:
        return a < b
    except TypeError:
        return False


def binding_of(pattern: Any, concrete: Any) -> Binding:
    """The MATCH values a concrete id gives a pattern: the instance it belongs to."""
    if not isinstance(pattern, dict):
        return ()
    return tuple(sorted((k, value_key(concrete[k])) for k, v in pattern.items() if wildcard_of(v) is MATCH))
