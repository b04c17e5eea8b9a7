"""The booking state machine: every allowed move, every refused one, and what each leaves."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from networking.enums import BookingState as S
from networking.errors import Forbidden, Hidden, Refused
from networking.models import Booking, BookingEvent, Notification
from networking.services.bookings import (
    TRANSITIONS,
    booking_request,
    booking_transition,
    bookings_expire_stale,
)
from tests.conftest import module_world
from tests.factories import ConsultantFactory, OrganizationFactory, member_of
from tests.networking.conftest import booking_fields, booking_world

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("booking_states")]

# Every test starts from the same requested booking: made once for the module, each test
# reading fresh copies inside its own savepoint.
built, world, booking, org_member = module_world(booking_world, "booking", "org_member")


def _put_in(booking, state):
    Booking.objects.filter(pk=booking.pk).update(state=state)
    booking.refresh_from_db()
    return booking


def _actor(booking, side, org_member):
    return {"consultant": booking.consultant, "organization": org_member, "system": None}[side]


def test_request_is_recorded_with_who_and_when_and_notifies_the_consultant(booking, org_member):
    event = booking.events.get()
    assert (event.from_state, event.to_state, event.actor) == ("", S.REQUESTED, org_member)
    assert booking.boundaries_acknowledged_at is not None
    assert Notification.objects.filter(user=booking.consultant).count() == 1


@pytest.mark.parametrize(("frm", "to"), sorted(TRANSITIONS))
def test_each_allowed_move_by_its_side_is_stored(booking, org_member, frm, to):
    _put_in(booking, frm)
    if to == S.EXPIRED:
        Booking.objects.filter(pk=booking.pk).update(
            state_changed_at=timezone.now() - timedelta(days=30)
        )
    if to == S.COMPLETED:
        Booking.objects.filter(pk=booking.pk).update(starts_on=timezone.localdate())
    side = sorted(TRANSITIONS[(frm, to)])[0]
    terms = {"fee": 1500} if to == S.COUNTERED else {}
    booking_transition(booking=booking, actor=_actor(booking, side, org_member), to=to, **terms)
    booking.refresh_from_db()
    assert booking.state == to
    last = booking.events.last()
    assert (last.from_state, last.to_state) == (frm, to)


ALL_MOVES = [(frm, to) for frm in S.values for to in S.values if (frm, to) not in TRANSITIONS]


@pytest.mark.parametrize(("frm", "to"), ALL_MOVES)
def test_every_other_move_is_refused_and_changes_nothing(booking, org_member, frm, to):
    _put_in(booking, frm)
    for actor in (booking.consultant, org_member):
        with pytest.raises(Refused) as refused:
            booking_transition(booking=booking, actor=actor, to=to, fee=1500)
        assert "cannot become" in str(refused.value)
    booking.refresh_from_db()
    assert booking.state == frm
    assert booking.events.count() == 1


@pytest.mark.parametrize(("frm", "to"), sorted(TRANSITIONS))
def test_the_wrong_side_is_refused(booking, org_member, frm, to):
    _put_in(booking, frm)
    wrong = {"consultant", "organization"} - TRANSITIONS[(frm, to)]
    for side in wrong:
        with pytest.raises(Refused, match="Only the other side"):
            booking_transition(booking=booking, actor=_actor(booking, side, org_member), to=to)
    assert Booking.objects.get(pk=booking.pk).state == frm


def test_strangers_get_not_found(booking):
    other_org_member = member_of(OrganizationFactory())
    for stranger in (ConsultantFactory(), other_org_member):
        with pytest.raises(Hidden):
            booking_transition(booking=booking, actor=stranger, to=S.ACCEPTED)


def test_a_counter_changes_the_terms_and_keeps_the_old_ones_in_the_history(booking):
    new_start = booking.starts_on + timedelta(days=7)
    booking_transition(
        booking=booking,
        actor=booking.consultant,
        to=S.COUNTERED,
        fee=1800,
        starts_on=new_start,
        ends_on=new_start,
    )
    booking.refresh_from_db()
    assert (booking.fee, booking.starts_on) == (1800, new_start)
    assert list(booking.events.values_list("fee", flat=True)) == [1200, 1800]


def test_a_counter_must_change_something(booking):
    with pytest.raises(Refused, match="different fee or different dates"):
        booking_transition(booking=booking, actor=booking.consultant, to=S.COUNTERED)


def test_completion_waits_for_the_first_date(booking, org_member):
    _put_in(booking, S.CONFIRMED)
    with pytest.raises(Refused, match="from its first date on"):
        booking_transition(booking=booking, actor=org_member, to=S.COMPLETED)


def test_an_organization_cancelling_after_confirmation_owes_the_agreed_fee(booking, org_member):
    _put_in(booking, S.CONFIRMED)
    booking_transition(booking=booking, actor=org_member, to=S.CANCELLED)
    booking.refresh_from_db()
    assert booking.cancellation_fee_due == 300


def test_a_consultant_cancelling_owes_nothing(booking):
    _put_in(booking, S.CONFIRMED)
    booking_transition(booking=booking, actor=booking.consultant, to=S.CANCELLED)
    booking.refresh_from_db()
    assert booking.cancellation_fee_due == 0


def test_unanswered_requests_expire_and_answered_ones_do_not(booking, org_member, settings):
    fresh = booking_request(
        actor=org_member, consultant=booking.consultant, **booking_fields(title="Later")
    )
    old = timezone.now() - timedelta(days=settings.PODIUM_BOOKING_ANSWER_DAYS + 1)
    Booking.objects.filter(pk=booking.pk).update(state_changed_at=old)
    assert bookings_expire_stale(now=timezone.now()) == 1
    assert Booking.objects.get(pk=booking.pk).state == S.EXPIRED
    assert Booking.objects.get(pk=fresh.pk).state == S.REQUESTED
    assert BookingEvent.objects.filter(booking=booking, to_state=S.EXPIRED, actor=None).exists()
    assert bookings_expire_stale(now=timezone.now()) == 0


def test_a_recent_request_cannot_be_expired(booking):
    with pytest.raises(Refused, match="still waiting"):
        booking_transition(booking=booking, actor=None, to=S.EXPIRED)


def test_an_organization_that_lost_its_verification_cannot_move_a_booking(booking, org_member):
    organization = org_member.membership.organization
    organization.suspended_at = timezone.now()
    organization.save()
    org_member = User.objects.get(pk=org_member.pk)  # a new request reads it afresh
    with pytest.raises(Forbidden):
        booking_transition(booking=booking, actor=org_member, to=S.CANCELLED)


def test_each_move_notifies_the_other_side_once(booking, org_member):
    booking_transition(booking=booking, actor=booking.consultant, to=S.ACCEPTED)
    assert Notification.objects.filter(user=org_member).count() == 1
    booking_transition(booking=booking, actor=org_member, to=S.CONFIRMED)
    assert Notification.objects.filter(user=booking.consultant).count() == 2
