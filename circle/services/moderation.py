"""Reports and the peer moderators' actions on them, each written to the council's log.

Members report a post or a member; peer moderators hide or show posts, warn, suspend or
reinstate members, close reports or pass them to the editors. Editors act only on the
reports passed to them. Nobody acts on a report about themselves.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from circle.enums import MemberStatus, ModerationAction, ReportDecision, ReportStatus
from circle.models import CircleReport, Member, ModerationEntry, Post
from circle.selectors.moderation import council_can_judge
from circle.services.forum import checked_text, longest
from networking.errors import Hidden, Refused
from networking.services.notifications import notify
from networking.viewer import as_viewer

WARNED_TEXT = gettext_noop("The circle's moderators sent you a note.")
SUSPENDED_TEXT = gettext_noop("Your place in the circle is paused.")
REINSTATED_TEXT = gettext_noop("Your place in the circle is open again.")


def _may_act(actor, report: CircleReport | None) -> None:
    """A peer moderator (not on a report about themselves), or an editor on a report the
    moderators passed on."""
    viewer = as_viewer(actor)
    if report is None:
        allowed = viewer.has_perm("circle.moderate")
    elif report.status == ReportStatus.ESCALATED and viewer.has_perm("circle.handle_escalations"):
        allowed = True
    else:
        allowed = report.status == ReportStatus.OPEN and viewer.has_perm(
            "circle.handle_report", report
        )
    if not allowed:
        raise Refused(_("You cannot do this in the circle."))


def _log(*, actor, action, member=None, post=None, report=None, note="") -> ModerationEntry:
    """One line of the council's log; the member acted on is named as they are now."""
    subject = member.user if member is not None else None
    if subject is None and post is not None:
        subject = post.author
    if subject is None and report is not None:
        subject = report.reported
    if member is None and subject is not None:
        member = Member.objects.filter(user=subject).first()
    return ModerationEntry.objects.create(
        actor=actor,
        action=action,
        subject=subject,
        subject_name=member.name if member is not None else "",
        post=post,
        report=report,
        note=note[:2000],
    )


def _report(*, actor, reason: str, **target) -> CircleReport:
    """A member's report of a post or a member; the same person's open report of the same
    thing is not repeated."""
    if not as_viewer(actor).has_perm("circle.report"):
        raise Refused(_("You cannot do this in the circle."))
    reason = checked_text(
        reason,
        field="reason",
        limit=longest(CircleReport, "reason"),
        required=True,
        empty_message=_("Say in a few words what is wrong."),
    )
    existing = CircleReport.objects.filter(
        reporter=actor, status=ReportStatus.OPEN, **target
    ).first()
    if existing is not None:
        return existing
    report = CircleReport.objects.create(reporter=actor, reason=reason, **target)
    if not council_can_judge(report):
        # About the only moderator, or made by them: the editors take it, or nobody would.
        report.status = ReportStatus.ESCALATED
        report.save(update_fields=["status"])
    return report


@transaction.atomic
def report_post(*, actor, post: Post, reason: str) -> CircleReport:
    return _report(actor=actor, reason=reason, post=post)


@transaction.atomic
def report_member(*, actor, user, reason: str) -> CircleReport:
    if user.pk == actor.pk:
        raise Hidden(_("Not found."))
    return _report(actor=actor, reason=reason, reported=user)


@transaction.atomic
def hide_post(*, actor, post: Post, report: CircleReport | None = None, note="") -> Post:
    _may_act(actor, report)
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.hidden_at is None:
        post.hidden_at, post.hidden_by = timezone.now(), actor
        post.save(update_fields=["hidden_at", "hidden_by"])
        _log(actor=actor, action=ModerationAction.HIDE, post=post, report=report, note=note)
    return post


@transaction.atomic
def unhide_post(*, actor, post: Post, note="") -> Post:
    _may_act(actor, None)
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.hidden_at is not None:
        post.hidden_at, post.hidden_by = None, None
        post.save(update_fields=["hidden_at", "hidden_by"])
        _log(actor=actor, action=ModerationAction.UNHIDE, post=post, note=note)
    return post


def _member_of(user) -> Member:
    member = Member.objects.select_for_update().filter(user=user).first()
    if member is None:
        raise Hidden(_("Not found."))
    return member


