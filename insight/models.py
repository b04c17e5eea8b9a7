from django.db import models
from django.utils.translation import gettext_lazy as _

from core.money import Currency, currency_constraint
from insight.enums import Region, VisitorKind
from networking.enums import EventFormat
from portfolio.enums import EngagementType


class FairRateFigure(models.Model):
    """One published cell of the daily fair-rate snapshot.

    Only cells that met the thresholds are stored, and only the three figures that are
    shown: no count, no minimum or maximum, no link to a booking or a person, so the table
    itself can leak nothing the page does not show (insight.services.fair_rates).
    """

    computed_on = models.DateField()
    engagement_type = models.CharField(max_length=20, choices=EngagementType.choices)
    format = models.CharField(max_length=10, choices=EventFormat.choices)
    region = models.CharField(max_length=20, choices=Region.choices)
    currency = models.CharField(max_length=3, choices=Currency.choices)
    lower_quartile = models.DecimalField(_("25th percentile"), max_digits=9, decimal_places=0)
    median = models.DecimalField(_("median"), max_digits=9, decimal_places=0)
    upper_quartile = models.DecimalField(_("75th percentile"), max_digits=9, decimal_places=0)

    class Meta:
        ordering = ["engagement_type", "format", "region", "currency"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement_type", "format", "region", "currency"],
                name="insight_fair_rate_cell_once",
            ),
            currency_constraint(name="insight_fair_rate_currency_supported"),
        ]

    def __str__(self):
        return f"{self.engagement_type} {self.format} {self.region} {self.currency}"


class ProfileViewDay(models.Model):
    """How many times a profile was seen on one day by one kind of visitor.

    A counter and nothing else: no visitor, address, browser or time of day is kept,
    so no row can say who looked (insight.services.views).
    """

    profile = models.ForeignKey(
        "portfolio.SpeakerProfilePage", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    kind = models.CharField(max_length=20, choices=VisitorKind.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "day", "kind"], name="insight_profile_view_day_once"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.kind}: {self.count}"
