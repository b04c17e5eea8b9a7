"""E-mail through the outbox: delivered once, with a stable Message-ID, content erased."""

import smtplib
from datetime import timedelta
from email.mime.text import MIMEText

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from core.jobs.mail import UnqueueableEmail
from core.jobs.outbox import EMAIL, MAX_ATTEMPTS, message_id_for, outbox_drain, outbox_run
from core.models import OutboxEntry

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]


def queue(subject="Something is waiting", to="reader@example.org", **kwargs) -> OutboxEntry:
    message = mail.EmailMessage(subject, "Sign in to read it.", to=[to], **kwargs)
    with transaction.atomic():
        mail.get_connection().send_messages([message])
    return OutboxEntry.objects.latest("created_at")


def test_a_committed_message_is_sent_once_and_its_content_erased():
    stored = queue()

    assert [m.subject for m in mail.outbox] == ["Something is waiting"]
    assert mail.outbox[0].extra_headers["Message-ID"] == message_id_for(stored.pk)
    stored.refresh_from_db()
    assert stored.task == EMAIL
    assert stored.done_at is not None
    assert stored.payload == {}


def test_running_it_again_sends_nothing():
    stored = queue()

    assert outbox_run(entry_id=stored.pk) is False
    assert outbox_drain() == 0
    assert len(mail.outbox) == 1


def test_an_unknown_id_is_a_no_op():
    assert outbox_run(entry_id="00000000-0000-0000-0000-000000000000") is False
    assert mail.outbox == []


def test_a_rolled_back_transaction_sends_nothing():
    def failing_sign_up():
        with transaction.atomic():
            message = mail.EmailMessage("Never", "Never", to=["reader@example.org"])
            mail.get_connection().send_messages([message])
            raise RuntimeError("the sign-up failed")

    with pytest.raises(RuntimeError):
        failing_sign_up()

    assert mail.outbox == []
    assert not OutboxEntry.objects.exists()


def test_messages_without_recipients_are_not_stored():
    assert mail.get_connection().send_messages([mail.EmailMessage("x", "y", to=[])]) == 0
    assert not OutboxEntry.objects.exists()


def test_an_attachment_arrives_with_its_message_and_is_erased_after():
    pdf = b"%PDF-1.4 a small invoice"
    stored = queue(attachments=[("invoice.pdf", pdf, "application/pdf")])

    [sent] = mail.outbox
    assert sent.attachments == [("invoice.pdf", pdf, "application/pdf")]
    stored.refresh_from_db()
    assert stored.payload == {}


def test_an_attachment_the_queue_cannot_keep_is_refused_loudly():
    message = mail.EmailMessage("Report", "Attached", to=["reader@example.org"])
    message.attach(MIMEText("a part built by hand"))

    with pytest.raises(UnqueueableEmail):
        mail.get_connection().send_messages([message])
    assert not OutboxEntry.objects.exists()


class RefusingBackend:
    """An SMTP server that refuses: what a delivery failure looks like to the outbox."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


def test_a_delivery_failure_keeps_the_message_for_a_later_attempt(settings):
    settings.PODIUM_EMAIL_DELIVERY_BACKEND = f"{__name__}.RefusingBackend"
    stored = queue("Waiting")

    stored.refresh_from_db()
    assert (stored.done_at, stored.claimed_at, stored.attempts) == (None, None, 1)
    assert stored.last_error == "SMTPServerDisconnected"
    assert stored.payload["subject"] == "Waiting"
    assert stored.available_at > timezone.now()  # backing off
    assert outbox_drain() == 0

    settings.PODIUM_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboxEntry.objects.filter(pk=stored.pk).update(available_at=timezone.now())
    assert outbox_drain() == 1
    assert [m.subject for m in mail.outbox] == ["Waiting"]


def test_after_the_last_attempt_the_message_is_marked_failed(settings):
    settings.PODIUM_EMAIL_DELIVERY_BACKEND = f"{__name__}.RefusingBackend"
    stored = queue()
    for _ in range(MAX_ATTEMPTS):
        OutboxEntry.objects.filter(pk=stored.pk).update(available_at=timezone.now())
        outbox_drain()

    stored.refresh_from_db()
    assert stored.attempts == MAX_ATTEMPTS
    assert stored.failed_at is not None
    OutboxEntry.objects.filter(pk=stored.pk).update(available_at=timezone.now())
    assert outbox_drain() == 0


class DyingBackend:
    """The process dies mid-conversation: BaseException escapes every handler."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SystemExit("killed")


def test_a_claim_nobody_finished_is_sent_again_after_its_lease_with_the_same_id(settings):
    settings.PODIUM_EMAIL_DELIVERY_BACKEND = f"{__name__}.DyingBackend"
    with pytest.raises(SystemExit):
        queue("Uncertain")
    stored = OutboxEntry.objects.get()
    assert stored.claimed_at is not None
    assert stored.done_at is None

    settings.PODIUM_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox_drain() == 0  # the lease still holds: the first worker may be sending
    OutboxEntry.objects.filter(pk=stored.pk).update(
        available_at=timezone.now() - timedelta(seconds=1)
    )
    assert outbox_drain() == 1

    [sent] = mail.outbox
    assert sent.extra_headers["Message-ID"] == message_id_for(stored.pk)
    stored.refresh_from_db()
    assert (stored.attempts, stored.payload) == (2, {})
