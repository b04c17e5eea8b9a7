from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.rules import is_editor
from networking import admin_views


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_urls")
def networking_admin_urls():
    urls = [
        path("verification/", admin_views.verification_queue, name="verification"),
        path(
            "verification/<uuid:application_id>/",
            admin_views.verification_decide,
            name="verification_decide",
        ),
        path("reports/", admin_views.report_queue, name="reports"),
        path("reports/<uuid:report_id>/", admin_views.report_handle, name="report_handle"),
    ]
    return [path("networking/", include((urls, "networking_admin")))]


@hooks.register("register_admin_menu_item")
def verification_menu_item():
    return EditorsMenuItem(
        _("Verification"), reverse("networking_admin:verification"), icon_name="group", order=900
    )


@hooks.register("register_admin_menu_item")
def reports_menu_item():
    return EditorsMenuItem(
        _("Reports"), reverse("networking_admin:reports"), icon_name="warning", order=910
    )
