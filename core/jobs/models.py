import uuid

from django.db import models
from django.utils import timezone


class OutboxEntry(models.Model):
    """One side effect that leaves the database, written in the same transaction as the
    change that causes it, and run later by core.jobs.outbox (an e-mail, or a Celery task by
    name with ids as arguments). Its content is erased once done.

    A row may be claimed when it is neither done nor failed and `available_at` has come:
    a claim moves `available_at` to the end of a lease, so a worker that dies mid-run
    leaves a row that the drain job claims again once the lease is over.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task = models.CharField(max_length=100)
    args = models.JSONField(default=list, blank=True)
    # An e-mail's subject, body, recipients and attachments; {} for tasks and once sent.
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    available_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    # The exception's class name only: messages can carry addresses or content.
    last_error = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name_plural = "outbox entries"
        indexes = [
            models.Index(
                fields=["available_at"],
                condition=models.Q(done_at__isnull=True, failed_at__isnull=True),
                name="core_outbox_due_idx",
            )
        ]

    def __str__(self):
        return f"Outbox entry {self.id} ({self.task})"
