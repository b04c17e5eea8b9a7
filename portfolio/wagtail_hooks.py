from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portfolio.enums import Audience
from portfolio.models import (
    BlogPostPage,
    ConsultantPage,
    Language,
    SpeakerProfilePage,
    Testimonial,
    Topic,
    VideoPage,
)


# Editors keep these lists; a consultant's admin reaches none of them (accounts.admin_reach).
class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "name_es", "slug"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["__str__", "code"]
    search_fields = ["name", "code"]


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    list_display = ["author_name", "profile", "created_at", "approved_at"]
    search_fields = ["author_name", "author_role", "text"]


register_snippet(TopicViewSet)
register_snippet(LanguageViewSet)
register_snippet(TestimonialViewSet)


@hooks.register("before_serve_page")
def refuse_hidden_consultant_pages(page, request, serve_args, serve_kwargs):
    """A page the viewer may not see does not exist for them: 404, never a login prompt.

    Runs before Wagtail's own view-restriction check, which would answer with a sign-in
    page and so confirm that the page exists.
    """
    if isinstance(page, ConsultantPage) and not request.viewer.can_view(page):
        raise Http404


@hooks.register("construct_page_chooser_queryset")
def hide_other_consultants_pages(pages, request):
    """Wagtail's page chooser lists every page, drafts and private ones included.

    A consultant linking to a page sees only the consultant pages they may view
    (their own and those whose audience includes them); editors see everything.
    """
    if request.viewer.is_editor:
        return pages
    hidden = Q()
    for page_class in (SpeakerProfilePage, BlogPostPage, VideoPage):
        allowed = request.viewer.visible(page_class.objects.all())
        hidden |= Q(pk__in=page_class.objects.exclude(pk__in=allowed.values("pk")).values("pk"))
    return pages.exclude(hidden)


@hooks.register("construct_explorer_page_queryset")
def hide_other_consultants_pages_in_explorer(parent_page, pages, request):
    return hide_other_consultants_pages(pages, request)


class SendForReviewMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow name>" / "Resubmit to <task name>", said plainly."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page and page.pk else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Send for review again")
        else:
            context["label"] = _("Send for review")
        return context


@hooks.register("construct_page_action_menu")
def plain_review_labels(menu_items, request, context):
    for position, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            plain = SendForReviewMenuItem(order=item.order)
            menu_items[position] = plain
        elif item.name == "action-restart-workflow":
            item.label = _("Send for review again")
        elif item.name == "action-cancel-workflow":
            item.label = _("Withdraw from review")


# What a consultant is told after publishing, by the page's effective audience: Wagtail
# says "published", which for a page only they or the network can see is untrue.
PUBLISHED_FOR = {
    Audience.NETWORK: _(
        "'%(title)s' is saved for signed-in consultants and verified organizations only."
    ),
    Audience.PRIVATE: _("'%(title)s' is saved. It is visible only to you and Podium's editors."),
}


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def say_who_can_see_it(request, page):
    specific = page.specific
    if not isinstance(specific, ConsultantPage):
        return
    if "action-submit" in request.POST:
        _replace_last_success(
            request,
            _(
                "'%(title)s' is sent for review. An editor looks at it once for safety; "
                "you will hear from us when it is live."
            )
            % {"title": specific.get_admin_display_title()},
        )
        return
    if "action-publish" not in request.POST:
        return
    # The effective audience as written after publishing (portfolio.signals).
    current = type(specific).objects.get(pk=specific.pk)
    if not current.live or current.visibility not in PUBLISHED_FOR:
        return
    _replace_last_success(
        request, PUBLISHED_FOR[current.visibility] % {"title": current.title}, page=current
    )


def _replace_last_success(request, text, page=None):
    # Wagtail adds its message before running these hooks and offers no way to word it:
    # the message still waiting in this request's storage is taken back and said anew.
    queued = getattr(getattr(request, "_messages", None), "_queued_messages", None)
    if not queued or queued[-1].level != messages.SUCCESS:
        return
    queued.pop()
    buttons = (
        [admin_messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Edit"))]
        if page is not None
        else []
    )
    if page is not None and page.url:
        buttons.insert(0, admin_messages.button(page.url, _("View"), new_window=False))
    admin_messages.success(request, text, buttons=buttons)
