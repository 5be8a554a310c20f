"""Typed component signatures (issue 16, part 7): every html and dcc class has a typed `__init__`, generated from
its declaration (html's in the stub html.pyi, dcc's in dcc_signatures.py), so mypy catches a misspelt prop or a
wrong value where the layout is written; at run time the same call is the PropError it always was
(Component.__init__ still takes the arguments). html.py's staleness test is tests/components/test_gen_html.py."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jedi
import pytest

from propwire import dcc, html
from propwire.components import dcc_signatures
from propwire.components.base import (
    BOOL,
    LIST,
    NODE,
    NUMBER,
    STRING,
    Component,
    PropError,
    enum,
    list_of,
    union_hint,
)

ROOT = Path(__file__).resolve().parents[2]
COMPONENTS = ROOT / "propwire" / "components"

# (a line of an app, the mypy error code it must get, a piece of the PropError the same line raises at run time)
BAD = [
    ('html.Div(clasName="x")', "call-arg", "html.Div has no prop 'clasName'"),
    ('dcc.Input(id="a", vaule="x")', "call-arg", "dcc.Input has no prop 'vaule'"),
    ('dcc.Dropdown(["a"], mutli=True)', "call-arg", "dcc.Dropdown has no prop 'mutli'"),
    ('dcc.Graph(id="g", figuer={})', "call-arg", "dcc.Graph has no prop 'figuer'"),
    ('html.Div(n_clicks="3")', "arg-type", "prop 'n_clicks' must be an integer"),
    ('dcc.Input(id="a", type="txt")', "arg-type", "prop 'type' must be one of"),
    ('dcc.Store("s", storage_type="disk")', "arg-type", "prop 'storage_type' must be one of"),
    ('html.Br("text")', "arg-type", "html.Br has no prop 'children'"),
    ("html.Div(object())", "arg-type", "prop 'children' must be a string, number, component"),
    ('dcc.Checklist(["a"], persistence_type="disk")', "arg-type", "prop 'persistence_type' must be one of"),
    ("html.Hr(" + ", ".join(["None"] * 19) + ")", "call-arg", "html.Hr takes at most 18 positional argument(s)"),
]

GOOD = '''
from typing import Any

import dash_bootstrap_components as dbc
from dash import html as dash_html  # typed (py.typed): its components are children by their to_plotly_json()

from propwire import dcc, html
from propwire.components.hints import Children


def card(title: str, body: Children) -> html.Div:
    """An app's own layout helper, typed with propwire's children alias."""
    return html.Div([html.H3(title), body], className="card")


# data-*, aria-* and `async` have no parameter: a dict[str, Any] passes them (mypy checks a **dict[str, str]
# against every parameter).
attrs: dict[str, Any] = {"data-row": "3", "aria-label": "row"}
script_attrs: dict[str, Any] = {"async": True}
options = [{"label": f"City {i}", "value": str(i)} for i in range(3)]
marks = {i: str(i) for i in range(0, 11, 5)}
layout = html.Div(
    [
        html.H1("Title", id="t", className="big", style={"color": "red"}),
        "text", 3, 2.5, None, [html.P("nested"), [html.Span("deeper")]],
        dash_html.Span("from Dash"), dbc.Button("Go"),
        {"type": "Div", "namespace": "html", "props": {}},
        html.Button("Go", "go", 0),
        html.Br(),
        html.Img(src="/a.png", alt="a", width=100),
        html.Details(open=True, hidden="until-found"),
        html.Script(src="/x.js", **script_attrs),
        dcc.Input("typed", "text", id="inp", debounce=0.5, readOnly="readonly"),
        dcc.Dropdown(options, "1", id="city", multi=False),
        dcc.Dropdown({"nyc": "New York"}, ["nyc"], multi=True),
        dcc.Checklist(["a", "b"], ["a"], inline=True),
        dcc.RadioItems([1, 2, 3], 2),
        dcc.Slider(0, 10, 1, value=5, marks=marks),
        dcc.RangeSlider(0, 10, value=[1, 2], pushable=1),
        dcc.Graph(id="g", figure={"data": []}, responsive="auto", config={"displayModeBar": False}),
        dcc.Store("memory", "session", {"a": 1}),
        dcc.Interval("tick", 5000, max_intervals=10),
        dcc.Location("url", refresh="callback-nav"),
        dcc.Link("Home", href="/"),
        dcc.Markdown(["# Title", "text"], "md"),
        card("Card", [html.P("body"), "more"]),
        dcc.Textarea(id="notes", rows=4),
    ],
    id={"type": "page", "index": 1},
    n_clicks=0,
    **attrs,
)
reveal_type(html.Div())
reveal_type(dcc.Input())
'''


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory) -> dict[str, list[str]]:
    """mypy's lines about a file of correct layouts and one of the BAD lines (one run for both), by file name."""
    folder = tmp_path_factory.mktemp("typed")
    (folder / "good.py").write_text(GOOD)
    (folder / "bad.py").write_text("from propwire import dcc, html\n\n" + "\n".join(code for code, _, _ in BAD) + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", "/dev/null", "--config-file",
         str(ROOT / "pyproject.toml"), "good.py", "bad.py"],
        cwd=folder, capture_output=True, text=True, timeout=900,
        env={**os.environ, "MYPYPATH": str(ROOT)},  # this tree's propwire, not another installed one
    )
    lines: dict[str, list[str]] = {"good.py": [], "bad.py": []}
    for line in done.stdout.splitlines():
        name = line.partition(":")[0]
        if name in lines:
            lines[name].append(line)
    return lines


