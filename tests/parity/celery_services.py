"""The services of a Celery parity app (one whose module says `CELERY = True`): for each framework's server, a
redis-server of its own on a free 127.0.0.1 port and a Celery worker of its own (`celery -A
tests.parity.apps.<name>:celery_app worker`, the framework's CeleryManager in it), both stopped by their PIDs.

The app reads the Redis URL from PARITY_REDIS; the worker writes the call log to the server's PARITY_LOG, since on
Celery the callbacks' bodies run (and call `log`) in the worker. Dash's worker runs Dash's CeleryManager, propwire's
propwire's: each side is the framework as a user deploys it. Example::

    services = AppCelery("celery_progress", "dash", log_path)   # Redis up, the worker starting
    services.wait_ready()                                      # the worker answers a control ping
    services.stop()
"""

from __future__ import annotations

import ast
import os
import shutil
import tempfile
from pathlib import Path

from tests.services import CeleryWorker, RedisServer

APPS_DIR = Path(__file__).resolve().parent / "apps"
REPO = APPS_DIR.parents[2]


def is_celery_app(name: str) -> bool:
    """Whether the app's module says `CELERY = True` (read without importing it)."""
    path = APPS_DIR / f"{name}.py"
    if not path.exists():
        return False
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "CELERY" for t in node.targets):
            return ast.literal_eval(node.value) is True
    return False


class AppCelery:
    """One Redis and one Celery worker for one app on one framework; `env` is what the app's server needs."""

    def __init__(self, app: str, framework: str, log_path: str):
        self.workdir = Path(tempfile.mkdtemp(prefix=f"parity-celery-{framework}-{app}-"))
        self.redis = RedisServer(self.workdir)
        self.redis.start()
        self.env = {"PARITY_REDIS": self.redis.url}
        from celery import Celery

        control = Celery("parity-control", broker=self.redis.url, backend=self.redis.url)

        def ready(node: str) -> bool:
            return bool(control.control.ping(destination=[node], timeout=0.5))

        worker_env = {**self.env, "PARITY_FRAMEWORK": framework, "PARITY_LOG": log_path,
                      "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
        self.worker = CeleryWorker(f"tests.parity.apps.{app}:celery_app", self.workdir, worker_env, ready)
        try:
            self.worker.spawn()
        except BaseException:
            self.redis.stop()
            raise

    def wait_ready(self) -> None:
        self.worker.wait_ready()

    @property
    def log(self) -> str:
        return self.worker.log

    def stop(self) -> None:
        """The worker (SIGTERM, then SIGKILL to its group), then Redis, by their PIDs; their folder removed."""
        try:
            self.worker.stop()
        finally:
            self.redis.stop()
            shutil.rmtree(self.workdir, ignore_errors=True)
