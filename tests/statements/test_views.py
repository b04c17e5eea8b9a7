import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from statements.models import Statement, StatementCheck
from statements.services import statement_issue, statement_revoke
from statements.views import VERIFY_ATTEMPTS_PER_MINUTE
from tests.conftest import comparable
from tests.factories import ConsultantFactory, OrganizationFactory, member_of, published_profile
from tests.statements.conftest import paid_invoice

pytestmark = pytest.mark.django_db

VERIFY = "/verify/"


@pytest.fixture
def statement(consultant, organization):
    today = timezone.localdate()
    paid_invoice(consultant, organization, paid_on=today - timedelta(days=30))
    return statement_issue(
        consultant=consultant, period_start=today - timedelta(days=90), period_end=today
    )


def _form(**overrides):
    today = timezone.localdate()
    fields = {
        "period_start": (today - timedelta(days=180)).isoformat(),
        "period_end": today.isoformat(),
        "request_key": str(uuid.uuid4()),
    }
    fields.update(overrides)
    return fields


def _check(client, code, **overrides):
    fields = {"code": code, "verifier_name": "Jordan Reyes", "verifier_organization": "Maplewood"}
    fields.update(overrides)
    return client.post(VERIFY, fields)


def test_consultant_issues_a_statement_from_the_form(client, consultant, organization):
    paid_invoice(consultant, organization, paid_on=timezone.localdate() - timedelta(days=5))
    client.force_login(consultant)
    page = client.get(reverse("statements:statements")).content.decode()
    assert "Issue the statement" in page
    response = client.post(reverse("statements:statements"), _form())
    statement = Statement.objects.get()
    assert response.url == reverse("statements:statement", args=[statement.pk])
    shown = client.get(response.url).content.decode()
    assert "Rosa Calder" in shown
    assert "An organization" in shown
    assert "Lakeside" not in shown
    assert "USD\xa01,200.00" in shown
    assert statement.code[:4] in shown


def test_double_submit_makes_one_statement(client, consultant):
    client.force_login(consultant)
    fields = _form()
    first = client.post(reverse("statements:statements"), fields)
    second = client.post(reverse("statements:statements"), fields)
    assert Statement.objects.count() == 1
    assert first.url == second.url


def test_a_bad_period_is_a_form_error_and_writes_nothing(client, consultant):
    client.force_login(consultant)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(reverse("statements:statements"), _form(period_end=tomorrow))
    assert response.status_code == 400
    assert "cannot end in the future" in response.content.decode()
    response = client.post(reverse("statements:statements"), _form(period_start="soon"))
    assert response.status_code == 400
    assert not Statement.objects.exists()


def test_organization_member_has_no_statements_page(client, organization):
    client.force_login(member_of(organization))
    assert client.get(reverse("statements:statements")).status_code == 404


def _object_urls(statement):
    return [
        ("get", reverse("statements:statement", args=[statement.pk])),
        ("get", reverse("statements:statement_pdf", args=[statement.pk])),
        ("post", reverse("statements:statement_revoke", args=[statement.pk])),
    ]


def test_another_persons_statement_answers_like_a_missing_one(client, statement):
    stranger = published_profile(title="Another Speaker").consultant
    missing = Statement(pk=uuid.uuid4())
    for person in (stranger, member_of(OrganizationFactory()), None):
        client.logout()
        if person:
            client.force_login(person)
        for (method, url), (_m, missing_url) in zip(
            _object_urls(statement), _object_urls(missing), strict=True
        ):
            theirs = getattr(client, method)(url, {"confirm": "on"})
            absent = getattr(client, method)(missing_url, {"confirm": "on"})
            assert theirs.status_code == absent.status_code == 404, url
            assert comparable(theirs.content) == comparable(absent.content)
    statement.refresh_from_db()
    assert statement.revoked_at is None


def test_verification_form_is_never_kept_by_a_cache_nor_indexed(client):
    response = client.get(VERIFY)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert response.cookies == {}
    assert client.get("/sitemap.xml").content.decode().count("/verify/") == 0


def test_verification_asks_who_is_checking_before_showing_figures(client, statement):
    response = _check(client, statement.code, verifier_name="", verifier_organization=" ")
    assert response.status_code == 400
    page = response.content.decode()
    assert "USD\xa01,200.00" not in page
    assert "Rosa Calder" not in page
    assert not StatementCheck.objects.exists()


