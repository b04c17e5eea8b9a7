"""What the circle holds about one person, for the export of their own records.

Of other people it gives only what the person saw in the circle (the names members go
by), and never what the circle keeps from them on purpose: who reported them, who blocked
them, which moderator acted, or who vouched for them.
"""

from django.db.models import Q

from circle.enums import ModerationAction
from circle.models import (
    CircleReport,
    Member,
    MemberBlock,
    MentoringInterest,
    Mentorship,
    ModerationEntry,
    Participation,
    Post,
    ReadMark,
    Referral,
    Vouch,
)
from core.records import fields_of


def _name(user) -> str:
    member = getattr(user, "circle_member", None) if user is not None else None
    return member.name if member is not None else ""


def _mentorship(mentorship: Mentorship, user) -> dict:
    other = mentorship.mentee if mentorship.mentor_id == user.pk else mentorship.mentor
    return {
        **fields_of(mentorship, exclude=("mentor", "mentee", "ended_by")),
        "i_am": "mentor" if mentorship.mentor_id == user.pk else "mentee",
        "with": _name(other),
        "ended_by_me": mentorship.ended_by_id == user.pk,
        "messages": [
            {**fields_of(m, exclude=("mentorship", "sender")), "from_me": m.sender_id == user.pk}
            for m in mentorship.messages.all()
        ],
    }


def records_of(*, user) -> dict:
    member = Member.objects.filter(user=user).first()
    mentorships = (
        Mentorship.objects.filter(Q(mentor=user) | Q(mentee=user))
        .select_related("mentor__circle_member", "mentee__circle_member")
        .prefetch_related("messages")
    )
    return {
        "circle": {
            # Whether an editor or members let them in, never which editor or members.
            # The name's key is the name again, folded for comparing: not a record.
            "member": {
                **fields_of(member, exclude=("user", "admitted_by", "name_key")),
                "let_in_by_an_editor": member.admitted_by_id is not None,
                "vouches_received": member.vouches.count(),
            }
            if member
            else None,
            "circles": [
                {"circle": p.circle.name, "joined_at": p.joined_at}
                for p in Participation.objects.filter(user=user).select_related("circle")
            ],
            "posts": [
                {
                    **fields_of(post, exclude=("author", "hidden_by")),
                    "thread_title": post.thread.title,
                }
                for post in Post.objects.filter(author=user).select_related("thread")
            ],
            "read_marks": list(ReadMark.objects.filter(user=user).values("thread_id", "read_at")),
            "vouches_given": [
                {"for": vouch.candidate.name, "at": vouch.created_at}
                for vouch in Vouch.objects.filter(voucher=user).select_related("candidate")
            ],
            "blocks": [
                {"blocked": _name(block.blocked), "at": block.created_at}
                for block in MemberBlock.objects.filter(blocker=user).select_related(
                    "blocked__circle_member"
                )
            ],
            "mentoring_interests": list(
                MentoringInterest.objects.filter(user=user).values("side", "topic", "created_at")
            ),
            "mentorships": [_mentorship(m, user) for m in mentorships],
            "referrals_made": [
                {
                    **fields_of(r, exclude=("referred_by", "referred", "new_booking")),
                    "referred": _name(r.referred),
                }
                for r in Referral.objects.filter(referred_by=user).select_related(
                    "referred__circle_member"
                )
            ],
            # The booking's terms are in their bookings once they said yes; who referred
            # them is a member they may know by name.
            "referrals_received": [
                {
                    **fields_of(r, exclude=("referred_by", "referred", "booking", "new_booking")),
                    "referred_by": _name(r.referred_by),
                }
                for r in Referral.objects.filter(referred=user).select_related(
                    "referred_by__circle_member"
                )
            ],
            "reports_filed": [
                {
                    **fields_of(report, exclude=("reporter", "reported", "handled_by")),
                    "about_member": _name(report.reported),
                }
                for report in CircleReport.objects.filter(reporter=user).select_related(
                    "reported__circle_member"
                )
            ],
            # Decisions that reached them, without who took them or why (a moderator's
            # reason may point to whoever reported); a note sent to them is theirs.
            "decisions_about_me": [
                {
                    "action": entry.action,
                    "at": entry.at,
                    "note": entry.note if entry.action == ModerationAction.WARN else "",
                }
                for entry in ModerationEntry.objects.filter(subject=user)
            ],
            # A moderator's or editor's own steps, without the people they concerned.
            "moderation_steps": list(
                ModerationEntry.objects.filter(actor=user).values("id", "action", "at")
            ),
            "reports_handled": list(
                CircleReport.objects.filter(handled_by=user).values("id", "status", "handled_at")
            ),
        }
    }
