"""Notifications: in the app always; by e-mail per preference, discreet, never twice."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from networking.enums import EmailFrequency
from networking.models import Notification, Preferences
from networking.services.notifications import notify
from networking.tasks import deliver_notification, send_digests
from tests.factories import ConsultantFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]


def _event(user, key="booking:1:1"):
    return notify(user=user, event_key=key, text="There is news about a booking.", url="/x/")


def test_an_immediate_notification_is_emailed_once_even_when_the_task_runs_again():
    person = ConsultantFactory()
    notification = _event(person)
    assert len(mail.outbox) == 1
    assert deliver_notification(str(notification.pk)) is False  # a retry or redelivery
    assert deliver_notification(str(notification.pk)) is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [person.email]


def test_the_same_event_twice_is_one_notification():
    person = ConsultantFactory()
    _event(person)
    assert _event(person) is None
    assert Notification.objects.filter(user=person).count() == 1
    assert len(mail.outbox) == 1


def test_the_email_says_only_that_something_happened():
    person = ConsultantFactory()
    notify(user=person, event_key="k", text="Secret title of a talk", url="/network/bookings/x/")
    message = mail.outbox[0]
    assert "Secret title" not in message.subject + message.body
    assert "/network/notifications/" in message.body


def test_no_email_for_people_who_want_none_but_the_list_shows_it(client):
    person = ConsultantFactory()
    Preferences.objects.create(user=person, email_frequency=EmailFrequency.NONE)
    _event(person)
    assert mail.outbox == []
    client.force_login(person)
    page = client.get(reverse("networking:notifications")).content.decode()
    assert "There is news about a booking." in page


def test_the_daily_digest_is_one_email_a_day():
    person = ConsultantFactory()
    Preferences.objects.create(user=person, email_frequency=EmailFrequency.DAILY)
    _event(person, "a")
    _event(person, "b")
    assert mail.outbox == []
    assert send_digests() == 1
    assert len(mail.outbox) == 1
    assert "2 new things" in mail.outbox[0].body
    _event(person, "c")
    assert send_digests() == 0  # not again within the day
    Preferences.objects.filter(user=person).update(
        last_digest_at=timezone.now() - timedelta(days=1)
    )
    assert send_digests() == 1
    assert len(mail.outbox) == 2


def test_opening_a_notification_marks_it_read_and_goes_there(client):
    person = ConsultantFactory()
    notification = _event(person)
    client.force_login(person)
    response = client.get(reverse("networking:notification_open", args=[notification.pk]))
    assert response.url == "/x/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_preferences_reject_unknown_choices(client):
    person = ConsultantFactory()
    client.force_login(person)
    response = client.post(
        reverse("networking:settings"),
        {"contact_policy": "everyone", "email_frequency": "hourly"},
    )
    assert response.status_code == 400
    assert not Preferences.objects.filter(user=person, email_frequency="hourly").exists()
