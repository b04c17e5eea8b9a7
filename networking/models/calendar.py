from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UnavailableDate(models.Model):
    """A day the consultant is not available; private to them (matching reads it)."""

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unavailable_dates"
    )
    date = models.DateField(_("date"))

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultant", "date"], name="networking_unavailable_once"
            )
        ]

    def __str__(self):
        return str(self.date)
