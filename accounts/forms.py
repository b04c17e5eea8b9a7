from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.enums import Role


class SignupForm(forms.Form):
    """Extra sign-up fields; allauth mixes this into its own sign-up form."""

    role = forms.ChoiceField(
        label=_("I am joining Podium as"),
        choices=[
            (Role.CONSULTANT, _("A consultant: I speak, train or advise")),
            (Role.ORGANIZATION, _("Part of an organization that wants to hire consultants")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose how you are joining.")},
    )

    def signup(self, request, user):
        services.user_register(user=user, role=self.cleaned_data["role"])


class AccountDeleteForm(forms.Form):
    understood = forms.BooleanField(
        label=_("I understand that this cannot be undone."),
        error_messages={"required": _("Tick the box to confirm.")},
    )
