"""Every networking form answers hostile and malformed input with a clear page (never a
500) and writes nothing; Hypothesis drives the forms and the services behind them."""

import contextlib
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import from_form

from networking.errors import Refused
from networking.forms import (
    BookingRequestForm,
    InterestForm,
    OpportunityForm,
    OrganizationForm,
    VerificationForm,
)
from networking.models import (
    Booking,
    Interest,
    Message,
    Opportunity,
    Organization,
    Report,
    VerificationApplication,
)
from networking.services.bookings import booking_request, booking_transition
from tests.conftest import module_world
from tests.networking.conftest import booking_fields, booking_world

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("networking_hostile_input")]

# Every test starts from the same requested booking: made once for the module, each test
# reading fresh copies inside its own savepoint.
built, world, profile, org_member, booking = module_world(
    booking_world, "profile", "org_member", "booking"
)


HOSTILE = [
    "",
    " ",
    "\x00",
    "a" * 10_000,  # TOO_LONG
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "line\r\nBcc: everyone@example.org",
    "\u202eevil",
    "😀" * 50,
    "-1",
    "1e309",
    "NaN",
    "0",
    "2026-02-30",
    "99999999999999999999",
]
TOO_LONG = "a" * 10_000
# What a message or a report refuses: nothing to say, a NUL, more than it holds; a message
# also refuses an address before the consultant has accepted a booking.
REFUSED_REPORT = {"", " ", "\x00", TOO_LONG}
REFUSED_MESSAGE = {*REFUSED_REPORT, "line\r\nBcc: everyone@example.org"}
ANY_TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300))
SLOW = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _everything():
    return (
        Organization.objects.count(),
        VerificationApplication.objects.count(),
        Opportunity.objects.count(),
        Interest.objects.count(),
        Booking.objects.count(),
        Message.objects.count(),
        Report.objects.count(),
    )


@pytest.mark.parametrize("value", HOSTILE)
def test_every_field_of_every_form_page(client, value, booking, org_member, profile):
    consultant = booking.consultant
    pages = [
        (org_member, reverse("networking:opportunity_new"), OpportunityForm),
        (org_member, reverse("networking:verification"), VerificationForm),
        (org_member, reverse("networking:invite"), None),
        (
            org_member,
            reverse("networking:booking_new", args=[consultant.public_id]),
            BookingRequestForm,
        ),
        (consultant, reverse("networking:booking_move", args=[booking.pk]), None),
        (consultant, reverse("networking:settings"), None),
    ]
    before = _everything()
    for person, url, form_class in pages:
        client.force_login(person)
        names = (
            list(form_class.base_fields)
            if form_class
            else [
                "email",
                "role",
                "to",
                "fee",
                "starts_on",
                "note",
                "contact_policy",
                "email_frequency",
            ]
        )
        response = client.post(url, dict.fromkeys(names, value))
        # No value fits every field of a form: each answers with its errors.
        assert response.status_code == 400, (url, value, response.status_code)
    assert _everything() == before


def test_an_empty_post_is_answered_with_what_is_missing(client, booking, org_member):
    """An empty POST binds the form: it fails saying which fields are required."""
    for person, url in [
        (org_member, reverse("networking:opportunity_new")),
        (org_member, reverse("networking:verification")),
        (booking.consultant, reverse("networking:calendar")),
    ]:
        client.force_login(person)
        before = _everything()
        response = client.post(url, {})
        assert response.status_code == 400, url
        assert "This field is required." in response.content.decode(), url
        assert _everything() == before


@pytest.mark.parametrize("value", HOSTILE)
def test_free_text_forms_store_exactly_what_was_written_or_nothing(client, value, booking):
    """A message or a report may say anything printable; it is kept as text, never run."""
    consultant = booking.consultant
    client.force_login(consultant)
    pages = [
        (
            reverse("networking:conversation", args=[booking.conversation.pk]),
            "body",
            Message,
            REFUSED_MESSAGE,
        ),
        (
            reverse("networking:report", args=["booking", booking.pk]),
            "reason",
            Report,
            REFUSED_REPORT,
        ),
    ]
    for url, field, model, refused in pages:
        before = list(model.objects.values_list(field, flat=True))
        response = client.post(url, {field: value})
        written = list(model.objects.values_list(field, flat=True))
        if value in refused:
            assert response.status_code == 400, (url, value)
            assert written == before
        else:
            assert response.status_code == 302, (url, value)
            assert written == [*before, value.strip()]


@given(form=from_form(OrganizationForm, logo=st.none()))
@SLOW
def test_organization_form_never_lets_a_bad_domain_through(form):
    if form.is_valid():
        domain = form.cleaned_data["email_domain"]
        assert "@" not in domain
        assert "." in domain
        assert domain == domain.lower()


@given(
    fee=st.one_of(st.decimals(allow_nan=True, allow_infinity=True), st.integers()), note=ANY_TEXT
)
@SLOW
def test_interest_form_accepts_only_paid_fees(fee, note):
    form = InterestForm(data={"fee": str(fee), "note": note})
    if form.is_valid():
        assert Decimal("1") <= form.cleaned_data["fee"] <= Decimal("1000000")
        assert "\x00" not in form.cleaned_data["note"]


@given(
    fee=st.decimals(min_value=-1000, max_value=10**7, places=2, allow_nan=False),
    start_offset=st.integers(min_value=-400, max_value=400),
    length=st.integers(min_value=-10, max_value=10),
    acknowledged=st.booleans(),
)
@SLOW
def test_booking_requests_are_paid_future_and_acknowledged(
    profile, org_member, fee, start_offset, length, acknowledged
):
    from django.core.cache import cache

    cache.clear()
    starts_on = timezone.localdate() + timedelta(days=start_offset)
    fields = booking_fields(
        fee=fee,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=length),
        boundaries_acknowledged=acknowledged,
    )
    before = Booking.objects.count()
    try:
        booking = booking_request(actor=org_member, consultant=profile.consultant, **fields)
    except (Refused, ValidationError):
        assert Booking.objects.count() == before
        return
    assert booking.fee >= 1
    assert booking.starts_on >= timezone.localdate()
    assert booking.ends_on >= booking.starts_on
    assert acknowledged


@given(
    to=st.one_of(
        st.sampled_from(["accepted", "countered", "confirmed", "completed"]), st.text(max_size=20)
    ),
    fee=st.one_of(st.none(), st.decimals(min_value=-10, max_value=10**6, places=2)),
    starts=st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))),
)
@SLOW
def test_transitions_never_break_the_rules(profile, org_member, to, fee, starts):
    from django.core.cache import cache

    cache.clear()
    booking = booking_request(actor=org_member, consultant=profile.consultant, **booking_fields())
    with contextlib.suppress(Refused):
        booking_transition(
            booking=booking,
            actor=booking.consultant,
            to=to,
            fee=fee,
            starts_on=starts,
            ends_on=starts,
        )
    booking.refresh_from_db()
    assert booking.fee >= 1
    assert booking.ends_on >= booking.starts_on
    # Whatever happened, every state change is in the history.
    assert booking.events.last().to_state == booking.state
