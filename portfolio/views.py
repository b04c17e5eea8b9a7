"""The consultant's own controls: pause and resume, featuring, old versions, videos and
testimonials. The directory and profile pages route themselves (portfolio.models)."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import posted, uploaded
from core.media import services as core_services
from core.media.video_forms import VideoUploadForm
from core.models import PodiumVideo
from portfolio import selectors, services
from portfolio.models import Testimonial


def _own_profile(request):
    """The person's own profile, looked up for them: anyone without one gets a 404."""
    profile = services.profile_for(request.user)
    if profile is None:
        raise Http404
    return profile


@require_POST
@login_required
def pause(request):
    services.profile_pause(profile=_own_profile(request))
    messages.success(
        request,
        _("Your profile is paused. Only you and Podium's editors can see it, until you resume."),
    )
    return redirect("dashboard")


@require_POST
@login_required
def resume(request):
    services.profile_resume(profile=_own_profile(request))
    messages.success(request, _("Your profile is visible again, to the audience you chose."))
    return redirect("dashboard")


@require_POST
@login_required
def featuring(request):
    consent = request.POST.get("consent") == "yes"
    services.featuring_consent_set(profile=_own_profile(request), consent=consent)
    messages.success(
        request,
        _("Editors may now feature your public profile, posts and videos on the home page.")
        if consent
        else _("Nothing of yours is featured on the home page any more."),
    )
    return redirect("dashboard")


@require_POST
@login_required
@reauthentication_required
def forget_old_versions(request):
    count = services.old_versions_forget(profile=_own_profile(request))
    messages.success(
        request,
        _("Older versions of your pages are deleted (%(count)s). Only the current ones remain.")
        % {"count": count},
    )
    return redirect("dashboard")


@login_required
def videos(request):
    """The consultant's uploaded videos, and the form to upload another."""
    _own_profile(request)  # only a consultant with a profile keeps videos; else 404
    form = VideoUploadForm(posted(request), uploaded(request))
    if request.method == "POST" and form.is_valid():
        core_services.video_create(
            uploaded_by=request.user,
            title=form.cleaned_data["title"],
            source=form.cleaned_data["file"],
            captions=form.cleaned_data.get("captions"),
            captions_language=form.cleaned_data.get("captions_language") or "en",
        )
        messages.success(
            request,
            _("Your video is being prepared. When it is ready you can add it to a video page."),
        )
        return redirect("portfolio:videos")
    return TemplateResponse(
        request,
        "portfolio/videos.html",
        {"form": form, "videos": PodiumVideo.objects.filter(uploaded_by=request.user)},
    )


@login_required
def testimonials(request):
    profile = _own_profile(request)
    return TemplateResponse(
        request,
        "portfolio/testimonials.html",
        {
            "pending": selectors.pending_testimonials(profile=profile),
            "approved": selectors.approved_testimonials(profile=profile),
        },
    )


def _own_testimonial(request, testimonial_id) -> Testimonial:
    # Another consultant's testimonial does not exist for this one: 404.
    return get_object_or_404(Testimonial, pk=testimonial_id, profile=_own_profile(request))


@require_POST
@login_required
def testimonial_approve(request, testimonial_id):
    services.testimonial_approve(testimonial=_own_testimonial(request, testimonial_id))
    messages.success(request, _("The testimonial now shows on your profile."))
    return redirect("portfolio:testimonials")


@require_POST
@login_required
def testimonial_decline(request, testimonial_id):
    services.testimonial_decline(testimonial=_own_testimonial(request, testimonial_id))
    messages.success(request, _("The testimonial is deleted."))
    return redirect("portfolio:testimonials")
