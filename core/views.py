import logging

from celery import current_app as celery_app
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from core import style_guide as style_guide_content

log = logging.getLogger("podium.health")


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure means unhealthy; the log says which
        log.exception("database check failed")
        return "error"
    return "ok"


def _check_cache() -> str:
    try:
        cache.set("podium:healthz", "1", timeout=10)
        ok = cache.get("podium:healthz") == "1"
    except Exception:
        log.exception("cache check failed")
        return "error"
    return "ok" if ok else "error"


def _check_broker() -> str:
    if not settings.PODIUM_BROKER_CONFIGURED:
        return "eager"
    try:
        with celery_app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)
    except Exception:
        log.exception("broker check failed")
        return "error"
    return "ok"


@require_safe
def healthz(request):
    checks = {"database": _check_database(), "cache": _check_cache(), "broker": _check_broker()}
    healthy = all(value in ("ok", "eager") for value in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )
    patch_cache_control(response, no_store=True)
    return response


def not_found(request, *args, **kwargs):
    raise Http404


class _ExampleForm(forms.Form):
    """Every kind of input, for the style page; it is never saved."""

    name = forms.CharField(label=_("Name"), help_text=_("As you would like to be called."))
    email = forms.EmailField(label=_("E-mail"))
    fee = forms.DecimalField(label=_("Fee"), min_value=0)
    starts_on = forms.DateField(
        label=_("First date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    topic = forms.ChoiceField(
        label=_("Topic"),
        choices=[("", _("Choose a topic")), ("policy", _("Policy")), ("health", _("Health"))],
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("virtual", _("Virtual")), ("in_person", _("In person"))],
        widget=forms.RadioSelect,
        initial="virtual",
    )
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}))
    file = forms.FileField(label=_("Attachment"), required=False)
    agree = forms.BooleanField(label=_("I agree to be contacted"), required=False)


@require_http_methods(["GET", "HEAD", "POST"])
def style_guide(request):
    """The living style page: every component with the line that includes it.

    The example buttons post here; nothing is changed, the page only says so.
    """
    if request.method == "POST":
        messages.info(request, _("Nothing was changed: that button is only an example."))
        return redirect("style_guide")
    form = _ExampleForm(request.GET or None)
    if request.GET:
        form.is_valid()  # shows the error styles
    context = {
        "form": form,
        "colour_tokens": style_guide_content.COLOUR_TOKENS,
        "type_sizes": style_guide_content.TYPE_SIZES,
        "examples": style_guide_content.STYLE_EXAMPLES,
        "table": style_guide_content.TABLE_SAMPLE,
    }
    return TemplateResponse(request, "core/style_guide.html", context)
