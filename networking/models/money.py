import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.money import Currency, currency_constraint
from networking.models.bookings import Booking
from networking.models.organizations import Organization


class InvoiceStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    PAID = "paid", _("Paid")
    OVERDUE = "overdue", _("Overdue")


class InvoiceKind(models.TextChoices):
    FEE = "fee", _("Fee")
    CANCELLATION = "cancellation", _("Cancellation fee")


class Invoice(models.Model):
    """What the organization owes for a booking; the consultant issues and settles it.

    When the consultant deletes their account, the organization keeps the invoice as its
    accounting copy: number, dates, amount, currency and status stay, the links to the
    booking and the person go (docs/privacy.md).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    booking = models.ForeignKey(
        Booking, on_delete=models.SET_NULL, null=True, related_name="invoices"
    )
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="invoices"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="invoices"
    )
    kind = models.CharField(max_length=12, choices=InvoiceKind.choices, default=InvoiceKind.FEE)
    number = models.CharField(max_length=20)
    amount = models.DecimalField(max_digits=9, decimal_places=2)
    currency = models.CharField(max_length=3, choices=Currency.choices)
    issued_on = models.DateField()
    due_on = models.DateField()
    status = models.CharField(
        max_length=8, choices=InvoiceStatus.choices, default=InvoiceStatus.SENT
    )
    paid_on = models.DateField(null=True, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_on", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["booking", "kind"], name="networking_invoice_once"),
            models.UniqueConstraint(
                fields=["consultant", "number"], name="networking_invoice_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="networking_invoice_positive"
            ),
            currency_constraint(name="networking_invoice_currency_supported"),
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self):
        return self.number

    @property
    def issuer_name(self) -> str:
        """Who the invoice is from, as the organization sees it."""
        if self.consultant_id is None:
            return _("A former Podium consultant")
        profile = getattr(self.consultant, "speaker_profile", None)
        return profile.title if profile else ""


class InvoiceSequence(models.Model):
    """The last number a consultant gave an invoice in a year.

    The row is locked while the next number is taken, so invoices issued at the same
    moment get consecutive numbers instead of the same one.
    """

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultant", "year"], name="networking_invoice_sequence_once"
            )
        ]

    def __str__(self):
        return f"{self.year}: {self.last}"


class Rating(models.Model):
    """A consultant's private rating of an organization after a completed booking."""

    SCALE = [MinValueValidator(1), MaxValueValidator(5)]

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="rating")
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="ratings")
    pay_parity = models.PositiveSmallIntegerField(
        _("paid on a par with other experts"), validators=SCALE
    )
    payment_speed = models.PositiveSmallIntegerField(_("paid on time"), validators=SCALE)
    respect = models.PositiveSmallIntegerField(_("treated me with respect"), validators=SCALE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    pay_parity__range=(1, 5), payment_speed__range=(1, 5), respect__range=(1, 5)
                ),
                name="networking_rating_scale",
            )
        ]

    def __str__(self):
        return f"Rating {self.pk}"