def test_verification_shows_the_issued_figures_and_records_the_check(client, statement):
    response = _check(client, statement.code.lower()[:4] + " " + statement.code[4:])
    page = response.content.decode()
    assert response.status_code == 200
    assert "Podium issued this statement, and its figures are unchanged." in page
    assert "Rosa Calder" in page
    assert "USD\xa01,200.00" in page
    assert "Valid until" in page
    assert StatementCheck.objects.get().verifier_name == "Jordan Reyes"
    # Nothing of the verifier's: no cookie, and no copy in any cache.
    assert response.cookies == {}
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert not client.cookies


def test_wrong_revoked_and_expired_codes_show_no_figures(client, statement, consultant):
    wrong = _check(client, "ABCD-EFGH-JKMN" if statement.code != "ABCDEFGHJKMN" else "NMKJ")
    assert "Podium cannot confirm a statement with this code." in wrong.content.decode()
    statement_revoke(consultant=consultant, statement=statement)
    revoked = _check(client, statement.code)
    assert "This statement is no longer valid." in revoked.content.decode()
    for response in (wrong, revoked):
        assert response.status_code == 200
        assert "Rosa Calder" not in response.content.decode()
        assert "no-store" in response["Cache-Control"]
    assert not StatementCheck.objects.exists()


def test_verification_page_is_throttled(client, statement):
    for _ in range(VERIFY_ATTEMPTS_PER_MINUTE):
        assert _check(client, "ABCD-EFGH-JKMN").status_code == 200
    limited = _check(client, statement.code)
    assert limited.status_code == 429
    assert "Too many tries" in limited.content.decode()
    assert not StatementCheck.objects.exists()


def test_consultant_sees_who_checked_and_when(client, statement, consultant):
    _check(client, statement.code, verifier_name="Jordan Reyes", verifier_organization="Maple")
    client.force_login(consultant)
    page = client.get(reverse("statements:statement", args=[statement.pk])).content.decode()
    assert "Jordan Reyes (Maple)" in page
    listing = client.get(reverse("statements:statements")).content.decode()
    assert "checked once" in listing


def test_revoke_needs_confirmation_then_stops_the_code(client, statement, consultant):
    client.force_login(consultant)
    url = reverse("statements:statement_revoke", args=[statement.pk])
    refused = client.post(url, {})
    assert refused.status_code == 400
    assert "Please confirm that you want to revoke" in refused.content.decode()
    statement.refresh_from_db()
    assert statement.revoked_at is None
    assert client.get(url).status_code == 405
    done = client.post(url, {"confirm": "on"})
    assert done.url == reverse("statements:statement", args=[statement.pk])
    statement.refresh_from_db()
    assert statement.revoked_at is not None
    page = client.get(done.url).content.decode()
    assert "You revoked this statement" in page
    assert "Download the PDF" not in page
    pdf = client.get(reverse("statements:statement_pdf", args=[statement.pk]))
    assert pdf.status_code == 404


def test_earnings_page_links_to_statements(client, consultant):
    client.force_login(consultant)
    page = client.get(reverse("networking:earnings")).content.decode()
    assert reverse("statements:statements") in page


def test_spanish_statement_and_verification(client, statement, consultant, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    response = _check(client, statement.code)
    page = response.content.decode()
    assert "Podium emitió esta constancia" in page
    assert "Una organización" in page
    assert "1.200,00\xa0US$" in page
    client.force_login(consultant)
    page = client.get(reverse("statements:statement", args=[statement.pk])).content.decode()
    assert "Quién la comprobó" in page
    assert "Who checked it" not in page


def test_statement_of_another_consultant_never_shows_in_my_list(client, statement):
    other = ConsultantFactory()
    client.force_login(other)
    page = client.get(reverse("statements:statements")).content.decode()
    assert reverse("statements:statement", args=[statement.pk]) not in page


def test_consultant_is_told_when_records_changed_since_issue(client, statement, consultant):
    from networking.models import Invoice

    client.force_login(consultant)
    url = reverse("statements:statement", args=[statement.pk])
    assert "have changed since this statement was issued" not in client.get(url).content.decode()
    Invoice.objects.filter(consultant=consultant).update(amount=999)
    page = client.get(url).content.decode()
    assert "have changed since this statement was issued" in page
    assert "USD\xa01,200.00" in page
    assert "USD\xa0999.00" not in page


def test_the_address_to_check_comes_from_the_site_not_the_request(client, statement, settings):
    """Printed and read away from the site: a request's Host header never chooses it."""
    settings.PODIUM_SITE_URL = "https://podium.example"
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "elsewhere.example"]
    client.force_login(statement.consultant)
    html = client.get(
        reverse("statements:statement", args=[statement.pk]), HTTP_HOST="elsewhere.example"
    ).content.decode()
    assert "https://podium.example/verify/" in html
    assert "elsewhere.example" not in html