@transaction.atomic
def warn_member(*, actor, user, report: CircleReport | None = None, note: str) -> ModerationEntry:
    """A discreet note to the member: the notification says only that there is one."""
    _may_act(actor, report)
    if user.pk == actor.pk:
        raise Refused(_("You cannot do this in the circle."))
    if not note.strip():
        raise Refused(_("Write the note the member will read."), field="note")
    member = _member_of(user)
    entry = _log(actor=actor, action=ModerationAction.WARN, member=member, report=report, note=note)
    notify(
        user=user,
        event_key=f"circle-warned:{entry.pk}",
        text=WARNED_TEXT,
        url=reverse("circle:home"),
    )
    return entry


@transaction.atomic
def suspend_member(*, actor, user, report: CircleReport | None = None, note="") -> Member:
    _may_act(actor, report)
    if user.pk == actor.pk:
        raise Refused(_("You cannot do this in the circle."))
    member = _member_of(user)
    if member.status == MemberStatus.ACTIVE:
        member.status = MemberStatus.SUSPENDED
        member.save(update_fields=["status"])
        _log(actor=actor, action=ModerationAction.SUSPEND, member=member, report=report, note=note)
        notify(
            user=user,
            event_key=f"circle-suspended:{member.pk}:{timezone.now().isoformat()}",
            text=SUSPENDED_TEXT,
            url=reverse("circle:home"),
        )
    return member


@transaction.atomic
def reinstate_member(*, actor, user, note="") -> Member:
    _may_act(actor, None)
    member = _member_of(user)
    if member.status == MemberStatus.SUSPENDED:
        member.status = MemberStatus.ACTIVE
        member.save(update_fields=["status"])
        _log(actor=actor, action=ModerationAction.REINSTATE, member=member, note=note)
        notify(
            user=user,
            event_key=f"circle-reinstated:{member.pk}:{timezone.now().isoformat()}",
            text=REINSTATED_TEXT,
            url=reverse("circle:home"),
        )
    return member


def _settle(*, actor, report: CircleReport, status: str, action: str, note: str):
    """Closes or passes on a report once: the same decision sent again changes nothing."""
    report = CircleReport.objects.select_for_update().get(pk=report.pk)
    if report.status == status:
        return report
    _may_act(actor, report)
    report.status = status
    report.handled_at, report.handled_by = timezone.now(), actor
    report.save(update_fields=["status", "handled_at", "handled_by"])
    _log(actor=actor, action=action, post=report.post, report=report, note=note)
    return report


@transaction.atomic
def close_report(*, actor, report: CircleReport, note="") -> CircleReport:
    return _settle(
        actor=actor,
        report=report,
        status=ReportStatus.CLOSED,
        action=ModerationAction.CLOSE_REPORT,
        note=note,
    )


@transaction.atomic
def escalate_report(*, actor, report: CircleReport, note="") -> CircleReport:
    """Passed to the editors: from now on they, not the moderators, act on it."""
    return _settle(
        actor=actor,
        report=report,
        status=ReportStatus.ESCALATED,
        action=ModerationAction.ESCALATE,
        note=note,
    )


def _about(report: CircleReport):
    """Whom the report is about: the post's author or the reported member (None once
    they left)."""
    return report.post.author if report.post_id else report.reported


def decisions_for(report: CircleReport) -> list[str]:
    """What can be done to this report: one about a member has no post to hide, and one
    whose author left has nobody to note or suspend."""
    unavailable = set()
    if not report.post_id:
        unavailable.add(ReportDecision.HIDE)
    if _about(report) is None:
        unavailable |= {ReportDecision.WARN, ReportDecision.SUSPEND}
    return [value for value in ReportDecision.values if value not in unavailable]


@transaction.atomic
def decide(*, actor, report: CircleReport, decision: str, note="") -> None:
    """Carry out one decision on a report, all of it or none: hiding the post, warning or
    suspending whoever it is about, then closing it; or passing it to the editors."""
    if decision not in decisions_for(report):
        raise Refused(_("That cannot be done for this report."))
    if decision == ReportDecision.ESCALATE:
        escalate_report(actor=actor, report=report, note=note)
        return
    if decision == ReportDecision.HIDE:
        hide_post(actor=actor, post=report.post, report=report, note=note)
    elif decision == ReportDecision.WARN:
        # A note is its own answer: the report stays open for a further decision.
        warn_member(actor=actor, user=_about(report), report=report, note=note)
        return
    elif decision == ReportDecision.SUSPEND:
        suspend_member(actor=actor, user=_about(report), report=report, note=note)
    close_report(actor=actor, report=report, note=note)
