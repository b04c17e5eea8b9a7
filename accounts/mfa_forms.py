"""allauth's two-step forms (sign-in and reauthentication), refusing a code used before.

Named in MFA_FORMS. A replayed code is answered as a wrong one and counted against the
same limit, before allauth's own check (which would clear the limit on a match).
"""

from allauth.mfa.adapter import get_adapter
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.base.internal.flows import check_rate_limit
from allauth.mfa.models import Authenticator

from accounts.two_step import totp_code_accepted, totp_code_replayed


class OnceOnlyCodeMixin:
    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if totp_code_replayed(user=self.user, code=code):
            check_rate_limit(self.user)
            raise get_adapter().validation_error("incorrect_code")
        code = super().clean_code()
        if self.authenticator.type == Authenticator.Type.TOTP:
            totp_code_accepted(authenticator=self.authenticator, code=code)
        return code


class OnceOnlyAuthenticateForm(OnceOnlyCodeMixin, AuthenticateForm):
    pass


class OnceOnlyReauthenticateForm(OnceOnlyCodeMixin, ReauthenticateForm):
    pass
