"""Every mentoring address answers anyone who may not see it exactly like a missing one:
visitors, organization members, editors, consultants not let in, applicants, suspended
members and members who are not one of the two. GET and POST, and nothing is written."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from circle.models import MentoringInterest, MentoringMessage, Mentorship
from circle.services.mentoring import mentorship_answer, mentorship_request
from networking.models import Notification
from tests.circle.mentoring_people import circle_member, outsiders

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    mentee = circle_member(name="Ada", asks=["pricing"])
    mentor = circle_member(name="Bea", offers=["pricing"])
    mentorship = mentorship_request(
        actor=mentee, mentor=mentor.circle_member, topic="pricing", message="Private words"
    )
    mentorship_answer(actor=mentor, mentorship=mentorship, accept=True)
    return mentee, mentor, mentorship


def _object_urls(mentor, mentorship):
    return [
        reverse("circle:mentoring_request", args=[mentor.public_id]),
        reverse("circle:mentorship", args=[mentorship.pk]),
        reverse("circle:mentorship_answer", args=[mentorship.pk]),
        reverse("circle:mentorship_end", args=[mentorship.pk]),
    ]


def _state():
    return (
        list(Mentorship.objects.values_list("pk", "status")),
        MentoringMessage.objects.count(),
        MentoringInterest.objects.count(),
        Notification.objects.count(),
    )


POSTED = {"topic": "pricing", "message": "Hi", "body": "Hi", "answer": "yes", "offers": ["media"]}


def test_outsiders_get_404_everywhere_and_nothing_is_written(pair):
    _mentee, mentor, mentorship = pair
    before = _state()
    for role, person in outsiders().items():
        client = Client()
        client.force_login(person)
        for url in [reverse("circle:mentoring"), *_object_urls(mentor, mentorship)]:
            # Outsiders learn nothing from the method either: a GET of an address that
            # takes only POST is a 404 for them, as it is everywhere else in the circle.
            assert (role, url, "GET", client.get(url).status_code) == (role, url, "GET", 404)
            assert (role, url, "POST", client.post(url, POSTED).status_code) == (
                role,
                url,
                "POST",
                404,
            )
    assert _state() == before


def test_a_visitor_gets_404_from_every_object_address(pair, client):
    _mentee, mentor, mentorship = pair
    before = _state()
    for url in _object_urls(mentor, mentorship):
        assert (url, client.post(url, POSTED).status_code) == (url, 404)
    assert client.get(_object_urls(mentor, mentorship)[1]).status_code == 404
    # The list page sends a visitor to sign in.
    response = client.get(reverse("circle:mentoring"))
    assert (response.status_code, response["Location"].split("?")[0]) == (
        302,
        reverse("account_login"),
    )
    assert _state() == before


def test_another_members_mentorship_is_404(pair, client):
    _mentee, mentor, mentorship = pair
    stranger = circle_member(name="Cal", asks=["pricing"])
    client.force_login(stranger)
    before = _state()

    for url in _object_urls(mentor, mentorship)[1:]:
        assert (url, client.post(url, POSTED).status_code) == (url, 404)
    assert client.get(_object_urls(mentor, mentorship)[1]).status_code == 404
    assert _state() == before
    assert "Private words" not in client.get(reverse("circle:mentoring")).content.decode()


def test_an_unknown_member_id_is_404(client):
    client.force_login(circle_member(name="Ada", asks=["pricing"]))

    url = reverse("circle:mentoring_request", args=[uuid.uuid4()])

    assert client.get(url).status_code == 404
    assert client.post(url, POSTED).status_code == 404
    assert Mentorship.objects.count() == 0