def test_mypy_accepts_correct_layouts(mypy_output):
    errors = [line for line in mypy_output["good.py"] if ": error:" in line]
    assert not errors, "\n".join(errors)
    notes = "\n".join(mypy_output["good.py"])
    # The signatures mypy read are this tree's, and the constructors still make the component classes.
    assert 'Revealed type is "propwire.components.html.Div"' in notes
    assert 'Revealed type is "propwire.components.dcc.Input"' in notes


@pytest.mark.parametrize("source, completion", [
    ("from propwire import html\nhtml.Div(clas", "className="),
    ("from propwire import html\nhtml.Img(sr", "src="),
    ("from propwire import dcc\ndcc.Input(plac", "placeholder="),
    ("from propwire import dcc\ndcc.Graph(fig", "figure="),
])
def test_an_ide_completes_the_props(source, completion):
    # jedi (IPython's, Jupyter's and many editors' completion) reads html.pyi and dcc_signatures.py statically.
    script = jedi.Script(source, project=jedi.Project(path=ROOT, sys_path=[str(ROOT), *sys.path]))
    last = source.splitlines()[-1]
    assert completion in [c.name for c in script.complete(source.count("\n") + 1, len(last))]
    (signature,) = script.get_signatures(source.count("\n") + 1, len(last))
    assert completion[:-1] + ":" in signature.to_string()  # a typed parameter, not Component's **props


def test_the_correct_layouts_run():
    namespace: dict = {"reveal_type": lambda value: value}
    exec(GOOD, namespace)
    assert namespace["layout"].children[-1].rows == 4


@pytest.mark.parametrize("number", range(len(BAD)), ids=[code for code, _, _ in BAD])
def test_mypy_reports_a_bad_prop(mypy_output, number):
    code, error_code, _ = BAD[number]
    line = number + 3  # after the import line and a blank one
    errors = [entry for entry in mypy_output["bad.py"] if entry.startswith(f"bad.py:{line}: error:")]
    assert any(f"[{error_code}]" in entry for entry in errors), (code, mypy_output["bad.py"])


def test_a_misspelt_prop_gets_mypys_suggestion(mypy_output):
    assert any('Unexpected keyword argument "clasName" for "Div"; did you mean "className"?' in line
               for line in mypy_output["bad.py"])


@pytest.mark.parametrize("number", range(len(BAD)), ids=[code for code, _, _ in BAD])
def test_a_bad_prop_is_still_the_same_runtime_error(number):
    code, _, message = BAD[number]
    with pytest.raises(PropError) as caught:
        eval(code, {"html": html, "dcc": dcc})
    assert message in str(caught.value)


