from django.db.models import Q
from django.http import Http404
from wagtail import hooks

from accounts.rules import is_editor
from portfolio import policy
from portfolio.models import BlogPostPage, ConsultantPage, SpeakerProfilePage, VideoPage


@hooks.register("before_serve_page")
def refuse_hidden_consultant_pages(page, request, serve_args, serve_kwargs):
    """A page the viewer may not see does not exist for them: 404, never a login prompt.

    Runs before Wagtail's own view-restriction check, which would answer with a sign-in
    page and so confirm that the page exists.
    """
    if isinstance(page, ConsultantPage) and not policy.can_view(request.user, page):
        raise Http404


@hooks.register("construct_page_chooser_queryset")
def hide_other_consultants_pages(pages, request):
    """Wagtail's page chooser lists every page, drafts and private ones included.

    A consultant linking to a page sees only the consultant pages they may view
    (their own and those whose audience includes them); editors see everything.
    """
    if is_editor(request.user):
        return pages
    hidden = Q()
    for page_class in (SpeakerProfilePage, BlogPostPage, VideoPage):
        allowed = policy.visible(page_class.objects.all(), request.user)
        hidden |= Q(pk__in=page_class.objects.exclude(pk__in=allowed.values("pk")).values("pk"))
    return pages.exclude(hidden)


@hooks.register("construct_explorer_page_queryset")
def hide_other_consultants_pages_in_explorer(parent_page, pages, request):
    return hide_other_consultants_pages(pages, request)
