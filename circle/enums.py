from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberStatus(models.TextChoices):
    """Where a consultant stands with the circle. Leaving deletes the row."""

    APPLIED = "applied", _("Asked to join")
    ACTIVE = "active", _("Member")
    SUSPENDED = "suspended", _("Suspended")


class CircleKind(models.TextChoices):
    TOPIC = "topic", _("Topic")
    REGION = "region", _("Region or language")


class MentoringTopic(models.TextChoices):
    SPEAKING = "speaking", _("Speaking")
    PRICING = "pricing", _("Pricing")
    CONTRACTS = "contracts", _("Contracts")
    SELF_CARE = "self_care", _("Self-care at events")
    MEDIA = "media", _("Working with the media")


class MentoringSide(models.TextChoices):
    OFFER = "offer", _("I can mentor")
    ASK = "ask", _("I would like a mentor")


class MentorshipStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACTIVE = "active", _("Active")
    DECLINED = "declined", _("Declined")
    ENDED = "ended", _("Ended")


class ReferralStatus(models.TextChoices):
    """A referral is shown to the organization only once the referred member said yes."""

    ASKED = "asked", _("Waiting for the member's answer")
    DECLINED = "declined", _("The member declined")
    OFFERED = "offered", _("Suggested to the organization")
    CHOSEN = "chosen", _("The organization sent a request")
    PASSED = "passed", _("The organization did not take it up")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ESCALATED = "escalated", _("Passed to the editors")
    CLOSED = "closed", _("Closed")


class ReportDecision(models.TextChoices):
    """What whoever handles a report may decide; each but escalating also closes it."""

    CLOSE = "close", _("Close the report: nothing more to do")
    HIDE = "hide", _("Hide the post, then close the report")
    WARN = "warn", _("Send the member a note (they see the reason below)")
    SUSPEND = "suspend", _("Suspend the member, then close the report")
    ESCALATE = "escalate", _("Pass the report to the editors")


class ModerationAction(models.TextChoices):
    ADMIT = "admit", _("Let in")
    REFUSE = "refuse", _("Refused")
    HIDE = "hide", _("Hid a post")
    UNHIDE = "unhide", _("Showed a post again")
    WARN = "warn", _("Warned a member")
    SUSPEND = "suspend", _("Suspended a member")
    REINSTATE = "reinstate", _("Lifted a suspension")
    CLOSE_REPORT = "close_report", _("Closed a report")
    ESCALATE = "escalate", _("Passed a report to the editors")
    APPOINT = "appoint", _("Made a member a peer moderator")
    DISMISS = "dismiss", _("Ended a member's peer moderator role")
