"""The dashboard links each person to everything they own, in one click."""

import pytest
from django.test import Client
from django.urls import reverse

from networking.models import Notification
from tests.factories import OrganizationFactory, member_of

pytestmark = pytest.mark.django_db


def _dashboard(client, user) -> str:
    client.force_login(user)
    return client.get("/dashboard/").content.decode()


def test_consultant_dashboard_links_to_everything_they_own(client, consultant):
    profile = consultant.speaker_profile
    body = _dashboard(client, consultant)

    for url in (
        reverse("wagtailadmin_pages:edit", args=[profile.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[profile.pk]),
        reverse("wagtailadmin_explore", args=[profile.pk]),
        reverse("networking:bookings"),
        reverse("networking:inbox"),
        reverse("networking:invoices"),
        reverse("networking:earnings"),
        reverse("networking:calendar"),
        reverse("networking:settings"),
        reverse("networking:notifications"),
        reverse("records_export"),
        reverse("portfolio:videos"),
    ):
        assert f'href="{url}"' in body, url


def test_write_a_post_is_one_click_to_the_add_form_under_the_profile(client, consultant):
    profile = consultant.speaker_profile
    body = _dashboard(client, consultant)
    post_url = f"/admin/pages/add/portfolio/blogpostpage/{profile.pk}/"
    video_url = f"/admin/pages/add/portfolio/videopage/{profile.pk}/"
    assert f'<a href="{post_url}">Write a post</a>' in body
    assert f'<a href="{video_url}">Add a video</a>' in body

    # The link opens the form itself, not a list of page types to choose from.
    form = client.get(post_url)
    assert form.status_code == 200
    assert "wagtailadmin/pages/create.html" in [t.name for t in form.templates]
    assert 'name="title"' in form.content.decode()


def test_consultant_dashboard_counts_new_messages(client, consultant):
    for n in range(3):
        Notification.objects.create(
            user=consultant, event_key=f"message:{n}", text="New message", url="/network/inbox/"
        )
    Notification.objects.create(
        user=consultant, event_key="booking:1", text="Booking", url="/network/bookings/"
    )
    Notification.objects.create(
        user=consultant,
        event_key="message:old",
        text="Read already",
        url="/network/inbox/",
        read_at="2026-01-01T00:00:00Z",
    )
    body = _dashboard(client, consultant)
    assert "3 new messages" in body
    assert "4 new" in body  # notifications of every kind


def test_organization_member_gets_the_links_that_fit_them(client):
    member = member_of(OrganizationFactory())
    body = _dashboard(client, member)

    assert f'href="{reverse("networking:organization")}"' in body
    assert f'href="{reverse("networking:invoices")}"' in body
    assert f'href="{reverse("networking:inbox")}"' in body
    # A consultant's things are not offered to them.
    assert reverse("networking:earnings") not in body
    assert reverse("networking:calendar") not in body
    assert "Write a post" not in body
    assert "Editors&#x27; desk" not in body


def test_only_editors_get_the_editors_links(consultant, editor_client):
    assert reverse("networking_reports:index") not in _dashboard(Client(), consultant)
    body = editor_client.get("/dashboard/").content.decode()
    assert f'href="{reverse("networking_reports:index")}"' in body
    assert f'href="{reverse("networking_verification:index")}"' in body
    assert "Write a post" not in body
