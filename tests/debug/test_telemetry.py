"""Optional OpenTelemetry: a span per event (and page load), a child span per callback."""

from __future__ import annotations

import pytest

pytest.importorskip("opentelemetry.sdk")

from opentelemetry import trace  # noqa: E402
from opentelemetry.sdk.trace import TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export import SimpleSpanProcessor  # noqa: E402
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter  # noqa: E402

from propwire import Dash, Input, Output, State, dcc, html  # noqa: E402
from propwire.api.exceptions import PreventUpdate  # noqa: E402
from tests.server.conftest import Client, ndjson  # noqa: E402


@pytest.fixture(scope="module")
def exporter() -> InMemorySpanExporter:
    provider = trace.get_tracer_provider()
    if not isinstance(provider, TracerProvider):  # the global provider can be set once per process
        provider = TracerProvider()
        trace.set_tracer_provider(provider)
    exporter = InMemorySpanExporter()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return exporter


def make_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="a", value="x"), html.Div(id="b"), html.Div(id="c"), html.Div(id="d")])
    tracer = trace.get_tracer("app")

    @app.callback(Output("b", "children"), Input("a", "value"))
    def upper(value):
        with tracer.start_as_current_span("inside upper"):  # the app's own span: a child of the callback's
            return value.upper()

    @app.callback(Output("c", "children"), Input("b", "children"), State("a", "value"))
    def fails(b, a):
        if a == "boom":
            raise RuntimeError("broken on purpose")
        raise PreventUpdate

    return app


def test_one_span_per_event_with_a_child_span_per_callback(exporter: InMemorySpanExporter):
    app = make_app()
    client = Client(app)
    assert client.get("/").status_code == 200
    exporter.clear()
    res = client.event({"seq": 1, "changed": {"a.value": "boom"}, "values": {"a.value": "boom", "b.children": None},
                        "present": {"a": [], "b": [], "c": []}})
    assert [next(iter(line)) for line in ndjson(res)] == ["plan", "result", "error", "done"]
    spans = {s.name: s for s in exporter.get_finished_spans()}
    event = spans["propwire event"]
    assert event.attributes["propwire.changed"] == ("a.value",)
    upper, fails = spans["propwire callback upper"], spans["propwire callback fails"]
    assert upper.parent.span_id == event.context.span_id
    assert fails.parent.span_id == event.context.span_id
    assert upper.attributes["propwire.triggered"] == ("a.value",)
    assert spans["inside upper"].parent.span_id == upper.context.span_id  # sync callbacks run in the span
    assert fails.status.status_code == trace.StatusCode.ERROR
    assert any(e.name == "exception" for e in fails.events)
    assert upper.status.status_code != trace.StatusCode.ERROR


def test_page_load_span_and_prevent_update_is_not_an_error(exporter: InMemorySpanExporter):
    app = make_app()
    exporter.clear()
    assert Client(app).get("/").status_code == 200
    spans = {s.name: s for s in exporter.get_finished_spans()}
    page = spans["propwire page"]
    fails = spans["propwire callback fails"]
    assert fails.parent.span_id == page.context.span_id
    assert fails.status.status_code != trace.StatusCode.ERROR
    assert fails.attributes["propwire.skipped"] == "PreventUpdate"
