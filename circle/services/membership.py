"""Who is inside the circle: asking to join, vouching, an editor's yes or no, peer
moderators, blocks, and leaving (with or without everything the person wrote).

Every function takes the person acting as `actor`, checks the circle's rules for them,
writes inside one transaction and is safe to run twice (a double submit changes nothing
the second time).
"""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from circle.enums import MemberStatus, MentorshipStatus, ModerationAction, ReferralStatus
from circle.models import (
    VOUCHES_NEEDED,
    Member,
    MemberBlock,
    MentoringInterest,
    MentoringMessage,
    Mentorship,
    ModerationEntry,
    Participation,
    Post,
    ReadMark,
    Referral,
    Thread,
    Vouch,
)
from circle.names import name_key
from circle.services.forum import checked_text, longest, member_name, taking_name
from networking.errors import Hidden, Refused
from networking.services.notifications import notify
from networking.viewer import as_viewer

# Notification texts are stored in English and translated for the reader; they never
# name the circle's members or quote anything written there.
WELCOME_TEXT = gettext_noop("Your request to join the circle was accepted.")
ANSWERED_TEXT = gettext_noop("There is an answer to your request to join the circle.")
MODERATOR_TEXT = gettext_noop("Your role in the circle changed.")


def _require(actor, perm: str, obj=None) -> None:
    if not as_viewer(actor).has_perm(perm, obj):
        raise Refused(_("You cannot do this in the circle."))


def _log(*, actor, action: str, member: Member, note: str = "") -> None:
    ModerationEntry.objects.create(
        actor=actor, action=action, subject=member.user, subject_name=member.name, note=note
    )


@transaction.atomic
def apply(*, actor, name: str, note: str = "") -> Member:
    """A consultant asks to join, under the name members will see."""
    existing = Member.objects.filter(user=actor).first()
    if existing is not None and existing.status == MemberStatus.APPLIED:
        return existing  # the same request sent twice
    _require(actor, "circle.apply")
    name = member_name(name, empty_message=_("Give the name other members will see."), user=actor)
    note = checked_text(note, field="note", limit=longest(Member, "note"), required=False)
    with taking_name(user=actor, name=name):
        member, _created = Member.objects.get_or_create(
            user=actor,
            defaults={"name": name, "name_key": name_key(name), "note": note},
        )
    return member


def _admit(member: Member, *, by=None) -> None:
    member.status = MemberStatus.ACTIVE
    member.admitted_at = timezone.now()
    member.admitted_by = by
    member.save(update_fields=["status", "admitted_at", "admitted_by"])
    url = reverse("circle:home")
    notify(user=member.user, event_key=f"circle-admitted:{member.pk}", text=WELCOME_TEXT, url=url)


@transaction.atomic
def vouch(*, actor, candidate: Member) -> Member:
    """An active member vouches for an applicant; the second member's word lets them in.

    The applicant's row is locked while the vouches are counted, so two members vouching
    at the same moment admit the applicant once.
    """
    _require(actor, "circle.vouch")
    candidate = Member.objects.select_for_update().filter(pk=candidate.pk).first()
    if candidate is None or candidate.user_id == actor.pk:
        raise Hidden(_("Not found."))
    if candidate.status != MemberStatus.APPLIED:
        return candidate  # let in meanwhile: the vouch is no longer needed
    Vouch.objects.get_or_create(candidate=candidate, voucher=actor)
    active_vouches = (
        Vouch.objects.filter(
            candidate=candidate, voucher__circle_member__status=MemberStatus.ACTIVE
        )
        .values("voucher")
        .distinct()
        .count()
    )
    if active_vouches >= VOUCHES_NEEDED:
        _admit(candidate)
    return candidate


def vouch_count(*, member: Member) -> int:
    """How many members vouched for an applicant (never who)."""
    return member.vouches.count()


@transaction.atomic
def admit(*, actor, member: Member) -> Member:
    """An editor lets an applicant in."""
    _require(actor, "circle.admit")
    member = Member.objects.select_for_update().filter(pk=member.pk).first()
    if member is None:
        raise Hidden(_("Not found."))
    if member.status != MemberStatus.APPLIED:
        return member
    _admit(member, by=actor)
    _log(actor=actor, action=ModerationAction.ADMIT, member=member)
    return member


