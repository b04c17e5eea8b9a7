"""core.tasks.send_email: one task delivers every e-mail, once, and forgets its content."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from core import tasks
from core.mail import QueuedEmailBackend
from core.models import OutgoingEmail

# Mail is queued with transaction.on_commit, so these tests need real commits.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def queue(subject="Something is waiting", to="reader@example.org") -> OutgoingEmail:
    message = mail.EmailMessage(subject, "Sign in to read it.", to=[to])
    with transaction.atomic():
        QueuedEmailBackend().send_messages([message])
    return OutgoingEmail.objects.latest("created_at")


def test_a_committed_message_is_sent_once_and_its_content_erased():
    stored = queue()

    assert [m.subject for m in mail.outbox] == ["Something is waiting"]
    stored.refresh_from_db()
    assert stored.sent_at is not None
    assert stored.message == {}


def test_running_the_task_again_sends_nothing():
    stored = queue()

    assert tasks.send_email(str(stored.pk)) is False
    assert tasks.send_email.apply(args=[str(stored.pk)]).get() is False
    assert len(mail.outbox) == 1


def test_an_unknown_id_is_a_no_op():
    assert tasks.send_email("00000000-0000-0000-0000-000000000000") is False
    assert mail.outbox == []


def test_a_rolled_back_transaction_sends_nothing():
    def failing_sign_up():
        with transaction.atomic():
            message = mail.EmailMessage("Never", "Never", to=["reader@example.org"])
            QueuedEmailBackend().send_messages([message])
            raise RuntimeError("the sign-up failed")

    with pytest.raises(RuntimeError):
        failing_sign_up()

    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_messages_without_recipients_are_not_stored():
    assert QueuedEmailBackend().send_messages([mail.EmailMessage("x", "y", to=[])]) == 0
    assert not OutgoingEmail.objects.exists()


class RefusingBackend:
    """An SMTP server that refuses: what a delivery failure looks like to the task."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


def test_a_delivery_failure_keeps_the_message_for_a_retry(settings):
    settings.PODIUM_EMAIL_DELIVERY_BACKEND = f"{__name__}.RefusingBackend"
    stored = OutgoingEmail.objects.create(
        message={
            "subject": "Waiting",
            "body": "Sign in",
            "to": ["reader@example.org"],
            "cc": [],
            "bcc": [],
            "reply_to": [],
            "headers": {},
            "alternatives": [],
        }
    )

    with pytest.raises(smtplib.SMTPException):
        tasks.send_email.run(str(stored.pk))

    stored.refresh_from_db()
    assert stored.sent_at is None
    assert stored.message["subject"] == "Waiting"


def test_a_broker_outage_at_commit_loses_no_message(monkeypatch):
    def broker_down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(tasks.send_email, "delay", broker_down)
    stored = queue()  # does not raise: the sign-up that sent it still succeeds

    stored.refresh_from_db()
    assert stored.sent_at is None
    monkeypatch.undo()

    OutgoingEmail.objects.filter(pk=stored.pk).update(
        created_at=timezone.now() - timedelta(minutes=11)
    )
    assert tasks.send_pending_emails() == 1
    stored.refresh_from_db()
    assert stored.sent_at is not None
    assert len(mail.outbox) == 1


def test_recent_unsent_messages_are_left_to_their_first_task(monkeypatch):
    monkeypatch.setattr(tasks.send_email, "delay", lambda *a: None)
    queue()

    assert tasks.send_pending_emails() == 0
