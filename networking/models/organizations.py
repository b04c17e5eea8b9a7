import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.money import Currency, currency_constraint
from networking.enums import (
    ContactPolicy,
    EmailFrequency,
    MemberRole,
    OrganizationKind,
    Verification,
)


def email_domain(address: str) -> str:
    """The domain of an e-mail address, as organizations and blocks store it."""
    return address.rpartition("@")[2].strip().lower()


class Organization(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("type"), max_length=20, choices=OrganizationKind.choices)
    website = models.URLField(_("website"), max_length=300, blank=True)
    email_domain = models.CharField(
        _("e-mail domain"),
        max_length=120,
        help_text=_("The part after @ in your organization's e-mail addresses."),
    )
    registration_number = models.CharField(_("registration number"), max_length=80, blank=True)
    country = CountryField(_("country"), blank=True, blank_label=_("No country given"))
    description = models.TextField(_("description"), max_length=3000, blank=True)
    # Scrubbed like every image (networking.forms.OrganizationForm.clean_logo).
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    verification = models.CharField(
        max_length=12, choices=Verification.choices, default=Verification.UNVERIFIED
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    suspended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")

    def __str__(self):
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verification == Verification.VERIFIED and self.suspended_at is None

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None


class Membership(models.Model):
    """A person belongs to at most one organization."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    role = models.CharField(max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.user_id} in {self.organization_id}"


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "email"],
                condition=models.Q(accepted_at__isnull=True),
                name="networking_one_open_invitation_per_address",
            )
        ]

    def __str__(self):
        return f"Invitation {self.id}"

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class VerificationApplication(models.Model):
    """What an organization sends for review; an editor decides with a reason."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="applications"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    registration_number = models.CharField(_("registration number"), max_length=80)
    domain_email = models.EmailField(_("your e-mail address at the organization's domain"))
    reference_name = models.CharField(_("reference: name"), max_length=120)
    reference_contact = models.CharField(
        _("reference: e-mail address or phone number"), max_length=200
    )
    reference_relationship = models.CharField(
        _("how the reference knows your organization"), max_length=300
    )
    pledge_accepted_at = models.DateTimeField()
    submitted_at = models.DateTimeField(auto_now_add=True)
    decision = models.CharField(max_length=12, choices=Verification.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"Application {self.id}"


def _calendar_token() -> str:
    return secrets.token_urlsafe(32)


class Preferences(models.Model):
    """A person's choices about contact and notifications (some only apply to consultants)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_preferences"
    )
    contact_policy = models.CharField(
        _("who may send you requests and messages"),
        max_length=10,
        choices=ContactPolicy.choices,
        default=ContactPolicy.VERIFIED,
    )
    match_notifications = models.BooleanField(
        _("tell me about new opportunities that match my profile"), default=True
    )
    email_frequency = models.CharField(
        _("e-mail me about new activity"),
        max_length=10,
        choices=EmailFrequency.choices,
        default=EmailFrequency.IMMEDIATE,
    )
    yearly_threshold = models.DecimalField(
        _("warn me before my earnings this year reach"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For example the limit above which you would lose a benefit. Only you see it."),
    )
    # The limit is in one currency; earnings in others are not converted into it.
    yearly_threshold_currency = models.CharField(
        _("currency of that limit"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)
    calendar_token = models.CharField(max_length=64, unique=True, default=_calendar_token)

    class Meta:
        constraints = [
            currency_constraint(
                name="networking_preferences_threshold_currency_supported",
                field="yearly_threshold_currency",
            )
        ]

    def __str__(self):
        return f"Preferences of {self.user_id}"
