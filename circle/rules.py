"""Who may do what in the circle: named predicates, combined into object permissions.

Only consultants who were let in are inside. Organization members, visitors and editors
who are not members get nothing: every circle address answers them like a missing one.
Editors act only on what reaches their queues (applications, reports passed to them).
"""

import rules

from accounts.enums import Role
from circle.enums import MemberStatus, MentorshipStatus, ReferralStatus
from circle.models import Member, Participation
from networking.enums import BookingState, Party
from networking.parties import side_of
from networking.rules import is_editor
from networking.viewer import as_viewer


def circle_member(subject) -> Member | None:
    """The person's member row (any status), read once per Viewer."""
    viewer = as_viewer(subject)
    if not viewer.is_authenticated or viewer.user.role != Role.CONSULTANT:
        return None
    return viewer.remember(
        "circle_member", lambda: Member.objects.filter(user_id=viewer.pk).first()
    )


# Who the person is.


@rules.predicate
def is_consultant(subject) -> bool:
    return as_viewer(subject).is_consultant


@rules.predicate
def is_member(subject) -> bool:
    """Let in and not suspended."""
    member = circle_member(subject)
    return member is not None and member.status == MemberStatus.ACTIVE


@rules.predicate
def has_applied(subject) -> bool:
    member = circle_member(subject)
    return member is not None and member.status == MemberStatus.APPLIED


@rules.predicate
def is_suspended(subject) -> bool:
    member = circle_member(subject)
    return member is not None and member.status == MemberStatus.SUSPENDED


@rules.predicate
def is_moderator(subject) -> bool:
    member = circle_member(subject)
    return member is not None and member.status == MemberStatus.ACTIVE and member.is_moderator


# How the person stands to an object.


@rules.predicate
def is_author(subject, post) -> bool:
    viewer = as_viewer(subject)
    return post is not None and viewer.is_authenticated and post.author_id == viewer.pk


@rules.predicate
def is_mentorship_party(subject, mentorship) -> bool:
    viewer = as_viewer(subject)
    return mentorship is not None and viewer.pk in (mentorship.mentor_id, mentorship.mentee_id)


@rules.predicate
def is_asked_mentor(subject, mentorship) -> bool:
    viewer = as_viewer(subject)
    return (
        mentorship is not None
        and mentorship.status == MentorshipStatus.REQUESTED
        and mentorship.mentor_id == viewer.pk
    )


@rules.predicate
def is_open_mentorship(subject, mentorship) -> bool:
    return mentorship is not None and mentorship.status in (
        MentorshipStatus.REQUESTED,
        MentorshipStatus.ACTIVE,
    )


@rules.predicate
def is_referred_member(subject, referral) -> bool:
    viewer = as_viewer(subject)
    return (
        referral is not None
        and referral.status == ReferralStatus.ASKED
        and referral.referred_id == viewer.pk
    )


# Mentoring and referrals.

ORGANIZATION_SEES = (ReferralStatus.OFFERED, ReferralStatus.CHOSEN, ReferralStatus.PASSED)


@rules.predicate
def is_referable_booking(subject, booking) -> bool:
    """Their own booking request, still waiting for their answer or just declined."""
    viewer = as_viewer(subject)
    return (
        booking is not None
        and booking.consultant_id == viewer.pk
        and booking.state in (BookingState.REQUESTED, BookingState.DECLINED)
    )


@rules.predicate
def is_referral_recipient(subject, referral) -> bool:
    return referral is not None and referral.referred_id == as_viewer(subject).pk


@rules.predicate
def is_referral_organization(subject, referral) -> bool:
    """A member of the booking's organization, once the suggested member said yes.

    Before that yes the suggestion does not exist for the organization; the suggested
    consultant blocking it hides the suggestion too, as blocks hide everything else.
    """
    viewer = as_viewer(subject)
    return (
        referral is not None
        and referral.status in ORGANIZATION_SEES
        and side_of(viewer, referral.booking) == Party.ORGANIZATION
        and referral.referred_id not in viewer.hidden_from
    )


@rules.predicate
def is_party_to_report(subject, report) -> bool:
    """The person who reported, or the person the report is about: neither judges it."""
    viewer = as_viewer(subject)
    if report is None:
        return False
    author = report.post.author_id if report.post_id else None
    return viewer.pk in (report.reported_id, author, report.reporter_id)


# Circles, threads and posts: reading and writing need the person to have joined the circle.


def joined_circle_ids(subject) -> frozenset[int]:
    """Ids of the circles the person joined, read once per Viewer."""
    viewer = as_viewer(subject)
    if not viewer.is_authenticated:
        return frozenset()
    return viewer.remember(
        "circle_joined_ids",
        lambda: frozenset(
            Participation.objects.filter(user_id=viewer.pk).values_list("circle_id", flat=True)
        ),
    )


@rules.predicate
def has_joined(subject, circle) -> bool:
    return circle is not None and circle.pk in joined_circle_ids(subject)


@rules.predicate
def has_joined_thread_circle(subject, thread) -> bool:
    return thread is not None and thread.circle_id in joined_circle_ids(subject)


@rules.predicate
def has_joined_post_circle(subject, post) -> bool:
    return post is not None and post.thread.circle_id in joined_circle_ids(subject)


@rules.predicate
def is_shown_post(subject, post) -> bool:
    """Neither erased by its author nor hidden by the peer moderators."""
    return post is not None and post.removed_at is None and post.hidden_at is None


PERMISSIONS = {
    "circle.apply": is_consultant & ~is_member & ~has_applied & ~is_suspended,
    "circle.enter": is_member,
    "circle.vouch": is_member,
    "circle.report": is_member,
    "circle.block_member": is_member,
    "circle.moderate": is_moderator,
    "circle.mentor": is_member,
    "circle.answer_mentorship": is_member & is_asked_mentor,
    "circle.use_mentorship": is_member & is_mentorship_party,
    "circle.end_mentorship": is_member & is_mentorship_party & is_open_mentorship,
    "circle.answer_referral": is_member & is_referred_member,
    # Mentoring and referrals.
    "circle.refer_booking": is_member & is_referable_booking,
    "circle.view_referral": is_member & is_referral_recipient,
    # The one circle permission of people outside it: the organization's choice of a
    # suggested speaker, which never names the circle.
    "circle.choose_referral": is_referral_organization,
    # Editors: applications, peer moderators, reports passed to them.
    "circle.admit": is_editor,
    "circle.appoint_moderators": is_editor,
    "circle.handle_escalations": is_editor,
}

# Who is inside, moderation, leaving.
PERMISSIONS |= {
    # The circle's safety page and its landing are for consultants, inside or not yet.
    "circle.see_safety": is_consultant,
    # Anyone with a member row may go, a suspended member or an applicant too.
    "circle.leave": is_member | has_applied | is_suspended,
    # A moderator never judges a report about themselves or their own post.
    "circle.handle_report": is_moderator & ~is_party_to_report,
}

# Circles, threads and posts.
PERMISSIONS |= {
    "circle.join_circle": is_member & ~has_joined,
    "circle.leave_circle": is_member & has_joined,
    "circle.read_circle": is_member & has_joined,
    "circle.start_thread": is_member & has_joined,
    "circle.read_thread": is_member & has_joined_thread_circle,
    "circle.reply": is_member & has_joined_thread_circle,
    "circle.edit_post": is_member & is_author & has_joined_post_circle & is_shown_post,
    "circle.delete_post": is_member & is_author & has_joined_post_circle,
    "circle.change_settings": is_member,
}

for _name, _predicate in PERMISSIONS.items():
    rules.add_perm(_name, _predicate)
