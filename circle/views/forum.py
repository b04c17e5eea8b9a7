"""Circles, threads and posts: thin views over circle.selectors.forum and
circle.services.forum. Anything the member may not reach answers 404 (members_only)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from circle.forms import (
    CircleSettingsForm,
    OpeningPostEditForm,
    PostEditForm,
    ReplyForm,
    SearchForm,
    ThreadForm,
)
from circle.rules import circle_member
from circle.selectors import forum as selectors
from circle.selectors import membership as member_selectors
from circle.services import forum as services
from circle.views.common import members_only, render, submit
from core.forms import posted


def _page(request, listing, per_page: int):
    return Paginator(listing, per_page).get_page(request.GET.get("page"))


@members_only()
@require_safe
def circles(request):
    listing = selectors.circles_for(user=request.viewer)
    return render(request, "circle/forum/circles.html", {"circles": listing})


@members_only("circle.enter", selectors.circle_for, by=("slug",))
@require_safe
def circle(request, circle):
    joined = request.viewer.has_perm("circle.read_circle", circle)
    page_obj = None
    if joined:
        page_obj = _page(
            request,
            selectors.threads_in(user=request.viewer, circle=circle),
            selectors.THREADS_PER_PAGE,
        )
    return render(
        request,
        "circle/forum/circle.html",
        {"circle": circle, "joined": joined, "page_obj": page_obj},
    )


@members_only("circle.enter", selectors.circle_for, by=("slug",))
@require_POST
def circle_join(request, circle):
    services.circle_join(actor=request.user, circle=circle)
    messages.success(request, _("You joined this circle."))
    return redirect("circle:circle", circle.slug)


@members_only("circle.enter", selectors.circle_for, by=("slug",))
@require_POST
def circle_leave(request, circle):
    services.circle_leave(actor=request.user, circle=circle)
    messages.success(request, _("You left this circle. What you wrote there stays."))
    return redirect("circle:circle", circle.slug)


@members_only("circle.start_thread", selectors.circle_for, by=("slug",))
@require_http_methods(["GET", "POST"])
def thread_new(request, circle):
    form = ThreadForm(posted(request))
    done, status = submit(
        request,
        form,
        lambda **fields: services.thread_start(actor=request.user, circle=circle, **fields),
        then=lambda thread: ("circle:thread", thread.pk),
    )
    if done:
        return done
    return render(request, "circle/forum/thread_new.html", {"circle": circle, "form": form}, status)


@members_only("circle.read_thread", selectors.thread_for, by=("thread_id",))
@require_http_methods(["GET", "POST"])
def thread(request, thread):
    form = ReplyForm(posted(request))
    done, status = submit(
        request,
        form,
        lambda **fields: services.post_reply(actor=request.user, thread=thread, **fields),
        then=lambda _post: ("circle:thread", thread.pk),
    )
    if done:
        return done
    posts = selectors.posts_in(user=request.viewer, thread=thread)
    page_obj = _page(request, posts, selectors.POSTS_PER_PAGE)
    shown = list(page_obj.object_list)
    if shown and request.method == "GET":
        services.thread_read(user=request.user, thread=thread, up_to=shown[-1].created_at)
    is_moderator = request.viewer.has_perm("circle.moderate")
    return render(
        request,
        "circle/forum/thread.html",
        {
            "thread": thread,
            "circle": thread.circle,
            "page_obj": page_obj,
            "posts": shown,
            "form": form,
            "is_moderator": is_moderator,
            "grievance_url": _grievance_url(request, shown, is_moderator=is_moderator),
        },
        status,
    )


def _grievance_url(request, posts, *, is_moderator: bool) -> str:
    """Where a member whose own post the moderators hid learns how to contest it: the
    grievance procedure, or while it is not published the page of what the circle
    promises. Looked up only when such a post is on the page."""
    own_hidden = any(
        post.hidden_at and not post.removed_at and post.author_id == request.user.pk
        for post in posts
    )
    if is_moderator or not own_hidden:
        return ""
    return member_selectors.guide_pages()["grievance_url"] or reverse("circle:safety")


@members_only("circle.edit_post", selectors.own_post_for, by=("post_id",))
@require_http_methods(["GET", "POST"])
def post_edit(request, post):
    is_opening = selectors.opening_post_id(post.thread) == post.pk
    form_class = OpeningPostEditForm if is_opening else PostEditForm
    initial = {"body": post.body, "content_note": post.content_note, "title": post.thread.title}
    form = form_class(posted(request), initial=initial)
    done, status = submit(
        request,
        form,
        lambda **fields: services.post_edit(actor=request.user, post=post, **fields),
        success=_("Your post was changed."),
        then=lambda _post: ("circle:thread", post.thread_id),
    )
    if done:
        return done
    return render(request, "circle/forum/post_edit.html", {"post": post, "form": form}, status)


@members_only("circle.delete_post", selectors.own_post_for, by=("post_id",))
@require_POST
def post_delete(request, post):
    services.post_delete(actor=request.user, post=post)
    messages.success(request, _("Your post was removed."))
    return redirect("circle:thread", post.thread_id)


@members_only()
@require_safe
def search(request):
    form = SearchForm(request.GET if "q" in request.GET else None)
    page_obj, query, status = None, "", 200
    if form.is_bound:
        if form.is_valid():
            results = selectors.search_threads(user=request.viewer, query=form.cleaned_data["q"])
            page_obj = _page(request, results, selectors.SEARCH_RESULTS_PER_PAGE)
            query = urlencode({"q": form.cleaned_data["q"]})
        else:
            status = 400
    return render(
        request,
        "circle/forum/search.html",
        {"form": form, "page_obj": page_obj, "query": query},
        status,
    )


@members_only("circle.change_settings")
@require_http_methods(["GET", "POST"])
def circle_settings(request):
    member = circle_member(request.viewer)
    form = CircleSettingsForm(
        posted(request), initial={"name": member.name, "wants_digest": member.wants_digest}
    )
    done, status = submit(
        request,
        form,
        lambda **fields: services.member_settings_update(actor=request.user, **fields),
        success=_("Your circle settings were saved."),
        then="circle:settings",
    )
    if done:
        return done
    return render(request, "circle/forum/settings.html", {"form": form}, status)
