"""Mentoring, read for one member: their interests, suggested matches, their mentorships.

Everything is scoped to the person asking. A member blocked in either direction does not
exist here: not among the suggestions, not as a mentor to ask, and a mentorship with
them answers like a missing one.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from circle.enums import MemberStatus, MentoringSide, MentoringTopic, MentorshipStatus
from circle.models import Member, MentoringInterest, MentoringMessage, Mentorship
from circle.selectors.membership import blocked_ids
from networking.errors import Hidden
from networking.selectors.common import get_or_hidden
from networking.viewer import as_viewer

OPEN = (MentorshipStatus.REQUESTED, MentorshipStatus.ACTIVE)
SUGGESTIONS_SHOWN = 20
TOPIC_ORDER = {value: index for index, value in enumerate(MentoringTopic.values)}


def interests_of(*, user) -> dict[str, set[str]]:
    """The topics the person offers and asks for: {"offer": {...}, "ask": {...}}."""
    found = {MentoringSide.OFFER: set(), MentoringSide.ASK: set()}
    rows = MentoringInterest.objects.filter(user_id=as_viewer(user).pk)
    for side, topic in rows.values_list("side", "topic"):
        found[side].add(topic)
    return found


@dataclass
class Match:
    """Another member and what the two of you could do for each other."""

    member: Member
    they_offer: list[str] = field(default_factory=list)  # labels of topics you ask for
    they_ask: list[str] = field(default_factory=list)  # labels of topics you offer

    @property
    def shared(self) -> int:
        return len(self.they_offer) + len(self.they_ask)


def mentoring_suggestions(*, user, limit: int = SUGGESTIONS_SHOWN) -> list[Match]:
    """Members who offer what this member asks for, or ask for what they offer.

    Ranked by how many topics the two share (either way round), then by name. Left out:
    the member themself, anyone blocked either way, anyone not active in the circle,
    and anyone they already have an open request or mentorship with.
    """
    viewer = as_viewer(user)
    mine = interests_of(user=viewer)
    wanted = Q(side=MentoringSide.OFFER, topic__in=mine[MentoringSide.ASK]) | Q(
        side=MentoringSide.ASK, topic__in=mine[MentoringSide.OFFER]
    )
    if not (mine[MentoringSide.ASK] or mine[MentoringSide.OFFER]):
        return []
    open_with = Mentorship.objects.filter(status__in=OPEN).filter(
        Q(mentor_id=viewer.pk) | Q(mentee_id=viewer.pk)
    )
    excluded = (
        {viewer.pk}
        | set(blocked_ids(viewer))
        | {other for pair in open_with.values_list("mentor_id", "mentee_id") for other in pair}
    )
    rows = (
        MentoringInterest.objects.filter(wanted)
        .filter(user__circle_member__status=MemberStatus.ACTIVE)
        .exclude(user_id__in=excluded)
        .values_list("user_id", "side", "topic")
    )
    matches: dict[int, Match] = {}
    # In the list's own order, so that every member's topics read the same way.
    for user_id, side, topic in sorted(rows, key=lambda row: TOPIC_ORDER[row[2]]):
        match = matches.setdefault(user_id, Match(member=None))
        label = MentoringTopic(topic).label
        (match.they_offer if side == MentoringSide.OFFER else match.they_ask).append(label)
    members = Member.objects.select_related("user").in_bulk(
        [m for m in matches], field_name="user_id"
    )
    for user_id, match in matches.items():
        match.member = members[user_id]
    ranked = sorted(matches.values(), key=lambda m: (-m.shared, m.member.name.lower()))
    return ranked[:limit]


def mentor_by_public_id(*, user, public_id) -> Member:
    """An active member other than the person, not blocked either way; else Hidden."""
    viewer = as_viewer(user)
    queryset = (
        Member.objects.select_related("user")
        .filter(status=MemberStatus.ACTIVE)
        .exclude(user_id=viewer.pk)
        .exclude(user_id__in=blocked_ids(viewer))
    )
    member = queryset.filter(user__public_id=public_id).first()
    if member is None:
        # The same answer as for a missing id: nobody learns who is inside.
        raise Hidden(_("Not found."))
    return member


def offered_topics(*, member: Member) -> list[tuple[str, str]]:
    """The topics this member offers, as (value, label) choices."""
    offered = set(
        MentoringInterest.objects.filter(
            user_id=member.user_id, side=MentoringSide.OFFER
        ).values_list("topic", flat=True)
    )
    return [(value, label) for value, label in MentoringTopic.choices if value in offered]


def mentorships_for(*, user) -> QuerySet:
    """The person's mentorships, as mentor or mentee, without anyone blocked either way."""
    viewer = as_viewer(user)
    return (
        Mentorship.objects.filter(Q(mentor_id=viewer.pk) | Q(mentee_id=viewer.pk))
        .exclude(mentor_id__in=blocked_ids(viewer))
        .exclude(mentee_id__in=blocked_ids(viewer))
        .select_related("mentor__circle_member", "mentee__circle_member")
    )


def mentorship_for(*, user, mentorship_id) -> Mentorship:
    return get_or_hidden(mentorships_for(user=user), mentorship_id)


def mentorship_messages(*, mentorship: Mentorship) -> QuerySet:
    return MentoringMessage.objects.filter(mentorship=mentorship).select_related(
        "sender__circle_member"
    )
