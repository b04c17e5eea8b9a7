"""The member dashboard and signing out (/dashboard/, Clear-Site-Data)."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.utils import timezone

from networking.models import Block, Booking
from tests.accounts.helpers import sign_in
from tests.factories import ConsultantFactory, OrganizationFactory, member_of

pytestmark = pytest.mark.django_db

# A consultant's dashboard also lists the completed engagements she has not rated yet (one
# query) and carries her insight panel (views, answers and paid invoices: three).
QUERIES_CONSULTANT = 15
QUERIES_MEMBER = 10


def test_dashboard_needs_a_signed_in_member(client):
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/dashboard/")


def test_dashboard_refuses_writes(client, user):
    client.force_login(user)
    assert client.post("/dashboard/", {}).status_code == 405


def test_consultant_dashboard_offers_mfa_and_a_photo_upload(client, consultant):
    client.force_login(consultant)
    body = client.get("/dashboard/").content.decode()

    assert "Set up two-step verification" in body
    assert 'href="/admin/images/add/"' in body
    assert "location, camera and date details are removed" in body


def test_organization_member_dashboard_has_no_photo_upload(client, user):
    client.force_login(user)
    body = client.get("/dashboard/").content.decode()

    assert "Set up two-step verification" in body
    assert "/admin/images/add/" not in body


def test_dashboard_names_no_one_else(client, consultant):
    other = ConsultantFactory()
    client.force_login(consultant)
    body = client.get("/dashboard/").content.decode()
    assert other.email not in body
    assert str(other.public_id) not in body


def test_sign_out_is_a_post_that_clears_site_data(client, user):
    sign_in(client, user)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert client.get("/dashboard/").status_code == 302


def test_the_sign_out_button_works_with_csrf_checks_on(user):
    # The test client skips CSRF checks unless asked: a form without its token would
    # pass here and fail in every browser.
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    page = browser.get("/dashboard/")
    token = page.context["csrf_token"]
    assert f'name="csrfmiddlewaretoken" value="{token}"' in page.content.decode()

    response = browser.post("/accounts/logout/", {"csrfmiddlewaretoken": str(token)})

    assert response.status_code == 302
    assert browser.get("/dashboard/").status_code == 302


def test_a_link_or_image_tag_cannot_sign_you_out(client, user):
    sign_in(client, user)

    response = client.get("/accounts/logout/")

    assert response.status_code == 200  # a confirmation page, not a sign-out
    assert "Clear-Site-Data" not in response
    assert client.get("/dashboard/").status_code == 200


def test_wagtail_admin_sign_out_clears_site_data_too(client, user):
    sign_in(client, user)

    response = client.post("/admin/logout/")

    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert client.get("/dashboard/").status_code == 302


# The same exact count with none, one or three other sessions.
@pytest.mark.parametrize("other_sessions", [0, 1, 3])
def test_dashboard_makes_a_bounded_number_of_queries(
    client, consultant, other_sessions, django_assert_num_queries
):
    for n in range(other_sessions):
        UserSession.objects.create(user=consultant, ip="127.0.0.1", session_key=f"other{n}")
    client.force_login(consultant)
    client.get("/dashboard/")

    # Within a minute of the session's renewal (tests/accounts/test_sessions.py): the
    # session, the user, the editor check (once: the Viewer's, shared with the MFA
    # check), the security summary (authenticators, sessions count, workspace), site
    # settings, the membership, the profile, the networking summary's two counts, the
    # engagements not rated yet and the insight panel's three.
    with django_assert_num_queries(QUERIES_CONSULTANT):
        response = client.get("/dashboard/")
    assert response.status_code == 200


@pytest.mark.parametrize("other_sessions", [0, 3])
def test_an_organization_members_dashboard_makes_a_bounded_number_of_queries(
    client, other_sessions, django_assert_num_queries
):
    member = member_of(OrganizationFactory())
    for n in range(other_sessions):
        UserSession.objects.create(user=member, ip="127.0.0.1", session_key=f"other{n}")
    client.force_login(member)
    client.get("/dashboard/")

    # As a consultant's, without the workspace and the profile (no workspace is looked
    # up for anyone but a consultant), with the blocks against the organization.
    with django_assert_num_queries(QUERIES_MEMBER):
        response = client.get("/dashboard/")
    assert response.status_code == 200


def _booking(consultant, organization, state):
    starts = timezone.localdate() + timedelta(days=30)
    return Booking.objects.create(
        consultant=consultant,
        organization=organization,
        title=f"Talk, {state}",
        engagement_type="workshop",
        topic="Recognising labour exploitation",
        starts_on=starts,
        ends_on=starts,
        format="in_person",
        audience_size=40,
        fee=1200,
        boundaries_acknowledged_at=timezone.now(),
        venue="Main hall",
        contact_name="Sam Reyes",
        contact_details="sam@example.org",
        state=state,
        state_changed_at=timezone.now(),
    )


def test_an_organizations_dashboard_counts_its_bookings_but_not_those_hidden_by_a_block(
    client,
):
    organization = OrganizationFactory()
    member = member_of(organization)
    speaker = ConsultantFactory()
    _booking(speaker, organization, "requested")  # waiting for the consultant
    _booking(speaker, organization, "accepted")  # waiting for the organization
    _booking(speaker, organization, "completed")  # no longer active
    _booking(speaker, OrganizationFactory(), "accepted")  # another organization's
    # Consultants who blocked the organization, or its e-mail domain from another one:
    # their bookings with it do not exist for its members, in counts as in lists.
    for blocker, blocked in ((ConsultantFactory(), organization), (ConsultantFactory(), None)):
        _booking(blocker, organization, "countered")
        Block.objects.create(
            consultant=blocker,
            organization=blocked or OrganizationFactory(),
            email_domain=organization.email_domain,
        )
    client.force_login(member)

    body = client.get("/dashboard/").content.decode()

    assert "2 active" in body
    assert "1 waiting for your answer" in body


def test_a_consultants_dashboard_counts_her_own_bookings(client, consultant):
    organization = OrganizationFactory()
    _booking(consultant, organization, "requested")
    _booking(consultant, organization, "confirmed")
    _booking(consultant, organization, "declined")
    _booking(ConsultantFactory(), organization, "requested")
    client.force_login(consultant)

    body = client.get("/dashboard/").content.decode()

    assert "2 active" in body
    assert "1 waiting for your answer" in body


def test_the_account_card_tells_the_second_step_and_the_other_sessions(client, consultant):
    Authenticator.objects.create(user=consultant, type=Authenticator.Type.RECOVERY_CODES, data={})
    for n in range(2):
        UserSession.objects.create(user=consultant, ip="127.0.0.1", session_key=f"other{n}")
    client.force_login(consultant)

    body = client.get("/dashboard/").content.decode()

    # Recovery codes alone are no second step.
    assert "Set up two-step verification" in body
    assert "2 other sessions" in body
    Authenticator.objects.create(user=consultant, type=Authenticator.Type.WEBAUTHN, data={})
    body = client.get("/dashboard/").content.decode()
    assert "Set up two-step verification" not in body
    assert '<span class="badge badge--success">On</span>' in body
