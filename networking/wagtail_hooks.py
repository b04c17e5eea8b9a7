from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from networking import admin_views


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.viewer.has_perm("networking.review_organizations")


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
        # Not plain "Reports": Wagtail has a menu of that name.
        _("Safety reports"),
        reverse("networking_admin:reports"),
        icon_name="warning",
        order=910,
    )


@hooks.register("register_log_actions")
def editors_log_actions(actions):
    """Editors' decisions, shown in the admin's site history with who and when."""
    actions.register_action("podium.verify", _("Verify organization"), _("Verified"))
    actions.register_action("podium.reject", _("Reject verification"), _("Rejected verification"))
    actions.register_action("podium.report.dismissed", _("Dismiss report"), _("Dismissed a report"))

    for verb, label, message in (
        ("warned", _("Warn organization"), _("Warned %(name)s after a report")),
        ("suspended", _("Suspend organization"), _("Suspended %(name)s after a report")),
    ):
        actions.register_action(f"podium.report.{verb}")(_naming_the_organization(label, message))


def _naming_the_organization(label, message):
    class Formatter(LogFormatter):
        def format_message(self, log_entry):
            return message % {"name": log_entry.data.get("organization")}

    Formatter.label = label
    return Formatter
