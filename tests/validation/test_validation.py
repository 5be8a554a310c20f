"""Start-up validation (issue 5): every problem of the callback graph, listed at once, naming file:line."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from propwire import ALL, ALLSMALLER, MATCH, Dash, Input, Output, State, dcc, html
from propwire.api.exceptions import CallbackError, ValidationError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "seed").glob("*.py")) + sorted((ROOT / "examples" / "callbacks").glob("*.py"))


def where(func) -> str:
    """How messages name a function: `callback 'name' (file:line)`."""
    return f"callback '{func.__name__}' ({func.__code__.co_filename}:{func.__code__.co_firstlineno})"


def problems(app: Dash) -> str:
    """The message of the ValidationError that building the app's engine raises."""
    with pytest.raises(ValidationError) as info:
        app.engine
    return str(info.value)


def make_app(*children, **options) -> Dash:
    app = Dash(**options)
    app.layout = html.Div(list(children))
    return app


# -- valid apps stay valid ----------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_examples_validate_clean(path):
    app = runpy.run_path(str(path))["app"]
    assert app.engine is not None
    assert app.engine.graph.callbacks, "the example's callbacks were claimed"


# -- 1. duplicate outputs ---------------------------------------------------------------------


def test_duplicate_output_names_both_callbacks():
    app = make_app(html.Button(id="a"), html.Button(id="b"), html.Div(id="out"))

    def first(n):
        return n

    def second(n):
        return n

    app.callback(Output("out", "children"), Input("a", "n_clicks"))(first)
    app.callback(Output("out", "children"), Input("b", "n_clicks"))(second)
    message = problems(app)
    assert f"Output 'out.children' is written by {where(first)} and {where(second)}" in message
    assert "allow_duplicate=True" in message


def test_the_duplicate_output_hint_is_the_whole_fix():
    """Following the hint raises no second error (issue 19): allow_duplicate=True needs prevent_initial_call,
    which Dash 4.4.1 requires too (DuplicateCallback at declaration), so the hint says both at once."""
    app = make_app(html.Button(id="a"), html.Button(id="b"), html.Div(id="out"))

    def first(n):
        return n

    def second(n):
        return n

    app.callback(Output("out", "children"), Input("a", "n_clicks"))(first)
    app.callback(Output("out", "children"), Input("b", "n_clicks"))(second)
    message = problems(app)
    assert f"declare Output('out', 'children', allow_duplicate=True) in {where(second)} and give it " \
           f"prevent_initial_call=True (or prevent_initial_call='initial_duplicate'" in message
    assert f"{where(first)} can keep the plain Output" in message
    fixed = make_app(html.Button(id="a"), html.Button(id="b"), html.Div(id="out"))
    fixed.callback(Output("out", "children"), Input("a", "n_clicks"))(first)
    fixed.callback(Output("out", "children", allow_duplicate=True), Input("b", "n_clicks"),
                   prevent_initial_call=True)(second)
    assert fixed.engine


def test_the_duplicate_output_hint_picks_the_callback_that_needs_no_more_change():
    """A writer that already skips the load takes allow_duplicate; it needs no prevent_initial_call advice."""
    app = make_app(html.Button(id="a"), html.Button(id="b"), html.Div(id="out"))

    def on_click(n):
        return n

    def at_load(n):
        return n

    app.callback(Output("out", "children"), Input("a", "n_clicks"), prevent_initial_call=True)(on_click)
    app.callback(Output("out", "children"), Input("b", "n_clicks"))(at_load)
    message = problems(app)
    assert f"declare Output('out', 'children', allow_duplicate=True) in {where(on_click)}; " \
           f"{where(at_load)} can keep the plain Output" in message
    assert "prevent_initial_call=True (or" not in message


def test_allow_duplicate_is_valid():
    app = make_app(html.Button(id="a"), html.Button(id="b"), html.Div(id="out"))
    app.callback(Output("out", "children"), Input("a", "n_clicks"))(lambda n: n)
    app.callback(Output("out", "children", allow_duplicate=True), Input("b", "n_clicks"),
                 prevent_initial_call=True)(lambda n: n)
    assert app.engine


def test_same_output_twice_in_one_callback():
    app = make_app(html.Button(id="a"), html.Div(id="out"))

    def twice(n):
        return n, n

    app.callback(Output("out", "children"), Output("out", "children"), Input("a", "n_clicks"))(twice)
    assert f"{where(twice)}: Output 'out.children' is listed more than once" in problems(app)


