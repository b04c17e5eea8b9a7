"""The booking state machine: every state change of a Booking happens here.

requested -> accepted | declined | countered (consultant) | cancelled (organization)
countered -> confirmed | cancelled (organization)
accepted  -> confirmed (organization) | cancelled (either)
confirmed -> completed (either, from the first date on) | cancelled (either)
requested, countered, accepted -> expired (beat, no answer in BOOKING_ANSWER_DAYS)
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.throttle import over_limit
from networking.capacity import COUNTED
from networking.enums import AWAITING_ANSWER, BookingState, ContactPolicy, Party, ReportTarget
from networking.errors import Forbidden, Hidden, RateLimited, Refused
from networking.models import (
    Booking,
    BookingEvent,
    Capacity,
    Conversation,
    Interest,
    Membership,
    Preferences,
)
from networking.parties import side_of
from networking.scam import scam_signals
from networking.selectors import organization_members
from networking.selectors.capacity import request_refusal
from networking.services.capacity import limits_changed
from networking.services.notifications import notify, notify_many
from networking.services.safety import scam_report_create
from networking.viewer import as_viewer
from portfolio.models import SpeakerProfilePage

CONSULTANT, ORGANIZATION, SYSTEM = Party.CONSULTANT, Party.ORGANIZATION, Party.SYSTEM
S = BookingState
TRANSITIONS = {
    (S.REQUESTED, S.ACCEPTED): {CONSULTANT},
    (S.REQUESTED, S.DECLINED): {CONSULTANT},
    (S.REQUESTED, S.COUNTERED): {CONSULTANT},
    (S.REQUESTED, S.CANCELLED): {ORGANIZATION},
    (S.COUNTERED, S.CONFIRMED): {ORGANIZATION},
    (S.COUNTERED, S.CANCELLED): {ORGANIZATION},
    (S.ACCEPTED, S.CONFIRMED): {ORGANIZATION},
    (S.ACCEPTED, S.CANCELLED): {CONSULTANT, ORGANIZATION},
    (S.CONFIRMED, S.COMPLETED): {CONSULTANT, ORGANIZATION},
    (S.CONFIRMED, S.CANCELLED): {CONSULTANT, ORGANIZATION},
    **{(state, S.EXPIRED): {SYSTEM} for state in AWAITING_ANSWER},
}

REQUESTS_PER_ORGANIZATION_PER_DAY = 20
REQUESTS_PER_MEMBER_PER_DAY = 10


def booking_side(actor, booking: Booking) -> Party | None:
    """Which party this person is in the booking, if any (blocks count as none); no actor
    is Podium itself (expiry)."""
    return Party.SYSTEM if actor is None else side_of(actor, booking)


def allowed_moves(subject, booking: Booking) -> list[str]:
    """The states this person may move the booking to now (for the buttons)."""
    viewer = as_viewer(subject)
    side = side_of(viewer, booking)
    if side == ORGANIZATION and not viewer.has_perm("networking.act_for_organization"):
        return []
    return [
        to
        for (frm, to), sides in TRANSITIONS.items()
        if frm == booking.state and side in sides and to != S.EXPIRED
    ]


def _record(booking, *, frm, actor, note="", **terms) -> BookingEvent:
    return BookingEvent.objects.create(
        booking=booking,
        from_state=frm,
        to_state=booking.state,
        actor=actor,
        note=note,
        at=booking.state_changed_at,
        **terms,
    )


def _notify_other_side(booking: Booking, actor, event: BookingEvent) -> None:
    url = reverse("networking:booking", args=[booking.pk])
    text = gettext_noop("There is news about a booking.")
    key = f"booking:{booking.pk}:{event.pk}"
    if actor is None or actor.pk != booking.consultant_id:
        notify(user=booking.consultant, event_key=key, text=text, url=url)
    if actor is None or actor.pk == booking.consultant_id:
        notify_many(
            users=organization_members(booking.organization_id), event_key=key, text=text, url=url
        )


def _requestable_profile(actor, consultant) -> SpeakerProfilePage:
    profile = SpeakerProfilePage.objects.filter(consultant=consultant).first()
    if profile is None or not as_viewer(actor).can_view(profile):
        raise Hidden(_("Not found."))
    prefs = Preferences.objects.filter(user=consultant).first()
    if (prefs and prefs.contact_policy == ContactPolicy.NOBODY) or profile.is_paused:
        raise Refused(_("This consultant is not taking requests at the moment."))
    return profile


def _within_limits(consultant, *, interest, starts_on, ends_on, title="", topic="", **_rest):
    refusal = request_refusal(
        consultant_id=consultant.pk,
        starts_on=starts_on,
        ends_on=ends_on,
        text=f"{title} {topic}",
        opportunity=interest.opportunity if interest else None,
    )
    if refusal:
        raise Refused(refusal)


@transaction.atomic
def booking_request(
    *, actor, consultant, interest: Interest | None = None, request_key=None, **fields
) -> Booking:
    """A new request; the same form sent again (same request_key) returns the first booking."""
    viewer = as_viewer(actor)
    membership = viewer.membership
    if not viewer.has_perm("networking.act_for_organization"):
        raise Forbidden(
            _(
                "Only verified organizations can send requests, and you need two-step "
                "verification switched on."
            )
        )
    # One member's requests queue here, so a form sent twice at once finds the booking
    # its first sending made (and an interest is booked once) instead of racing it.
    Membership.objects.select_for_update().filter(pk=membership.pk).exists()
    if request_key is not None:
        earlier = Booking.objects.filter(requested_by=actor, request_key=request_key).first()
        if earlier is not None:
            return earlier
    organization = membership.organization
    _requestable_profile(viewer, consultant)
    if interest is not None and (
        interest.consultant_id != consultant.pk
        or interest.opportunity.organization_id != organization.pk
        or interest.withdrawn_at is not None
        or Booking.objects.filter(interest=interest).exists()
    ):
        raise Hidden(_("Not found."))
    if not fields.pop("boundaries_acknowledged", False):
        raise Refused(
            _("Please confirm that you have read the consultant's boundaries."),
            field="boundaries_acknowledged",
        )
    if fields["starts_on"] < timezone.localdate():
        raise Refused(_("The first date cannot be in the past."), field="starts_on")
    if fields["ends_on"] < fields["starts_on"]:
        raise Refused(_("The last date cannot be before the first date."), field="ends_on")
    _within_limits(consultant, interest=interest, **fields)
    if over_limit(
        f"requests:org:{organization.pk}", REQUESTS_PER_ORGANIZATION_PER_DAY, window=86400
    ) or over_limit(f"requests:user:{actor.pk}", REQUESTS_PER_MEMBER_PER_DAY, window=86400):
        raise RateLimited(_("Your organization has sent many requests today. Try again tomorrow."))
    now = timezone.now()
    booking = Booking(
        consultant=consultant,
        organization=organization,
        requested_by=actor,
        interest=interest,
        opportunity=interest.opportunity if interest else None,
        boundaries_acknowledged_at=now,
        state=S.REQUESTED,
        state_changed_at=now,
        request_key=request_key,
        **fields,
    )
    booking.full_clean()
    booking.save()
    if interest is not None and hasattr(interest, "conversation"):
        conversation = interest.conversation
        conversation.booking = booking
        conversation.save(update_fields=["booking"])
    else:
        Conversation.objects.create(
            consultant=consultant, organization=organization, booking=booking
        )
    event = _record(booking, frm="", actor=actor, fee=booking.fee)
    signals = scam_signals(booking.title, booking.topic, booking.message)
    if signals:
        scam_report_create(
            target_kind=ReportTarget.BOOKING,
            target_id=booking.pk,
            organization=organization,
            signals=signals,
        )
    _notify_other_side(booking, actor, event)
    return booking


@transaction.atomic
def booking_transition(
    *,
    booking: Booking,
    actor,
    to: str,
    note: str = "",
    fee=None,
    starts_on=None,
    ends_on=None,
    consultant_contact: str = "",
) -> Booking:
    """Move a booking to `to`, or refuse with a clear message. actor None means Podium."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    viewer = None if actor is None else as_viewer(actor)
    side = booking_side(viewer, booking)
    if side is None:
        raise Hidden(_("Not found."))
    if side == ORGANIZATION and not viewer.has_perm("networking.act_for_organization"):
        raise Forbidden(_("Your organization cannot act on bookings at the moment."))
    frm = booking.state
    sides = TRANSITIONS.get((frm, to))
    if sides is None:
        raise Refused(
            _("A booking that is %(state)s cannot become %(to)s.")
            % {"state": S(frm).label.lower(), "to": S(to).label.lower() if to in S.values else to}
        )
    if side not in sides:
        raise Refused(_("Only the other side can do this."))
    today = timezone.localdate()
    terms = {}
    if to == S.COUNTERED:
        fee = booking.fee if fee is None else fee
        starts_on = starts_on or booking.starts_on
        ends_on = ends_on or booking.ends_on
        if (fee, starts_on, ends_on) == (booking.fee, booking.starts_on, booking.ends_on):
            raise Refused(_("Propose a different fee or different dates."))
        if fee < 1:
            raise Refused(_("The fee must be above zero."))
        if starts_on < today or ends_on < starts_on:
            raise Refused(_("Give dates from today on, the last not before the first."))
        booking.fee, booking.starts_on, booking.ends_on = fee, starts_on, ends_on
        terms = {"fee": fee, "starts_on": starts_on, "ends_on": ends_on}
    if to == S.EXPIRED and booking.state_changed_at > _expiry_cutoff(timezone.now()):
        raise Refused(_("This booking is still waiting for an answer."))
    if to == S.COMPLETED and booking.starts_on > today:
        raise Refused(_("A booking can be completed from its first date on."))
    if to == S.ACCEPTED:
        booking.consultant_contact = consultant_contact.strip()[:200]
    if to == S.CANCELLED and frm == S.CONFIRMED:
        booking.cancellation_fee_due = booking.cancellation_fee if side == ORGANIZATION else 0
    booking.state = to
    booking.state_changed_at = timezone.now()
    booking.save()
    if (frm in COUNTED) != (to in COUNTED) and Capacity.objects.filter(
        user_id=booking.consultant_id
    ).exists():
        limits_changed(consultant_id=booking.consultant_id)
    event = _record(booking, frm=frm, actor=actor, note=note.strip()[:2000], **terms)
    _notify_other_side(booking, actor, event)
    return booking


@transaction.atomic
def booking_show_publicly(*, consultant, booking: Booking, show: bool) -> Booking:
    """The consultant lists (or unlists) one engagement on her public profile."""
    if not as_viewer(consultant).has_perm("networking.show_booking", booking):
        raise Hidden(_("Not found."))
    booking.show_publicly = show
    booking.save(update_fields=["show_publicly"])
    return booking


def _expiry_cutoff(now):
    return now - timedelta(days=settings.PODIUM_BOOKING_ANSWER_DAYS)


def bookings_expire_stale(*, now) -> int:
    """Expire every booking that waited longer than BOOKING_ANSWER_DAYS for an answer."""
    stale = Booking.objects.filter(
        state__in=AWAITING_ANSWER, state_changed_at__lt=_expiry_cutoff(now)
    )
    count = 0
    for booking in stale.only("pk").iterator():
        try:
            booking_transition(booking=booking, actor=None, to=S.EXPIRED)
        except Refused:  # answered meanwhile
            continue
        count += 1
    return count
