import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.money import Currency, currency_constraint
from networking.enums import EventFormat, OpportunityStatus
from networking.models.organizations import Organization
from portfolio.enums import EngagementType

MIN_FEE = 1


class Expenses(models.Model):
    """What the organization pays on top of the fee."""

    covers_travel = models.BooleanField(_("travel covered"), default=False)
    covers_lodging = models.BooleanField(_("lodging covered"), default=False)
    covers_per_diem = models.BooleanField(_("per diem covered"), default=False)

    class Meta:
        abstract = True


class Opportunity(Expenses):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="opportunities"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=160)
    engagement_type = models.CharField(
        _("engagement type"), max_length=20, choices=EngagementType.choices
    )
    topics = models.ManyToManyField("portfolio.Topic", blank=True, verbose_name=_("topics"))
    description = models.TextField(_("description"), max_length=5000)
    language = models.ForeignKey(
        "portfolio.Language",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("language of the engagement"),
    )
    format = models.CharField(_("format"), max_length=10, choices=EventFormat.choices)
    country = CountryField(_("country"), blank=True, blank_label=_("No country given"))
    region = models.CharField(_("region or city"), max_length=80, blank=True)
    starts_on = models.DateField(_("first date"))
    ends_on = models.DateField(_("last date"))
    fee = models.DecimalField(
        _("fee offered"), max_digits=9, decimal_places=2, validators=[MinValueValidator(MIN_FEE)]
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    pay_parity_attested_at = models.DateTimeField()
    deadline = models.DateField(_("answer by"))
    status = models.CharField(
        max_length=10, choices=OpportunityStatus.choices, default=OpportunityStatus.DRAFT
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["deadline", "created_at"]
        verbose_name_plural = _("opportunities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fee__gte=MIN_FEE), name="networking_opportunity_paid"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="networking_opportunity_dates_in_order",
            ),
            currency_constraint(name="networking_opportunity_currency_supported"),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return self.title


class Interest(models.Model):
    """A consultant's "I would like to do this", with a note and their fee."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="interests")
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interests"
    )
    note = models.TextField(_("a short note"), max_length=1000)
    fee = models.DecimalField(
        _("your fee"), max_digits=9, decimal_places=2, validators=[MinValueValidator(MIN_FEE)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "consultant"], name="networking_interest_once"
            ),
            models.CheckConstraint(
                condition=models.Q(fee__gte=MIN_FEE), name="networking_interest_paid"
            ),
        ]

    def __str__(self):
        return f"Interest {self.id}"


class MatchSuggestion(models.Model):
    """A consultant ranked for an opportunity when it opened (networking.matching)."""

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="suggestions"
    )
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    score = models.PositiveSmallIntegerField()
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "consultant"], name="networking_suggest_once"
            )
        ]

    def __str__(self):
        return f"Suggestion {self.pk}"
