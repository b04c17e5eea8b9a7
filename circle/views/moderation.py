"""Reporting a post or a member, and the peer moderators' desk and council log."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.enums import Role
from circle.enums import ReportDecision
from circle.models import CircleReport
from circle.selectors import membership as member_selectors
from circle.selectors import moderation as selectors
from circle.services import moderation as services
from circle.views.common import attempt, members_only, render
from core.forms import posted
from networking.forms import PlainTextMixin, ReportForm

LOG_LENGTH = 200


class ActionForm(PlainTextMixin, forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("What to do"), choices=ReportDecision.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=gettext_lazy("Reason, for the council's log"),
        help_text=gettext_lazy("A note sent to a member shows them this text."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, report: CircleReport, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what can be done to this report is offered.
        possible = services.decisions_for(report)
        self.fields["action"].choices = [
            (value, label) for value, label in ReportDecision.choices if value in possible
        ]


@members_only(
    "circle.report",
    selectors.reportable_post,
    by=("post_id",),
)
@require_http_methods(["GET", "POST"])
def report_post(request, post):
    return _report(
        request,
        lambda reason: services.report_post(actor=request.user, post=post, reason=reason),
        _("a post"),
    )


@members_only(
    "circle.report",
    member_selectors.member_by_public_id,
    by=("public_id",),
)
@require_http_methods(["GET", "POST"])
def report_member(request, member):
    return _report(
        request,
        lambda reason: services.report_member(actor=request.user, user=member.user, reason=reason),
        member.name,
    )


def _report(request, action, name: str):
    form = ReportForm(posted(request))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            _result, status = attempt(form, lambda: action(form.cleaned_data["reason"]))
            if status == 200:
                messages.success(
                    request,
                    _(
                        "Thank you. The circle's peer moderators will look at it. "
                        "Nobody is told who reported."
                    ),
                )
                return redirect("circle:home")
    return render(request, "circle/moderation/report.html", {"form": form, "name": name}, status)


@members_only("circle.moderate")
@require_safe
def desk(request):
    viewer = request.viewer
    return render(
        request,
        "circle/moderation/desk.html",
        {
            "reports": _named(list(selectors.reports_for(viewer))),
            "hidden_posts": selectors.hidden_posts_for(viewer),
            "suspended": selectors.suspended_members_for(viewer),
        },
    )


def _named(reports):
    """Each report with the name of who it is about (a post's real author)."""
    for report in reports:
        about = report.post.author if report.post_id else report.reported
        report.about_name = selectors.author_name(about)
        report.about_user = about
    return reports


@members_only(
    "circle.moderate",
    selectors.report_for,
    by=("report_id",),
)
@require_http_methods(["GET", "POST"])
def report_handle(request, report):
    form = ActionForm(posted(request), report=report)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            decision = form.cleaned_data["action"]
            _result, status = attempt(
                form,
                lambda: services.decide(
                    actor=request.user,
                    report=report,
                    decision=decision,
                    note=form.cleaned_data["note"],
                ),
            )
            if status == 200:
                messages.success(request, _("Done. The council's log has a line for it."))
                return redirect("circle:moderation")
    _named([report])
    return render(
        request, "circle/moderation/report_handle.html", {"report": report, "form": form}, status
    )


@members_only(
    "circle.moderate",
    selectors.hidden_post_for,
    by=("post_id",),
)
@require_POST
def unhide(request, post):
    services.unhide_post(actor=request.user, post=post)
    messages.success(request, _("The post is shown again."))
    return redirect("circle:moderation")


@members_only(
    "circle.moderate",
    selectors.suspended_member_for,
    by=("public_id",),
)
@require_POST
def reinstate(request, member):
    services.reinstate_member(actor=request.user, user=member.user)
    messages.success(request, _("%(name)s is a member again.") % {"name": member.name})
    return redirect("circle:moderation")


@members_only("circle.moderate")
@require_safe
def log(request):
    entries = list(selectors.council_log(request.viewer)[:LOG_LENGTH])
    for entry in entries:
        actor = entry.actor
        is_editor = actor is not None and actor.role != Role.CONSULTANT
        entry.actor_name = _("an editor") if is_editor else selectors.author_name(actor)
    return render(request, "circle/moderation/log.html", {"entries": entries})
