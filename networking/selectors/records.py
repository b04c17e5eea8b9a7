"""What the network holds about one person, for the export of their own records."""

from django.db.models import Prefetch
from django.urls import reverse

from core.records import fields_of
from networking.models import (
    AvoidedTopic,
    Block,
    Booking,
    Capacity,
    Debrief,
    Interest,
    Invitation,
    MatchSuggestion,
    Membership,
    Message,
    Notification,
    Opportunity,
    Organization,
    Preferences,
    Rating,
    Report,
    UnavailableDate,
    VerificationApplication,
)
from networking.selectors.exchanges import bookings_for, conversations_for
from networking.selectors.money import invoices_for, organization_ratings

# Written by the organization; the consultant sees them only from acceptance on.
RELEASED_DETAILS = ("venue", "contact_name", "contact_details")


def _booking_record(booking: Booking, user) -> dict:
    hidden = ("consultant", "organization", "requested_by")
    if booking.consultant_id == user.pk and not booking.details_released:
        hidden += RELEASED_DETAILS
    return {
        **fields_of(booking, exclude=hidden),
        "organization": booking.organization.name,
        "history": [
            {
                **fields_of(event, exclude=("booking", "actor")),
                "by_me": event.actor_id == user.pk,
                "to": event.to_state,
            }
            for event in booking.events.all()
        ],
    }


def _message_record(message, user) -> dict:
    attachment = getattr(message, "attachment", None)
    return {
        **fields_of(message, exclude=("conversation", "sender")),
        "from_me": message.sender_id == user.pk,
        # The names the first version of the export used, for anyone who reads them.
        "at": message.created_at,
        "text": message.body,
        "attachment": {
            "content_type": attachment.content_type,
            "size": attachment.size,
            "link": reverse("networking:attachment", args=[attachment.pk]),
        }
        if attachment
        else None,
    }


def records_of(*, user) -> dict:
    """What the network holds about a person, for the export of their own records: their
    (or their organization's) bookings, messages and invoices, their settings, and what
    they did; of other people only what they can see on the site already."""
    bookings = bookings_for(user=user).prefetch_related("events")
    conversations = conversations_for(user=user).prefetch_related(
        Prefetch("messages", queryset=Message.objects.select_related("attachment"))
    )
    organization_ids = {b.organization_id for b in bookings}
    shown_ratings = organization_ratings(organization_ids=organization_ids)
    names = dict(Organization.objects.filter(pk__in=organization_ids).values_list("pk", "name"))
    membership = Membership.objects.filter(user=user).select_related("organization").first()
    return {
        "preferences": [
            # The calendar token is a key to a private feed, not a fact about the person.
            fields_of(preferences, exclude=("user", "calendar_token"))
            for preferences in Preferences.objects.filter(user=user)
        ],
        "membership": {
            "organization": membership.organization.name,
            "role": membership.role,
            "joined_at": membership.joined_at,
        }
        if membership
        else None,
        "bookings": [_booking_record(booking, user) for booking in bookings],
        "conversations": [
            {
                **fields_of(conversation, exclude=("consultant", "organization")),
                "organization": conversation.organization.name,
                "messages": [_message_record(m, user) for m in conversation.messages.all()],
            }
            for conversation in conversations
        ],
        "invoices": [
            {
                **fields_of(invoice, exclude=("consultant", "organization")),
                "organization": invoice.organization.name,
            }
            for invoice in invoices_for(user=user)
        ],
        "ratings_given": [
            {**fields_of(rating, exclude=("consultant",)), "organization": rating.organization.name}
            for rating in Rating.objects.filter(consultant=user).select_related("organization")
        ],
        # As the site shows them: averages of three or more, never one person's rating.
        "organization_ratings": [
            {"organization": names[pk], **averages} for pk, averages in shown_ratings.items()
        ],
        "interests": [
            {
                **fields_of(interest, exclude=("consultant",)),
                "opportunity": interest.opportunity.title,
            }
            for interest in Interest.objects.filter(consultant=user).select_related("opportunity")
        ],
        "match_suggestions": [
            {**fields_of(s, exclude=("consultant",)), "opportunity": s.opportunity.title}
            for s in MatchSuggestion.objects.filter(consultant=user).select_related("opportunity")
        ],
        # The consultant's own limits and private notes: exported to them alone.
        "capacity": [
            fields_of(row, exclude=("user",)) for row in Capacity.objects.filter(user=user)
        ],
        "avoided_topics": [
            {**fields_of(avoided, exclude=("consultant", "topic")), "topic": avoided.topic.name}
            for avoided in AvoidedTopic.objects.filter(consultant=user).select_related("topic")
        ],
        "debrief_notes": [
            {
                **fields_of(debrief, exclude=("consultant", "booking")),
                "booking": str(debrief.booking_id),
            }
            for debrief in Debrief.objects.filter(consultant=user)
        ],
        "unavailable_dates": list(
            UnavailableDate.objects.filter(consultant=user).values_list("date", flat=True)
        ),
        "notifications": [
            fields_of(notification, exclude=("user",))
            for notification in Notification.objects.filter(user=user)
        ],
        "blocks": [
            {
                **fields_of(block, exclude=("consultant", "organization")),
                "organization": block.organization.name,
            }
            for block in Block.objects.filter(consultant=user).select_related("organization")
        ],
        "reports_filed": [
            fields_of(report, exclude=("reporter", "handled_by"))
            for report in Report.objects.filter(reporter=user)
        ],
        "opportunities_created": [
            fields_of(opportunity, exclude=("created_by",))
            for opportunity in Opportunity.objects.filter(created_by=user)
        ],
        "invitations_sent": [
            fields_of(invitation, exclude=("invited_by", "token"))
            for invitation in Invitation.objects.filter(invited_by=user)
        ],
        "verification_applications": [
            fields_of(application, exclude=("submitted_by", "decided_by"))
            for application in VerificationApplication.objects.filter(submitted_by=user)
        ],
        # What an editor decided, without the details of those they decided about.
        "verification_decisions": list(
            VerificationApplication.objects.filter(decided_by=user).values(
                "id", "decision", "decided_at"
            )
        ),
        "reports_handled": list(
            Report.objects.filter(handled_by=user).values("id", "status", "handled_at")
        ),
    }
