"""Answers sent several times at once, through HTTP, against PostgreSQL (SQLite would
queue them and hide the races): a mentor's yes, a suggested member's yes, and the
organization's choice each take effect once, notify once and never answer 500."""

import pytest
from django.urls import reverse

from circle.models import Mentorship, Referral
from circle.services.referrals import referral_answer, referral_create
from networking.models import Booking, Notification
from tests.circle.mentoring_people import circle_member, lakeside_request
from tests.networking.test_races import race, signed_in

# Real transactions: the racing requests run on threads, each with its own connection.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TABS = 6


@pytest.fixture
def asked(postgres):
    mentor = circle_member(name="Bea", offers=["pricing"])
    mentee = circle_member(name="Ada", asks=["pricing"])
    mentorship = Mentorship.objects.create(
        mentor=mentor, mentee=mentee, topic="pricing", message="Rates?"
    )
    return mentor, mentee, mentorship


def test_a_mentor_saying_yes_from_several_tabs_at_once_opens_one_mentorship(asked):
    mentor, mentee, mentorship = asked
    url = reverse("circle:mentorship_answer", args=[mentorship.pk])

    race(signed_in(mentor, TABS), lambda client, _i: client.post(url, {"answer": "yes"}))

    mentorship.refresh_from_db()
    assert mentorship.status == "active"
    assert Notification.objects.filter(user=mentee).count() == 1


def test_yes_and_no_at_once_leave_one_answer_and_one_notification(asked):
    mentor, mentee, mentorship = asked
    url = reverse("circle:mentorship_answer", args=[mentorship.pk])
    answers = ["yes", "no"] * (TABS // 2)

    race(signed_in(mentor, TABS), lambda client, i: client.post(url, {"answer": answers[i]}))

    mentorship.refresh_from_db()
    assert mentorship.status in ("active", "declined")
    assert Notification.objects.filter(user=mentee).count() == 1


@pytest.fixture
def referral(postgres):
    setting = lakeside_request()
    mara, org_member = setting["mara"], setting["org_member"]
    made = referral_create(
        actor=setting["rosa"],
        booking=setting["booking"],
        referred=mara.circle_member,
        note="You'd be great",
    )
    return made, mara, org_member


def test_a_suggested_member_saying_yes_from_several_tabs_at_once_tells_the_organization_once(
    referral,
):
    made, mara, org_member = referral
    url = reverse("circle:referral", args=[made.pk])

    race(signed_in(mara, TABS), lambda client, _i: client.post(url, {"answer": "yes"}))

    made.refresh_from_db()
    assert made.status == "offered"
    assert (
        Notification.objects.filter(user=org_member)
        .exclude(event_key__startswith="booking")
        .count()
        == 1
    )


def test_the_organization_sending_from_several_tabs_at_once_makes_one_request(referral):
    made, mara, org_member = referral
    referral_answer(actor=mara, referral=made, accept=True)
    url = reverse("suggested_speakers:choose", args=[made.pk])
    data = {"answer": "send", "boundaries_acknowledged": "on"}

    race(signed_in(org_member, TABS), lambda client, _i: client.post(url, data))

    made.refresh_from_db()
    assert made.status == "chosen"
    assert Booking.objects.filter(consultant=mara).count() == 1
    assert Referral.objects.get().new_booking == Booking.objects.get(consultant=mara)
