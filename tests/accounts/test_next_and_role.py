"""Where sign-up and sign-in lead next: same-site paths only, the role chosen in advance,
and a booking request that survives sign-up, e-mail confirmation and set-up."""

import re
import uuid
from urllib.parse import quote

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.urls import reverse

from accounts.adapters import RETURN_TO_KEY, is_same_site_path, safe_next, signup_url
from accounts.enums import Role
from tests.accounts.helpers import sign_in
from tests.conftest import comparable
from tests.factories import (
    PASSWORD,
    ConsultantFactory,
    OrganizationFactory,
    UserFactory,
    member_of,
    published_profile,
)

HOSTILE_NEXT = [
    "https://evil.example/",
    "http://evil.example/network/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "/\\/evil.example",
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "network/request/",
    "/\tevil",
    "/%0d%0aLocation:evil",
    "/%2F%2Fevil.example/",
    "/%5Cevil.example/",
    "/\r\nLocation: https://evil.example/",
    "http:/evil.example",
    "https:evil.example",
    "/" + "a" * 2100,
    "",
]
GOOD_NEXT = ["/", "/network/request/1b6f3ab1-94f0-4c4e-9a71-1a4a3f7b0a3e/", "/dashboard/?tab=1"]


@pytest.mark.parametrize("value", HOSTILE_NEXT)
def test_hostile_next_values_are_refused(value):
    assert is_same_site_path(value) is False
    assert safe_next(value) == ""


@pytest.mark.parametrize("value", GOOD_NEXT)
def test_same_site_paths_are_kept(value):
    assert safe_next(value) == value


@pytest.mark.django_db
# Not named "page": that is Playwright's fixture, and borrowing its name would make these
# browser tests, which pytest then runs among the browser tests that empty the database.
@pytest.mark.parametrize("path", ["/accounts/signup/", "/accounts/login/"])
@pytest.mark.parametrize("value", [v for v in HOSTILE_NEXT if v and len(v) < 200])
def test_hostile_next_is_never_written_into_the_page(client, path, value):
    html = client.get(path, {"next": value}).content.decode()

    assert 'name="next"' not in html
    assert "evil.example" not in html
    assert "javascript:" not in html.lower()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_sign_in_with_a_hostile_next_lands_on_the_dashboard(client, value):
    user = UserFactory()

    response = client.post(
        f"/accounts/login/?next={quote(value)}",
        {"login": user.email, "password": PASSWORD, "next": value},
    )

    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"


@pytest.mark.django_db
def test_sign_in_follows_a_same_site_next(client):
    user = UserFactory()

    response = client.post(
        "/accounts/login/", {"login": user.email, "password": PASSWORD, "next": "/network/"}
    )

    assert response["Location"] == "/network/"


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.ORGANIZATION])
def test_signup_preselects_the_role_from_the_address(client, role):
    html = client.get("/accounts/signup/", {"role": role}).content.decode()

    inputs = re.findall(r"<input[^>]*>", html)
    checked = [tag for tag in inputs if "checked" in tag]
    assert len(checked) == 1
    assert f'value="{role}"' in checked[0]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["", "editor", "staff", "<script>", "CONSULTANT"])
def test_signup_preselects_nothing_for_an_unknown_role(client, role):
    html = client.get("/accounts/signup/", {"role": role}).content.decode()

    assert "checked" not in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.django_db
def test_signup_offers_two_role_cards_and_no_dashes(client):
    html = client.get("/accounts/signup/").content.decode()

    assert "I am a survivor-leader offering my expertise" in html
    assert "I represent an organization" in html
    assert "---------" not in html


@pytest.mark.django_db
def test_signup_for_a_request_says_why_and_sign_in_keeps_the_next(client):
    target = reverse("networking:booking_new", args=["1b6f3ab1-94f0-4c4e-9a71-1a4a3f7b0a3e"])

    html = client.get(signup_url(role=Role.ORGANIZATION, next_url=target)).content.decode()

    assert "To send a request, create an organization account." in html
    assert f'<input type="hidden" name="next" value="{target}">' in html
    assert f'href="/accounts/login/?next={quote(target, safe="")}"' in html


@pytest.mark.django_db
def test_plain_signup_does_not_mention_requests(client):
    html = client.get("/accounts/signup/", {"role": "organization"}).content.decode()

    assert "To send a request" not in html


# --- The booking request as the way in ---------------------------------------------


def _request_url(profile):
    return reverse("networking:booking_new", args=[profile.consultant.public_id])


