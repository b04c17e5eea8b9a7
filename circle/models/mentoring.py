from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from circle.enums import MentoringSide, MentoringTopic, MentorshipStatus, ReferralStatus


class MentoringInterest(models.Model):
    """One topic a member offers to mentor on, or asks a mentor for."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_interests"
    )
    side = models.CharField(max_length=5, choices=MentoringSide.choices)
    topic = models.CharField(max_length=12, choices=MentoringTopic.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "side", "topic"], name="circle_mentoring_interest_once"
            )
        ]

    def __str__(self):
        return f"MentoringInterest {self.pk}"


class Mentorship(models.Model):
    """A mentee's request to a mentor, and the private thread it becomes once accepted."""

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_given"
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_received"
    )
    topic = models.CharField(_("topic"), max_length=12, choices=MentoringTopic.choices)
    message = models.TextField(_("a few words about what you hope for"), max_length=2000)
    status = models.CharField(
        max_length=10, choices=MentorshipStatus.choices, default=MentorshipStatus.REQUESTED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")), name="circle_mentor_not_self"
            ),
            # One open request or pairing between two people on a topic at a time.
            models.UniqueConstraint(
                fields=["mentor", "mentee", "topic"],
                condition=models.Q(status__in=["requested", "active"]),
                name="circle_mentorship_open_once",
            ),
        ]

    def __str__(self):
        return f"Mentorship {self.pk}"


class MentoringMessage(models.Model):
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("message"), max_length=4000)
    # The hidden token of the message form: the same form sent twice posts one message.
    send_key = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "send_key"],
                condition=models.Q(send_key__isnull=False),
                name="circle_mentoring_message_once",
            )
        ]

    def __str__(self):
        return f"MentoringMessage {self.pk}"


class Referral(models.Model):
    """A consultant who cannot take a booking request suggests another member for it.

    The referred member sees the request's terms (never the organization's contact
    details) and says yes or no; only after a yes does the organization see the
    suggestion, and it chooses. A no, or an organization passing, counts against nobody.
    """

    booking = models.ForeignKey(
        "networking.Booking", on_delete=models.CASCADE, related_name="referrals"
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referrals_made"
    )
    referred = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referrals_received"
    )
    note = models.TextField(
        _("a note for the member you suggest (optional)"), max_length=1000, blank=True
    )
    status = models.CharField(
        max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.ASKED
    )
    # The new request the organization sent to the referred member, once it chose them.
    new_booking = models.OneToOneField(
        "networking.Booking",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referred_from",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["booking", "referred"], name="circle_refer_once"),
            models.CheckConstraint(
                condition=~models.Q(referred_by=models.F("referred")), name="circle_refer_not_self"
            ),
        ]

    def __str__(self):
        return f"Referral {self.pk}"
