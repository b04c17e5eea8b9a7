"""Read paths: every object lookup is scoped to the person asking.

Another person's id is answered like a missing one: the lookup raises
`networking.errors.Hidden`, which views turn into a 404. Split by area; every name is
here too, so `from networking import selectors; selectors.booking_for(...)` works.
"""

from networking.selectors.calendar import calendar_bookings, calendar_owner, unavailable_days
from networking.selectors.capacity import (
    debrief_of,
    not_taking_requests_until,
    unrated_completed_bookings,
)
from networking.selectors.common import (
    get_or_hidden,
    organization_admins,
    organization_members,
    own_organization,
)
from networking.selectors.exchanges import (
    attachment_for,
    booking_events,
    booking_for,
    bookings_for,
    conversation_for,
    conversation_messages,
    conversations_for,
    dashboard_summary,
    notifications_for,
    unread_notification_count,
)
from networking.selectors.money import (
    RATINGS_SHOWN_FROM,
    earnings,
    expected_earnings,
    invoice_for,
    invoices_for,
    organization_ratings,
    public_appearances,
    rating_possible,
    yearly_limit_warning,
)
from networking.selectors.opportunities import (
    interest_for_consultant,
    interest_for_organization,
    interest_of_consultant,
    open_opportunities,
    open_opportunities_for,
    opportunity_for,
    opportunity_interests,
    opportunity_suggestions,
    organization_opportunities,
)
from networking.selectors.organizations import (
    invitation_by_token,
    latest_application,
    open_invitations,
    organization_logos,
    organization_roster,
)
from networking.selectors.records import RELEASED_DETAILS, records_of
from networking.selectors.safety import block_for, blocks_for

__all__ = [
    "RATINGS_SHOWN_FROM",
    "RELEASED_DETAILS",
    "attachment_for",
    "block_for",
    "blocks_for",
    "booking_events",
    "booking_for",
    "bookings_for",
    "calendar_bookings",
    "calendar_owner",
    "conversation_for",
    "conversation_messages",
    "conversations_for",
    "dashboard_summary",
    "debrief_of",
    "earnings",
    "expected_earnings",
    "get_or_hidden",
    "interest_for_consultant",
    "interest_for_organization",
    "interest_of_consultant",
    "invitation_by_token",
    "invoice_for",
    "invoices_for",
    "latest_application",
    "not_taking_requests_until",
    "notifications_for",
    "open_invitations",
    "open_opportunities",
    "open_opportunities_for",
    "opportunity_for",
    "opportunity_interests",
    "opportunity_suggestions",
    "organization_admins",
    "organization_logos",
    "organization_members",
    "organization_opportunities",
    "organization_ratings",
    "organization_roster",
    "own_organization",
    "public_appearances",
    "rating_possible",
    "records_of",
    "unavailable_days",
    "unrated_completed_bookings",
    "unread_notification_count",
    "yearly_limit_warning",
]
