"""A real Celery worker, a real Redis broker and a real SMTP server.

A sign-up in this process queues its verification e-mail on Redis; a worker process
takes the task, reads the stored message from the same PostgreSQL database and delivers
it over SMTP to an aiosmtpd server run by the test.
"""

import time

import pytest

from core.jobs.outbox import message_id_for
from core.models import OutboxEntry
from tests.accounts.test_signup import signup
from tests.core.celery_worker import delete_queue, start_worker, stop_worker, use_broker

pytestmark = [
    pytest.mark.services,
    # Real transactions: a Celery worker process reads what the test wrote.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def worker(postgres, monkeypatch, redis_broker, smtp_sink):
    _sink, smtp_port = smtp_sink
    queue = use_broker(monkeypatch, redis_broker)
    process = start_worker(queue=queue, broker_url=redis_broker, smtp_port=smtp_port)
    try:
        yield process
    finally:
        print(stop_worker(process))  # shown when the test fails
        delete_queue(redis_broker, queue)


def test_a_sign_up_e_mail_travels_through_redis_and_a_worker_to_smtp(client, worker, smtp_sink):
    sink, _port = smtp_sink

    response = signup(client, email="worker.test@example.org")
    assert response.status_code == 302

    [message] = sink.wait_for(1, timeout=60)
    assert message["To"] == "worker.test@example.org"
    assert "Podium" in message["From"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "/accounts/confirm-email/" in body

    # The worker marks the e-mail sent just after the SMTP server has the message: wait
    # for that commit rather than race it.
    deadline = time.monotonic() + 10
    while OutboxEntry.objects.filter(done_at=None).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    stored = OutboxEntry.objects.get()
    assert stored.done_at is not None
    assert stored.payload == {}
    assert message["Message-ID"] == message_id_for(stored.pk)
