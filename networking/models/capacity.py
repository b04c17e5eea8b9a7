"""What a consultant can take on: the limits they set themselves, and their private notes
after an engagement. Only they ever read these; Podium applies the limits without saying
which one was reached (networking.capacity)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from networking.models.bookings import Booking

# A month of rest is already long; a bound keeps the searches for a free date short.
MAX_REST_DAYS = 60
MAX_MONTHLY_LIMIT = 60


class Capacity(models.Model):
    """One row per consultant who set a limit; none means no limits."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="capacity"
    )
    monthly_limit = models.PositiveSmallIntegerField(
        _("most engagements a month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_MONTHLY_LIMIT)],
        help_text=_("Engagements you accepted count in the month they start. Empty: no limit."),
    )
    rest_days = models.PositiveSmallIntegerField(
        _("rest days after an engagement"),
        default=0,
        validators=[MaxValueValidator(MAX_REST_DAYS)],
        help_text=_("Days after an engagement's last date on which no other one may start."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("capacity")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rest_days__lte=MAX_REST_DAYS),
                name="networking_capacity_rest_bounded",
            ),
            models.CheckConstraint(
                condition=models.Q(monthly_limit__isnull=True) | models.Q(monthly_limit__gte=1),
                name="networking_capacity_limit_positive",
            ),
        ]

    def __str__(self):
        return f"Capacity of {self.user_id}"


class AvoidedTopic(models.Model):
    """A topic the consultant does not take on from one date to another (both included)."""

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="avoided_topics"
    )
    topic = models.ForeignKey(
        "portfolio.Topic", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="networking_avoided_topic_dates_in_order",
            )
        ]

    def __str__(self):
        return f"{self.topic_id}: {self.starts_on} - {self.ends_on}"


class Debrief(models.Model):
    """The consultant's private note after a completed engagement. Kept apart from the
    booking, which the organization reads, so that no page, admin or export of the
    booking can carry it by accident."""

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="+")
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="debriefs"
    )
    text = models.TextField(_("your private note"), max_length=5000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self):
        return f"Debrief {self.pk}"
