import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from networking.enums import ReportStatus, ReportTarget
from networking.models.organizations import Organization


class Block(models.Model):
    """A consultant's silent block. It covers every member and the e-mail domain."""

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="blocked_by"
    )
    # Kept as it was when blocked: a new organization on the same domain stays blocked.
    email_domain = models.CharField(max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultant", "organization"], name="networking_block_once"
            )
        ]
        indexes = [models.Index(fields=["email_domain"])]

    def __str__(self):
        return f"Block {self.pk}"


class Report(models.Model):
    """One field from the person reporting; the rest is what they pointed at."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when Podium's own scam check raised it."),
    )
    target_kind = models.CharField(max_length=20, choices=ReportTarget.choices)
    target_id = models.CharField(max_length=64)
    # The organization answerable for the target, so that "suspend" knows whom to suspend.
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    reason = models.TextField(_("what is wrong"), max_length=2000)
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"Report {self.id}"
