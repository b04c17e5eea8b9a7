"""Read paths for reports and moderation: what a member may report, what the peer
moderators and the editors see."""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from circle.enums import MemberStatus, ReportStatus
from circle.models import CircleReport, Member, ModerationEntry, Post
from circle.selectors.forum import posts_seen_by
from networking.errors import Hidden
from networking.selectors.common import get_or_hidden
from networking.viewer import as_viewer


def reportable_post(*, user, post_id) -> Post:
    """A post the member can read (in a circle they joined, shown, not signed by someone
    they blocked or who blocked them) and did not write; anything else is a 404.

    A post shown as "a member of this circle" stays reportable whoever wrote it, as it
    stays readable: a 404 here would tell the reader its author is in a block with them.
    """
    viewer = as_viewer(user)
    posts = (
        posts_seen_by(viewer)
        .filter(
            thread__circle__participations__user_id=viewer.pk,
            removed_at__isnull=True,
            hidden_at__isnull=True,
            author__isnull=False,
        )
        .exclude(author_id=viewer.pk)
        .select_related("thread")
    )
    return get_or_hidden(posts, post_id)


def _parties(pk) -> Q:
    """Reports a person is party to: made by them, or about them or their post."""
    return Q(reported_id=pk) | Q(post__author_id=pk) | Q(reporter_id=pk)


def reports_for(viewer) -> QuerySet:
    """Open reports for the peer moderators, never those the moderator made or that are
    about them (nobody judges their own case).

    Each post comes with its real author, even one posted "as a member". Who reported is
    not shown (nobody should fear being known for reporting).
    """
    viewer = as_viewer(viewer)
    return (
        CircleReport.objects.filter(status=ReportStatus.OPEN)
        .exclude(_parties(viewer.pk))
        .select_related(
            "post__thread__circle",
            "post__author__circle_member",
            "reported__circle_member",
        )
        .order_by("created_at", "pk")
    )


def council_can_judge(report: CircleReport) -> bool:
    """Whether an active peer moderator who is party to none of it can take the report."""
    parties = {report.reporter_id, report.reported_id}
    if report.post_id:
        parties.add(report.post.author_id)
    moderators = Member.objects.filter(status=MemberStatus.ACTIVE, is_moderator=True)
    return moderators.exclude(user_id__in=parties - {None}).exists()


def report_for(*, user, report_id) -> CircleReport:
    return get_or_hidden(reports_for(user), report_id)


def escalated_reports() -> QuerySet:
    """What the moderators passed to the editors, and nothing else of the circle."""
    return (
        CircleReport.objects.filter(status=ReportStatus.ESCALATED)
        .select_related(
            "post__thread__circle",
            "post__author__circle_member",
            "reported__circle_member",
        )
        .order_by("created_at", "pk")
    )


def hidden_posts_for(viewer) -> QuerySet:
    viewer = as_viewer(viewer)
    return (
        Post.objects.filter(hidden_at__isnull=False, removed_at__isnull=True)
        .exclude(author_id=viewer.pk)
        .select_related("thread__circle", "author__circle_member")
        .order_by("-hidden_at", "-pk")
    )


def hidden_post_for(*, user, post_id) -> Post:
    return get_or_hidden(hidden_posts_for(user), post_id)


def suspended_members_for(viewer) -> QuerySet:
    viewer = as_viewer(viewer)
    return (
        Member.objects.filter(status=MemberStatus.SUSPENDED)
        .exclude(user_id=viewer.pk)
        .select_related("user")
    )


def suspended_member_for(*, user, public_id) -> Member:
    member = suspended_members_for(user).filter(user__public_id=public_id).first()
    if member is None:
        raise Hidden(_("Not found."))
    return member


def council_log(viewer) -> QuerySet:
    """Every moderation step, newest first, with who acted (by their circle name)."""
    return ModerationEntry.objects.select_related("actor__circle_member", "post__thread")


def author_name(user) -> str:
    """The name the council knows a person by: their circle name, or that they left."""
    if user is None:
        return _("someone who left the circle")
    member = getattr(user, "circle_member", None)
    return member.name if member is not None else _("someone who left the circle")
