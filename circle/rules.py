"""Who may do what in the circle: named predicates, combined into object permissions.

Only consultants who were let in are inside. Organization members, visitors and editors
who are not members get nothing: every circle address answers them like a missing one.
Editors act only on what reaches their queues (applications, reports passed to them).
"""

import rules

from accounts.enums import Role
from circle.enums import MemberStatus, MentorshipStatus, ReferralStatus
from circle.models import Member, Participation
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
    "circle.apply": is_consultant & ~is_member & ~has_applied,
    "circle.enter": is_member,
    "circle.vouch": is_member,
    "circle.post": is_member,
    "circle.change_post": is_member & is_author,
    "circle.report": is_member,
    "circle.block_member": is_member,
    "circle.moderate": is_moderator,
    "circle.mentor": is_member,
    "circle.answer_mentorship": is_member & is_asked_mentor,
    "circle.use_mentorship": is_member & is_mentorship_party,
    "circle.end_mentorship": is_member & is_mentorship_party & is_open_mentorship,
    "circle.refer": is_member,
    "circle.answer_referral": is_member & is_referred_member,
    # Editors: applications, peer moderators, reports passed to them.
    "circle.admit": is_editor,
    "circle.appoint_moderators": is_editor,
    "circle.handle_escalations": is_editor,
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
