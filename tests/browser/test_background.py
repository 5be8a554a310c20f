"""Background callbacks in Chromium: progress pushed over the open stream, running=, cancel, leaving, SIGKILL."""

from __future__ import annotations

import os
import signal

from playwright.sync_api import expect

from tests.background.apps import job_app, job_ids, pid_alive, pid_of, wait_for

from .conftest import wait_idle

_WATCH = """() => { window.__seen = []; const bar = document.getElementById('bar');
  new MutationObserver(() => window.__seen.push(bar.textContent)).observe(bar, {childList: true, subtree: true,
  characterData: true}); }"""


def test_every_progress_update_is_on_the_page_while_the_job_waits_for_it(open_app, tmp_path):
    # The job does not go on until the test has seen its update on the page: updates held back to the end
    # (or to a poll) would stall it, and the job would fail.
    app, _ = job_app(tmp_path, seconds=0.5, ack=True)
    page = open_app(app)
    page.evaluate(_WATCH)
    page.click("#go")
    for i in range(1, 11):
        expect(page.locator("#bar")).to_have_text(f"{i}/10")
        (tmp_path / f"ack-{i}").write_text("seen")
    expect(page.locator("#out")).to_have_text("done 1")
    assert page.evaluate("window.__seen") == [f"{i}/10" for i in range(1, 11)]
    assert page.console_errors == []


def test_running_props_toggle_and_another_callback_answers_meanwhile(open_app, tmp_path):
    app, _ = job_app(tmp_path, seconds=3.0)
    page = open_app(app)
    page.click("#go")
    expect(page.locator("#go")).to_be_disabled()
    expect(page.locator("#status")).to_have_text("running")
    page.click("#ping")
    expect(page.locator("#pong")).to_have_text("pong 1")
    expect(page.locator("#out")).to_have_text("")  # the job still runs
    assert page.locator("#status").text_content() == "running"
    expect(page.locator("#out")).to_have_text("done 1", timeout=10_000)
    expect(page.locator("#go")).to_be_enabled()
    expect(page.locator("#status")).to_have_text("idle")


def test_the_cancel_button_stops_the_jobs_process(open_app, tmp_path):
    app, manager = job_app(tmp_path, seconds=6.0)
    page = open_app(app)
    page.click("#go")
    expect(page.locator("#bar")).to_have_text("1/10")
    pid = pid_of(tmp_path, 1)
    page.click("#stop")
    expect(page.locator("#status")).to_have_text("idle")
    wait_idle(page)
    assert page.locator("#out").text_content() == "" and not pid_alive(pid)
    assert [manager.state(j)["status"] for j in job_ids(manager)] == ["cancelled"]


def test_leaving_the_page_stops_the_job(open_app, tmp_path):
    app, manager = job_app(tmp_path, seconds=6.0)
    page = open_app(app)
    page.click("#go")
    expect(page.locator("#bar")).to_have_text("1/10")
    pid = pid_of(tmp_path, 1)
    page.close()
    wait_for(lambda: not pid_alive(pid), what="the job's process to stop")
    assert [manager.state(j)["status"] for j in job_ids(manager)] == ["cancelled"]


def test_two_tabs_run_their_jobs_at_once(open_app, tmp_path):
    app, manager = job_app(tmp_path, seconds=1.5)
    one = open_app(app)
    two = one.context.browser.new_context().new_page()
    two.goto(one.url_base)
    wait_idle(two)
    one.click("#go")
    two.click("#go")
    expect(one.locator("#status")).to_have_text("running")
    expect(two.locator("#status")).to_have_text("running")
    expect(one.locator("#out")).to_have_text("done 1", timeout=10_000)
    expect(two.locator("#out")).to_have_text("done 1", timeout=10_000)
    assert [manager.state(j)["status"] for j in job_ids(manager)] == ["done", "done"]
    two.context.close()


def test_a_job_killed_with_sigkill_ends_in_an_error_not_a_spinner(open_app, tmp_path):
    app, manager = job_app(tmp_path, seconds=6.0, on_error=lambda exc: f"failed: {exc}")
    page = open_app(app)
    page.click("#go")
    expect(page.locator("#go")).to_be_disabled()
    os.kill(pid_of(tmp_path, 1), signal.SIGKILL)
    expect(page.locator("#out")).to_contain_text("killed by SIGKILL")
    expect(page.locator("#go")).to_be_enabled()
    expect(page.locator("#status")).to_have_text("idle")
    assert [manager.state(j)["status"] for j in job_ids(manager)] == ["lost"]


def test_without_on_error_the_lost_job_is_reported_with_its_cause(open_app, tmp_path):
    app, _ = job_app(tmp_path, seconds=6.0)
    page = open_app(app)
    page.click("#go")
    os.kill(pid_of(tmp_path, 1), signal.SIGKILL)
    expect(page.locator("#go")).to_be_enabled()
    wait_idle(page)
    [message] = page.console_errors
    assert "its background job stopped before it finished" in message and "killed by SIGKILL" in message
