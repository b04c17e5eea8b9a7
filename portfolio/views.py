"""Views behind the directory and profile routes (portfolio.models routes call these)."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import posted, uploaded
from core.media import services as core_services
from core.media.video_forms import VideoUploadForm
from core.models import PodiumVideo, SiteSettings
from portfolio import selectors, services
from portfolio.forms import DirectoryFilterForm
from portfolio.media_kit_pdf import media_kit_pdf as build_media_kit_pdf
from portfolio.models import Testimonial, Topic

PAGE_SIZE = 20


def directory(request, index_page):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    profiles = selectors.directory_profiles(viewer=request.viewer, filters=filters)
    page_obj = Paginator(profiles, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "portfolio/speaker_index_page.html",
        {
            "page": index_page,
            "self": index_page,
            "form": form,
            "page_obj": page_obj,
            "profiles": page_obj.object_list,
            "filter_query": query.urlencode(),
            "topics": Topic.objects.all(),
        },
    )


def topic(request, index_page, slug):
    topic = get_object_or_404(Topic, slug=slug)
    pages = selectors.topic_pages(topic=topic, viewer=request.viewer)
    pages["posts"] = selectors.card_pictures_attach(pages["posts"])
    pages["videos"] = selectors.card_pictures_attach(pages["videos"])
    return TemplateResponse(
        request,
        "portfolio/topic.html",
        {
            "page": index_page,
            "self": index_page,
            "topic": topic,
            **pages,
        },
    )


def _profile_context(request, profile) -> dict:
    viewer = request.viewer
    return {
        "page": profile,
        "self": profile,
        "is_owner": viewer.is_owner(profile),
        "show_lived_experience": bool(profile.lived_experience)
        and viewer.can_see_section(profile, profile.lived_experience_audience),
        "show_rates": viewer.can_see_section(profile, profile.rates_audience),
        "rates": profile.rates.all(),
        # Editors keep the figures in site settings (cms issue); shown beside every rate card.
        "benchmarks": SiteSettings.load(request_or_site=request).benchmark_pairs(),
    }


def profile(request, profile):
    context = _profile_context(request, profile)
    context["testimonials"] = selectors.approved_testimonials(profile=profile)
    context["past_engagements"] = selectors.shown_past_engagements(profile=profile)
    context["posts"] = selectors.card_pictures_attach(
        selectors.profile_posts(profile=profile, viewer=request.viewer)[:10]
    )
    context["videos"] = selectors.card_pictures_attach(
        selectors.profile_videos(profile=profile, viewer=request.viewer)[:10]
    )
    if profile.allow_search_engine_indexing:
        context["structured_data"] = person_json_ld(request, profile)
    return TemplateResponse(request, "portfolio/speaker_profile_page.html", context)


def media_kit(request, profile):
    return TemplateResponse(request, "portfolio/media_kit.html", _profile_context(request, profile))


def media_kit_pdf(request, profile):
    response = HttpResponse(
        build_media_kit_pdf(_profile_context(request, profile)), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="one-sheet.pdf"'
    return response


def person_json_ld(request, profile) -> dict:
    """schema.org Person for an opted-in public profile (rendered by core's json_ld filter)."""
    return {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": profile.title,
        "description": profile.headline or strip_tags(profile.bio)[:300],
        "url": profile.get_full_url(request),
        "knowsAbout": [t.name for t in profile.topics.all()],
    }


def _own_profile(request):
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
    if services.profile_for(request.user) is None:
        raise Http404
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
