"""Background callbacks on CeleryManager in Chromium: every progress update on the page, in order, as the job in
the Celery worker sets it; the cancel button kills the job's pool process (tests/conftest.py's `celery` services)."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from tests.background.apps import pid_alive, wait_for
from tests.background.celery_apps import job_app

from .conftest import wait_idle

_WATCH = """() => { window.__seen = []; const bar = document.getElementById('bar');
  new MutationObserver(() => window.__seen.push(bar.textContent)).observe(bar, {childList: true, subtree: true,
  characterData: true}); }"""


def _start(page, seconds: float) -> str:
    tag = uuid.uuid4().hex[:8]
    page.fill("#seconds", str(seconds))
    page.fill("#tag", tag)
    return tag


def test_every_progress_update_from_the_celery_worker_is_on_the_page_in_order(open_app, celery):
    page = open_app(job_app)
    _start(page, 1.0)
    page.evaluate(_WATCH)
    page.click("#go")
    expect(page.locator("#out")).to_contain_text("done 1 in ", timeout=15_000)
    assert page.evaluate("window.__seen") == [f"{i}/10" for i in range(1, 11)]
    expect(page.locator("#go")).to_be_enabled()
    assert page.console_errors == []


def test_the_cancel_button_kills_the_job_in_the_celery_worker(open_app, celery):
    page = open_app(job_app)
    tag = _start(page, 8.0)
    page.click("#go")
    expect(page.locator("#bar")).to_have_text("1/10")
    pid_file = celery.folder / f"pid-{tag}-1"
    pid = int(wait_for(lambda: pid_file.exists() and pid_file.read_text(), what="the job's pid"))
    page.click("#stop")
    expect(page.locator("#status")).to_have_text("idle")
    wait_idle(page)
    assert page.locator("#out").text_content() == ""
    wait_for(lambda: not pid_alive(pid), what="the job's process to be killed")
    assert not (celery.folder / f"done-{tag}-1").exists()