@pytest.mark.django_db
def test_a_visitor_is_sent_to_organization_signup_with_the_request_as_next(client):
    profile = published_profile()
    target = _request_url(profile)

    response = client.get(target)

    assert response.status_code == 302
    expected = f"/accounts/signup/?role=organization&next={quote(target, safe='')}"
    assert response["Location"] == expected


@pytest.mark.django_db
def test_a_visitor_gets_the_same_answer_for_an_unknown_consultant(client):
    missing = reverse("networking:booking_new", args=["00000000-0000-0000-0000-000000000000"])

    response = client.get(missing)

    assert response["Location"].startswith("/accounts/signup/?role=organization&next=")


@pytest.mark.django_db
def test_a_consultant_sees_a_calm_page_not_an_error(client):
    profile = published_profile()
    client.force_login(ConsultantFactory())

    response = client.get(_request_url(profile))

    assert response.status_code == 403
    assert "Only organizations can send requests" in response.content.decode()
    assert profile.title not in response.content.decode()


@pytest.mark.django_db
def test_an_organization_person_without_two_step_is_sent_to_set_it_up_first(client):
    profile = published_profile()
    person = UserFactory(role=Role.ORGANIZATION)
    sign_in(client, person)

    response = client.get(_request_url(profile))

    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert client.session[RETURN_TO_KEY] == _request_url(profile)
    # Moments after signing in, no second password prompt.
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    assert "Set up two-step verification" in setup.content.decode()
    assert "Two-Factor" not in setup.content.decode()


@pytest.mark.django_db
def test_after_two_step_the_next_step_is_the_organization_then_back(client):
    profile = published_profile()
    person = UserFactory(role=Role.ORGANIZATION)
    TOTP.activate(person, generate_totp_secret())
    client.force_login(person)

    response = client.get(_request_url(profile))
    assert response["Location"] == reverse("networking:organization")

    created = client.post(
        reverse("networking:organization"),
        {"name": "Tidewater Collective", "kind": "ngo", "email_domain": "tidewater.example"},
    )
    assert created.status_code == 302, created.content.decode()[:2000]
    assert created["Location"] == _request_url(profile)

    waiting = client.get(_request_url(profile))
    html = waiting.content.decode()
    assert waiting.status_code == 403
    assert "Apply for verification" in html
    assert profile.title in html


@pytest.mark.django_db
def test_a_verified_member_goes_straight_to_the_form_and_the_return_is_forgotten(client):
    profile = published_profile()
    member = member_of(OrganizationFactory())
    client.force_login(member)
    session = client.session
    session[RETURN_TO_KEY] = "/dashboard/"
    session.save()

    response = client.get(_request_url(profile))

    assert response.status_code == 200
    assert "Send the request" in response.content.decode()
    assert RETURN_TO_KEY not in client.session


@pytest.mark.django_db
def test_a_member_is_not_told_whether_a_hidden_consultant_exists(client):
    hidden = published_profile(audience="private")
    member = member_of(OrganizationFactory())
    client.force_login(member)
    unknown = reverse("networking:booking_new", args=[uuid.uuid4()])

    hidden_answer = client.get(_request_url(hidden))
    unknown_answer = client.get(unknown)

    assert hidden_answer.status_code == unknown_answer.status_code == 404
    assert comparable(hidden_answer.content) == comparable(unknown_answer.content)


@pytest.mark.django_db
@pytest.mark.usefixtures("on_commit_runs")
def test_signup_confirmation_and_sign_in_lead_back_to_the_request(client):
    profile = published_profile()
    target = _request_url(profile)
    email = "rafa@tidewater.example"

    client.post(
        signup_url(role=Role.ORGANIZATION, next_url=target),
        {
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "role": Role.ORGANIZATION,
            "next": target,
        },
    )
    [message] = mail.outbox
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    confirmed = client.post(link.split("testserver", 1)[-1])

    assert confirmed["Location"] == f"/accounts/login/?next={quote(target, safe='')}"
    signed_in = client.post(confirmed["Location"], {"login": email, "password": PASSWORD})
    assert signed_in["Location"] == target


@pytest.mark.django_db
def test_sign_in_on_the_way_to_a_request_offers_organization_signup(client):
    target = reverse("networking:booking_new", args=["1b6f3ab1-94f0-4c4e-9a71-1a4a3f7b0a3e"])

    html = client.get("/accounts/login/", {"next": target}).content.decode()

    expected = f"/accounts/signup/?role=organization&amp;next={quote(target, safe='')}"
    assert f'href="{expected}"' in html
    assert f'<input type="hidden" name="next" value="{target}">' in html
