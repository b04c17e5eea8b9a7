import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class Statement(models.Model):
    """An engagement and earnings statement, frozen when it is issued.

    `figures` holds everything the statement shows, as it was on the day it was issued;
    `digest` is an HMAC of those figures and of the statement's code, dates and choices,
    under the site's secret key, so that a change to any of them in the database makes
    the verification page refuse the statement instead of showing changed figures.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="statements"
    )
    # The code without separators (statements.codes). Kept readable: the consultant can
    # download the statement again, which prints it.
    code = models.CharField(max_length=12, unique=True, editable=False)
    period_start = models.DateField()
    period_end = models.DateField()
    shows_organizations = models.BooleanField(default=False)
    figures = models.JSONField(editable=False)
    digest = models.CharField(max_length=64, editable=False)
    issued_at = models.DateTimeField(editable=False)
    expires_at = models.DateTimeField(editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The hidden token of the form: the same form sent twice makes one statement.
    request_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultant", "request_key"],
                condition=models.Q(request_key__isnull=False),
                name="statements_statement_request_once",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="statements_statement_period_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("issued_at")),
                name="statements_statement_expires_after_issue",
            ),
        ]

    def __str__(self):
        return f"Statement {self.pk}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_valid(self) -> bool:
        return not self.is_revoked and not self.is_expired


class StatementCheck(models.Model):
    """Someone confirmed a statement with its code: who they said they are, and when.

    Nothing about their device or connection is kept (no address, no cookie): the
    consultant sees what the checker typed, which is what the form asks them to share.
    """

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="checks")
    verifier_name = models.CharField(max_length=120)
    verifier_organization = models.CharField(max_length=160)
    checked_at = models.DateTimeField()

    class Meta:
        ordering = ["-checked_at", "-pk"]

    def __str__(self):
        return f"Check {self.pk}"
