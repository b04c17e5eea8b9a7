import uuid
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networking.forms import DateInput, PlainTextMixin


def _a_year_ago():
    return timezone.localdate() - timedelta(days=365)


class StatementForm(forms.Form):
    period_start = forms.DateField(
        label=pgettext_lazy("start of a period", "From"),
        widget=DateInput,
        initial=_a_year_ago,
    )
    period_end = forms.DateField(label=_("Until"), widget=DateInput, initial=timezone.localdate)
    shows_organizations = forms.BooleanField(
        label=_("Show the names of the organizations that paid me"),
        help_text=_("Left unticked, each line says “An organization”."),
        required=False,
    )
    # A new token each time the form is shown: sending it twice makes one statement.
    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)


class RevokeForm(forms.Form):
    """The yes of the confirmation panel (components/confirm_action.html)."""

    confirm = forms.BooleanField(
        label=_("Revoke"),
        error_messages={"required": _("Please confirm that you want to revoke this statement.")},
    )


class VerifyForm(PlainTextMixin, forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=24,
        help_text=_("As printed on the statement, for example ABCD-EFGH-JKMN."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    verifier_name = forms.CharField(label=_("Your name"), max_length=120)
    verifier_organization = forms.CharField(
        label=_("Your organization"),
        max_length=160,
        help_text=_("For example the agency, bank or office you check for."),
    )