# -- 2. cycles ----------------------------------------------------------------------------------


def test_cycle_through_two_callbacks_is_printed():
    app = make_app(dcc.Input(id="x"), dcc.Input(id="y"))

    def x_to_y(x):
        return x

    def y_to_x(y):
        return y

    app.callback(Output("y", "value"), Input("x", "value"))(x_to_y)
    app.callback(Output("x", "value"), Input("y", "value"))(y_to_x)
    message = problems(app)
    assert "circular dependency through several callbacks: " in message
    cycle = message.split("circular dependency through several callbacks: ")[1].splitlines()[0]
    assert where(x_to_y) in cycle and where(y_to_x) in cycle and cycle.count(" -> ") == 2


def test_a_callback_writing_its_own_input_is_not_a_cycle():
    app = make_app(dcc.Input(id="x"), dcc.Input(id="y"))
    app.callback(Output("x", "value"), Output("y", "value"), Input("x", "value"), Input("y", "value"))(
        lambda x, y: (x, y))
    assert app.engine


# -- 3. ids absent from the layout ----------------------------------------------------------------


def startup_warnings(app: Dash) -> list[str]:
    """The warnings building the app's engine gives (it must start: an absent id is no fault)."""
    with pytest.warns(UserWarning) as record:
        assert app.engine is not None
    return [str(w.message) for w in record]


def test_missing_id_warns_naming_the_dependency_and_callback_and_the_app_starts():
    """Dash serves such an app, the callback waiting for the component (was: a ValidationError)."""
    app = make_app(html.Button(id="go"))

    def show(n):
        return n

    app.callback(Output("nowhere", "children"), Input("go", "n_clicks"))(show)
    found = startup_warnings(app)
    assert len(found) == 1 and found == app.startup_warnings
    assert f"{where(show)}: Output('nowhere', 'children') names id 'nowhere', which is not in the initial " \
           f"layout; the callback waits until a component with that id appears" in found[0]
    assert "validation_layout" in found[0] and "suppress_callback_exceptions=True" in found[0]


def test_a_missing_id_close_to_a_layout_id_suggests_it():
    """An id typo (`cityname` for `city-name`, issue 19) names the layout's closest id; a far one names none."""
    app = make_app(dcc.Input(id="city-name"), html.Div(id="out"))
    app.callback(Output("out", "children"), Input("cityname", "value"))(lambda v: v)
    found = startup_warnings(app)
    assert "names id 'cityname', which is not in the initial layout (did you mean 'city-name'?); the callback " \
           "waits" in found[0]
    far = make_app(dcc.Input(id="city-name"), html.Div(id="out"))
    far.callback(Output("out", "children"), Input("qq", "value"))(lambda v: v)
    assert "did you mean" not in startup_warnings(far)[0]


def filters(**options) -> Dash:
    """Two dict-id dropdowns of type "filter" (Dash 4.4.1 serves every app below: a pattern over no
    component is no error there, its components may come later)."""
    return make_app(*(dcc.Dropdown(id={"type": "filter", "index": i}) for i in (1, 2)), html.Div(id="out"), **options)


def test_a_pattern_with_a_value_typo_warns_with_the_layouts_value():
    app = filters()

    def count(values):
        return len(values)

    app.callback(Output("out", "children"), Input({"type": "filtr", "index": ALL}, "value"))(count)
    found = startup_warnings(app)
    assert found == [f"{where(count)}: Input({{'type': 'filtr', 'index': ALL}}, 'value') matches no component of "
                     f"the initial layout; did you mean 'type': 'filter'? (a pattern's components may come later: "
                     f"declare them in app.validation_layout, or set Dash(suppress_callback_exceptions=True), to "
                     f"silence this)"]


def test_a_pattern_with_a_key_typo_warns_with_the_layouts_key():
    app = filters()
    app.callback(Output("out", "children"), Input({"typ": "filter", "index": ALL}, "value"))(len)
    found = startup_warnings(app)
    assert len(found) == 1
    assert "matches no component of the initial layout; did you mean the key 'type' for 'typ' (the layout has " \
           '{"index":1,"type":"filter"})?' in found[0]


