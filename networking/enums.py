from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationKind(models.TextChoices):
    NGO = "ngo", _("Non-profit or NGO")
    GOVERNMENT = "government", _("Government agency")
    COMPANY = "company", _("Company")
    EVENT = "event", _("Event or conference")
    UNIVERSITY = "university", _("University or school")
    FAITH = "faith", _("Faith-based organization")
    OTHER = "other", _("Other")


class Verification(models.TextChoices):
    UNVERIFIED = "unverified", _("Not verified")
    PENDING = "pending", _("Waiting for review")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Not verified (rejected)")


class MemberRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")


class ContactPolicy(models.TextChoices):
    VERIFIED = "verified", _("Verified organizations")
    NOBODY = "nobody", _("Nobody for now")


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Right away")
    DAILY = "daily", _("Once a day, at most")
    NONE = "none", _("Never: I will look on the site")


class EventFormat(models.TextChoices):
    VIRTUAL = "virtual", _("Virtual")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class OpportunityStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    FILLED = "filled", _("Filled")


class BookingState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    COUNTERED = "countered", _("New terms proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


# States in which the venue and contact details are shared: only once the consultant has
# accepted, so that a stranger's request never learns where she will be.
DETAILS_RELEASED = (BookingState.ACCEPTED, BookingState.CONFIRMED, BookingState.COMPLETED)
# The consultant's accommodation needs go to confirmed bookers only: they are personal,
# and only those who will host her need them.
ACCOMMODATION_RELEASED = (BookingState.CONFIRMED, BookingState.COMPLETED)
# States still waiting for somebody's answer, and whose (the moves in
# networking.services.bookings.TRANSITIONS); beat expires them after BOOKING_ANSWER_DAYS.
AWAITING_CONSULTANT = (BookingState.REQUESTED,)
AWAITING_ORGANIZATION = (BookingState.COUNTERED, BookingState.ACCEPTED)
AWAITING_ANSWER = (*AWAITING_CONSULTANT, *AWAITING_ORGANIZATION)
ACTIVE = (*AWAITING_ANSWER, BookingState.CONFIRMED)


class Party(models.TextChoices):
    """The side a person is on in a booking, conversation or invoice (or Podium itself)."""

    CONSULTANT = "consultant", _("Consultant")
    ORGANIZATION = "organization", _("Organization")
    SYSTEM = "system", _("Podium")


class ReportTarget(models.TextChoices):
    PROFILE = "profile", _("Profile")
    ORGANIZATION = "organization", _("Organization")
    OPPORTUNITY = "opportunity", _("Opportunity")
    MESSAGE = "message", _("Message")
    BOOKING = "booking", _("Booking request")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DISMISSED = "dismissed", _("Dismissed")
    WARNED = "warned", _("Warning sent")
    SUSPENDED = "suspended", _("Organization suspended")


# What a report is about when nobody filed it: Podium's own scam check.
SCAM_CHECK = "scam_check"
