"""Bookings, conversations, attachments and notifications, scoped to the person asking.

`user` may be a person or their Viewer (a view passes `request.viewer`, whose membership
and blocks are read once per request).
"""

from django.db.models import Count, F, Q, QuerySet

from networking.enums import ACTIVE, AWAITING_CONSULTANT, AWAITING_ORGANIZATION
from networking.models import Attachment, Booking, Conversation, Notification
from networking.parties import parties_filter
from networking.selectors.common import get_or_hidden
from networking.viewer import as_viewer


def bookings_for(*, user) -> QuerySet:
    return Booking.objects.filter(parties_filter(user)).select_related(
        "organization", "consultant__speaker_profile"
    )


def booking_for(*, user, booking_id) -> Booking:
    return get_or_hidden(
        bookings_for(user=user).select_related("conversation", "opportunity"), booking_id
    )


def booking_events(*, booking: Booking) -> QuerySet:
    return booking.events.select_related("actor")


def conversations_for(*, user) -> QuerySet:
    return (
        Conversation.objects.filter(parties_filter(user))
        .select_related(
            "organization", "consultant__speaker_profile", "booking", "interest__opportunity"
        )
        .annotate(message_count=Count("messages"))
        .order_by(F("last_message_at").desc(nulls_last=True), "-created_at")
    )


def conversation_for(*, user, conversation_id) -> Conversation:
    return get_or_hidden(conversations_for(user=user), conversation_id)


def conversation_messages(*, conversation: Conversation) -> QuerySet:
    return conversation.messages.select_related("sender", "attachment")


def attachment_for(*, user, attachment_id):
    return get_or_hidden(
        Attachment.objects.filter(
            message__conversation__in=conversations_for(user=user).values("pk")
        ),
        attachment_id,
    )


def notifications_for(*, user) -> QuerySet:
    return Notification.objects.filter(user_id=as_viewer(user).pk)


def unread_notification_count(*, user) -> int:
    return Notification.objects.filter(user_id=as_viewer(user).pk, read_at=None).count()


def _unread_counts(*, user) -> dict:
    """Unread notifications, and among them new messages (each message to the person
    leaves one notification until it is read), in one query."""
    return Notification.objects.filter(user_id=as_viewer(user).pk, read_at=None).aggregate(
        unread=Count("pk"),
        unread_messages=Count("pk", filter=Q(event_key__startswith="message:")),
    )


def dashboard_summary(*, user) -> dict:
    """Counts for the dashboard, in a fixed number of queries."""
    viewer = as_viewer(user)
    states = dict(
        bookings_for(user=viewer)
        .filter(state__in=ACTIVE)
        .order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
    )
    membership = viewer.membership
    yours = AWAITING_ORGANIZATION if membership else AWAITING_CONSULTANT
    return {
        "membership": membership,
        "organization": membership.organization if membership else None,
        "active_bookings": sum(states.values()),
        "awaiting_you": sum(states.get(state, 0) for state in yours),
        **_unread_counts(user=viewer),
    }
