import base64

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from core.models import SiteSettings
from insight import selectors
from insight.counting import (
    VIEW_REPEAT_SECONDS,
    looks_automated,
    over_view_limit,
    visitor_kind,
)
from insight.forms import FairRateQueryForm
from insight.services import profile_view_count
from networking.views.common import member_view, permission_required

# The largest id a page can have (an integer column): a larger number in the address
# names no profile, and the database would refuse to compare it.
LARGEST_PAGE_ID = 2**31 - 1

# The smallest transparent GIF: the counting image must be an image, or browsers would
# show a broken-image mark.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@require_safe
def seen(request, profile_id: int):
    """The profile page's counting image: the same answer whether or not anything was
    counted, and for a profile that does not exist, so it tells nobody anything."""
    if (
        request.method == "GET"
        and profile_id <= LARGEST_PAGE_ID
        and not looks_automated(request)
        and not over_view_limit(request)
    ):
        profile_view_count(
            profile_id=profile_id,
            kind=visitor_kind(request.viewer),
            day=timezone.localdate(),
            visitor_id=request.user.pk,
        )
    response = HttpResponse(PIXEL, content_type="image/gif")
    # Only the visitor's own browser may keep it (a shared cache would swallow views).
    patch_cache_control(response, private=True, max_age=VIEW_REPEAT_SECONDS)
    patch_vary_headers(response, ("Cookie",))
    return response


@member_view
@require_safe
@permission_required("insight.see_fair_rates")
def fair_rates(request):
    form = FairRateQueryForm(request.GET or None)
    cell = form.cell() if form.is_bound else None
    figures = selectors.fair_rate_figures()
    return render(
        request,
        "insight/fair_rates.html",
        {
            "form": form,
            "asked": form.is_bound,
            "cell": cell,
            "figure": selectors.fair_rate_in(figures, cell) if cell else None,
            "figures": figures,
            "benchmarks": SiteSettings.load(request_or_site=request).benchmark_pairs(),
        },
    )
