"""Referrals, read for each side: the consultant who suggests, the member suggested, and
the organization, which sees a suggestion only after the suggested member said yes and
never learns where it came from beyond "suggested another speaker".
"""

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from circle.enums import MemberStatus, ReferralStatus
from circle.models import Member, Referral
from circle.rules import ORGANIZATION_SEES
from circle.selectors.membership import blocked_ids
from networking.booking_suggestions import Suggestion, Suggestions
from networking.enums import ContactPolicy, Party
from networking.errors import Hidden
from networking.models import Block, Booking, Membership, Preferences
from networking.parties import parties_filter, side_of
from networking.selectors.common import get_or_hidden
from networking.viewer import as_viewer, viewer_for
from portfolio.models import SpeakerProfilePage

# Shown to the organization: the suggested member said yes, and what came of it.
SHOWN_TO_ORGANIZATION = (ReferralStatus.OFFERED, ReferralStatus.CHOSEN)


def referable_booking(*, user, booking_id) -> Booking:
    """One of the consultant's own booking requests (the permission checks its state)."""
    viewer = as_viewer(user)
    return get_or_hidden(
        Booking.objects.filter(consultant_id=viewer.pk).select_related("organization"),
        booking_id,
    )


def _organization_viewer(booking: Booking):
    """Someone who acts for the booking's organization: whoever sent the request while
    they still belong to it, otherwise any of its members; None if it has nobody."""
    members = Membership.objects.filter(organization_id=booking.organization_id)
    membership = (
        members.filter(user_id=booking.requested_by_id).select_related("user").first()
        or members.select_related("user").order_by("pk").first()
    )
    return None if membership is None else viewer_for(membership.user)


def referral_candidates(*, user, booking: Booking) -> list[Member]:
    """Members the consultant may suggest for this booking.

    Active members other than the consultant, not blocked either way, not already
    suggested for it, taking requests, whose published profile the organization's
    members may see (public, or network: the organization is verified) and who have not
    blocked the organization (a block hides their profile from its members).
    """
    viewer = as_viewer(user)
    organization_viewer = _organization_viewer(booking)
    if organization_viewer is None:
        return []
    members = (
        Member.objects.filter(status=MemberStatus.ACTIVE)
        .exclude(user_id=viewer.pk)
        .exclude(user_id__in=blocked_ids(viewer))
        .exclude(user_id__in=Referral.objects.filter(booking=booking).values("referred_id"))
    )
    profiles = organization_viewer.visible(
        SpeakerProfilePage.objects.filter(
            consultant_id__in=members.values("user_id"), paused_at__isnull=True
        )
    ).exclude(
        consultant_id__in=Block.objects.filter(organization_id=booking.organization_id).values(
            "consultant_id"
        )
    )
    not_taking = Preferences.objects.filter(contact_policy=ContactPolicy.NOBODY)
    return list(
        members.filter(user_id__in=profiles.values("consultant_id"))
        .exclude(user_id__in=not_taking.values("user_id"))
        .select_related("user")
    )


def referral_candidate(*, user, booking: Booking, public_id) -> Member:
    for member in referral_candidates(user=user, booking=booking):
        if str(member.user.public_id) == str(public_id):
            return member
    raise Hidden(_("Not found."))


def referrals_received(*, user) -> QuerySet:
    """Suggestions made to this member, without anyone blocked either way."""
    viewer = as_viewer(user)
    return (
        Referral.objects.filter(referred_id=viewer.pk)
        .exclude(referred_by_id__in=blocked_ids(viewer))
        .select_related("booking", "referred_by__circle_member")
    )


def referral_for(*, user, referral_id) -> Referral:
    return get_or_hidden(referrals_received(user=user), referral_id)


def referral_for_organization(*, user, referral_id) -> Referral:
    """A suggestion for one of the organization's bookings, once the member said yes."""
    return get_or_hidden(
        Referral.objects.filter(
            booking__in=Booking.objects.filter(parties_filter(user)),
            status__in=ORGANIZATION_SEES,
        ).select_related("booking", "referred__speaker_profile", "new_booking"),
        referral_id,
    )


def booking_suggestions(viewer, booking: Booking) -> Suggestions:
    """What the booking page shows of referrals (registered into networking when the
    circle is ready): to the consultant, where to suggest someone and whom they
    suggested; to the organization, suggestions the suggested members said yes to."""
    viewer = as_viewer(viewer)
    side = side_of(viewer, booking)
    if side == Party.CONSULTANT:
        return _consultant_side(viewer, booking)
    if side == Party.ORGANIZATION:
        return _organization_side(viewer, booking)
    return Suggestions()


def _consultant_side(viewer, booking: Booking) -> Suggestions:
    if not viewer.has_perm("circle.enter"):
        return Suggestions()
    made = (
        Referral.objects.filter(booking=booking, referred_by_id=viewer.pk)
        .exclude(referred_id__in=blocked_ids(viewer))
        .select_related("referred__circle_member")
        .order_by("created_at", "pk")
    )
    suggest_url = ""
    if viewer.has_perm("circle.refer_booking", booking):
        suggest_url = reverse("circle:referral_new", args=[booking.pk])
    return Suggestions(
        suggest_url=suggest_url,
        made=[(r.referred.circle_member.name, r.get_status_display()) for r in made],
    )


def _organization_side(viewer, booking: Booking) -> Suggestions:
    referrals = (
        Referral.objects.filter(booking=booking, status__in=SHOWN_TO_ORGANIZATION)
        .exclude(referred_id__in=viewer.hidden_from)
        .select_related("referred__speaker_profile", "new_booking")
        .order_by("answered_at", "pk")
    )
    suggested_by = getattr(booking.consultant, "speaker_profile", None)
    offered = []
    for referral in referrals:
        profile = getattr(referral.referred, "speaker_profile", None)
        if profile is None or not viewer.can_view(profile):
            continue
        new_booking = referral.new_booking
        offered.append(
            Suggestion(
                suggested_by=suggested_by.title if suggested_by else "",
                speaker=profile.title,
                profile_url=profile.url,
                choose_url=reverse("suggested_speakers:choose", args=[referral.pk]),
                booking_url=reverse("networking:booking", args=[new_booking.pk])
                if new_booking is not None and side_of(viewer, new_booking) is not None
                else "",
            )
        )
    return Suggestions(offered=offered)
