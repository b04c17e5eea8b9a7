from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.forms import posted
from core.links import absolute_url
from networking import selectors
from networking.calendar_month import calendar_month, month_from_param
from networking.forms import UnavailableDateForm
from networking.models import Preferences
from networking.services import calendar as services
from networking.viewer import as_viewer
from networking.views.common import member_view, permission_required, render, submit


@member_view
@require_http_methods(["GET", "POST"])
@permission_required("networking.use_calendar")
def calendar(request):
    preferences, _created = Preferences.objects.get_or_create(user=request.user)
    form = UnavailableDateForm(posted(request))
    done, status = submit(
        request,
        form,
        lambda date: services.unavailable_add(consultant=request.user, day=date),
        then="networking:calendar",
    )
    if done:
        return done
    feed_url = absolute_url(reverse("networking:calendar_feed", args=[preferences.calendar_token]))
    today = timezone.localdate()
    first = month_from_param(request.GET.get("month"), today=today)
    return render(
        request,
        "networking/calendar.html",
        {
            "form": form,
            "month": calendar_month(consultant=request.user, first=first),
            "this_month": today.replace(day=1),
            "days": selectors.unavailable_days(consultant=request.viewer, since=today),
            "feed_url": feed_url,
        },
        status,
    )


@member_view
@require_POST
@permission_required("networking.use_calendar")
def unavailable_remove(request, day_id):
    services.unavailable_remove(consultant=request.user, day_id=day_id)
    return redirect("networking:calendar")


@member_view
@require_POST
@permission_required("networking.use_calendar")
def calendar_reset(request):
    services.calendar_token_reset(consultant=request.user)
    messages.success(request, _("Your calendar has a new address. The old one no longer works."))
    return redirect("networking:calendar")


@require_safe
def calendar_feed(request, token):
    """No sign-in: calendar apps cannot sign in. The long random address is the key."""
    owner = selectors.calendar_owner(token=token)
    if owner is None or len(token) < 32 or not as_viewer(owner).has_perm("networking.use_calendar"):
        raise Http404
    response = HttpResponse(services.calendar_feed(consultant=owner), content_type="text/calendar")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
