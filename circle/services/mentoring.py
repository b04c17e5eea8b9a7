"""Mentoring: interests, a request, its answer, the private thread, its end.

Every function checks its actor's permission itself and is safe to run twice (a double
submit changes nothing the second time). Notifications say only that something happened,
never who or what: they can show on a shared screen and go out by e-mail.
"""

from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from circle.enums import MemberStatus, MentoringSide, MentoringTopic, MentorshipStatus
from circle.models import Member, MentoringInterest, MentoringMessage, Mentorship
from circle.selectors.membership import blocked_ids
from circle.selectors.mentoring import OPEN, offered_topics
from circle.services.forum import checked_text, longest
from networking.errors import Hidden, Refused
from networking.services.notifications import notify
from networking.viewer import as_viewer

REQUEST_TEXT = gettext_noop("You have a mentoring request")
NEWS_TEXT = gettext_noop("There is news about your mentoring")
MESSAGE_TEXT = gettext_noop("A mentoring message is waiting")


def _member_or_hidden(actor, perm: str, obj=None):
    viewer = as_viewer(actor)
    if not viewer.has_perm(perm, obj):
        raise Hidden(_("Not found."))
    return viewer


def _url(mentorship: Mentorship) -> str:
    return reverse("circle:mentorship", args=[mentorship.pk])


@transaction.atomic
def mentoring_interests_set(*, actor, offers: Iterable[str], asks: Iterable[str]) -> None:
    """Replace the member's topics: what they offer and what they ask a mentor for."""
    _member_or_hidden(actor, "circle.mentor")
    wanted = {(MentoringSide.OFFER, t) for t in offers} | {(MentoringSide.ASK, t) for t in asks}
    if any(topic not in MentoringTopic.values for _side, topic in wanted):
        raise Refused(_("Choose topics from the list."))
    current = MentoringInterest.objects.filter(user_id=actor.pk)
    have = set(current.values_list("side", "topic"))
    for side, topic in have - wanted:
        current.filter(side=side, topic=topic).delete()
    MentoringInterest.objects.bulk_create(
        [MentoringInterest(user_id=actor.pk, side=s, topic=t) for s, t in wanted - have],
        ignore_conflicts=True,
    )


@transaction.atomic
def mentorship_request(*, actor, mentor: Member, topic: str, message: str) -> Mentorship:
    """Ask a member to mentor on one topic they offer. Asking again returns the request."""
    viewer = _member_or_hidden(actor, "circle.mentor")
    # One person's requests queue here, so the same form sent twice makes one request.
    Member.objects.select_for_update().filter(user_id=viewer.pk).exists()
    if (
        mentor.user_id == viewer.pk
        or mentor.user_id in blocked_ids(viewer)
        or not (Member.objects.filter(pk=mentor.pk, status=MemberStatus.ACTIVE).exists())
    ):
        raise Hidden(_("Not found."))
    earlier = Mentorship.objects.filter(
        mentor_id=mentor.user_id, mentee_id=viewer.pk, topic=topic, status__in=OPEN
    ).first()
    if earlier is not None:
        return earlier
    if topic not in dict(offered_topics(member=mentor)):
        raise Refused(_("This member does not offer mentoring on that topic."), field="topic")
    message = checked_text(
        message,
        field="message",
        limit=longest(Mentorship, "message"),
        required=True,
        empty_message=_("Write a few words about what you hope for."),
    )
    mentorship = Mentorship.objects.create(
        mentor_id=mentor.user_id, mentee_id=viewer.pk, topic=topic, message=message
    )
    notify(
        user=mentor.user,
        event_key=f"mentoring:{mentorship.pk}:requested",
        text=REQUEST_TEXT,
        url=_url(mentorship),
    )
    return mentorship


def _locked(mentorship: Mentorship) -> Mentorship:
    return Mentorship.objects.select_for_update().get(pk=mentorship.pk)


@transaction.atomic
def mentorship_answer(*, actor, mentorship: Mentorship, accept: bool) -> Mentorship:
    """The asked mentor says yes (the private thread opens) or no."""
    mentorship = _locked(mentorship)
    answered = MentorshipStatus.ACTIVE if accept else MentorshipStatus.DECLINED
    if mentorship.status == answered and mentorship.mentor_id == as_viewer(actor).pk:
        return mentorship  # the same answer sent twice
    _member_or_hidden(actor, "circle.answer_mentorship", mentorship)
    if mentorship.mentee_id in blocked_ids(actor):
        raise Hidden(_("Not found."))
    mentorship.status = answered
    mentorship.answered_at = timezone.now()
    mentorship.save(update_fields=["status", "answered_at"])
    notify(
        user=mentorship.mentee,
        event_key=f"mentoring:{mentorship.pk}:answered",
        text=NEWS_TEXT,
        url=_url(mentorship),
    )
    return mentorship


@transaction.atomic
def mentorship_end(*, actor, mentorship: Mentorship) -> Mentorship:
    """Either side ends a mentorship, or withdraws or lets go of a request."""
    mentorship = _locked(mentorship)
    viewer = as_viewer(actor)
    if mentorship.status == MentorshipStatus.ENDED and viewer.pk in (
        mentorship.mentor_id,
        mentorship.mentee_id,
    ):
        return mentorship  # ended twice
    _member_or_hidden(viewer, "circle.end_mentorship", mentorship)
    mentorship.status = MentorshipStatus.ENDED
    mentorship.ended_at = timezone.now()
    mentorship.ended_by_id = viewer.pk
    mentorship.save(update_fields=["status", "ended_at", "ended_by"])
    other = mentorship.mentee if viewer.pk == mentorship.mentor_id else mentorship.mentor
    if other.pk not in blocked_ids(viewer):
        notify(
            user=other,
            event_key=f"mentoring:{mentorship.pk}:ended",
            text=NEWS_TEXT,
            url=_url(mentorship),
        )
    return mentorship


@transaction.atomic
def mentoring_message_send(
    *, actor, mentorship: Mentorship, body: str, send_key=None
) -> MentoringMessage:
    """A message in an active mentorship's private thread; the same form twice posts once."""
    mentorship = _locked(mentorship)
    viewer = _member_or_hidden(actor, "circle.use_mentorship", mentorship)
    if send_key is not None:
        earlier = MentoringMessage.objects.filter(sender_id=viewer.pk, send_key=send_key).first()
        if earlier is not None:
            return earlier
    if mentorship.status != MentorshipStatus.ACTIVE:
        raise Refused(_("Messages can be sent while the mentorship is active."))
    other_id = mentorship.mentee_id if viewer.pk == mentorship.mentor_id else mentorship.mentor_id
    if other_id in blocked_ids(viewer):
        raise Hidden(_("Not found."))
    body = checked_text(
        body,
        field="body",
        limit=longest(MentoringMessage, "body"),
        required=True,
        empty_message=_("Write a message first."),
    )
    message = MentoringMessage.objects.create(
        mentorship=mentorship, sender_id=viewer.pk, body=body, send_key=send_key
    )
    notify(
        user=mentorship.mentee if other_id == mentorship.mentee_id else mentorship.mentor,
        event_key=f"mentoring:{mentorship.pk}:message:{message.pk}",
        text=MESSAGE_TEXT,
        url=_url(mentorship),
    )
    return message
