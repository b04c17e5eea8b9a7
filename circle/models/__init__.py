from circle.models.forum import Post, ReadMark, Thread
from circle.models.membership import (
    VOUCHES_NEEDED,
    Circle,
    Member,
    MemberBlock,
    Participation,
    Vouch,
)
from circle.models.mentoring import MentoringInterest, MentoringMessage, Mentorship, Referral
from circle.models.moderation import CircleReport, ModerationEntry

__all__ = [
    "VOUCHES_NEEDED",
    "Circle",
    "CircleReport",
    "Member",
    "MemberBlock",
    "MentoringInterest",
    "MentoringMessage",
    "Mentorship",
    "ModerationEntry",
    "Participation",
    "Post",
    "ReadMark",
    "Referral",
    "Thread",
    "Vouch",
]
