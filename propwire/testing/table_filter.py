"""DataTable's native filter (`filter_action="native"`) for the headless client: the filter_query subset it reads.

Supported (DataTable's own grammar for these): comparisons `{column} OP value` where OP is one of `=` `eq`,
`!=` `ne`, `<` `lt`, `<=` `le`, `>` `gt`, `>=` `ge`, `contains`, each optionally prefixed `i` (case-insensitive)
or `s` (sensitive); values bare (`5`, `abc`), quoted (`"a b"`, `'x'`, `` `x` ``) or another `{column}`; joined
by `&&` / `and` and `||` / `or` (`||` binds loosest, as in DataTable). Parentheses, the unary operators (`is nil`,
`is blank`, `!`, ...) and `datestartswith` raise UnsupportedFilter. A query DataTable itself finds invalid (`{a}`
alone, `{a} =`) filters nothing out and has no structure, as in the browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from propwire.testing.table_js import (
    MISSING,
    is_numeric,
    json_number,
    less,
    less_equal,
    strict_equal,
    to_number,
    to_string,
)


class UnsupportedFilter(ValueError):
    """A filter_query uses DataTable syntax the headless client does not evaluate."""


@dataclass
class Lexeme:
    """One token: its DataTable type and subType, and the text it matched."""

    type: str
    sub: str
    text: str


@dataclass
class Tree:
    lexeme: Lexeme
    left: Tree | None = None
    right: Tree | None = None
    extra: list[Lexeme] = field(default_factory=list)


_LOGICAL = [("&&", re.compile(r"(and\s|&&)", re.I)), ("||", re.compile(r"(or\s|\|\|)", re.I))]
RELATIONAL = [
    ("contains", re.compile(r"((i|s)?contains)(?=\s|$)", re.I)),
    ("datestartswith", re.compile(r"((datestartswith)(?=\s|$))", re.I)),
    ("=", re.compile(r"((i|s)?(=|(eq)(?=\s|$)))", re.I)),
    (">=", re.compile(r"((i|s)?(>=|(ge)(?=\s|$)))", re.I)),
    (">", re.compile(r"((i|s)?(>|(gt)(?=\s|$)))", re.I)),
    ("<=", re.compile(r"((i|s)?(<=|(le)(?=\s|$)))", re.I)),
    ("<", re.compile(r"((i|s)?(<|(lt)(?=\s|$)))", re.I)),
    ("!=", re.compile(r"((i|s)?(!=|(ne)(?=\s|$)))", re.I)),
]
FIELD = re.compile(r"\{(([^{}\\]|\\.)+)\}")
STRING = re.compile(r"('([^'\\]|\\.)*')|(\"([^\"\\]|\\.)*\")|(`([^`\\]|\\.)*`)")
_VALUE = re.compile(r"(([^\s'\"`{}()\\]|\\.)+)(?:[\s)]|$)")
UNARY = re.compile(r"(is\s+(blank|bool|even|nil|num|object|odd|prime|str))(?=\s|\)|$)", re.I)
_UNESCAPE = re.compile(r"\\(.)")
SUPPORTED = ("comparisons {col} OP value (OP: = eq != ne < lt <= le > gt >= ge contains, prefixed i or s) "
             "joined by && / and, || / or")


def _unsupported(query: str, what: str) -> UnsupportedFilter:
    return UnsupportedFilter(f"filter_query {query!r}: {what} is DataTable syntax the headless client does not "
                             f"evaluate (it supports {SUPPORTED}; propwire/testing/table_filter.py)")


def lex(query: str) -> tuple[list[Lexeme], bool]:
    """DataTable's lexer over the subset: the lexemes and whether the query is valid (ends where it may)."""
    out: list[Lexeme] = []
    rest = query
    while rest:
        rest = rest.lstrip()
        if not rest:
            break
        prev = out[-1].type if out else None
        found = _next(rest, prev, query)
        if found is None:
            return out, False
        out.append(found)
        rest = rest[len(found.text):]
    valid = not out or (out[-1].type == "expression" and len(out) > 1 and out[-2].type == "relational-operator")
    return out, valid


def _next(rest: str, prev: str | None, query: str) -> Lexeme | None:
    if prev == "expression":
        for sub, regex in _LOGICAL:
            if m := regex.match(rest):
                return Lexeme("logical-operator", sub, m.group(0))
        if rest[0] in "()":
            raise _unsupported(query, "a parenthesis")
        for sub, regex in RELATIONAL:
            if m := regex.match(rest):
                if sub == "datestartswith":
                    raise _unsupported(query, "datestartswith")
                return Lexeme("relational-operator", sub, m.group(1))
        if UNARY.match(rest):
            raise _unsupported(query, f"the unary operator {UNARY.match(rest).group(1)!r}")  # type: ignore[union-attr]
        return None
    if rest[0] in "()":
        raise _unsupported(query, "a parenthesis")
    if rest[0] == "!" and prev != "relational-operator":
        raise _unsupported(query, "the unary operator '!'")
    if m := FIELD.match(rest):
        return Lexeme("expression", "field", m.group(0))
    if m := STRING.match(rest):
        return Lexeme("expression", "value", m.group(0))
    if m := _VALUE.match(rest):
        return Lexeme("expression", "value", m.group(1))
    return None


