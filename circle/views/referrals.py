from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from circle.mentoring_forms import AnswerForm, ChooseForm, ReferralForm
from circle.selectors import referrals as selectors
from circle.services import referrals as services
from circle.views.common import attempt, member_view, members_only, permission_required, render
from core.forms import posted


@members_only("circle.refer_booking", fetch=selectors.referable_booking, by=("booking_id",))
@require_http_methods(["GET", "POST"])
def referral_new(request, booking):
    """The consultant suggests another member for a request they cannot take."""
    candidates = selectors.referral_candidates(user=request.viewer, booking=booking)
    form = ReferralForm(posted(request), candidates=candidates)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            referred = next(
                m for m in candidates if str(m.user.public_id) == form.cleaned_data["referred"]
            )
            result, status = attempt(
                form,
                lambda: services.referral_create(
                    actor=request.user,
                    booking=booking,
                    referred=referred,
                    note=form.cleaned_data["note"],
                ),
            )
            if result is not None:
                messages.success(
                    request,
                    _("Your suggestion was sent. The organization sees it only if they say yes."),
                )
                return redirect("networking:booking", booking.pk)
    return render(
        request,
        "circle/referrals/new.html",
        {"form": form, "booking": booking, "candidates": candidates},
        status,
    )


@members_only("circle.view_referral", fetch=selectors.referral_for, by=("referral_id",))
@require_http_methods(["GET", "POST"])
def referral(request, referral):
    """The suggested member reads the request's terms and says yes or no."""
    form = AnswerForm(posted(request))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            accept = form.cleaned_data["answer"] == "yes"
            result, status = attempt(
                form,
                lambda: services.referral_answer(
                    actor=request.user, referral=referral, accept=accept
                ),
            )
            if result is not None:
                messages.success(
                    request,
                    _("Thank you. The organization now sees the suggestion and chooses.")
                    if accept
                    else _("Thank you. Nobody else is told, and it counts against nobody."),
                )
                return redirect("circle:referral", referral.pk)
    return render(
        request,
        "circle/referrals/referral.html",
        {"referral": referral, "booking": referral.booking, "form": form},
        status,
    )


@require_http_methods(["GET", "POST"])
@member_view
@permission_required(
    "circle.choose_referral", fetch=selectors.referral_for_organization, by=("referral_id",)
)
def referral_choose(request, referral):
    """The organization sends the suggested speaker the same request, or says no thanks.

    The one circle address an organization member can reach: their own booking's
    suggestion, after the suggested member said yes. Its page names no circle.
    """
    form = ChooseForm(posted(request))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            send = form.cleaned_data["answer"] == "send"
            result, status = attempt(
                form,
                lambda: services.referral_choose(
                    actor=request.user,
                    referral=referral,
                    send=send,
                    boundaries_acknowledged=form.cleaned_data["boundaries_acknowledged"],
                ),
            )
            if status == 200:
                if send:
                    messages.success(request, _("Your request was sent."))
                    return redirect("networking:booking", result.pk)
                messages.success(request, _("Thank you. Nobody is told."))
                return redirect("networking:booking", referral.booking_id)
    return render(
        request,
        "circle/referrals/choose.html",
        {
            "referral": referral,
            "booking": referral.booking,
            "profile": referral.referred.speaker_profile,
            "suggested_by": getattr(referral.booking.consultant, "speaker_profile", None),
            "form": form,
        },
        status,
    )
