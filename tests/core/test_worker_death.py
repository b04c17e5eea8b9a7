"""A worker killed while it sends e-mail: every message arrives, resent ones keep their id.

A real worker (its own process group) sends to a slow SMTP server and is SIGKILLed in the
middle of a conversation; a new worker is started and beat's drain job runs once the
dead worker's claim has expired.
"""

import asyncio
import time
from datetime import timedelta

import pytest
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from config.celery import app
from core.jobs.outbox import message_id_for
from core.models import OutboxEntry
from tests.conftest import SMTPSink, smtp_server
from tests.core.celery_worker import delete_queue, start_worker, stop_worker, use_broker

pytestmark = [
    pytest.mark.services,
    # Real transactions: a Celery worker process reads what the test wrote.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COUNT = 6


class SlowSMTPSink(SMTPSink):
    """Takes a second before it accepts a message, as a busy server does."""

    def __init__(self):
        super().__init__()
        self.receiving = 0

    async def handle_DATA(self, server, session, envelope):
        self.receiving += 1
        await asyncio.sleep(1.0)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def slow_sink():
    with smtp_server(SlowSMTPSink()) as running:
        yield running


# Generous, for a busy machine where a worker takes seconds to start; each wait ends as
# soon as its condition holds.
def wait_until(condition, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_worker_killed_mid_delivery_loses_nothing(postgres, monkeypatch, redis_broker, slow_sink):
    sink, smtp_port = slow_sink
    queue = use_broker(monkeypatch, redis_broker)
    worker = start_worker(queue=queue, broker_url=redis_broker, smtp_port=smtp_port)
    outputs = []
    try:
        with transaction.atomic():
            messages = [
                EmailMessage(f"Update {n}", "Sign in to read it.", to=[f"r{n}@example.org"])
                for n in range(COUNT)
            ]
            get_connection().send_messages(messages)
        ids = {message_id_for(pk) for pk in OutboxEntry.objects.values_list("pk", flat=True)}

        # Kill the worker while the server is taking its third message.
        wait_until(lambda: sink.receiving >= 3)
        outputs.append(stop_worker(worker, kill=True))
        killed_in_flight = OutboxEntry.objects.filter(done_at=None).exclude(claimed_at=None)
        assert killed_in_flight.count() == 1
        assert len(sink.messages) < COUNT

        # A new worker takes the kicks still queued; the dead worker's claim stays.
        worker = start_worker(queue=queue, broker_url=redis_broker, smtp_port=smtp_port)
        wait_until(lambda: OutboxEntry.objects.filter(done_at=None).count() == 1)
        assert killed_in_flight.count() == 1

        # The lease runs out (EMAIL_LEASE; moved forward here rather than waited for), then
        # beat's drain job sends the message again, with the same Message-ID.
        killed_in_flight.update(available_at=timezone.now() - timedelta(seconds=1))
        app.send_task("core.drain_outbox")
        wait_until(lambda: not OutboxEntry.objects.filter(done_at=None).exists())
        time.sleep(1)
    finally:
        outputs.append(stop_worker(worker))
        delete_queue(redis_broker, queue)
        print("\n".join(outputs))

    received = [m["Message-ID"] for m in sink.messages]
    assert set(received) == ids
    # The killed conversation never reached "accepted", so nothing arrived twice.
    assert len(received) == COUNT
    assert OutboxEntry.objects.filter(attempts=2).count() == 1
    assert OutboxEntry.objects.filter(attempts=1).count() == COUNT - 1
