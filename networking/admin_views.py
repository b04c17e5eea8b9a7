"""The editors' desk for networking, inside the Wagtail admin: verification and reports."""

import logging
import uuid

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.rules import is_editor
from networking.enums import ReportStatus, ReportTarget
from networking.errors import Refused
from networking.models import Message, Report, VerificationApplication
from networking.services import organizations as organization_services
from networking.services import safety as safety_services

audit = logging.getLogger("podium.audit")


def _editors_only(request) -> None:
    # The admin lets consultants in for their pages; this desk is for editors alone.
    if not is_editor(request.user):
        raise Http404


@require_safe
def verification_queue(request):
    _editors_only(request)
    applications = VerificationApplication.objects.filter(decision="").select_related(
        "organization", "submitted_by"
    )
    return TemplateResponse(
        request,
        "networking/admin/verification_queue.html",
        {
            "page_title": _("Organizations awaiting verification"),
            "header_icon": "group",
            "applications": applications,
        },
    )


@require_POST
def verification_decide(request, application_id):
    _editors_only(request)
    application = get_object_or_404(VerificationApplication, pk=application_id)
    try:
        organization_services.verification_decide(
            application=application,
            editor=request.user,
            approve=request.POST.get("decision") == "verify",
            reason=request.POST.get("reason", "")[:2000],
        )
    except Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request, _("Decision recorded for %(name)s.") % {"name": application.organization.name}
        )
    return redirect("networking_admin:verification")


@require_safe
def report_queue(request):
    _editors_only(request)
    reports = Report.objects.filter(status=ReportStatus.OPEN).select_related("organization")
    kind = request.GET.get("kind", "")
    if kind in ReportTarget.values:  # anything else shows every open report
        reports = reports.filter(target_kind=kind)
    reports = list(reports[:200])
    # Editors must read what was reported to judge it; that access to private messages is
    # logged (safety.md R28, R44), without the text itself.
    message_ids = [r.target_id for r in reports if r.target_kind == ReportTarget.MESSAGE]
    bodies = dict(Message.objects.filter(pk__in=message_ids).values_list("pk", "body"))
    for report in reports:
        if report.target_kind == ReportTarget.MESSAGE:
            report.excerpt = bodies.get(uuid.UUID(report.target_id), "")
            audit.info(
                "staff_access editor=%s report=%s message=%s",
                request.user.pk,
                report.pk,
                report.target_id,
            )
    return TemplateResponse(
        request,
        "networking/admin/report_queue.html",
        {
            "page_title": _("Safety reports"),
            "header_icon": "warning",
            "reports": reports,
        },
    )


@require_POST
def report_handle(request, report_id):
    _editors_only(request)
    report = get_object_or_404(Report, pk=report_id)
    try:
        safety_services.report_handle(
            report=report, editor=request.user, action=request.POST.get("action", "")
        )
    except Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The report was handled."))
    return redirect("networking_admin:reports")
