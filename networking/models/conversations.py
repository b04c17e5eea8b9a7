import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from networking.models.bookings import Booking
from networking.models.opportunities import Interest
from networking.models.organizations import Organization


class Conversation(models.Model):
    """Messages between a consultant and an organization about one booking or interest."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversations"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="conversations"
    )
    booking = models.OneToOneField(
        Booking, on_delete=models.CASCADE, null=True, blank=True, related_name="conversation"
    )
    interest = models.OneToOneField(
        Interest, on_delete=models.CASCADE, null=True, blank=True, related_name="conversation"
    )
    last_message_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-last_message_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(booking__isnull=False) | models.Q(interest__isnull=False),
                name="networking_conversation_has_subject",
            )
        ]

    def __str__(self):
        return f"Conversation {self.id}"


class Message(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("message"), max_length=5000)
    # Reasons Podium's scam check found ("visa or permit fees", ...); shown as a warning.
    scam_signals = models.JSONField(default=list, blank=True)
    # The hidden token of the message form: the same form sent twice posts one message.
    send_key = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["sender", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "send_key"],
                condition=models.Q(send_key__isnull=False),
                name="networking_message_sent_once",
            )
        ]

    def __str__(self):
        return f"Message {self.id}"
