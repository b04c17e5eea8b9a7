from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.enums import Role


class SignupForm(forms.Form):
    """Extra sign-up fields; allauth mixes this into its own sign-up form."""

    role = forms.ChoiceField(
        label=_("How are you joining Podium?"),
        choices=[
            (Role.CONSULTANT, _("I am a survivor-leader offering my expertise")),
            (Role.ORGANIZATION, _("I represent an organization")),
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