def test_wildcard_and_keyword_props_still_run():
    div = html.Div("x", **{"data-row": "3", "aria-label": "row"})
    assert div.to_plotly_json()["props"] == {"children": "x", "data-row": "3", "aria-label": "row"}
    assert html.Script(**{"async": True}).to_plotly_json()["props"] == {"async": True}


def test_an_attribute_that_is_no_python_name_has_no_positional_place():
    # Dash's html.Script takes crossOrigin seventh (after key): it has no parameter for `async`.
    script = html.Script(None, None, None, None, None, None, "anonymous")
    assert script.crossOrigin == "anonymous"
    assert "async" not in html.Script._positional and "as" not in html.Link._positional


def _signatures(path: Path) -> dict[str, ast.arguments]:
    """Each class's `__init__` arguments in a generated file, read from its source."""
    found = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.FunctionDef) and inner.name == "__init__":
                    found[node.name] = inner.args
    return found


@pytest.mark.parametrize("module, path", [(html, COMPONENTS / "html.pyi"), (dcc, COMPONENTS / "dcc_signatures.py")],
                         ids=["html", "dcc"])
def test_each_signature_is_the_declaration(module, path):
    signatures = _signatures(path)
    assert set(signatures) == _classes(module)
    for name, args in signatures.items():
        cls = getattr(module, name)
        assert [a.arg for a in args.args] == ["self", *cls._positional], name
        named = {a.arg for a in args.args + args.kwonlyargs}
        assert {p for p in cls._props if p.isidentifier() and p not in ("as", "async")} <= named, name
        assert args.vararg is None and args.kwarg is None, f"{name}: a **kwargs would let a typo through"


def _classes(module) -> set[str]:
    """The component classes a module exports (propwire.dcc also exports the send_* functions)."""
    return {name for name in module.__all__ if isinstance(getattr(module, name), type)}


def test_every_dcc_class_takes_its_signature_and_nothing_else_from_it():
    for name in sorted(_classes(dcc)):
        cls, typed = getattr(dcc, name), getattr(dcc_signatures, name)
        assert cls.__mro__[1] is typed, f"declare dcc.{name} as class {name}(typed.{name}, ...) (docs/components.md)"
        assert set(vars(typed)) <= {"__module__", "__doc__", "__dict__", "__weakref__", "__qualname__",
                                    "__firstlineno__", "__static_attributes__"}, name  # no __init__ at run time
        assert cls.__init__ is Component.__init__, name


def test_the_html_classes_run_component_init():
    # Their signatures are only in the stub html.pyi: at run time Component.__init__ takes the arguments.
    assert all(getattr(html, name).__init__ is Component.__init__ for name in html.__all__)


def test_the_committed_dcc_signatures_are_what_the_generator_writes(tmp_path):
    out = tmp_path / "dcc_signatures.py"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_signatures.py"), "--out", str(out)], check=True)
    committed = (COMPONENTS / "dcc_signatures.py").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, "dcc_signatures.py is stale: run python scripts/gen_signatures.py"
    assert committed.startswith('"""GENERATED by scripts/gen_signatures.py')


def test_prop_type_hints():
    assert (STRING | NUMBER).hint == "str | int | float"
    assert (BOOL | enum("until-found")).hint == "bool | Literal['until-found']"
    assert list_of(NUMBER | STRING).hint == "Sequence[int | float | str]"
    assert (LIST | NODE).hint == "list[Any] | tuple[Any, ...] | Children"
    assert enum(1.5, 2.5).hint == "Any"  # floats cannot be Literal values
    assert union_hint("str", "Literal['a | b', 'c']", "str") == "str | Literal['a | b', 'c']"
    assert union_hint("Sequence[int | str]", "Any") == "Any"


def test_the_generator_refuses_a_positional_name_that_is_no_parameter(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT / "scripts")!r})
        import gen_signatures
        gen_signatures.init_lines("toy.Gauge", ["id", "data-x"], {{}})
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode != 0 and "toy.Gauge: positional names ['data-x'] cannot be Python parameters" in done.stderr
