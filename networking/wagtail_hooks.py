from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from networking import admin_queues, admin_views
from networking.models import Report, VerificationApplication

# The queues' policies are registered before Wagtail meets the models anywhere else, or it
# would make a fallback policy of Django model permissions for them.
register_permission_policy(VerificationApplication, admin_queues.verification_policy)
register_permission_policy(Report, admin_queues.reports_policy)


@hooks.register("register_admin_urls")
def networking_admin_urls():
    # The decisions, posted from the queues' rows; the queues themselves are viewsets.
    urls = [
        path(
            "verification/<uuid:application_id>/",
            admin_views.verification_decide,
            name="verification_decide",
        ),
        path("reports/<uuid:report_id>/", admin_views.report_handle, name="report_handle"),
    ]
    return [path("networking/", include((urls, "networking_admin")))]


@hooks.register("register_admin_viewset")
def editors_queues():
    return [admin_queues.VerificationViewSet(), admin_queues.ReportViewSet()]


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
