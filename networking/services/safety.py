from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.log_actions import log

from networking.enums import SCAM_CHECK, ReportStatus, ReportTarget
from networking.errors import Forbidden, Refused
from networking.models import Block, Organization, Report
from networking.selectors import organization_admins
from networking.services.notifications import notify_many
from networking.services.organizations import network_access_sync
from networking.viewer import as_viewer


@transaction.atomic
def block_create(*, consultant, organization: Organization) -> Block:
    """Silent: the organization is not told, and from now on the consultant does not exist
    for any of its members or anyone with an address at its domain."""
    if not as_viewer(consultant).has_perm("networking.add_block"):
        raise Forbidden(_("Only consultants can block an organization."))
    block, _created = Block.objects.get_or_create(
        consultant=consultant,
        organization=organization,
        defaults={"email_domain": organization.email_domain},
    )
    return block


@transaction.atomic
def block_remove(*, consultant, block_id: int) -> None:
    Block.objects.filter(consultant=consultant, pk=block_id).delete()


def report_create(
    *, reporter, target_kind: str, target_id: str, organization: Organization | None, reason: str
) -> Report:
    """The caller has already checked that the reporter can see the target."""
    reason = reason.strip()
    if not reason:
        raise Refused(_("Tell us in a few words what is wrong."))
    if target_kind not in ReportTarget.values:
        raise Refused(_("This cannot be reported."))
    return Report.objects.create(
        reporter=reporter,
        target_kind=target_kind,
        target_id=str(target_id),
        organization=organization,
        reason=reason,
    )


def scam_report_create(*, target_kind: str, target_id, organization, signals: list[str]):
    """Podium's own report, for editors, when a request or message asks for money."""
    return Report.objects.create(
        reporter=None,
        target_kind=target_kind,
        target_id=str(target_id),
        organization=organization,
        reason=f"{SCAM_CHECK}: " + "; ".join(signals),
    )


@transaction.atomic
def report_handle(*, report: Report, editor, action: str) -> Report:
    """dismiss, warn (the organization's administrators are told) or suspend."""
    if not as_viewer(editor).has_perm("networking.handle_reports"):
        raise Forbidden(_("Only Podium's editors handle reports."))
    report = (
        Report.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=report.pk)
    )
    if report.status != ReportStatus.OPEN:
        raise Refused(_("This report was already handled."))
    organization = report.organization
    if action in (ReportStatus.WARNED, ReportStatus.SUSPENDED) and organization is None:
        raise Refused(_("No organization is answerable for this report."))
    if action == ReportStatus.WARNED:
        notify_many(
            users=organization_admins(organization.pk),
            event_key=f"warning:{report.pk}",
            text=gettext_noop("Podium's editors sent your organization a warning."),
            url=reverse("networking:organization"),
        )
    elif action == ReportStatus.SUSPENDED:
        organization_suspend(organization=organization)
    elif action != ReportStatus.DISMISSED:
        raise Refused(_("Unknown action."))
    report.status = action
    report.handled_by = editor
    report.handled_at = timezone.now()
    report.save(update_fields=["status", "handled_by", "handled_at"])
    log(
        report,
        f"podium.report.{action}",
        user=editor,
        data={"organization": organization.name if organization else ""},
    )
    return report


@transaction.atomic
def organization_suspend(*, organization: Organization) -> None:
    """A suspended organization can do nothing and sees only what the public sees."""
    if organization.suspended_at is None:
        organization.suspended_at = timezone.now()
        organization.save(update_fields=["suspended_at"])
    network_access_sync(organization=organization)
