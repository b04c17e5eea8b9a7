import time
from urllib.parse import unquote, urlencode, urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from accounts.selectors import language_for_email

# Where a person was going when they were sent to sign up, sign in or set something up
# first (a booking request, say). Kept in the session, not in the confirmation e-mail's
# link, so a forwarded e-mail cannot carry anyone anywhere: only the browser that set it
# is sent on (after confirming, through the sign-in page's ?next=).
RETURN_TO_KEY = "podium_return_to"

# Sign-in methods that prove the person is at the keyboard right now.
FRESH_SIGN_IN_METHODS = {"password", "mfa"}


def is_same_site_path(url: str | None) -> bool:
    """A path on this site ("/network/..."), nothing else.

    Anything with a scheme or a host, protocol-relative ("//evil"), backslash tricks
    ("/\\evil"), control characters or a sneaked-in scheme is refused: these addresses
    come from query strings anyone can write.
    """
    if not url or len(url) > 2000:
        return False
    # Checked as written and once decoded: browsers and servers decode %2F, %5C, %0D.
    for form in (url, unquote(url)):
        if not form.startswith("/") or form.startswith(("//", "/\\")) or "\\" in form:
            return False
        if any(ord(char) < 32 or ord(char) == 127 for char in form):
            return False
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return False
    return url_has_allowed_host_and_scheme(url, allowed_hosts=set())


def safe_next(value: str | None) -> str:
    """The value if it is a same-site path, else the empty string."""
    return value if is_same_site_path(value) else ""


def remember_return_to(request, url: str) -> None:
    if is_same_site_path(url):
        request.session[RETURN_TO_KEY] = url


def return_to(request) -> str:
    session = getattr(request, "session", None)
    return safe_next(session.get(RETURN_TO_KEY)) if session is not None else ""


def forget_return_to(request) -> None:
    session = getattr(request, "session", None)
    if session is not None:
        session.pop(RETURN_TO_KEY, None)


def signed_in_moments_ago(request) -> bool:
    """Whether this session's last password or two-step check (a sign-in, or a confirmation
    of the password since) happened within the reauthentication window."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    records = [
        record
        for record in get_authentication_records(request, user)
        if record.get("method") in FRESH_SIGN_IN_METHODS
    ]
    if not records:
        return False
    return time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # Not saved here: the sign-up form's signup() saves the user with their role and
        # workspace (accounts.services.user_register), and accounts.views.SignupView holds
        # that and allauth's e-mail address in one transaction, so nothing is half-written.
        user = super().save_user(request, user, form, commit=False)
        user.language = translation.get_language()
        return user

    def is_safe_url(self, url):
        # Stricter than allauth's (which accepts other hosts in ALLOWED_HOSTS): every
        # "next" Podium follows is a path on the site the person is already on.
        return is_same_site_path(url)

    def get_login_redirect_url(self, request):
        # An explicit, safe ?next= wins (allauth checks it first); otherwise the place
        # the person was going before sign-up and e-mail confirmation sent them away.
        return return_to(request) or super().get_login_redirect_url(request)

    def get_email_verification_redirect_url(self, email_address):
        url = super().get_email_verification_redirect_url(email_address)
        going_to = return_to(self.request)
        if going_to and not self.request.user.is_authenticated:
            return f"{resolve_url(url)}?{urlencode({'next': going_to})}"
        return url

    def is_reauthentication_required(self, *, app, **kwargs):
        # Setting up two-step verification moments after signing in would otherwise ask
        # for the password that was just typed. Within the reauthentication window the
        # sign-in itself counts for the two-step pages; after it, and for every other
        # sensitive change (e-mail, password, account deletion), allauth asks again.
        if app == "allauth.mfa" and signed_in_moments_ago(self.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # In the language the recipient chose, not that of the browser that asked: a
        # reset asked from an English browser still reaches a Spanish reader in Spanish.
        with translation.override(language_for_email(email)):
            super().send_mail(template_prefix, email, context)


def signup_url(*, role: str = "", next_url: str = "") -> str:
    query = {key: value for key, value in (("role", role), ("next", safe_next(next_url))) if value}
    url = reverse("account_signup")
    return f"{url}?{urlencode(query)}" if query else url


class MFAAdapter(DefaultMFAAdapter):
    # The feature has one name everywhere a person reads it: "two-step verification".
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "add_email_blocked": _(
            "You cannot add an e-mail address to an account protected by two-step verification."
        ),
        "cannot_delete_authenticator": _("You cannot turn off two-step verification."),
        "cannot_generate_recovery_codes": _(
            "You cannot make recovery codes before two-step verification is on."
        ),
        "unverified_email": _(
            "You cannot turn on two-step verification until your e-mail address is confirmed."
        ),
    }
