from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from accounts.selectors import language_for_email


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # Not saved here: the sign-up form's signup() saves the user with their role and
        # workspace (accounts.services.user_register), and accounts.views.SignupView holds
        # that and allauth's e-mail address in one transaction, so nothing is half-written.
        user = super().save_user(request, user, form, commit=False)
        user.language = translation.get_language()
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # In the language the recipient chose, not that of the browser that asked: a
        # reset asked from an English browser still reaches a Spanish reader in Spanish.
        with translation.override(language_for_email(email)):
            super().send_mail(template_prefix, email, context)
