"""Networking data, one module per area; services change it, selectors read it."""

from networking.models.attachments import Attachment
from networking.models.bookings import Booking, BookingEvent
from networking.models.calendar import UnavailableDate
from networking.models.capacity import AvoidedTopic, Capacity, Debrief
from networking.models.conversations import Conversation, Message
from networking.models.money import (
    Invoice,
    InvoiceKind,
    InvoiceSequence,
    InvoiceStatus,
    Rating,
)
from networking.models.notifications import Notification
from networking.models.opportunities import Interest, MatchSuggestion, Opportunity
from networking.models.organizations import (
    Invitation,
    Membership,
    Organization,
    Preferences,
    VerificationApplication,
)
from networking.models.safety import Block, Report

__all__ = [
    "Attachment",
    "AvoidedTopic",
    "Block",
    "Booking",
    "BookingEvent",
    "Capacity",
    "Conversation",
    "Debrief",
    "Interest",
    "Invitation",
    "Invoice",
    "InvoiceKind",
    "InvoiceSequence",
    "InvoiceStatus",
    "MatchSuggestion",
    "Membership",
    "Message",
    "Notification",
    "Opportunity",
    "Organization",
    "Preferences",
    "Rating",
    "Report",
    "UnavailableDate",
    "VerificationApplication",
]
