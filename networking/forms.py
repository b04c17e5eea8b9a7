"""Forms check shape and give clear messages; services decide what is allowed."""

import re
import uuid
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.media.images import ImageRejected, scrubbed_file
from core.money import CurrencyField
from networking.enums import BookingState, EventFormat, MemberRole
from networking.models import Booking, Capacity, Opportunity, Organization, Preferences
from networking.selectors.capacity import request_refusal
from networking.services.organizations import PUBLIC_MAIL_DOMAINS
from portfolio.enums import EngagementType
from portfolio.models import Language, Topic

DOMAIN = re.compile(r"^(?=.{4,120}$)([a-z0-9](-?[a-z0-9])*\.)+[a-z]{2,63}$")
MAX_FEE = Decimal("1000000")
# Characters that have no place in a name or a plain-text field.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DateInput(forms.DateInput):
    """A browser's date picker. Its value must be an ISO date whatever the reader's
    language: given "01/12/2026" (Spanish's short format), the browser shows an empty
    field and a saved date looks lost."""

    input_type = "date"

    def __init__(self, attrs=None, format="%Y-%m-%d"):
        super().__init__(attrs, format=format)


class PlainTextMixin:
    """Rejects control characters in every text field, with one clear message."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and CONTROL.search(value):
                self.add_error(name, _("This contains characters that cannot be used."))
        return cleaned


def _fee_field(label):
    return forms.DecimalField(
        label=label,
        min_value=Decimal("1"),
        max_value=MAX_FEE,
        decimal_places=2,
        max_digits=9,
        error_messages={"min_value": _("Podium does not carry unpaid requests: give a fee.")},
    )


class OrganizationForm(PlainTextMixin, forms.ModelForm):
    website = forms.URLField(
        label=_("Website"), max_length=300, required=False, assume_scheme="https"
    )

    class Meta:
        model = Organization
        fields = ["name", "kind", "website", "email_domain", "country", "description", "logo"]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo or logo == getattr(self.instance, "logo", None):
            return logo
        try:
            return scrubbed_file(logo)
        except ImageRejected as rejected:
            raise forms.ValidationError(str(rejected)) from rejected

    def clean_email_domain(self):
        domain = self.cleaned_data["email_domain"].strip().lower().lstrip("@")
        if not DOMAIN.match(domain):
            raise forms.ValidationError(_("Enter a domain such as example.org."))
        if domain in PUBLIC_MAIL_DOMAINS:
            raise forms.ValidationError(
                _("Use your organization's own domain, not a public e-mail provider.")
            )
        return domain


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)


class VerificationForm(PlainTextMixin, forms.Form):
    registration_number = forms.CharField(label=_("Registration number"), max_length=80)
    domain_email = forms.EmailField(
        label=_("Your e-mail address at the organization's domain"),
        help_text=_("It must be an address you have confirmed in your account settings."),
    )
    reference_name = forms.CharField(label=_("Reference: name"), max_length=120)
    reference_contact = forms.CharField(
        label=_("Reference: e-mail address or phone number"), max_length=200
    )
    reference_relationship = forms.CharField(
        label=_("How the reference knows your organization"), max_length=300
    )
    pledge = forms.BooleanField(
        label=_(
            "We pledge to pay every survivor-leader fairly, on time and at parity with other "
            "experts; never to ask for unpaid work or for their personal story; and to respect "
            "the boundaries they set."
        ),
        error_messages={"required": _("Please accept the pledge to apply.")},
    )


class OpportunityForm(PlainTextMixin, forms.ModelForm):
    fee = _fee_field(_("Fee offered"))
    currency = CurrencyField()
    pay_parity_attested = forms.BooleanField(
        label=_("We attest that this fee is the same as we pay other experts for comparable work."),
        error_messages={"required": _("Please confirm the pay-parity attestation.")},
    )
    # Chosen by slug and code, not by number: a number too large for the database would
    # otherwise reach it (and fail there) before the form could refuse it.
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    language = forms.ModelChoiceField(
        label=_("Language of the engagement"),
        queryset=Language.objects.all(),
        to_field_name="code",
        required=False,
    )

    class Meta:
        model = Opportunity
        fields = [
            "title",
            "engagement_type",
            "topics",
            "description",
            "language",
            "format",
            "country",
            "region",
            "starts_on",
            "ends_on",
            "fee",
            "currency",
            "covers_travel",
            "covers_lodging",
            "covers_per_diem",
            "deadline",
        ]
        widgets = {"starts_on": DateInput, "ends_on": DateInput, "deadline": DateInput}

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last date cannot be before the first date."))
        deadline = cleaned.get("deadline")
        if deadline and starts_on and deadline > starts_on:
            self.add_error("deadline", _("The answer-by date must be on or before the first date."))
        return cleaned


class OpportunityFilterForm(forms.Form):
    mine = forms.BooleanField(label=_("Only those that match my profile"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), to_field_name="slug", required=False
    )
    engagement = forms.ChoiceField(
        label=_("Engagement"), choices=[("", _("Any")), *EngagementType.choices], required=False
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", _("Any")), *EventFormat.choices], required=False
    )


class InterestForm(PlainTextMixin, forms.Form):
    note = forms.CharField(label=_("A short note"), max_length=1000, widget=forms.Textarea)
    fee = _fee_field(_("Your fee"))


class BookingRequestForm(PlainTextMixin, forms.ModelForm):
    fee = _fee_field(_("Fee"))
    currency = CurrencyField()
    cancellation_fee = forms.DecimalField(
        label=_("Fee you pay if you cancel after confirmation"),
        min_value=Decimal("0"),
        max_value=MAX_FEE,
        decimal_places=2,
        max_digits=9,
        initial=0,
    )
    boundaries_acknowledged = forms.BooleanField(
        label=_("I have read the consultant's boundaries above and will respect them."),
        error_messages={"required": _("Please confirm that you have read the boundaries.")},
    )
    # A new token each time the form is shown: sending it twice makes one booking.
    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)

    class Meta:
        model = Booking
        fields = [
            "title",
            "engagement_type",
            "topic",
            "starts_on",
            "ends_on",
            "format",
            "audience_size",
            "fee",
            "currency",
            "covers_travel",
            "covers_lodging",
            "covers_per_diem",
            "cancellation_fee",
            "message",
            "venue",
            "contact_name",
            "contact_details",
        ]
        widgets = {"starts_on": DateInput, "ends_on": DateInput}
        help_texts = {
            "venue": _("Shared with the consultant only once they accept."),
            "contact_details": _("Shared with the consultant only once they accept."),
        }

    def __init__(self, *args, consultant_id=None, opportunity=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultant_id, self.opportunity = consultant_id, opportunity

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last date cannot be before the first date."))
        elif starts_on and ends_on and self.consultant_id is not None:
            # Said at the dates, with everything else typed kept; the booking service
            # refuses the same request on its own, whichever way it arrives.
            refusal = request_refusal(
                consultant_id=self.consultant_id,
                starts_on=starts_on,
                ends_on=ends_on,
                text=f"{cleaned.get('title', '')} {cleaned.get('topic', '')}",
                opportunity=self.opportunity,
            )
            if refusal:
                self.add_error("starts_on", refusal)
        return cleaned


class BookingActionForm(PlainTextMixin, forms.Form):
    """One form for every move; which fields count depends on the move."""

    to = forms.ChoiceField(choices=BookingState.choices, widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note (optional)"), max_length=2000, required=False)
    fee = forms.DecimalField(
        label=_("New fee"),
        min_value=Decimal("1"),
        max_value=MAX_FEE,
        decimal_places=2,
        max_digits=9,
        required=False,
    )
    starts_on = forms.DateField(label=_("New first date"), required=False, widget=DateInput)
    ends_on = forms.DateField(label=_("New last date"), required=False, widget=DateInput)
    consultant_contact = forms.CharField(
        label=_("How the organization can reach you (optional)"), max_length=200, required=False
    )


class MessageForm(PlainTextMixin, forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        strip=True,
        required=False,
    )
    attachment = forms.FileField(
        label=_("A photo or a PDF (optional)"),
        required=False,
        help_text=_("Up to 10 MB. Photos are cleaned of location and camera details."),
    )
    # A new token each time the form is shown: sending it twice posts one message.
    send_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)


class ReportForm(PlainTextMixin, forms.Form):
    reason = forms.CharField(
        label=_("What is wrong? A few words are enough."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Preferences
        fields = [
            "contact_policy",
            "match_notifications",
            "email_frequency",
            "yearly_threshold",
            "yearly_threshold_currency",
        ]
        widgets = {
            "contact_policy": forms.RadioSelect,
            "email_frequency": forms.RadioSelect,
        }


class UnavailableDateForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)


class ActionForm(forms.Form):
    """No fields: a button's POST. It carries a refusal's message like any form error."""

    @classmethod
    def bound(cls) -> "ActionForm":
        form = cls(data={})
        form.full_clean()
        return form


class InvoiceIssueForm(forms.Form):
    due_days = forms.IntegerField(label=_("Days to pay"), min_value=1, max_value=120, initial=30)


class InvoicePaidForm(forms.Form):
    paid_on = forms.DateField(label=_("Date the payment arrived"), widget=DateInput)


SCORES = [(n, str(n)) for n in range(1, 6)]


class RatingForm(forms.Form):
    pay_parity = forms.TypedChoiceField(
        label=_("Paid on a par with other experts (1 to 5)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    payment_speed = forms.TypedChoiceField(
        label=_("Paid on time (1 to 5)"), choices=SCORES, coerce=int, widget=forms.RadioSelect
    )
    respect = forms.TypedChoiceField(
        label=_("Treated me with respect (1 to 5)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )


class TestimonialForm(PlainTextMixin, forms.Form):
    text = forms.CharField(label=_("Testimonial"), max_length=2000, widget=forms.Textarea)
    author_name = forms.CharField(
        label=_("Name to show with it (yours, or your team's)"), max_length=120
    )


class CapacityForm(forms.ModelForm):
    class Meta:
        model = Capacity
        fields = ["monthly_limit", "rest_days"]


class AvoidedTopicForm(forms.Form):
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all())
    starts_on = forms.DateField(label=_("From"), widget=DateInput)
    ends_on = forms.DateField(label=_("Until"), widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last date cannot be before the first date."))
        return cleaned


class DebriefForm(PlainTextMixin, forms.Form):
    text = forms.CharField(
        label=_("Your private note"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Only you see this on Podium: not the organization, not the editors. "
            "It is in the download of your own records."
        ),
    )