def test_patterns_that_fit_or_are_far_from_every_layout_id_say_nothing(recwarn):
    """A pattern that matches (MATCH or ALL), or none of whose keys and values is near a layout's dict id (its
    components come later, legitimately), is served without a word; suppress_callback_exceptions silences the
    near ones too."""
    app = filters()
    app.callback(Output("out", "children"), Input({"type": "filter", "index": ALL}, "value"))(len)
    app.callback(Output({"type": "filter", "index": MATCH}, "placeholder"),
                 Input({"type": "filter", "index": MATCH}, "value"))(str)
    app.callback(Output("out", "title"), Input({"type": "row", "index": ALL}, "n_clicks"))(len)
    app.callback(Output("out", "className"), Input({"kind": "x", "page": ALL}, "value"))(len)
    assert app.engine and app.startup_warnings == []
    assert not [w for w in recwarn if "matches no component" in str(w.message)]
    quiet = filters(suppress_callback_exceptions=True)
    quiet.callback(Output("out", "children"), Input({"type": "filtr", "index": ALL}, "value"))(len)
    assert quiet.engine and quiet.startup_warnings == []


def test_missing_ids_are_silent_with_suppress_callback_exceptions(recwarn):
    app = make_app(html.Button(id="go"), suppress_callback_exceptions=True)
    app.callback(Output("later", "children"), Input("go", "n_clicks"))(lambda n: n)
    assert app.engine and app.startup_warnings == []
    assert not [w for w in recwarn if "not in the initial layout" in str(w.message)]


def test_allow_optional_and_optional_callbacks_are_exempt_from_the_warning(recwarn):
    app = make_app(html.Button(id="go"), html.Div(id="out"))
    app.callback(Output("out", "children"), Input("go", "n_clicks"), State("gone", "value", allow_optional=True),
                 Input("later", "n_clicks", allow_optional=True))(lambda n, m, v: n)
    app.callback(Output("out", "title"), Input("elsewhere", "value"), optional=True)(lambda v: v)
    assert app.engine and app.startup_warnings == []


def test_validation_layout_declares_ids_a_callback_inserts():
    app = make_app(html.Button(id="go"), html.Div(id="page"))
    app.validation_layout = [app.layout, html.Div([dcc.Input(id="later"), html.Div(id="echo")])]
    app.callback(Output("page", "children"), Input("go", "n_clicks"))(lambda n: dcc.Input(id="later"))
    app.callback(Output("echo", "children"), Input("later", "value"))(lambda v: v)
    assert app.engine


def test_pattern_ids_are_exempt_from_the_presence_check():
    app = make_app(html.Div(id="total"))
    app.callback(Output("total", "children"), Input({"type": "row", "index": ALL}, "value"))(lambda v: len(v))
    assert app.engine


def test_running_outputs_are_checked_too():
    app = make_app(html.Button(id="go"), html.Div(id="out"))

    def slow(n):
        return n

    app.callback(Output("out", "children"), Input("go", "n_clicks"),
                 running=[(Output("spinner", "hidden"), False, True)])(slow)
    assert any(f"{where(slow)}: Output('spinner', 'hidden') names id 'spinner'" in w for w in startup_warnings(app))


# -- 4. props a component does not declare ------------------------------------------------------


def test_undeclared_prop_names_component_type_id_prop_and_callback():
    app = make_app(dcc.Input(id="name"), html.Div(id="out"))

    def greet(value):
        return value

    app.callback(Output("out", "children"), Input("name", "valeu"))(greet)
    message = problems(app)
    assert f"{where(greet)}: Input('name', 'valeu'): dcc.Input (id 'name') has no prop 'valeu'" in message
    assert "did you mean 'value'?" in message


def test_undeclared_prop_of_a_validation_layout_component():
    app = make_app(html.Button(id="go"), suppress_callback_exceptions=False)
    app.validation_layout = html.Div([html.Button(id="go"), dcc.Slider(id="later", min=0, max=1)])

    def read(n):
        return n

    app.callback(Output("later", "text"), Input("go", "n_clicks"))(read)
    assert f"{where(read)}: Output('later', 'text'): dcc.Slider (id 'later') has no prop 'text'" in problems(app)


def test_undeclared_prop_is_checked_even_with_suppress_callback_exceptions():
    app = make_app(html.Button(id="go"), html.Div(id="out"), suppress_callback_exceptions=True)

    def show(n):
        return n

    app.callback(Output("out", "value"), Input("go", "n_clicks"))(show)
    assert f"{where(show)}: Output('out', 'value'): html.Div (id 'out') has no prop 'value'" in problems(app)


