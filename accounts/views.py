import logging
from urllib.parse import urlencode, urlsplit, urlunsplit

from allauth.account.decorators import reauthentication_required
from allauth.account.views import LogoutView as AllauthLogoutView
from allauth.account.views import SignupView as AllauthSignupView
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import DatabaseError, transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from accounts import selectors, services
from accounts.adapters import remember_return_to, safe_next
from accounts.enums import Role
from accounts.forms import AccountDeleteForm
from core.forms import posted

security_log = logging.getLogger("podium.security")

CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


def _same_site_referer(request) -> str:
    """The path (and query) of the same-origin page the person came from, or ""."""
    referer = request.headers.get("referer", "")
    if not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    parts = urlsplit(referer)
    path = parts.path or "/"
    # Only an absolute address of this site (a Referer always is), rebuilt from its path:
    # "//host" or "/\\host" would leave the site, and the switcher would send itself back.
    if not parts.netloc or path.startswith(("//", "/\\")) or _is_switcher(path):
        return ""
    return iri_to_uri(urlunsplit(("", "", path, parts.query, "")))


def _is_switcher(path: str) -> bool:
    try:
        return resolve(path).url_name == "set_language"
    except Resolver404:
        return False


@require_safe
def set_language(request, code):
    """The footer's links: a plain GET, so that pages carry no form and set no cookie.

    Sets the language cookie (and a signed-in person's language, for later e-mails and the
    admin), then returns to the page the person came from, read from the Referer of this
    site only; a page never writes its own address into the link. An unknown language
    changes nothing. The answer is the person's own: never stored by any cache.
    """
    response = redirect(_same_site_referer(request) or "/")
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        if request.user.is_authenticated:
            services.user_language_set(user=request.user, language=code)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def admin_login_redirect(request):
    """Wagtail's /admin/login/ never authenticates: it sends people to allauth's sign-in."""
    target = reverse("account_login")
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = f"{target}?{urlencode({'next': next_url})}"
    return redirect(target)


class SignupView(AllauthSignupView):
    """allauth's sign-up in one transaction: the user, their e-mail address, their role
    and a consultant's workspace (collection, group, draft profile page) are all written
    or none is, and the confirmation e-mail (queued on commit) goes only if all were.
    """

    def get_initial(self):
        # The home page's two buttons and "Request this speaker" arrive with ?role=.
        initial = super().get_initial()
        role = self.request.GET.get("role", "")
        if role in Role.values:
            initial["role"] = role
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        next_url = safe_next(self.request.POST.get("next") or self.request.GET.get("next"))
        # allauth writes ?next= back into the page as it came; only a same-site path may.
        context["redirect_field_value"] = next_url or None
        context["redirect_field"] = ""
        context["for_a_request"] = is_booking_request(next_url)
        return context

    def form_valid(self, form):
        # Kept in the session, so the person comes back here after confirming their
        # e-mail address and signing in (accounts.adapters.AccountAdapter).
        remember_return_to(
            self.request, safe_next(self.request.POST.get("next") or self.request.GET.get("next"))
        )
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (DatabaseError, ObjectDoesNotExist, ValidationError) as failure:
            # The class only: a database message could quote the e-mail address.
            security_log.error("signup_failed error=%s", type(failure).__name__)
            self.user = None
            form.add_error(
                None,
                _(
                    "Your account could not be created just now, and nothing was saved. "
                    "Please try again in a few minutes."
                ),
            )
            return self.form_invalid(form)


def is_booking_request(path: str) -> bool:
    if not path:
        return False
    try:
        return resolve(path.split("?", 1)[0]).view_name == "networking:booking_new"
    except Resolver404:
        return False


class LogoutView(AllauthLogoutView):
    """allauth's sign-out, plus asking the browser to forget this site's cache and storage."""

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response


@login_required
@reauthentication_required
def account_delete(request):
    form = AccountDeleteForm(posted(request))
    if request.method == "POST" and form.is_valid():
        public_id = request.user.public_id
        try:
            services.account_delete(user=request.user)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
            return redirect("dashboard")
        logout(request)
        security_log.info("account_deleted user=%s", public_id)
        response = render(request, "accounts/account_deleted.html")
        response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response
    return render(request, "accounts/account_delete.html", {"form": form})


@require_safe
@login_required
def records_export(request):
    """Everything Podium holds about the person, as a JSON file (docs/privacy.md)."""
    response = JsonResponse(
        selectors.records_export(user=request.user),
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
    response["Content-Disposition"] = 'attachment; filename="podium-export.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@login_required
def dashboard(request):
    user = request.user
    editor = request.viewer.is_editor
    site = Site.find_for_request(request) if editor else None
    return render(
        request,
        "accounts/dashboard.html",
        {
            "security": selectors.account_security_summary(user=user),
            "dashboard": {
                # A consultant's own profile page (the reverse one-to-one, or None).
                "profile": getattr(user, "speaker_profile", None)
                if request.viewer.is_consultant
                else None,
                "is_editor": editor,
                # Featuring happens on the home page's editor.
                "home_page_id": site.root_page_id if site else None,
            },
        },
    )
