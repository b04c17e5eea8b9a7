"""A broker outage at commit delays e-mail and loses none (real Redis, worker and SMTP).

The broker is a redis-server of this test's own, killed with SIGKILL before a booking
request and a message are sent through the site; once it is back, beat's jobs run on a
real worker and every notification e-mail arrives exactly once.
"""

import shutil
import time

import pytest
from django.urls import reverse

from config.celery import app
from core.models import OutboxEntry
from networking.models import Booking, Notification
from tests.conftest import free_port, service_missing
from tests.core.celery_worker import PrivateRedis, start_worker, stop_worker, use_broker
from tests.networking.conftest import booking_fields

pytestmark = [
    pytest.mark.services,
    # Real transactions: a Celery worker process reads what the test wrote.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def broker():
    if shutil.which("redis-server") is None:
        service_missing("redis-server, to run a broker of the test's own")
    redis = PrivateRedis(free_port())
    redis.start()
    try:
        yield redis
    finally:
        redis.kill()


def run_beat_jobs() -> None:
    """What beat does when its jobs are due: publish each scheduled task."""
    app.loader.import_default_modules()
    for entry in app.conf.beat_schedule.values():
        app.send_task(entry["task"])


def test_a_booking_request_and_a_message_sent_while_the_broker_is_down_arrive_once(
    client, postgres, monkeypatch, broker, smtp_sink, profile, org_member
):
    sink, smtp_port = smtp_sink
    queue = use_broker(monkeypatch, broker.url)
    broker.kill()

    client.force_login(org_member)
    response = client.post(
        reverse("networking:booking_new", args=[profile.consultant.public_id]),
        booking_fields(),
    )
    assert response.status_code == 302, response.content.decode()
    booking = Booking.objects.get()
    response = client.post(
        reverse("networking:conversation", args=[booking.conversation.pk]),
        {"body": "Could we start at ten?"},
    )
    assert response.status_code == 302, response.content.decode()
    # Both went to the consultant, who gets e-mail right away (the default).
    assert list(Notification.objects.values_list("user", flat=True)) == [profile.consultant.pk] * 2
    assert OutboxEntry.objects.filter(done_at=None).count() == 2
    assert sink.messages == []

    broker.start()
    worker = start_worker(queue=queue, broker_url=broker.url, smtp_port=smtp_port)
    try:
        run_beat_jobs()
        sink.wait_for(2, timeout=90)
        # A later round of beat finds nothing left to do and sends nothing again.
        run_beat_jobs()
        deadline = time.monotonic() + 30
        while OutboxEntry.objects.filter(done_at=None).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1)
    finally:
        output = stop_worker(worker)
    print(output)

    assert [m["To"] for m in sink.messages] == [profile.consultant.email] * 2
    assert len({m["Message-ID"] for m in sink.messages}) == 2
    assert OutboxEntry.objects.filter(done_at=None).count() == 0
    assert Notification.objects.filter(emailed_at=None).count() == 0