def test_undeclared_prop_of_components_a_pattern_id_fits():
    app = make_app(html.Span(id={"type": "row", "index": 0}), html.Div(id="total"))

    def total(values):
        return len(values)

    app.callback(Output("total", "children"), Input({"type": "row", "index": ALL}, "value"))(total)
    assert f"{where(total)}: Input({{'type': 'row', 'index': ALL}}, 'value'): html.Span " \
           f"(id '{{\"index\":0,\"type\":\"row\"}}') has no prop 'value'" in problems(app)


def test_wildcard_attributes_are_declared():
    app = make_app(html.Div(id="box"), html.Button(id="go"))
    app.callback(Output("box", "data-state"), Output("box", "aria-label"), Input("go", "n_clicks"))(
        lambda n: (n, n))
    assert app.engine


# -- 5. function parameters against Inputs and States ---------------------------------------------


def test_too_few_parameters():
    app = make_app(dcc.Input(id="a"), dcc.Input(id="b"), html.Div(id="out"))

    def one(a):
        return a

    app.callback(Output("out", "children"), Input("a", "value"), State("b", "value"))(one)
    message = problems(app)
    assert f"{where(one)}: the function's parameters (a) do not fit the 2 positional arguments " \
           f"(1 Input, 1 State): too many positional arguments" in message


def test_too_many_parameters():
    app = make_app(dcc.Input(id="a"), html.Div(id="out"))

    def three(a, b, c):
        return a

    app.callback(Output("out", "children"), Input("a", "value"))(three)
    assert f"{where(three)}: the function's parameters (a, b, c) do not fit the 1 positional argument " \
           f"(1 Input, 0 States): missing a required argument: 'b'" in problems(app)


def test_defaults_and_star_args_accept_the_values():
    app = make_app(dcc.Input(id="a"), dcc.Input(id="b"), html.Div(id="o1"), html.Div(id="o2"), html.Div(id="o3"))
    app.callback(Output("o1", "children"), Input("a", "value"))(lambda a, b=None: a)
    app.callback(Output("o2", "children"), Input("a", "value"), Input("b", "value"))(lambda *args: args[0])
    app.callback(Output("o3", "children"), inputs={"a": Input("a", "value"), "b": Input("b", "value")})(
        lambda **kwargs: kwargs["a"])
    assert app.engine


def test_grouped_inputs_count_top_level_arguments():
    app = make_app(dcc.Input(id="a"), dcc.Input(id="b"), html.Div(id="out"))
    app.callback(Output("out", "children"), inputs=[(Input("a", "value"), Input("b", "value"))])(lambda pair: pair)
    assert app.engine


def test_keyword_callback_parameter_names_must_match_the_keys():
    app = make_app(dcc.Input(id="w"), dcc.Input(id="h"), html.Div(id="out"))

    def area(width, height):
        return width * height

    app.callback(Output("out", "children"), inputs={"width": Input("w", "value")},
                 state={"hight": State("h", "value")})(area)
    message = problems(app)
    assert f"{where(area)}: the function's parameters (width, height) do not fit the keyword arguments " \
           f"hight, width (the keys of the dict of Inputs and States)" in message


# -- 6. Outputs, Inputs and States out of order (at decoration) -----------------------------------


def test_output_after_input_names_the_function():
    app = Dash()

    def late(a):
        return a

    with pytest.raises(ValidationError) as info:
        app.callback(Input("a", "value"), Output("out", "children"))(late)
    assert f"{where(late)}: Output('out', 'children') comes after Input('a', 'value'): list all Outputs first" \
        in str(info.value)


def test_a_state_before_an_input_is_accepted_as_in_dash():
    """Dash reads Inputs and States in any order (was: rejected as "Input comes after a State")."""
    app = make_app(dcc.Input(id="a"), dcc.Input(id="b"), html.Div(id="out"))

    def late(b, a):
        return a

    app.callback(Output("out", "children"), State("b", "value"), Input("a", "value"))(late)
    spec = app._callbacks[0]
    assert [d.key for d in spec.inputs] == ["a.value"] and [d.key for d in spec.states] == ["b.value"]
    assert spec.args_shape == [1, 0]  # the function's first argument is the State's value
    assert app.engine is not None


def test_a_callback_without_inputs_is_accepted_as_in_dash():
    """Dash runs an Input-less callback once at load (was: "a callback needs at least one Input")."""
    app = make_app(html.Div(id="out"))
    app.callback(Output("out", "children"))(lambda: 1)
    assert app.engine.graph.callbacks[0].inputs == []