def parse(query: str) -> Tree | None:
    """The syntax tree of a valid query (None when it is empty or DataTable finds it invalid)."""
    lexemes, valid = lex(query)
    if not valid or not lexemes:
        return None
    return _parse(lexemes)


def _parse(lexemes: list[Lexeme]) -> Tree | None:
    # DataTable splits at the loosest operator first (||, then &&), the leftmost of equals
    for sub in ("||", "&&"):
        for i, lexeme in enumerate(lexemes):
            if lexeme.type == "logical-operator" and lexeme.sub == sub:
                left, right = _parse(lexemes[:i]), _parse(lexemes[i + 1:])
                return None if left is None or right is None else Tree(lexeme, left, right)
    pivot = next((x for x in lexemes if x.type == "relational-operator"), None)
    if pivot is None or len(lexemes) < 3:
        return None  # an expression alone: DataTable's parser fails, so the whole query is invalid
    # as DataTable's relational syntaxer: the clause's first three lexemes, whatever follows
    return Tree(lexemes[1], Tree(lexemes[0]), Tree(lexemes[2]), lexemes[3:])


def valid_tree(query: str) -> tuple[bool, Tree | None]:
    """(valid, tree): a query that fails to parse is invalid, like DataTable's syntaxer says."""
    lexemes, valid = lex(query)
    if not valid:
        return False, None
    if not lexemes:
        return True, None
    tree = _parse(lexemes)
    return tree is not None, tree


def structure(query: str) -> dict[str, Any] | None:
    """derived_filter_query_structure: DataTable's toStructure of the query's tree (None when none or invalid)."""
    _valid, tree = valid_tree(query)
    return None if tree is None else _structure(tree)


def _structure(tree: Tree) -> dict[str, Any]:
    lexeme = tree.lexeme
    out: dict[str, Any] = {"subType": lexeme.sub, "type": lexeme.type, "value": _present(lexeme)}
    if tree.left is not None:
        out["left"] = _structure(tree.left)
    if tree.right is not None:
        out["right"] = _structure(tree.right)
    return out


def _present(lexeme: Lexeme) -> Any:
    if lexeme.type != "expression":
        return lexeme.text
    if lexeme.sub == "field" or lexeme.text[0] in "'\"`":
        return _UNESCAPE.sub(r"\1", lexeme.text[1:-1])
    return json_number(to_number(lexeme.text)) if is_numeric(lexeme.text) else _UNESCAPE.sub(r"\1", lexeme.text)


def keep(query: str, rows: list[Any]) -> list[int]:
    """The positions of the rows a native filter keeps (all of them for an empty or invalid query)."""
    valid, tree = valid_tree(query)
    if not valid or tree is None:
        return list(range(len(rows)))
    return [i for i, row in enumerate(rows) if _evaluate(tree, row)]


def _evaluate(tree: Tree, row: Any) -> bool:
    lexeme = tree.lexeme
    if lexeme.type == "logical-operator":
        assert tree.left is not None and tree.right is not None
        if lexeme.sub == "&&":
            return _evaluate(tree.left, row) and _evaluate(tree.right, row)
        return _evaluate(tree.left, row) or _evaluate(tree.right, row)
    assert tree.left is not None and tree.right is not None
    lhs, rhs = _resolve(tree.left.lexeme, row), _resolve(tree.right.lexeme, row)
    try:
        return _relate(lexeme.sub, lexeme.text[0].lower() == "i", lhs, rhs)
    except TypeError:  # DataTable calls toString() on null here and the browser throws: the row is not shown
        return False


def _resolve(lexeme: Lexeme, row: Any) -> Any:
    if lexeme.sub == "field":
        name = _present(lexeme)
        return row.get(name, MISSING) if isinstance(row, dict) else MISSING
    return _present(lexeme)


def _text(value: Any, upper: bool) -> str:
    if value is None or value is MISSING:
        raise TypeError("toString of null")
    text = to_string(value)
    return text.upper() if upper else text


def _relate(op: str, insensitive: bool, lhs: Any, rhs: Any) -> bool:
    nil = lambda v: v is None or v is MISSING  # noqa: E731
    if op == "contains":
        if nil(lhs) or nil(rhs) or not (isinstance(lhs, str) or isinstance(rhs, str)):
            return False
        return _text(rhs, insensitive) in _text(lhs, insensitive)
    if op == "=":
        if is_numeric(lhs) and is_numeric(rhs):
            return to_number(lhs) == to_number(rhs)
        return _text(lhs, True) == _text(rhs, True) if insensitive else strict_equal(lhs, rhs)
    if insensitive:
        lhs, rhs = _text(lhs, True), _text(rhs, True)
    if op == "!=":
        return not strict_equal(lhs, rhs)
    if op == "<":
        return less(lhs, rhs)
    if op == "<=":
        return less_equal(lhs, rhs)
    if op == ">":
        return less(rhs, lhs)
    return less_equal(rhs, lhs)  # >=
