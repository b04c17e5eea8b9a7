"""Real Celery workers and a private Redis for tests about the broker and worker processes.

Each worker runs in its own process group, so a test can SIGKILL it as an operating
system would, and consumes a queue of the test's own, so a developer's worker cannot take
its tasks.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection

from config.celery import app
from tests.conftest import port_open


def database_url() -> str:
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def use_broker(monkeypatch, broker_url: str) -> str:
    """Send this process's tasks to `broker_url`, on a new queue; returns the queue."""
    queue = f"podium-test-{uuid.uuid4().hex[:8]}"
    # Celery reads CELERY_BROKER_URL from the environment before its configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", broker_url)
    monkeypatch.setitem(app.conf, "broker_url", broker_url)
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "task_default_queue", queue)
    # Connections made for another broker must not be reused.
    monkeypatch.setattr(app, "_pool", None)
    monkeypatch.setattr(app.amqp, "_producer_pool", None)
    return queue


def start_worker(*, queue: str, broker_url: str, smtp_port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker_url,
        "PODIUM_EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
    }
    celery = Path(sys.executable).with_name("celery")
    return subprocess.Popen(
        [
            str(celery),
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            f"--queues={queue}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop_worker(process: subprocess.Popen, *, kill: bool = False) -> str:
    """Stop the worker (SIGKILL to its whole group when `kill`); returns its output."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL if kill else signal.SIGTERM)
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
    return output.decode(errors="replace")


def delete_queue(broker_url: str, queue: str) -> None:
    with app.connection_for_write(broker_url) as conn:
        conn.default_channel.queue_delete(queue)


class PrivateRedis:
    """A redis-server of the test's own on a free port, to stop and start at will."""

    def __init__(self, port: int):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not port_open("127.0.0.1", self.port):
            assert time.monotonic() < deadline, "the private redis-server did not start"
            time.sleep(0.05)

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()  # SIGKILL: an outage, not a shutdown
            self.process.wait()
