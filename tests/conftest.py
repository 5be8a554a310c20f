"""Fixtures shared by the test folders: Chromium with Playwright's sync API (tests/browser, tests/debug), and the
real services (tests/services.py): a redis-server per test, and for the Celery tests one redis-server (appendonly,
so a restart keeps its data) with one Celery worker process on it (prefork, two children), started once per
session and stopped by their PIDs at the end. A test that kills the worker starts a new one
(`celery.worker_restart()`); one that restarts Redis keeps its port.

One sync Playwright per process: a second one would start inside the first one's event loop and fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.services import CeleryWorker, RedisServer

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A live redis-server on a free 127.0.0.1 port, persistence off, stopped by its PID after the test
    (tests/services.py; `.restart()` for the fault tests). Fails, never skips, when redis-server is missing."""
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


ROOT = Path(__file__).resolve().parents[1]
APP = "tests.background.celery_apps:celery_app"


@dataclass
class CeleryServices:
    redis: RedisServer
    worker: CeleryWorker
    folder: Path

    def worker_restart(self) -> None:
        self.worker.stop()
        self.worker = _worker(self.redis, self.folder)


def _worker(redis: RedisServer, folder: Path) -> CeleryWorker:
    from tests.background import celery_apps

    def ready(name: str) -> bool:
        import redis

        try:
            return bool(celery_apps.celery_app.control.ping(destination=[name], timeout=0.5))
        except redis.ConnectionError:  # a pooled connection a Redis restart closed (a fault test): ask again
            return False

    worker = CeleryWorker(APP, folder, {"PROPWIRE_TEST_REDIS": redis.url, "PROPWIRE_TEST_DIR": str(folder),
                                        "PYTHONPATH": str(ROOT)}, ready)
    worker.start()
    return worker


@pytest.fixture(scope="session")
def celery(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CeleryServices]:
    from tests.background import celery_apps

    folder = tmp_path_factory.mktemp("celery")
    redis = RedisServer(folder, appendonly=True)
    redis.start()
    celery_apps.configure(redis.url)
    services = CeleryServices(redis, _worker(redis, folder), folder)
    try:
        yield services
    finally:
        services.worker.stop()
        redis.stop()
