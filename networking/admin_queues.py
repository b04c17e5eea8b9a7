"""The editors' two queues in the Wagtail admin, as Wagtail listings (ModelViewSet).

Each lists the open items only, a page at a time, with columns in plain words. Nobody
adds, edits or deletes through them: a decision goes through the decide and handle views
in networking.admin_views, posted from each row.
"""

import django_filters
from django.contrib.auth.models import Permission
from django.http import Http404
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from networking.admin_views import audit_message_reading, describe_reports
from networking.enums import ReportStatus, ReportTarget
from networking.models import Report, VerificationApplication
from networking.viewer import as_viewer

LIST_PER_PAGE = 25


class EditorsRulePolicy(BasePermissionPolicy):
    """Who may open a queue is a networking rule, not a Django model permission.

    Viewing is the only action, and only for those the rule lets in; adding, changing and
    deleting are nobody's, so Wagtail offers no such buttons or pages.
    """

    def __init__(self, model, rule: str):
        super().__init__(model)
        self.rule = rule

    def user_has_permission(self, user, action):
        return action == "view" and as_viewer(user).has_perm(self.rule)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


verification_policy = EditorsRulePolicy(VerificationApplication, "networking.review_organizations")
reports_policy = EditorsRulePolicy(Report, "networking.handle_reports")


class QueueIndexView(IndexView):
    def dispatch(self, request, *args, **kwargs):
        # A refusal is a 404, as for any address that is not there for this person
        # (Wagtail's own refusal would say that something is).
        if not self.user_has_permission("view"):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class CellColumn(Column):
    """A column whose cells are drawn by a template of ours (several fields, links)."""

    def __init__(self, name, template: str, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = template


class FormColumn(CellColumn):
    """A cell holding a form that posts to one of the decision views."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # Cells are rendered outside the request's own context: the token is handed on.
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class VerificationIndexView(QueueIndexView):
    page_title = _("Organizations awaiting verification")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(decision="")
            .select_related("organization", "submitted_by")
        )


class ReportFilterSet(WagtailFilterSet):
    # Named "kind" so that the desk's links and editors' bookmarks (?kind=message) keep
    # working; an unknown kind leaves the filter unset and every open report shown.
    kind = django_filters.ChoiceFilter(
        field_name="target_kind", choices=ReportTarget.choices, label=_("Kind of thing reported")
    )

    class Meta:
        model = Report
        fields = []


class ReportIndexView(QueueIndexView):
    page_title = _("Safety reports")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(status=ReportStatus.OPEN)
            .select_related("organization")
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, reports, is_paginated = super().paginate_queryset(queryset, page_size)
        reports = list(reports)
        describe_reports(reports)
        audit_message_reading(self.request.user, reports)
        return paginator, page, reports, is_paginated


class QueueViewSet(ModelViewSet):
    """A listing and nothing else: no add, edit, delete, history or usage pages."""

    add_to_admin_menu = True
    list_per_page = LIST_PER_PAGE

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    def get_permissions_to_register(self):
        # The rules decide; a model permission ticked in a group would change nothing.
        return Permission.objects.none()


class VerificationViewSet(QueueViewSet):
    model = VerificationApplication
    name = "networking_verification"
    url_prefix = "networking/verification"
    index_view_class = VerificationIndexView
    icon = "group"
    menu_label = _("Verification")
    menu_order = 900
    ordering = ["-submitted_at"]
    list_display = [
        CellColumn(
            "organization",
            "networking/admin/cells/organization.html",
            label=_("Organization"),
            sort_key="organization__name",
        ),
        CellColumn(
            "registration_number",
            "networking/admin/cells/application.html",
            label=_("What they sent"),
        ),
        DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
        FormColumn(
            "pk",
            "networking/admin/cells/verification_decide.html",
            label=_("Decision"),
        ),
    ]


class ReportViewSet(QueueViewSet):
    model = Report
    name = "networking_reports"
    url_prefix = "networking/reports"
    index_view_class = ReportIndexView
    icon = "warning"
    # Not plain "Reports": Wagtail has a menu of that name.
    menu_label = _("Safety reports")
    menu_order = 910
    ordering = ["-created_at"]
    filterset_class = ReportFilterSet
    list_display = [
        CellColumn(
            "subject",
            "networking/admin/cells/report_subject.html",
            label=_("What was reported"),
        ),
        CellColumn(
            "reason_text",
            "networking/admin/cells/report_reason.html",
            label=_("What is wrong"),
        ),
        CellColumn(
            "organization",
            "networking/admin/cells/report_organization.html",
            label=_("Organization answerable"),
        ),
        DateColumn("created_at", label=_("Reported"), sort_key="created_at"),
        FormColumn(
            "pk",
            "networking/admin/cells/report_handle.html",
            label=_("Action"),
        ),
    ]
