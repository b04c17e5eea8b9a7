"""Testimonials show once approved; past engagements only after their date (E34)."""

import datetime

import pytest
from django.utils import timezone

from portfolio import models as portfolio_models
from tests.factories import ConsultantFactory, published_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    return published_profile()


def add_testimonial(profile, text="Clear, practical and kind. qq-words"):
    return portfolio_models.Testimonial.objects.create(
        profile=profile, text=text, author_name="Sam Lee"
    )


def test_a_testimonial_shows_only_after_the_consultant_approves(client, profile):
    testimonial = add_testimonial(profile)
    assert "qq-words" not in client.get(profile.url).content.decode()

    owner = type(client)()
    owner.force_login(profile.consultant)
    assert "qq-words" in owner.get("/dashboard/testimonials/").content.decode()
    response = owner.post(f"/dashboard/testimonials/{testimonial.pk}/approve/")

    assert response.status_code == 302
    assert "qq-words" in client.get(profile.url).content.decode()


def test_declining_deletes_the_testimonial(client, profile):
    testimonial = add_testimonial(profile)
    client.force_login(profile.consultant)

    client.post(f"/dashboard/testimonials/{testimonial.pk}/decline/")

    assert not portfolio_models.Testimonial.objects.exists()


@pytest.mark.parametrize("action", ["approve", "decline"])
def test_another_consultants_testimonial_is_a_404(client, profile, action):
    testimonial = add_testimonial(profile)
    client.force_login(ConsultantFactory())

    response = client.post(f"/dashboard/testimonials/{testimonial.pk}/{action}/")

    assert response.status_code == 404
    testimonial.refresh_from_db()
    assert testimonial.approved_at is None
    assert "qq-words" not in client.get("/dashboard/testimonials/").content.decode()


@pytest.mark.parametrize("path", ["approve", "decline"])
def test_testimonial_actions_need_post_and_a_real_id(client, profile, path):
    client.force_login(profile.consultant)
    testimonial = add_testimonial(profile)
    assert client.get(f"/dashboard/testimonials/{testimonial.pk}/{path}/").status_code == 405
    assert client.post(f"/dashboard/testimonials/not-a-uuid/{path}/").status_code == 404
    client.logout()
    assert client.post(f"/dashboard/testimonials/{testimonial.pk}/{path}/").status_code == 302


def test_testimonial_text_is_escaped(client, profile):
    testimonial = add_testimonial(profile, text="<script>alert(1)</script>")
    testimonial.approved_at = timezone.now()
    testimonial.save()
    html = client.get(profile.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("days_from_today", "shown_flag", "visible"),
    [(-30, True, True), (-30, False, False), (0, True, False), (14, True, False)],
)
def test_past_engagements_show_only_after_their_date_and_if_chosen(
    client, profile, days_from_today, shown_flag, visible
):
    portfolio_models.PastEngagement.objects.create(
        profile=profile,
        title="Keynote qq-event",
        organization="Harbour Trust",
        date=timezone.localdate() + datetime.timedelta(days=days_from_today),
        show_on_profile=shown_flag,
    )
    assert ("qq-event" in client.get(profile.url).content.decode()) is visible
