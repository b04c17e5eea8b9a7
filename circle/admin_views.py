"""The editors' part of the circle, in the Wagtail admin: requests to join, the peer
moderators, and the reports moderators passed on. Editors see nothing else of the circle.

The queues are Wagtail listings (networking's editors' desk pattern); decisions are posted
from each row to the views below. Anyone who is not an editor, and any id that is not in
the queue, gets a 404.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import DateColumn

from circle.enums import MemberStatus, ReportStatus
from circle.models import CircleReport, Member
from circle.selectors import moderation as moderation_selectors
from circle.services import membership as membership_services
from circle.services import moderation as moderation_services
from networking.admin_queues import (
    CellColumn,
    EditorsRulePolicy,
    FormColumn,
    QueueIndexView,
    QueueViewSet,
)
from networking.errors import Refused
from networking.views.common import permission_required

members_policy = EditorsRulePolicy(Member, "circle.admit")
escalations_policy = EditorsRulePolicy(CircleReport, "circle.handle_escalations")

CELLS = "circle/moderation/admin/"


class ApplicationIndexView(QueueIndexView):
    page_title = gettext_lazy("Requests to join the circle")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(status=MemberStatus.APPLIED)
            .select_related("user__speaker_profile")
        )


class ModeratorIndexView(QueueIndexView):
    page_title = gettext_lazy("The circle's peer moderators")

    def get_base_queryset(self):
        return super().get_base_queryset().filter(status=MemberStatus.ACTIVE)


class EscalationIndexView(QueueIndexView):
    page_title = gettext_lazy("Reports passed on by the circle's moderators")

    def get_base_queryset(self):
        return moderation_selectors.escalated_reports()

    def paginate_queryset(self, queryset, page_size):
        paginator, page, reports, is_paginated = super().paginate_queryset(queryset, page_size)
        reports = list(reports)
        for report in reports:
            about = report.post.author if report.post_id else report.reported
            report.about_name = moderation_selectors.author_name(about)
        return paginator, page, reports, is_paginated


class ApplicationViewSet(QueueViewSet):
    model = Member
    name = "circle_applications"
    url_prefix = "circle/applications"
    index_view_class = ApplicationIndexView
    icon = "user"
    menu_label = gettext_lazy("Circle requests")
    menu_order = 920
    ordering = ["applied_at"]
    list_display = [
        CellColumn("name", CELLS + "applicant.html", label=gettext_lazy("Applicant")),
        DateColumn("applied_at", label=gettext_lazy("Asked"), sort_key="applied_at"),
        FormColumn("pk", CELLS + "application_decide.html", label=gettext_lazy("Decision")),
    ]


class ModeratorViewSet(QueueViewSet):
    model = Member
    name = "circle_moderators"
    url_prefix = "circle/moderators"
    index_view_class = ModeratorIndexView
    icon = "group"
    menu_label = gettext_lazy("Circle moderators")
    menu_order = 921
    ordering = ["-is_moderator", "name"]
    list_display = [
        CellColumn("name", CELLS + "member_name.html", label=gettext_lazy("Member")),
        FormColumn("pk", CELLS + "moderator_set.html", label=gettext_lazy("Peer moderator")),
    ]


class EscalationViewSet(QueueViewSet):
    model = CircleReport
    name = "circle_escalations"
    url_prefix = "circle/escalations"
    index_view_class = EscalationIndexView
    icon = "warning"
    menu_label = gettext_lazy("Circle reports")
    menu_order = 922
    ordering = ["created_at"]
    list_display = [
        CellColumn("post", CELLS + "escalation.html", label=gettext_lazy("What was reported")),
        FormColumn("pk", CELLS + "escalation_handle.html", label=gettext_lazy("Action")),
    ]


def _queued(queryset, pk):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@require_POST
@permission_required("circle.admit")
def application_decide(request, member_id):
    member = _queued(Member.objects.filter(status=MemberStatus.APPLIED), member_id)
    if request.POST.get("decision") == "admit":
        membership_services.admit(actor=request.user, member=member)
        messages.success(request, _("%(name)s is now a member.") % {"name": member.name})
    else:
        membership_services.refuse(
            actor=request.user, member=member, note=request.POST.get("reason", "")[:2000]
        )
        messages.success(request, _("The request was refused."))
    return redirect("circle_applications:index")


@require_POST
@permission_required("circle.appoint_moderators")
def moderator_set(request, member_id):
    member = _queued(Member.objects.filter(status=MemberStatus.ACTIVE), member_id)
    appoint = request.POST.get("appoint") == "1"
    membership_services.appoint_moderator(actor=request.user, member=member, appoint=appoint)
    messages.success(request, _("Saved."))
    return redirect("circle_moderators:index")


@require_POST
@permission_required("circle.handle_escalations")
def escalation_handle(request, circle_report_id):
    report = _queued(CircleReport.objects.filter(status=ReportStatus.ESCALATED), circle_report_id)
    try:
        moderation_services.decide(
            actor=request.user,
            report=report,
            decision=request.POST.get("action", ""),
            note=request.POST.get("note", "")[:2000],
        )
    except Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The report was handled."))
    return redirect("circle_escalations:index")
