"""What a profile holds in rows of its own: links, past engagements, testimonials, rates."""

import uuid
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from core.money import Currency, currency_constraint
from portfolio.enums import EngagementType, RateUnit
from portfolio.models.profile import SpeakerProfilePage


class ProfileLink(Orderable):
    profile = ParentalKey(SpeakerProfilePage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=80)
    url = models.URLField(_("address"), max_length=500)

    panels = [FieldPanel("label"), FieldPanel("url")]


class PastEngagement(Orderable):
    """An engagement the consultant chooses to list; shown only once its date has passed."""

    profile = ParentalKey(
        SpeakerProfilePage, on_delete=models.CASCADE, related_name="past_engagements"
    )
    title = models.CharField(_("what it was"), max_length=200)
    organization = models.CharField(_("for whom"), max_length=200)
    date = models.DateField(_("date"))
    show_on_profile = models.BooleanField(
        _("show on my profile"),
        default=False,
        help_text=_("Shown only after the date: your profile never announces where you will be."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("organization"), FieldPanel("date")]),
        FieldPanel("show_on_profile"),
    ]


class Testimonial(models.Model):
    """Words about a consultant's work, public only once the consultant approves them.

    Organizations write them after a completed booking (networking); editors may add
    one a consultant forwards to them. The consultant approves or declines each.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    profile = models.ForeignKey(
        SpeakerProfilePage,
        on_delete=models.CASCADE,
        related_name="testimonials",
        verbose_name=_("profile"),
    )
    text = models.TextField(_("testimonial"), max_length=2000)
    author_name = models.CharField(_("name"), max_length=120)
    author_role = models.CharField(_("role and organization"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("testimonial")

    def __str__(self):
        return f"{self.author_name}: {self.text[:40]}"


class RateCardEntry(Orderable):
    """What a consultant charges for one kind of engagement; its rows say what they offer."""

    profile = ParentalKey(SpeakerProfilePage, on_delete=models.CASCADE, related_name="rates")
    engagement_type = models.CharField(
        _("engagement"), max_length=20, choices=EngagementType.choices
    )
    minimum_fee = models.DecimalField(
        _("minimum fee"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("1"))],
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    unit = models.CharField(_("unit"), max_length=10, choices=RateUnit.choices)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("engagement_type"),
                FieldPanel("minimum_fee"),
                FieldPanel("currency"),
                FieldPanel("unit"),
            ]
        )
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "engagement_type"], name="one_rate_per_engagement_type"
            ),
            currency_constraint(name="portfolio_rate_currency_supported"),
        ]
