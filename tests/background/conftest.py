"""The Celery tests' services: one redis-server (appendonly, so a restart keeps its data) and one Celery worker
process on it (prefork, two children), started once per test session and stopped by their PIDs at the end. A
test that kills the worker starts a new one (`celery.worker_restart()`); one that restarts Redis keeps its port."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.services import CeleryWorker, RedisServer

ROOT = Path(__file__).resolve().parents[2]
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
        return bool(celery_apps.celery_app.control.ping(destination=[name], timeout=0.5))

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
