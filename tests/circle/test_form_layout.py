"""Every field of a circle form sits in its own block, as the site's forms do: the form
styles space one field from the next and keep a checkbox with its label, on its own line,
not beside the button that sends the form."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from circle.models import Mentorship
from circle.services.referrals import referral_answer, referral_create
from networking.services.bookings import booking_request
from tests.circle.mentoring_people import circle_member
from tests.circle.test_forum_world import join, make_circle, make_member, start
from tests.factories import OrganizationFactory, member_of, published_profile
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db


def _loose_fields(client, url) -> list[str]:
    """Names of the visible fields of the page's main forms that are not in a block of
    their own."""
    response = client.get(url)
    assert response.status_code == 200, url
    main = BeautifulSoup(response.content.decode(), "html.parser").find("main")
    loose = []
    for form in main.find_all("form"):
        for field in form.find_all(["input", "textarea", "select"]):
            if field.get("type") in ("hidden", "submit"):
                continue
            if field.parent.name != "div" and field.parent.name != "label":
                loose.append(field.get("name"))
    return loose


def test_the_forum_forms_keep_each_field_in_a_block(client):
    circle = make_circle("New to speaking", "new-to-speaking")
    ana = make_member("Ana Reyes")
    join(ana, circle)
    thread = start(ana, circle)
    client.force_login(ana)

    for url in (
        reverse("circle:thread", args=[thread.pk]),
        reverse("circle:thread_new", args=[circle.slug]),
        reverse("circle:search") + "?q=first",
        reverse("circle:settings"),
    ):
        assert _loose_fields(client, url) == [], url


def test_the_mentoring_thread_keeps_its_field_in_a_block(client):
    mentor = circle_member(name="Bea", offers=["pricing"])
    mentee = circle_member(name="Ada", asks=["pricing"])
    mentorship = Mentorship.objects.create(
        mentor=mentor, mentee=mentee, topic="pricing", message="Rates?", status="active"
    )
    client.force_login(mentee)

    assert _loose_fields(client, reverse("circle:mentorship", args=[mentorship.pk])) == []


def test_the_organizations_choice_keeps_its_checkbox_in_a_block(client):
    org_member = member_of(OrganizationFactory(name="Lakeside Learning Trust"))
    rosa = circle_member(name="Rosa in the circle")
    published_profile(rosa, title="Rosa Calder")
    mara = circle_member(name="Mara in the circle")
    published_profile(mara, title="Mara Quill", audience="network")
    booking = booking_request(actor=org_member, consultant=rosa, **booking_fields())
    referral = referral_create(actor=rosa, booking=booking, referred=mara.circle_member)
    referral_answer(actor=mara, referral=referral, accept=True)
    client.force_login(org_member)

    url = reverse("suggested_speakers:choose", args=[referral.pk])
    assert _loose_fields(client, url) == []