def test_a_callback_without_inputs_that_may_not_run_at_load_is_reported():
    """It could never be called: Dash reports it too ("A callback is missing Inputs")."""
    app = make_app(html.Div(id="out"), dcc.Input(id="s"))

    def nothing(s):
        return 1

    app.callback(Output("out", "children"), State("s", "value"), prevent_initial_call=True)(nothing)
    assert f"{where(nothing)}: it has no Input and prevent_initial_call, so it can never run" in problems(app)
    app = make_app(html.Div(id="out"), prevent_initial_callbacks=True)
    app.callback(Output("out", "children"))(nothing)
    assert "so it can never run" in problems(app)


# -- 7. duplicate ids in the layout ---------------------------------------------------------------


def test_duplicate_ids_name_the_id_and_both_types():
    app = make_app(dcc.Input(id="dup"), html.Div([html.Span(id="dup")]), html.Div(id="out"))
    app.callback(Output("out", "children"), Input("dup", "value"))(lambda v: v)
    assert "duplicate component id 'dup' in the layout, on dcc.Input and on html.Span; ids must be unique" in problems(app)


def test_duplicate_pattern_ids():
    app = make_app(html.Div(id={"i": 1}), html.Div(id={"i": 1}))
    assert "duplicate component id '{\"i\":1}' in the layout" in problems(app)


# -- 8. pattern-matching ids ----------------------------------------------------------------------


def test_allsmaller_without_a_match_in_the_outputs_is_refused():
    app = Dash()

    def f(v):
        return v

    with pytest.raises(ValidationError) as info:
        app.callback(Output("out", "children"), Input({"i": ALLSMALLER}, "value"))(f)
    assert f"{where(f)}: Input({{'i': ALLSMALLER}}, 'value') has MATCH or ALLSMALLER on ['i'], and no Output has " \
           f"MATCH" in str(info.value)


def test_match_keys_of_inputs_must_be_among_the_outputs_match_keys():
    app = Dash()

    def f(v):
        return v

    with pytest.raises(ValidationError, match=r"has MATCH or ALLSMALLER on \['j'\], which are not among the "
                                              r"Outputs' MATCH keys \['i'\]"):
        app.callback(Output({"i": MATCH, "j": 0}, "children"), Input({"i": MATCH, "j": MATCH}, "value"))(f)


def test_outputs_must_share_their_match_keys():
    app = Dash()
    with pytest.raises(ValidationError, match=r"does not have MATCH on the same keys as"):
        app.callback(Output({"i": MATCH}, "children"), Output({"i": ALL}, "title"),
                     Input({"i": MATCH}, "value"))(lambda v: (v, v))


@pytest.mark.parametrize("output, given", [
    (Output({"i": MATCH}, "children"), Input({"i": ALLSMALLER}, "value")),  # MATCH Output, ALLSMALLER-only Input
    (Output({"i": MATCH}, "children"), Input("a", "value")),  # MATCH Output without a MATCH Input
    (Output("out", "children"), Input({"i": MATCH}, "value")),  # MATCH Input with a fixed-id Output
    (Output({"i": ALL}, "children"), Input({"i": MATCH}, "value")),  # MATCH Input with an ALL Output
    (Output({"i": MATCH, "j": MATCH}, "children"), Input({"i": MATCH}, "value")),  # a subset of the MATCH keys
], ids=["allsmaller-only", "no-match-input", "fixed-output", "all-output", "match-subset"])
def test_pattern_forms_dash_accepts(output, given):
    """Each was refused before (stricter than Dash's renderer rules); Dash 4.4.1 accepts each."""
    app = make_app(html.Div(id="out"), dcc.Input(id="a"), html.Div(id={"i": 1, "j": 1}))
    app.callback(output, given)(lambda v: v)
    assert app._callbacks[0].outputs == [output]


def test_allsmaller_is_not_allowed_in_outputs():
    app = Dash()

    def f(v):
        return v

    with pytest.raises(ValidationError) as info:
        app.callback(Output({"i": ALLSMALLER}, "children"), Input({"i": MATCH}, "value"))(f)
    assert f"{where(f)}: Output({{'i': ALLSMALLER}}, 'children'): ALLSMALLER is only allowed" in str(info.value)


