import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext


class Notification(models.Model):
    """Something happened that a person should know about. Discreet wording only.

    (user, event_key) is unique: a retried task or a repeated call records one event once.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    event_key = models.CharField(max_length=120)
    text = models.CharField(max_length=200)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "event_key"], name="networking_event_once")
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return f"Notification {self.id}"

    @property
    def shown_text(self) -> str:
        """The text in the reader's language: it is stored in English, as written in the
        code, so that whoever triggered it, in whatever language, it reads in the
        recipient's (an older text with no translation shows as stored)."""
        return gettext(self.text)
