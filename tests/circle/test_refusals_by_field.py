"""A refusal of what was written in one field is shown with that field: the input is
marked invalid and described by the message, so a screen reader reads the two together
(WCAG 3.3.1). Only refusals about the whole form stand at its top."""

import uuid

import pytest
from django.urls import reverse

from tests.circle.membership_people import member
from tests.circle.test_forum_world import join, make_circle, make_member
from tests.factories import ConsultantFactory
from tests.form_errors import field_error, form_errors

pytestmark = pytest.mark.django_db

RTL_OVERRIDE = "\u202e"


def test_a_taken_name_when_asking_to_join_is_refused_beside_the_name(client):
    member(name="Ana Reyes")
    client.force_login(ConsultantFactory())

    html = client.post(reverse("circle:home"), {"name": "ANA REYES", "note": ""}).content.decode()

    assert (
        field_error(html, "name")
        == "This name cannot be used in the circle. Please choose another."
    )
    assert form_errors(html) == []


def test_a_taken_name_in_the_settings_is_refused_beside_the_name(client):
    member(name="Ana Reyes")
    ben = member(name="Ben Okafor")
    client.force_login(ben.user)

    html = client.post(reverse("circle:settings"), {"name": "Ana Reyes"}).content.decode()

    assert (
        field_error(html, "name")
        == "This name cannot be used in the circle. Please choose another."
    )
    assert form_errors(html) == []


@pytest.mark.parametrize(
    ("field", "fields"),
    [
        ("title", {"title": f"Stage {RTL_OVERRIDE}fright", "body": "Any tips?"}),
        ("body", {"title": "Stage fright", "body": f"Any {RTL_OVERRIDE}tips?"}),
        (
            "content_note",
            {"title": "Stage fright", "body": "Tips", "content_note": f"Loss {RTL_OVERRIDE}here"},
        ),
    ],
)
def test_a_refused_character_in_a_new_thread_is_shown_with_its_field(client, field, fields):
    place = make_circle("New to speaking", "new-to-speaking")
    ana = make_member("Ana Reyes")
    join(ana, place)
    client.force_login(ana)

    response = client.post(
        reverse("circle:thread_new", args=[place.slug]), {**fields, "send_key": str(uuid.uuid4())}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert field_error(html, field) == "This contains characters that cannot be used."
    assert form_errors(html) == []
