"""Bookings, conversations, attachments and notifications, scoped to the person asking.

`user` may be a person or their Viewer (a view passes `request.viewer`, whose membership
and blocks are read once per request).
"""

from django.db.models import Count, F, QuerySet

from accounts.models import User
from core.queries import count_of
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


def dashboard_summary(*, user) -> dict:
    """Counts for the dashboard: the person's membership (the Viewer's), then every count
    in one statement, as subqueries beside each other with the blocks applied inside it
    (a signed-in page's time under load is mostly its waits for the database)."""
    viewer = as_viewer(user)
    membership = viewer.membership
    yours = AWAITING_ORGANIZATION if membership else AWAITING_CONSULTANT
    active = Booking.objects.filter(parties_filter(viewer, blocks_in_query=True), state__in=ACTIVE)
    # Unread notifications, and among them new messages (each message to the person
    # leaves one notification until it is read).
    unread = Notification.objects.filter(user_id=viewer.pk, read_at=None)
    counts = User.objects.filter(pk=viewer.pk).values(
        active_bookings=count_of(active),
        awaiting_you=count_of(active.filter(state__in=yours)),
        unread=count_of(unread),
        unread_messages=count_of(unread.filter(event_key__startswith="message:")),
    )[0]
    return {
        "membership": membership,
        "organization": membership.organization if membership else None,
        **counts,
    }
