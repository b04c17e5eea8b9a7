from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The sign-up form's signup() saves the user, their role and their workspace in
        # one transaction (accounts.services.user_register), so nothing is half-written.
        return super().save_user(request, user, form, commit=False)
