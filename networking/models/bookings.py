import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.money import Currency, currency_constraint
from networking.enums import ACCOMMODATION_RELEASED, DETAILS_RELEASED, BookingState, EventFormat
from networking.models.opportunities import MIN_FEE, Expenses, Interest, Opportunity
from networking.models.organizations import Organization
from portfolio.enums import EngagementType


class Booking(Expenses):
    """A request from an organization to a consultant, and everything it became.

    The state changes only through networking.services.bookings, which records each one.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookings"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="bookings"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    interest = models.OneToOneField(
        Interest, on_delete=models.SET_NULL, null=True, blank=True, related_name="booking"
    )
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.SET_NULL, null=True, blank=True, related_name="bookings"
    )
    title = models.CharField(_("what the engagement is"), max_length=160)
    engagement_type = models.CharField(
        _("engagement type"), max_length=20, choices=EngagementType.choices
    )
    topic = models.CharField(_("topic"), max_length=160)
    starts_on = models.DateField(_("first date"))
    ends_on = models.DateField(_("last date"))
    format = models.CharField(_("format"), max_length=10, choices=EventFormat.choices)
    audience_size = models.PositiveIntegerField(
        _("expected audience size"), validators=[MinValueValidator(1), MaxValueValidator(1_000_000)]
    )
    fee = models.DecimalField(
        _("fee"), max_digits=9, decimal_places=2, validators=[MinValueValidator(MIN_FEE)]
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    cancellation_fee = models.DecimalField(
        _("fee if you cancel after confirmation"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    message = models.TextField(_("message to the consultant"), max_length=2000, blank=True)
    boundaries_acknowledged_at = models.DateTimeField()
    # Released to the consultant only from acceptance on (see DETAILS_RELEASED).
    venue = models.TextField(_("venue or meeting link"), max_length=1000)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_details = models.CharField(_("contact e-mail or phone"), max_length=200)
    # What the consultant chooses to share with the organization once they accept.
    consultant_contact = models.CharField(
        _("how the organization can reach you"), max_length=200, blank=True
    )
    show_publicly = models.BooleanField(
        _("list this engagement on my public profile"), default=False
    )
    state = models.CharField(
        max_length=12, choices=BookingState.choices, default=BookingState.REQUESTED
    )
    cancellation_fee_due = models.DecimalField(
        max_digits=9, decimal_places=2, null=True, blank=True, editable=False
    )
    state_changed_at = models.DateTimeField()
    # One testimonial per booking: the testimonial lives in portfolio, which knows nothing
    # of bookings, so the booking remembers that it was written.
    testimonial_written_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The hidden token of the request form: the same form sent twice makes one booking.
    request_key = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-state_changed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["requested_by", "request_key"],
                condition=models.Q(request_key__isnull=False),
                name="networking_booking_request_once",
            ),
            models.CheckConstraint(
                condition=models.Q(fee__gte=MIN_FEE), name="networking_booking_paid"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="networking_booking_dates_in_order",
            ),
            currency_constraint(name="networking_booking_currency_supported"),
        ]
        indexes = [models.Index(fields=["state", "state_changed_at"])]

    def __str__(self):
        return self.title

    @property
    def details_released(self) -> bool:
        return self.state in DETAILS_RELEASED

    @property
    def accommodation_released(self) -> bool:
        return self.state in ACCOMMODATION_RELEASED


class BookingEvent(models.Model):
    """One transition: who, when, from what to what, and any new terms."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=12, choices=BookingState.choices, blank=True)
    to_state = models.CharField(max_length=12, choices=BookingState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(max_length=2000, blank=True)
    fee = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_state} -> {self.to_state}"