@transaction.atomic
def refuse(*, actor, member: Member, note: str = "") -> None:
    """An editor says no to an application; the request is removed (they may ask again)."""
    _require(actor, "circle.admit")
    member = Member.objects.select_for_update().filter(pk=member.pk).first()
    if member is None or member.status != MemberStatus.APPLIED:
        return
    _log(actor=actor, action=ModerationAction.REFUSE, member=member, note=note[:2000])
    notify(
        user=member.user,
        event_key=f"circle-refused:{member.pk}",
        text=ANSWERED_TEXT,
        url=reverse("circle:home"),
    )
    member.delete()


@transaction.atomic
def appoint_moderator(*, actor, member: Member, appoint: bool = True) -> Member:
    """An editor makes an active member a peer moderator, or ends that role."""
    _require(actor, "circle.appoint_moderators")
    member = Member.objects.select_for_update().filter(pk=member.pk).first()
    if member is None or member.status != MemberStatus.ACTIVE:
        raise Hidden(_("Not found."))
    if member.is_moderator == appoint:
        return member
    member.is_moderator = appoint
    member.save(update_fields=["is_moderator"])
    action = ModerationAction.APPOINT if appoint else ModerationAction.DISMISS
    _log(actor=actor, action=action, member=member)
    notify(
        user=member.user,
        event_key=f"circle-moderator:{member.pk}:{timezone.now().isoformat()}",
        text=MODERATOR_TEXT,
        url=reverse("circle:home"),
    )
    return member


@transaction.atomic
def block_member(*, actor, user) -> MemberBlock:
    """The two no longer see what the other signs anywhere in the circle (unsigned posts
    stay: circle.selectors.forum). The other is not told."""
    _require(actor, "circle.block_member")
    if user.pk == actor.pk:
        raise Hidden(_("Not found."))
    block, _created = MemberBlock.objects.get_or_create(blocker=actor, blocked=user)
    return block


@transaction.atomic
def unblock_member(*, actor, user) -> None:
    _require(actor, "circle.block_member")
    MemberBlock.objects.filter(blocker=actor, blocked=user).delete()


@transaction.atomic
def leave(*, actor, erase: bool) -> None:
    """The person leaves: their membership goes, and with `erase` everything they wrote.

    What always goes: the member row (and moderator role), vouches they gave and got,
    their place in each circle, read marks, the blocks they made, their mentoring offers
    and requests; their mentorships end and referrals waiting on them are withdrawn.
    Blocks others made of them stay: those are the others' choice.
    """
    member = Member.objects.select_for_update().filter(user=actor).first()
    if member is None:
        return  # already gone
    _require(actor, "circle.leave")
    _leave(actor)
    if erase:
        _erase(actor)
    member.delete()


def _leave(user) -> None:
    now = timezone.now()
    Vouch.objects.filter(voucher=user).delete()
    Participation.objects.filter(user=user).delete()
    ReadMark.objects.filter(user=user).delete()
    MemberBlock.objects.filter(blocker=user).delete()
    MentoringInterest.objects.filter(user=user).delete()
    Mentorship.objects.filter(
        Q(mentor=user) | Q(mentee=user),
        status__in=[MentorshipStatus.REQUESTED, MentorshipStatus.ACTIVE],
    ).update(status=MentorshipStatus.ENDED, ended_at=now, ended_by=user)
    Referral.objects.filter(
        referred=user, status__in=[ReferralStatus.ASKED, ReferralStatus.OFFERED]
    ).update(status=ReferralStatus.WITHDRAWN, answered_at=now)


def _erase(user) -> None:
    """Everything the person wrote in the circle is emptied where others answered it, and
    deleted where nobody did. Replies by others stay, shown as removed."""
    now = timezone.now()
    posts = Post.objects.filter(author=user)
    opened = Thread.objects.filter(pk__in=posts.values("thread_id")).prefetch_related("posts")
    for thread in opened:
        thread_posts = list(thread.posts.all())
        if all(post.author_id == user.pk for post in thread_posts):
            thread.delete()  # a conversation of their own: nothing of anyone else's
        elif thread_posts[0].author_id == user.pk:
            thread.title = ""
            thread.title_removed = True
            thread.save(update_fields=["title", "title_removed"])
    Post.objects.filter(author=user).update(
        body="", content_note="", removed_at=now, edited_at=None, author=None
    )
    MentoringMessage.objects.filter(sender=user).update(body="")
    Mentorship.objects.filter(mentee=user).update(message="")


@transaction.atomic
def erase_for_account_deletion(*, user) -> None:
    """An account being deleted leaves the circle and takes what it wrote with it.

    Runs even without a member row: someone who left earlier and kept their posts still
    takes them when their account goes (the database would otherwise keep them, authorless).
    """
    _leave(user)
    _erase(user)
    Member.objects.filter(user=user).delete()
