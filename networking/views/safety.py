import uuid

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.forms import posted
from networking import selectors
from networking.enums import ReportTarget
from networking.forms import PreferencesForm, ReportForm
from networking.models import Message, Organization, Preferences
from networking.services import notifications as notification_services
from networking.services import safety as services
from networking.views.common import member_view, permission_required, render, submit
from portfolio.models import SpeakerProfilePage


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError as error:
        raise Http404 from error


def _report_target(viewer, kind: str, target_id: str):
    """(what the reporter sees as its name, the organization answerable) or 404."""
    if kind == ReportTarget.PROFILE:
        if not target_id.isdigit():
            raise Http404
        profile = SpeakerProfilePage.objects.filter(pk=int(target_id)).first()
        if profile is None or not viewer.can_view(profile):
            raise Http404
        return profile.title, None
    if kind == ReportTarget.ORGANIZATION:
        organization = get_object_or_404(Organization, pk=_uuid(target_id))
        return organization.name, organization
    if kind == ReportTarget.OPPORTUNITY:
        opportunity = selectors.opportunity_for(user=viewer, opportunity_id=_uuid(target_id))
        return opportunity.title, opportunity.organization
    if kind == ReportTarget.BOOKING:
        booking = selectors.booking_for(user=viewer, booking_id=_uuid(target_id))
        return booking.title, booking.organization
    if kind == ReportTarget.MESSAGE:
        message = Message.objects.filter(pk=_uuid(target_id)).first()
        if message is None:
            raise Http404
        conversation = selectors.conversation_for(
            user=viewer, conversation_id=message.conversation_id
        )
        return _("a message"), conversation.organization
    raise Http404


@member_view
@require_http_methods(["GET", "POST"])
def report(request, kind, target_id):
    name, organization = _report_target(request.viewer, kind, target_id)
    form = ReportForm(posted(request))
    done, status = submit(
        request,
        form,
        lambda reason: services.report_create(
            reporter=request.user,
            target_kind=kind,
            target_id=target_id,
            organization=organization,
            reason=reason,
        ),
        success=_(
            "Thank you. Podium's editors will look at it. You do not need to do anything else."
        ),
        then="dashboard",
    )
    if done:
        return done
    return render(request, "networking/report.html", {"form": form, "name": name}, status)


@member_view
@require_POST
@permission_required("networking.add_block")
def block(request, organization_id):
    organization = get_object_or_404(Organization, pk=organization_id)
    services.block_create(consultant=request.user, organization=organization)
    messages.success(
        request,
        _("%(name)s can no longer see you or contact you. They are not told.")
        % {"name": organization.name},
    )
    return redirect("networking:settings")


@member_view
@require_POST
@permission_required(
    "networking.delete_block",
    lambda user, block_id: selectors.block_for(consultant=user, block_id=block_id),
    by=("block_id",),
)
def unblock(request, block):
    services.block_remove(consultant=request.user, block_id=block.pk)
    messages.success(request, _("The block was removed."))
    return redirect("networking:settings")


@member_view
@require_http_methods(["GET", "POST"])
def settings(request):
    preferences, _created = Preferences.objects.get_or_create(user=request.user)
    form = PreferencesForm(posted(request), instance=preferences)
    if not request.viewer.has_perm("networking.set_contact_policy"):
        del form.fields["contact_policy"]
        del form.fields["match_notifications"]
        del form.fields["yearly_threshold"]
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Saved."))
            return redirect("networking:settings")
        status = 400
    blocks = selectors.blocks_for(consultant=request.viewer)
    return render(request, "networking/settings.html", {"form": form, "blocks": blocks}, status)


@member_view
@require_safe
def notifications(request):
    return render(
        request,
        "networking/notifications.html",
        {"notifications": selectors.notifications_for(user=request.user)[:100]},
    )


@member_view
@require_safe
def notification_open(request, notification_id):
    notification = get_object_or_404(
        selectors.notifications_for(user=request.user), pk=notification_id
    )
    notification_services.notifications_mark_read(user=request.user, ids=[notification.pk])
    return redirect(notification.url)


@member_view
@require_POST
def notifications_read(request):
    notification_services.notifications_mark_read(user=request.user)
    return redirect("networking:notifications")
