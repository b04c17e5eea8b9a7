"""A real Celery worker, a real Redis broker and a real SMTP server (issue 2, "Jobs").

A sign-up in this process queues its verification e-mail on Redis; a worker process
takes the task, reads the stored message from the same PostgreSQL database and delivers
it over SMTP to an aiosmtpd server run by the test.
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app
from core.models import OutgoingEmail
from tests.accounts.test_signup import signup

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url() -> str:
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker_queue(monkeypatch, redis_broker):
    """Tasks go to a queue of this test's own, not to a worker someone else runs."""
    queue = f"podium-test-{uuid.uuid4().hex[:8]}"
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "task_default_queue", queue)
    return queue


@pytest.fixture
def worker(postgres, worker_queue, redis_broker, smtp_sink):
    _sink, smtp_port = smtp_sink
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": redis_broker,
        "PODIUM_EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
    }
    celery = Path(sys.executable).with_name("celery")
    process = subprocess.Popen(
        [
            str(celery),
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            f"--queues={worker_queue}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        print(output.decode(errors="replace"))  # shown when the test fails
        with app.connection_for_write() as conn:
            conn.default_channel.queue_delete(worker_queue)


def test_a_sign_up_e_mail_travels_through_redis_and_a_worker_to_smtp(client, worker, smtp_sink):
    sink, _port = smtp_sink

    response = signup(client, email="worker.test@example.org")
    assert response.status_code == 302

    [message] = sink.wait_for(1, timeout=60)
    assert message["To"] == "worker.test@example.org"
    assert "Podium" in message["From"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "/accounts/confirm-email/" in body

    # The worker marks the e-mail sent in the same transaction, which commits just after
    # the SMTP server has the message: wait for the commit rather than race it.
    deadline = time.monotonic() + 10
    while OutgoingEmail.objects.filter(sent_at=None).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    stored = OutgoingEmail.objects.get()
    assert stored.sent_at is not None
    assert stored.message == {}
