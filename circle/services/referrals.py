"""Referrals: a consultant suggests another member for a request they cannot take, the
member says yes or no, and only after a yes does the organization see the suggestion and
choose. The new request goes through networking's own booking service, with all of its
checks. A no, from the member or the organization, is recorded for nobody's count.
"""

import uuid

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from circle.enums import ReferralStatus
from circle.models import Member, Referral
from circle.selectors.referrals import referral_candidate
from circle.services.forum import checked_text, longest
from networking.enums import BookingState
from networking.errors import Hidden, Refused
from networking.models import Booking
from networking.selectors import organization_members
from networking.services.bookings import booking_request
from networking.services.notifications import notify, notify_many
from networking.viewer import as_viewer

SUGGESTED_TEXT = gettext_noop("You were suggested for a request")
# The organization's notification is networking's own words about a booking: nothing in
# it says where the suggestion came from.
BOOKING_NEWS_TEXT = gettext_noop("There is news about a booking.")
# The same request to the same speaker is made once, whoever sends the choice twice.
REQUEST_KEYS = uuid.UUID("6f1c7b0e-3d52-4c7e-9a51-2f0d8a6c4b19")
# What the suggested speaker's request copies from the first one: its terms, its venue
# and contacts (shared with them, as with anyone, once they accept). Not its message,
# which was written to the first consultant.
TERMS = (
    "title",
    "engagement_type",
    "topic",
    "starts_on",
    "ends_on",
    "format",
    "audience_size",
    "fee",
    "currency",
    "cancellation_fee",
    "covers_travel",
    "covers_lodging",
    "covers_per_diem",
    "venue",
    "contact_name",
    "contact_details",
)


@transaction.atomic
def referral_create(*, actor, booking: Booking, referred: Member, note: str = "") -> Referral:
    """Suggest a member for a request; suggesting the same member again returns the first."""
    viewer = as_viewer(actor)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if not viewer.has_perm("circle.refer_booking", booking):
        raise Hidden(_("Not found."))
    earlier = Referral.objects.filter(booking=booking, referred_id=referred.user_id).first()
    if earlier is not None:
        return earlier
    # The member must still be one the consultant may suggest for this request.
    referred = referral_candidate(user=viewer, booking=booking, public_id=referred.user.public_id)
    referral = Referral.objects.create(
        booking=booking,
        referred_by_id=viewer.pk,
        referred_id=referred.user_id,
        note=checked_text(note, field="note", limit=longest(Referral, "note"), required=False),
    )
    notify(
        user=referred.user,
        event_key=f"referral:{referral.pk}:asked",
        text=SUGGESTED_TEXT,
        url=reverse("circle:referral", args=[referral.pk]),
    )
    return referral


@transaction.atomic
def referral_answer(*, actor, referral: Referral, accept: bool) -> Referral:
    """The suggested member says yes (the organization then sees it) or no."""
    viewer = as_viewer(actor)
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("booking")
        .get(pk=referral.pk)
    )
    answered = ReferralStatus.OFFERED if accept else ReferralStatus.DECLINED
    if referral.status == answered and referral.referred_id == viewer.pk:
        return referral  # the same answer sent twice
    if not viewer.has_perm("circle.answer_referral", referral):
        raise Hidden(_("Not found."))
    if accept and referral.booking.state not in (BookingState.REQUESTED, BookingState.DECLINED):
        raise Refused(_("This request is no longer open, so it cannot be passed on."))
    referral.status = answered
    referral.answered_at = timezone.now()
    referral.save(update_fields=["status", "answered_at"])
    if accept:
        notify_many(
            users=organization_members(referral.booking.organization_id),
            event_key=f"referral:{referral.pk}:offered",
            text=BOOKING_NEWS_TEXT,
            url=reverse("networking:booking", args=[referral.booking_id]),
        )
    return referral


@transaction.atomic
def referral_choose(
    *, actor, referral: Referral, send: bool, boundaries_acknowledged: bool = False
) -> Booking | None:
    """The organization sends the suggested speaker the same request, or says no thanks.

    Sending goes through networking's booking_request as the person choosing: a
    verified organization, two-step verification, the speaker's blocks and pauses, the
    boundaries and the daily limits all apply. Sent twice, it makes one request.
    """
    viewer = as_viewer(actor)
    # Not joined to new_booking: a request that waited for this lock sees the referral as
    # the first one left it, but a join would still read that request's booking as
    # missing (it did not exist when the statement began). Read lazily, it is there.
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("booking", "referred")
        .get(pk=referral.pk)
    )
    if not viewer.has_perm("circle.choose_referral", referral):
        raise Hidden(_("Not found."))
    if referral.status == ReferralStatus.CHOSEN and send:
        return referral.new_booking
    if referral.status == ReferralStatus.PASSED and not send:
        return None
    if referral.status != ReferralStatus.OFFERED:
        raise Refused(_("Your organization has already answered this suggestion."))
    if not send:
        referral.status = ReferralStatus.PASSED
        referral.save(update_fields=["status"])
        return None
    original = referral.booking
    new_booking = booking_request(
        actor=viewer.user,
        consultant=referral.referred,
        request_key=uuid.uuid5(REQUEST_KEYS, str(referral.pk)),
        boundaries_acknowledged=boundaries_acknowledged,
        **{name: getattr(original, name) for name in TERMS},
    )
    referral.status = ReferralStatus.CHOSEN
    referral.new_booking = new_booking
    referral.save(update_fields=["status", "new_booking"])
    return new_booking
