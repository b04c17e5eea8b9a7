"""Who is inside: the circle's door (asking to join, waiting, suspended, the members'
home), vouching for applicants, blocking members, leaving, and the circle's safety page."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from circle.enums import MemberStatus
from circle.models import Member
from circle.rules import circle_member
from circle.selectors import membership as member_selectors
from circle.services import membership as services
from circle.views.common import member_view, members_only, permission_required, render, submit
from core.forms import posted
from networking.forms import PlainTextMixin


class ApplyForm(PlainTextMixin, forms.ModelForm):
    class Meta:
        model = Member
        fields = ["name", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class LeaveForm(forms.Form):
    erase = forms.TypedChoiceField(
        label=gettext_lazy("What happens to what you wrote?"),
        choices=[
            ("keep", gettext_lazy("Keep what I wrote (shown as “a former member”)")),
            ("erase", gettext_lazy("Remove everything I wrote")),
        ],
        coerce=lambda value: value == "erase",
        widget=forms.RadioSelect,
    )


def _door(request, template: str, context: dict, status: int = 200):
    return render(request, template, {**member_selectors.guide_pages(), **context}, status)


@member_view
@require_http_methods(["GET", "POST"])
def home(request):
    """One address for every consultant: what they see depends on where they stand.

    Nobody else (an organization member, an editor who is not a member) learns that the
    circle is here: they get a 404.
    """
    viewer = request.viewer
    if not viewer.is_consultant:
        raise Http404
    member = circle_member(viewer)
    if member is None:
        return _landing(request)
    if member.status == MemberStatus.APPLIED:
        if request.method == "POST":  # the request sent twice
            return redirect("circle:home")
        return _door(
            request,
            "circle/membership/waiting.html",
            {"member": member, "vouches": services.vouch_count(member=member)},
        )
    if member.status == MemberStatus.SUSPENDED:
        return _door(request, "circle/membership/suspended.html", {})
    if request.method == "POST":
        return redirect("circle:home")
    circles, other_circles = member_selectors.circles_for(viewer)
    return _door(
        request,
        "circle/home.html",
        {
            "member": member,
            "circles": circles,
            "other_circles": other_circles,
            "warnings": member_selectors.warnings_for(viewer),
        },
    )


def _landing(request):
    initial = {"name": member_selectors.professional_name(request.user)}
    form = ApplyForm(posted(request), initial=initial)
    done, status = submit(
        request,
        form,
        lambda name, note: services.apply(actor=request.user, name=name, note=note),
        success=_("Your request was sent. Members and editors will see it."),
        then="circle:home",
    )
    return done or _door(request, "circle/membership/landing.html", {"form": form}, status)


@members_only("circle.vouch")
@require_safe
def applicants(request):
    return render(
        request,
        "circle/membership/applicants.html",
        {"applicants": member_selectors.applicants_for(request.viewer)},
    )


@members_only(
    "circle.vouch",
    member_selectors.applicant_for,
    by=("member_id",),
)
@require_POST
def vouch(request, applicant):
    candidate = services.vouch(actor=request.user, candidate=applicant)
    if candidate.status == MemberStatus.ACTIVE:
        messages.success(request, _("Thank you. %(name)s is now a member.") % {"name": applicant})
    else:
        messages.success(
            request, _("Thank you. Your word for %(name)s counts.") % {"name": applicant}
        )
    return redirect("circle:applicants")


@members_only(
    "circle.block_member",
    member_selectors.blockable_member,
    by=("public_id",),
)
@require_POST
def block_member(request, member):
    services.block_member(actor=request.user, user=member.user)
    messages.success(
        request,
        _("You and %(name)s no longer see what the other signs in the circle. Nobody is told.")
        % {"name": member.name},
    )
    return redirect("circle:blocks")


@members_only("circle.block_member")
@require_safe
def blocks(request):
    return render(
        request,
        "circle/membership/blocks.html",
        {"blocks": member_selectors.blocks_for(request.viewer)},
    )


@members_only(
    "circle.block_member",
    member_selectors.blocked_by_viewer,
    by=("public_id",),
)
@require_POST
def unblock_member(request, block):
    services.unblock_member(actor=request.user, user=block.blocked)
    messages.success(request, _("The block was removed."))
    return redirect("circle:blocks")


@member_view
@require_http_methods(["GET", "POST"])
@permission_required("circle.leave")
def leave(request):
    form = LeaveForm(posted(request))
    done, status = submit(
        request,
        form,
        lambda erase: services.leave(actor=request.user, erase=erase),
        success=_("You left the circle."),
        then="circle:home",
    )
    return done or render(request, "circle/membership/leave.html", {"form": form}, status)


@member_view
@require_safe
@permission_required("circle.see_safety")
def safety(request):
    return _door(request, "circle/safety.html", {})
