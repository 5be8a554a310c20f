"""What DataTable's filter row makes of the text a user types into a column's filter cell (filter_query).

Each column's cell holds one clause, `{column} OP value`: typed `> 7` becomes `{qty} s> 7` (`s` or `i` from the
column's filter case), a bare value takes the column type's operator (`contains` for text and any columns, `=`
for numeric ones), a value with a space is quoted. The table keeps the clauses per column in order and joins them
with the filter's operator (`&&`, or `||` for filter_action={"operator": "or"}); a filter_query set from outside
(a callback) is read back into clauses, in the order DataTable's reading gives (last clause first). Unary
operators (`is nil`, ...) and datestartswith raise UnsupportedFilter, as in table_filter.
"""

from __future__ import annotations

import re
from typing import Any

from propwire.testing.table_filter import FIELD, RELATIONAL, STRING, UNARY, Tree, UnsupportedFilter, valid_tree

_PERMISSIVE = re.compile(r"(([^'\"`{}()\\]|\\.)+)$")
_SENSITIVE = ("contains", "=", ">=", ">", "<=", "<", "!=")
_IMPLICIT = {"numeric": "=", "datetime": "datestartswith"}  # any / text: contains


def clause(text: str, column: dict[str, Any], case: str) -> str:
    """The clause the column's filter cell makes of `text` ('' when the text makes none: empty or invalid)."""
    rest = text.lstrip()
    if not rest:
        return ""
    op = ""
    for sub, regex in RELATIONAL:
        if m := regex.match(rest):
            if sub == "datestartswith":
                raise UnsupportedFilter(f"filter text {text!r}: datestartswith is not evaluated headless")
            op = m.group(1)
            if sub in _SENSITIVE and op[0].lower() not in "is":
                op = case + op
            rest = rest[len(m.group(1)):].lstrip()
            break
    if UNARY.match(rest):
        raise UnsupportedFilter(f"filter text {text!r}: unary operators are not evaluated headless")
    value = _value(rest)
    if value is None:
        return ""  # an operator without a value, or text the cell's grammar does not take: no clause
    if not op:
        implicit = _IMPLICIT.get(column.get("type") or "any", "contains")
        if implicit == "datestartswith":
            raise UnsupportedFilter(f"filter text {text!r}: datestartswith is not evaluated headless")
        op = case + implicit
    return f"{{{column['id']}}} {op} {value}"


def _value(rest: str) -> str | None:
    for regex in (FIELD, STRING):
        m = regex.match(rest)
        if m and m.group(0) == rest:
            return rest
    m = _PERMISSIVE.match(rest)
    if not m:
        return None
    # DataTable quotes a value with a space in it (its permissive value's transform)
    return f'"{rest}"' if " " in rest else rest


def read_back(query: str, operator: str, columns: list[dict[str, Any]], case_of: Any) -> dict[str, str] | None:
    """The per-column clauses DataTable reads out of a filter_query set from outside (None: it cannot read it,
    and keeps the clauses it had)."""
    valid, tree = valid_tree(query)
    if not valid:
        return None
    out: dict[str, str] = {}
    stack = [tree] if tree is not None else []
    while stack:  # DataTable's walk: depth first, right before left
        node = stack.pop()
        if node.lexeme.type == "logical-operator":
            if node.lexeme.sub != operator:
                raise UnsupportedFilter(f"filter_query {query!r}: the filter row reads only clauses joined by "
                                        f"{operator}")
            stack += [n for n in (node.left, node.right) if n is not None]
            continue
        column_id = _field_of(node, query)
        column = next((c for c in columns if str(c.get("id")) == column_id), None)
        if column is None:
            raise UnsupportedFilter(f"filter_query {query!r}: no column {column_id!r} (DataTable throws)")
        if column_id in out:
            return None  # a column named twice: DataTable cannot read the query back
        assert node.right is not None
        out[column_id] = clause(f"{node.lexeme.text} {node.right.lexeme.text}", column, case_of(column))
    return out


def _field_of(node: Tree, query: str) -> str:
    left = node.left
    if left is None or left.lexeme.sub != "field":
        raise UnsupportedFilter(f"filter_query {query!r}: the filter row reads only {{column}} OP value clauses")
    return re.sub(r"\\(.)", r"\1", left.lexeme.text[1:-1])


def merge(current: dict[str, str], read: dict[str, str]) -> dict[str, str]:
    """The table's clauses after reading a query back: kept in place where they stay, new ones last."""
    out = {k: read[k] for k in current if k in read}
    out.update({k: v for k, v in read.items() if k not in out})
    return out


def joined(clauses: dict[str, str], operator: str) -> str:
    """filter_query from the clauses, in order (empty ones left out)."""
    return f" {operator} ".join(c for c in clauses.values() if c)
