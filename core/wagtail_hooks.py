from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.images.views.chooser import viewset as image_chooser_viewset

from core.media.admin_views import OwnTagsImageChooseView


@hooks.register("on_serve_page")
def robots_header(next_serve):
    """The page's robots directive as a header too, so it also covers non-HTML readers."""

    def serve(page, request, args, kwargs):
        response = next_serve(page, request, args, kwargs)
        directive = getattr(page.specific, "get_robots_directive", None)
        if directive is not None and not response.has_header("X-Robots-Tag"):
            response["X-Robots-Tag"] = directive(request)
        return response

    return serve


@hooks.register("before_edit_page")
@hooks.register("before_create_page")
def refuse_publishing_without_permission(request, page, *args):
    """A crafted "publish" from someone without the right gets a message, not an error.

    Wagtail hides the button but raises PublishPagePermissionError (a server error) when
    the action arrives anyway.
    """
    if request.method != "POST" or "action-publish" not in request.POST:
        return None
    if page.permissions_for_user(request.user).can_publish():
        return None
    messages.error(request, _("You cannot publish this page yet: send it for review instead."))
    return redirect(request.get_full_path())


# The image chooser's popular tags come from the person's own images (core.media.admin_views).
image_chooser_viewset.choose_view_class = OwnTagsImageChooseView


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    """The way back to Podium's own dashboard (bookings, messages, money), first."""
    return MenuItem(gettext_lazy("Your dashboard"), reverse("dashboard"), icon_name="home", order=1)