def test_overlapping_pattern_outputs():
    app = make_app(html.Button(id="go"), html.Div(id={"type": "cell", "index": 0}))

    def each(v):
        return v

    def every(n):
        return [n]

    app.callback(Output({"type": "cell", "index": MATCH}, "children"),
                 Input({"type": "cell", "index": MATCH}, "n_clicks"))(each)
    app.callback(Output({"type": "cell", "index": ALL}, "children"), Input("go", "n_clicks"))(every)
    message = problems(app)
    assert f"Output({{'type': 'cell', 'index': MATCH}}, 'children') of {where(each)} and " \
           f"Output({{'type': 'cell', 'index': ALL}}, 'children') of {where(every)} may write the same" in message


def test_pattern_outputs_on_different_types_do_not_overlap():
    app = make_app(html.Button(id="go"))
    app.callback(Output({"type": "a", "index": ALL}, "children"), Input("go", "n_clicks"))(lambda n: [])
    app.callback(Output({"type": "b", "index": ALL}, "children"), Input("go", "n_clicks"))(lambda n: [])
    assert app.engine


# -- the whole report ---------------------------------------------------------------------------


def test_every_problem_is_listed_each_on_its_own_line():
    app = make_app(dcc.Input(id="a"), dcc.Input(id="a"), html.Div(id="out"))

    def one(v):
        return v

    def other(v, extra):
        return v

    app.callback(Output("out", "children"), Input("a", "value"))(one)
    app.callback(Output("out", "children"), Input("missing", "valu"))(other)
    with pytest.raises(ValidationError) as info:
        app.engine
    error = info.value
    assert isinstance(error, CallbackError)
    assert len(error.problems) == 3  # duplicate output, duplicate id, parameters (a missing id only warns)
    lines = str(error).splitlines()
    assert lines[0] == "3 problems in the app's callbacks and layout:"
    assert lines[1:] == [f"- {p}" for p in error.problems]
    assert any("is written by" in p for p in error.problems)
    assert any("duplicate component id 'a'" in p for p in error.problems)
    assert not any("names id 'missing'" in p for p in error.problems)
    assert any(p.startswith(f"{where(other)}: the function's parameters") for p in error.problems)


def test_a_layout_function_is_validated_on_its_first_call():
    calls = []

    def layout():
        calls.append(1)
        return html.Div([html.Button(id="go"), html.Div(id="go")])

    app = Dash()
    app.layout = layout
    app.callback(Output("go", "title"), Input("go", "n_clicks"))(lambda n: str(n))
    assert "duplicate component id 'go' in the layout, on html.Button and on html.Div" in problems(app)
    assert calls == [1]


def test_a_valid_app_raises_nothing_and_the_engine_is_kept():
    app = make_app(dcc.Input(id="a"), html.Div(id="out"))
    app.callback(Output("out", "children"), Input("a", "value"))(lambda v: v)
    assert app.engine is app.engine


def test_pattern_output_overlapping_a_concrete_dict_id():
    app = make_app(html.Button(id="go"), html.Div(id={"type": "cell", "index": 1}))

    def one(n):
        return n

    def every(n):
        return [n]

    app.callback(Output({"type": "cell", "index": 1}, "children"), Input("go", "n_clicks"))(one)
    app.callback(Output({"type": "cell", "index": ALL}, "children"), Input("go", "title"))(every)
    assert f"Output({{'type': 'cell', 'index': ALL}}, 'children') of {where(every)} and " \
           f"Output({{'type': 'cell', 'index': 1}}, 'children') of {where(one)} may write the same" in problems(app)


def test_graph_alone_still_raises_for_duplicates_and_cycles():
    from propwire.api.callbacks import make_spec
    from propwire.core.graph import Graph

    specs = [make_spec(lambda v: v, (Output("y", "value"), Input("x", "value")), {}),
             make_spec(lambda v: v, (Output("x", "value"), Input("y", "value")), {}),
             make_spec(lambda v: v, (Output("x", "value"), Input("z", "value")), {})]
    with pytest.raises(ValidationError) as info:
        Graph(specs)
    assert len(info.value.problems) == 2
    assert "Output 'x.value' is written by" in str(info.value) and "circular dependency" in str(info.value)



def test_an_input_less_callback_with_initial_duplicate_runs_at_load_and_is_accepted():
    """prevent_initial_call="initial_duplicate" lets the call at load happen (Dash's dt_basic_no_input_duplicate)."""
    app = make_app(html.Div(id="out"), dcc.Store(id="s", data=1))
    app.callback(Output("out", "children"), State("s", "data"))(lambda s: s)
    app.callback(Output("out", "children", allow_duplicate=True), State("s", "data"),
                 prevent_initial_call="initial_duplicate")(lambda s: s)
    assert len(app.engine.graph.callbacks) == 2
