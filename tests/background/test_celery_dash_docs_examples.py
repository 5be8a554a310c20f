"""The scenarios of Dash's background-callback guide (dash.plotly.com/background-callbacks) on CeleryManager: the
apps are in celery_apps.py (the worker imports them), each as a Dash user writes it but for the imports; the
jobs run in the Celery worker."""

from __future__ import annotations

from propwire.testing import Client

from .apps import pid_alive, wait_for
from .celery_apps import bar_app, cancel_app, count_app, graph_app, slow_app


def test_a_slow_job_counts_the_clicks(celery):
    with Client(count_app) as client:
        client.open("/")
        assert client.text("paragraph") == "Clicked None times"  # its initial call ran as a job too
        client.click("button")
        assert client.text("paragraph") == "Clicked 1 times"


def test_the_button_is_disabled_while_its_job_runs(celery):
    with Client(slow_app) as client:
        client.open("/")
        client.click("button", wait=False)
        wait_for(lambda: client.prop("button", "disabled") is True, what="the button to be disabled")
        client.wait()
        assert client.prop("button", "disabled") is False and client.text("paragraph") == "Clicked 1 times"


def test_a_cancel_button_stops_the_job(celery):
    pid_file = celery.folder / "cancel-pid"
    pid_file.unlink(missing_ok=True)
    with Client(cancel_app) as client:
        client.open("/")
        client.click("run", wait=False)
        wait_for(lambda: client.text("started") == "started", what="the job to start")
        assert client.prop("cancel", "disabled") is False
        client.click("cancel")
        client.wait()
        wait_for(lambda: not pid_alive(int(pid_file.read_text())), what="the job's process to be killed")
        assert client.text("paragraph") == "Button not clicked"
        assert client.prop("run", "disabled") is False and client.prop("cancel", "disabled") is True


def test_a_progress_bar_takes_value_and_max(celery):
    with Client(bar_app) as client:
        client.open("/")
        client.click("button")
        assert client.prop("progress_bar", "value") == "5" and client.prop("progress_bar", "max") == "5"
        assert client.prop("progress_bar", "style") == {"visibility": "hidden"}
        assert client.prop("paragraph", "style") == {"visibility": "visible"}
        assert client.text("paragraph") == "Clicked 1 times"


def test_a_progress_output_can_hold_a_figure(celery):
    with Client(graph_app) as client:
        client.open("/")
        client.click("button")
        figures = [line["progress"]["outputs"]["progress_bar_graph.figure"] for event in client._last
                   for line in event.lines if "progress" in line]
        assert [f["data"][0]["x"] for f in figures] == [[i * 10] for i in range(1, 11)] + [[0]]
        assert client.prop("progress_bar_graph", "figure")["data"][0]["x"] == [0]  # progress_default at the end
        assert client.text("paragraph") == "Clicked 1 times"
