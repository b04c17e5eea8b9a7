from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The sign-up form's signup() saves the user, their role and their workspace in
        # one transaction (accounts.services.user_register), so nothing is half-written.
        user = super().save_user(request, user, form, commit=False)
        user.language = translation.get_language()
        return user
