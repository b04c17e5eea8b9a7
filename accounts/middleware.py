import functools
import time

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404
from django.shortcuts import redirect
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext as _

from accounts import admin_reach
from accounts.rules import is_editor_for_request, must_enroll_mfa_given

SESSION_STARTED_KEY = "podium_session_started"
# When the session's idle expiry was last written (and its activity recorded), in seconds.
SESSION_RENEWED_KEY = "podium_session_renewed"


class SessionLifetimeMiddleware:
    """Ends a session 12 hours after sign-in, however active it has been, and keeps its
    30-minute idle limit sliding.

    The idle limit is Django's (SESSION_COOKIE_AGE, from the stored session's last save).
    Saving the session and recording its activity for the session list (allauth's
    UserSession, a transaction of four statements) on every request was half the queries
    of a signed-in page; both are written here at most once per
    SESSION_RENEW_INTERVAL_SECONDS instead. The session then expires 30 minutes after its
    last renewal, which is at most that interval before the last request: an idle session
    ends up to a minute early, never late. A session changed for any other reason is
    saved (and renewed) as before.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            session = request.session
            started = session.get(SESSION_STARTED_KEY)
            now = int(time.time())
            if started is None:
                session[SESSION_STARTED_KEY] = now
            elif now - started > settings.SESSION_ABSOLUTE_LIMIT_SECONDS:
                logout(request)
                messages.info(request, _("For your safety you were signed out. Please sign in."))
                return redirect(settings.LOGIN_URL)
            renewed = session.get(SESSION_RENEWED_KEY)
            if renewed is None or not 0 <= now - renewed < settings.SESSION_RENEW_INTERVAL_SECONDS:
                # Changing the session has SessionMiddleware save it with a new expiry.
                session[SESSION_RENEWED_KEY] = now
                if settings.USERSESSIONS_TRACK_ACTIVITY:
                    UserSession.objects.create_from_request(request)
        return self.get_response(request)


class MFARequiredMiddleware:
    """Staff and editors without an authenticator can reach only the MFA set-up pages."""

    allowed_url_names = (
        "mfa_index",
        "mfa_activate_totp",
        "mfa_add_webauthn",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "account_logout",
        "account_reauthenticate",
        "mfa_reauthenticate",
        "mfa_reauthenticate_webauthn",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.user.is_authenticated
            and not self._is_allowed(request.path)
            and self._must_enroll(request)
        ):
            messages.warning(
                request,
                _("Your role needs two-step verification. Please set it up to continue."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _must_enroll(request) -> bool:
        # The answer stays on request.user, so the Viewer does not ask it again.
        editor = is_editor_for_request(request.user)
        return must_enroll_mfa_given(request.user, editor=editor)

    def _is_allowed(self, path: str) -> bool:
        if path.startswith(settings.STATIC_URL):
            return True
        urlconf = get_urlconf() or settings.ROOT_URLCONF
        return path in _paths_of((*self.allowed_url_names, "healthz"), get_script_prefix(), urlconf)


@functools.lru_cache(maxsize=16)
def _paths_of(url_names: tuple[str, ...], script_prefix: str, urlconf: str) -> frozenset[str]:
    """The addresses of `url_names`, reversed once per script prefix and URLconf (the
    arguments) instead of on every signed-in request: eleven reversals were a tenth of
    the signed-in stack's time."""
    return frozenset(reverse(name, urlconf=urlconf) for name in url_names)


class AdminReachMiddleware:
    """In the Wagtail admin, what is not someone's to open answers 404, as everywhere else.

    Wagtail answers an object it will not show with a redirect and a "no permission"
    message (or lists its title), which tells that the id exists. Before any admin view
    runs, accounts.admin_reach decides: editors and superusers have the whole admin; a
    consultant reaches only their own pages and media; anyone else signed in has no admin
    and is sent from its front door to their dashboard once, instead of to a sign-in page
    that would send them straight back. Visitors are left to Wagtail's sign-in redirect,
    which answers every URL alike.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if (
            match is None
            or user is None
            or not user.is_authenticated
            or not admin_reach.is_admin_path(request.path)
            or admin_reach.has_whole_admin(user)
        ):
            return None
        if not user.has_perm("wagtailadmin.access_admin"):
            if match.view_name == "wagtailadmin_home":
                return redirect("dashboard")
            if match.view_name in ("wagtailadmin_login", "wagtailadmin_logout"):
                return None
            raise Http404
        if not admin_reach.may_reach(request, match.view_name, view_kwargs):
            raise Http404
        return None
