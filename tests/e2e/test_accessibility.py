"""axe-core finds no WCAG 2.2 AA violations on each page type of the foundation."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, sign_in, url

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/resources/",
        "/resources/?category=weapons",
        "/safety/",
        "/fair-pay/",
        "/accounts/signup/",
        "/accounts/login/",
        "/accounts/password/reset/",
        "/x/",
    ],
)
def test_public_pages_have_no_violations(page, live_server, path):
    page.goto(url(live_server, path))
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "path",
    [
        "/dashboard/",
        "/dashboard/videos/",
        "/dashboard/testimonials/",
        "/dashboard/delete-account/",
        "/accounts/2fa/",
        "/accounts/sessions/",
    ],
)
def test_member_pages_have_no_violations(page, live_server, consultant, path):
    sign_in(page, live_server, consultant)
    page.goto(url(live_server, path))
    assert axe_violations(page) == []


def test_a_form_with_errors_has_no_violations(page, live_server):
    page.goto(url(live_server, "/accounts/signup/"))
    with page.expect_navigation():
        page.get_by_role("button", name="Sign Up").click()
    assert axe_violations(page) == []


def test_the_axe_check_can_fail(page, live_server):
    page.goto(url(live_server, "/"))
    page.evaluate("document.querySelector('main').appendChild(document.createElement('img'))")
    assert [v["id"] for v in axe_violations(page)] == ["image-alt"]


@pytest.fixture
def networking_world(db):
    """A consultant with a booking, a message and an invoice, and the organization."""
    from networking.enums import BookingState
    from networking.models import Booking
    from networking.services.bookings import booking_request
    from networking.services.conversations import message_send
    from networking.services.money import invoice_issue
    from tests.factories import OrganizationFactory, member_of, published_profile
    from tests.networking.conftest import booking_fields

    profile = published_profile(title="Iris Vale", topics_not_discussed="My family")
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    member = member_of(OrganizationFactory(name="Lakeside Learning Trust"), mfa=False)
    member.totp_secret = generate_totp_secret()
    TOTP.activate(member, member.totp_secret)
    booking = booking_request(actor=member, consultant=profile.consultant, **booking_fields())
    message_send(conversation=booking.conversation, sender=member, body="Hello Iris")
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.COMPLETED)
    booking.refresh_from_db()
    invoice = invoice_issue(consultant=profile.consultant, booking=booking)
    return profile, member, booking, invoice


@pytest.fixture
def insight_world(networking_world):
    """The networking world with a published fair-rate figure, an opportunity of that
    kind, a statement and a limit set: the pages of capacity, statements and insight."""
    from django.utils import timezone

    from insight.models import FairRateFigure
    from insight.selectors import fair_rate_region_for_organization
    from networking.services.capacity import capacity_update
    from networking.services.opportunities import opportunity_create
    from statements.services import statement_issue
    from tests.networking.conftest import opportunity_fields

    profile, member, booking, _invoice = networking_world
    organization = member.membership.organization
    today = timezone.localdate()
    FairRateFigure.objects.create(
        computed_on=today,
        engagement_type="workshop",
        format="in_person",
        region=fair_rate_region_for_organization(organization),
        currency="EUR",
        lower_quartile=800,
        median=1000,
        upper_quartile=1200,
    )
    opportunity = opportunity_create(
        actor=member,
        **opportunity_fields(engagement_type="workshop", format="in_person", currency="EUR"),
    )
    capacity_update(consultant=profile.consultant, monthly_limit=4, rest_days=1)
    statement = statement_issue(consultant=profile.consultant, period_start=today, period_end=today)
    return profile, member, booking, opportunity, statement


CONSULTANT_PAGES = [
    "/dashboard/",
    "/network/bookings/",
    "/network/bookings/{booking}/",
    "/network/inbox/",
    "/network/opportunities/",
    "/network/settings/",
    "/network/calendar/",
    "/network/invoices/",
    "/network/earnings/",
    "/network/notifications/",
    "/network/report/booking/{booking}/",
]
ORGANIZATION_PAGES = [
    "/dashboard/",
    "/network/organization/",
    "/network/opportunities/",
    "/network/opportunities/new/",
    "/network/bookings/{booking}/",
    "/network/bookings/{booking}/testimonial/",
    "/network/invoices/{invoice}/",
    "/network/request/{consultant}/",
]


def test_networking_pages_have_no_violations(page, live_server, networking_world):

    profile, member, booking, invoice = networking_world
    names = {
        "booking": booking.pk,
        "invoice": invoice.pk,
        "consultant": profile.consultant.public_id,
    }
    pages = ((profile.consultant, CONSULTANT_PAGES), (member, ORGANIZATION_PAGES))
    assert _violations_by_path(page, live_server, pages, names, member) == {}


def test_the_spanish_interface_has_no_violations(page, live_server):
    page.goto(url(live_server, "/safety/"))
    page.get_by_role("link", name="Español").click()
    page.wait_for_load_state()
    assert page.url.endswith("/safety/")
    assert page.locator("html").get_attribute("lang") == "es"
    expect(page.get_by_role("link", name="Salida rápida")).to_be_visible()
    assert axe_violations(page) == []


def test_the_style_page_shows_every_component_without_violations(page, live_server):
    page.goto(url(live_server, "/style/"))
    for include in ("confirm_action.html", "badge.html", "notice.html", "empty_state.html"):
        expect(page.get_by_text(f'components/{include}"').first).to_be_visible()
    assert page.locator("details.confirm summary.button--danger").count() == 1
    assert page.locator(".badge").count() >= 5
    assert page.locator(".notice").count() == 4
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex, nofollow"
    assert axe_violations(page) == []
    page.goto(url(live_server, "/style/?email=not-an-address"))
    assert page.locator(".errorlist").count() >= 1
    assert axe_violations(page) == []


INSIGHT_CONSULTANT_PAGES = [
    "/dashboard/",  # with her insight panel
    "/network/settings/limits/",
    "/statements/",
    "/statements/{statement}/",
    "/insight/fair-rates/",
    "/insight/fair-rates/?engagement_type=workshop&format=in_person&region={region}&currency=EUR",
    "/network/bookings/{booking}/",  # completed: the debrief form and the rating reminder
]
INSIGHT_ORGANIZATION_PAGES = [
    "/network/opportunities/new/",
    "/network/opportunities/{opportunity}/edit/",  # the figures for the kind it offers
    "/insight/fair-rates/",
]


def test_capacity_statement_and_insight_pages_have_no_violations(page, live_server, insight_world):
    from insight.models import FairRateFigure

    profile, member, booking, opportunity, statement = insight_world
    names = {
        "booking": booking.pk,
        "opportunity": opportunity.pk,
        "statement": statement.pk,
        "region": FairRateFigure.objects.get().region,
    }
    pages = (
        (profile.consultant, INSIGHT_CONSULTANT_PAGES),
        (member, INSIGHT_ORGANIZATION_PAGES),
    )
    assert _violations_by_path(page, live_server, pages, names, member) == {}


def test_the_verification_form_and_its_answer_have_no_violations(page, live_server, insight_world):
    from statements.codes import grouped

    statement = insight_world[-1]
    page.goto(url(live_server, "/verify/"))
    assert axe_violations(page) == []
    page.get_by_label("Verification code").fill(grouped(statement.code))
    page.get_by_label("Your name").fill("Jordan Reyes")
    page.get_by_label("Your organization").fill("Maple Lettings")
    with page.expect_navigation():
        page.get_by_role("button", name="Check the statement").click()
    expect(page.get_by_text("Iris Vale").first).to_be_visible()
    assert axe_violations(page) == []


def test_the_fair_rate_panel_stands_apart_from_the_opportunity_form(
    page, live_server, insight_world
):
    from tests.e2e.test_portfolio_journey import sign_in_with_code

    member, opportunity = insight_world[1], insight_world[3]
    sign_in_with_code(page, live_server, member, member.totp_secret)
    page.goto(url(live_server, f"/network/opportunities/{opportunity.pk}/edit/"))
    gap = page.evaluate(
        """() => document.querySelector('main form[method=post]').getBoundingClientRect().top
              - document.querySelector('aside[aria-labelledby=fair-rate-heading]')
                  .getBoundingClientRect().bottom"""
    )
    assert gap >= 16
    expect(page.get_by_text("EUR\xa01,000", exact=True).first).to_be_visible()


def _violations_by_path(page, live_server, pages, names, member) -> dict:
    """Each person signs in (the organization member with her code) and every path of
    theirs is checked; the answer maps each path with violations to them."""
    from tests.e2e.test_portfolio_journey import sign_in_with_code

    found = {}
    for person, paths in pages:
        page.context.clear_cookies()
        if person == member:
            sign_in_with_code(page, live_server, person, member.totp_secret)
        else:
            sign_in(page, live_server, person)
        for path in paths:
            response = page.goto(url(live_server, path.format(**names)))
            assert response.status == 200, path
            violations = axe_violations(page)
            if violations:
                found[path] = violations
    return found
