"""The editors' decisions on verification and reports, posted from the queues' rows
(networking.admin_queues), and the words that say what a report is about."""

import logging
import uuid

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from networking.enums import SCAM_CHECK, ReportTarget
from networking.errors import Refused
from networking.models import (
    Booking,
    Message,
    Opportunity,
    Organization,
    Report,
    VerificationApplication,
)
from networking.services import organizations as organization_services
from networking.services import safety as safety_services
from networking.views.common import permission_required
from portfolio.models import SpeakerProfilePage

audit = logging.getLogger("podium.audit")


# The admin lets consultants in for their pages; this desk is for editors alone (anyone
# else gets a 404, as if it were not there).


@require_POST
@permission_required("networking.review_organizations")
def verification_decide(request, application_id):
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
    return redirect("networking_verification:index")


def audit_message_reading(editor, reports: list[Report]) -> None:
    """Editors must read what was reported to judge it; that access to private messages is
    logged, without the text itself, so that every reading of someone's messages by staff
    can be accounted for."""
    for report in reports:
        if report.target_kind == ReportTarget.MESSAGE:
            audit.info(
                "staff_access editor=%s report=%s message=%s",
                editor.pk,
                report.pk,
                report.target_id,
            )


def describe_reports(reports: list[Report]) -> None:
    """What each report is about, in words and with a link where an editor can open it.

    Sets `subject` (words), `subject_url` (or ""), `found_by_scam_check`, `reason_text`
    (the reporter's words, or the scam check's findings without its internal tag) and,
    for a message, `excerpt`. One query per kind of target, whatever the number.
    """
    ids = {kind: set() for kind in ReportTarget.values}
    for report in reports:
        ids[report.target_kind].add(report.target_id)
    profiles = {
        str(page.pk): page
        for page in SpeakerProfilePage.objects.filter(
            pk__in=[int(i) for i in ids[ReportTarget.PROFILE] if i.isdigit()]
        )
    }
    organizations = {
        str(o.pk): o
        for o in Organization.objects.filter(pk__in=_uuids(ids[ReportTarget.ORGANIZATION]))
    }
    opportunities = {
        str(o.pk): o
        for o in Opportunity.objects.filter(
            pk__in=_uuids(ids[ReportTarget.OPPORTUNITY])
        ).select_related("organization")
    }
    bookings = {
        str(b.pk): b
        for b in Booking.objects.filter(pk__in=_uuids(ids[ReportTarget.BOOKING])).select_related(
            "organization", "consultant__speaker_profile"
        )
    }
    found_messages = {
        str(m.pk): m
        for m in Message.objects.filter(pk__in=_uuids(ids[ReportTarget.MESSAGE])).select_related(
            "sender", "conversation__organization", "conversation__consultant__speaker_profile"
        )
    }
    for report in reports:
        report.subject_url = ""
        report.subject_external = False
        report.excerpt = ""
        report.found_by_scam_check = report.reporter_id is None and report.reason.startswith(
            f"{SCAM_CHECK}:"
        )
        report.reason_text = (
            report.reason.removeprefix(f"{SCAM_CHECK}:").strip()
            if report.found_by_scam_check
            else report.reason
        )
        target = report.target_id
        if report.target_kind == ReportTarget.PROFILE and target in profiles:
            page = profiles[target]
            report.subject = _("The profile of %(name)s") % {"name": page.title}
            report.subject_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        elif report.target_kind == ReportTarget.ORGANIZATION and target in organizations:
            organization = organizations[target]
            report.subject = _("The organization %(name)s") % {"name": organization.name}
            # Editors have no page of their own for an organization: its website.
            report.subject_url = organization.website
            report.subject_external = True
        elif report.target_kind == ReportTarget.OPPORTUNITY and target in opportunities:
            opportunity = opportunities[target]
            report.subject = _("The opportunity “%(title)s” posted by %(organization)s") % {
                "title": opportunity.title,
                "organization": opportunity.organization.name,
            }
        elif report.target_kind == ReportTarget.BOOKING and target in bookings:
            booking = bookings[target]
            report.subject = _(
                "The booking request “%(title)s” from %(organization)s to %(consultant)s"
            ) % {
                "title": booking.title,
                "organization": booking.organization.name,
                "consultant": _consultant_name(booking.consultant),
            }
        elif report.target_kind == ReportTarget.MESSAGE and target in found_messages:
            message = found_messages[target]
            conversation = message.conversation
            consultant = _consultant_name(conversation.consultant)
            if message.sender_id == conversation.consultant_id:
                words = _("A message from %(consultant)s to %(organization)s")
            else:
                words = _("A message from %(organization)s to %(consultant)s")
            report.subject = words % {
                "organization": conversation.organization.name,
                "consultant": consultant,
            }
            report.excerpt = message.body
        else:
            report.subject = _("Something that no longer exists (%(kind)s)") % {
                "kind": report.get_target_kind_display().lower()
            }


def _consultant_name(user) -> str:
    profile = getattr(user, "speaker_profile", None)
    return profile.title if profile is not None else _("a consultant without a profile")


def _uuids(values) -> list[uuid.UUID]:
    found = []
    for value in values:
        try:
            found.append(uuid.UUID(value))
        except ValueError:
            continue
    return found


@require_POST
@permission_required("networking.handle_reports")
def report_handle(request, report_id):
    report = get_object_or_404(Report, pk=report_id)
    try:
        safety_services.report_handle(
            report=report, editor=request.user, action=request.POST.get("action", "")
        )
    except Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The report was handled."))
    return redirect("networking_reports:index")
