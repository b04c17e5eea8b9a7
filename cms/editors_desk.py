"""The editors' desk on the Wagtail dashboard: what waits for an editor, with links."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from networking.admin_views import describe_reports
from networking.enums import ReportStatus, ReportTarget
from networking.models import Report, VerificationApplication

LATEST_REPORTS = 3


@dataclass(frozen=True)
class DeskItem:
    label: str
    count: int
    url: str


def desk_items() -> list[DeskItem]:
    """Three queries, whatever the numbers."""
    reports = Report.objects.filter(status=ReportStatus.OPEN).aggregate(
        total=Count("pk"), messages=Count("pk", filter=Q(target_kind=ReportTarget.MESSAGE))
    )
    reports_url = reverse("networking_reports:index")
    return [
        DeskItem(
            _("Organizations awaiting verification"),
            VerificationApplication.objects.filter(decision="").count(),
            reverse("networking_verification:index"),
        ),
        DeskItem(_("Open reports"), reports["total"], reports_url),
        DeskItem(
            _("Pages in safety review"),
            WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count(),
            reverse("wagtailadmin_reports:workflow"),
        ),
        DeskItem(
            _("Flagged messages"),
            reports["messages"],
            f"{reports_url}?kind={ReportTarget.MESSAGE}",
        ),
    ]


def latest_reports() -> list[Report]:
    """The newest open reports, each said in words (networking.admin_views)."""
    reports = list(Report.objects.filter(status=ReportStatus.OPEN)[:LATEST_REPORTS])
    describe_reports(reports)
    return reports


class EditorsDeskPanel(Component):
    name = "editors_desk"
    template_name = "cms/admin/editors_desk_panel.html"
    order = 50  # above Wagtail's own panels

    def get_context_data(self, parent_context=None):
        return {
            "items": desk_items(),
            "latest_reports": latest_reports(),
            "reports_url": reverse("networking_reports:index"),
            "history_url": reverse("wagtailadmin_reports:site_history"),
        }
