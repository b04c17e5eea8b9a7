"""Where insight is shown: the consultant's dashboard, the fair-rates page, and the
opportunity form an organization fills in."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from insight.models import FairRateFigure, ProfileViewDay
from insight.selectors import own_work_summary
from insight.services import fair_rates_refresh
from networking.enums import BookingState
from networking.models import BookingEvent
from networking.models.money import InvoiceStatus
from tests.factories import OrganizationFactory, member_of, published_profile
from tests.insight.history import consultants, organizations, paid_booking

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(db):
    return published_profile(title="Rosa Calder")


def _answer(booking, to_state):
    BookingEvent.objects.create(
        booking=booking, from_state=BookingState.REQUESTED, to_state=to_state, at=timezone.now()
    )


def _work(profile):
    """Two organizations, four requests (two accepted, one declined, one waiting), three
    paid invoices and a week of views."""
    consultant = profile.consultant
    fast, slow = OrganizationFactory(name="Quick Pay Trust"), OrganizationFactory(name="Slow Co")
    first = paid_booking(consultant, fast, 800, days_ago=40, days_to_pay=4)
    second = paid_booking(consultant, fast, 900, days_ago=70, days_to_pay=8, currency="USD")
    third = paid_booking(consultant, slow, 1000, days_ago=100, days_to_pay=45)
    waiting = paid_booking(
        consultant, slow, 500, state=BookingState.REQUESTED, status=InvoiceStatus.SENT
    )
    _answer(first, BookingState.ACCEPTED)
    _answer(second, BookingState.ACCEPTED)
    _answer(third, BookingState.DECLINED)
    today = timezone.localdate()
    for days_ago, kind, count in [(0, "anonymous", 5), (3, "anonymous", 2), (3, "org_ngo", 1)]:
        ProfileViewDay.objects.create(
            profile=profile, day=today - timedelta(days=days_ago), kind=kind, count=count
        )
    ProfileViewDay.objects.create(
        profile=profile, day=today - timedelta(days=45), kind="consultant", count=9
    )
    return waiting


def test_the_consultants_own_figures(profile):
    _work(profile)
    today = timezone.localdate()
    work = own_work_summary(consultant=profile.consultant, today=today)
    views = dict(work.views)
    assert work.views_total == 8
    assert views["Visitors who are not signed in"] == 7
    assert views["Verified non-profits and NGOs"] == 1
    assert views["Signed-in consultants"] == 0  # the 45-day-old view is outside 30 days
    answers = work.answers
    assert (answers.received, answers.accepted, answers.declined, answers.countered) == (4, 2, 1, 0)
    assert answers.acceptance_percent == 67
    assert work.payment_days == [("Quick Pay Trust", 6, 2), ("Slow Co", 45, 1)]
    amounts = {
        (month, currency): amount
        for month, totals in work.earnings
        for currency, amount in totals.items()
    }
    paid = [
        ((today - timedelta(days=40 - 4)).replace(day=1), "EUR", 800),
        ((today - timedelta(days=70 - 8)).replace(day=1), "USD", 900),
        ((today - timedelta(days=100 - 45)).replace(day=1), "EUR", 1000),
    ]
    expected = {}
    for month, currency, amount in paid:
        expected[(month, currency)] = expected.get((month, currency), 0) + amount
    assert amounts == expected


def test_the_dashboard_shows_them_to_the_consultant(client, profile):
    _work(profile)
    client.force_login(profile.consultant)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Insight on your work" in html
    assert "Quick Pay Trust" in html
    assert "Slow Co" in html
    assert "67" in html
    assert "Visitors who are not signed in" in html


def test_the_dashboard_shows_nothing_of_it_to_an_organization(client):
    client.force_login(member_of(OrganizationFactory()))
    html = client.get(reverse("dashboard")).content.decode()
    assert "Insight on your work" not in html


@pytest.mark.parametrize("n", [1, 3])
def test_the_insight_panel_costs_three_queries_whatever_the_numbers(
    client, profile, n, django_assert_num_queries
):
    org = OrganizationFactory()
    for _ in range(n):
        paid_booking(profile.consultant, org, 700)
    with django_assert_num_queries(3):
        own_work_summary(consultant=profile.consultant, today=timezone.localdate())


def test_the_dashboard_in_spanish(client, profile):
    _work(profile)
    client.force_login(profile.consultant)
    with translation.override("es"):
        html = client.get(reverse("dashboard"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Su trabajo en cifras" in html
    assert "Insight on your work" not in html
    assert "Visitantes que no han iniciado sesión" in html
    # One declined request reads without a plural that disagrees with it.
    assert "rechazadas: 1." in html
    assert "1 rechazadas" not in html


def _published_cell():
    orgs = organizations(3, country="FR")
    for person, fee in zip(consultants(5), [800, 900, 1000, 1100, 1200], strict=True):
        paid_booking(person, orgs[0], fee, engagement_type="workshop", format="in_person")
        paid_booking(person, orgs[1], fee, engagement_type="workshop", format="in_person")
        paid_booking(person, orgs[2], fee, engagement_type="workshop", format="in_person")
    fair_rates_refresh(today=timezone.localdate())


def test_the_fair_rates_page_answers_a_cell_or_not_enough_data(client, profile):
    _published_cell()
    client.force_login(profile.consultant)
    url = reverse("insight:fair_rates")
    chosen = {"engagement_type": "workshop", "format": "in_person", "region": "europe"}
    html = client.get(url, chosen | {"currency": "EUR"}).content.decode()
    assert "Middle half of fees" in html
    # A figure rounded to two significant figures claims no cents.
    assert "EUR\xa01,000</dd>" in html
    assert ".00" not in html
    html = client.get(url, chosen | {"currency": "GBP"}).content.decode()
    assert "Not enough data yet." in html
    assert "US federal grant cap" in html  # the editors' benchmarks beside them


def test_the_fair_rates_page_is_for_members_only(client):
    response = client.get(reverse("insight:fair_rates"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_organization_sees_the_figures_beside_the_fee_it_offers(client):
    _published_cell()
    member = member_of(OrganizationFactory(country="ES"))
    client.force_login(member)
    url = reverse("networking:opportunity_new")
    html = client.get(url).content.decode()
    assert "What consultants are paid for this" in html
    assert "Choose the engagement type, format and currency" in html
    # After choosing (a posted form that comes back with an error, say), the cell shows.
    html = client.post(
        url, {"engagement_type": "workshop", "format": "in_person", "currency": "EUR"}
    ).content.decode()
    assert "Workshop or training, In person, paid by organizations in: Europe, in EUR." in html
    assert "EUR\xa01,000</dd>" in html
    assert "1,000.00" not in html
    html = client.post(
        url, {"engagement_type": "keynote", "format": "in_person", "currency": "EUR"}
    ).content.decode()
    assert "Not enough data yet." in html


def test_the_opportunity_form_figures_in_spanish(client):
    _published_cell()
    client.force_login(member_of(OrganizationFactory(country="ES")))
    html = client.post(
        reverse("networking:opportunity_new"),
        {"engagement_type": "keynote", "format": "in_person", "currency": "EUR"},
        HTTP_ACCEPT_LANGUAGE="es",
    ).content.decode()
    assert "Aún no hay datos suficientes." in html
    assert "Not enough data yet" not in html


def test_earnings_months_are_the_last_twelve(profile):
    org = OrganizationFactory()
    paid_booking(profile.consultant, org, 100, days_ago=400, days_to_pay=1)
    work = own_work_summary(consultant=profile.consultant, today=timezone.localdate())
    assert work.earnings == []


def _figures(n):
    for engagement_type in ["keynote", "workshop", "panel"][:n]:
        FairRateFigure.objects.create(
            computed_on=timezone.localdate(),
            engagement_type=engagement_type,
            format="virtual",
            region="europe",
            currency="EUR",
            lower_quartile=800,
            median=1000,
            upper_quartile=1200,
        )


@pytest.mark.parametrize("n", [1, 3])
def test_the_fair_rates_page_costs_the_same_queries_with_one_or_three_figures(
    client, profile, n, django_assert_num_queries
):
    _figures(n)
    client.force_login(profile.consultant)
    url = reverse("insight:fair_rates")
    client.get(url)  # the session's renewal and the site settings' row are not measured
    cell = {"engagement_type": "keynote", "format": "virtual", "region": "europe"}
    # The session, the user, the editors' group (the header), the published figures (the
    # one asked for among them), the site settings.
    with django_assert_num_queries(5):
        html = client.get(url, cell | {"currency": "EUR"}).content.decode()
    assert html.count("EUR\xa01,000<") == n + 1
