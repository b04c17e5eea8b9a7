"""Read paths for who is inside the circle: members, applicants, vouches and blocks."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Page

from circle.enums import MemberStatus, ModerationAction
from circle.models import Circle, Member, MemberBlock, ModerationEntry, Participation, Vouch
from networking.errors import Hidden
from networking.selectors.common import get_or_hidden
from networking.viewer import as_viewer
from portfolio.models import SpeakerProfilePage

# The slugs of the circle's code of conduct and grievance procedure: standard pages that
# editors publish (the demo loader writes a first version of each).
CODE_OF_CONDUCT_SLUG = "circle-code-of-conduct"
GRIEVANCE_SLUG = "circle-grievance-procedure"


def blocked_ids(viewer) -> frozenset[int]:
    """Ids of people the viewer blocked or who blocked them: neither sees the other.

    Asked by every circle listing (threads, posts, members, mentoring), so it is read
    once per Viewer.
    """
    viewer = as_viewer(viewer)
    if not viewer.is_authenticated:
        return frozenset()

    def compute() -> frozenset[int]:
        pairs = MemberBlock.objects.filter(
            Q(blocker_id=viewer.pk) | Q(blocked_id=viewer.pk)
        ).values_list("blocker_id", "blocked_id")
        return frozenset(other for pair in pairs for other in pair if other != viewer.pk)

    return viewer.remember("circle_blocked_ids", compute)


def applicants_for(viewer) -> QuerySet:
    """Consultants waiting to be let in, as a member may see them: the name they chose and
    their note, whether the viewer already vouched; never who else did."""
    viewer = as_viewer(viewer)
    return (
        Member.objects.filter(status=MemberStatus.APPLIED)
        .exclude(user_id=viewer.pk)
        .exclude(user_id__in=blocked_ids(viewer))
        .annotate(
            vouched=Exists(Vouch.objects.filter(candidate=OuterRef("pk"), voucher_id=viewer.pk))
        )
        .order_by("applied_at", "pk")
    )


def applicant_for(*, user, member_id) -> Member:
    return get_or_hidden(applicants_for(user), member_id)


def member_by_public_id(*, user, public_id) -> Member:
    """Another member the viewer may see (to report or block), by their account's public
    id; the viewer themselves, a blocked person, an applicant or a stranger is a 404."""
    viewer = as_viewer(user)
    member = (
        Member.objects.filter(
            user__public_id=public_id,
            status__in=[MemberStatus.ACTIVE, MemberStatus.SUSPENDED],
        )
        .exclude(user_id=viewer.pk)
        .exclude(user_id__in=blocked_ids(viewer))
        .select_related("user")
        .first()
    )
    if member is None:
        raise Hidden(_("Not found."))
    return member


def blocks_for(viewer) -> list[MemberBlock]:
    """The blocks the viewer made, each with `name`: the name the person had in the circle."""
    viewer = as_viewer(viewer)
    blocks = list(
        MemberBlock.objects.filter(blocker_id=viewer.pk)
        .select_related("blocked__circle_member")
        .order_by("-created_at")
    )
    for block in blocks:
        member = getattr(block.blocked, "circle_member", None)
        block.name = member.name if member is not None else _("someone who left the circle")
    return blocks


def blocked_by_viewer(*, user, public_id) -> MemberBlock:
    block = (
        MemberBlock.objects.filter(blocker_id=as_viewer(user).pk, blocked__public_id=public_id)
        .select_related("blocked")
        .first()
    )
    if block is None:
        raise Hidden(_("Not found."))
    return block


def circles_for(viewer) -> tuple[list[Circle], list[Circle]]:
    """(circles the member joined, the others)."""
    viewer = as_viewer(viewer)
    joined = set(
        Participation.objects.filter(user_id=viewer.pk).values_list("circle_id", flat=True)
    )
    circles = list(Circle.objects.all())
    return (
        [c for c in circles if c.pk in joined],
        [c for c in circles if c.pk not in joined],
    )


def warnings_for(viewer) -> QuerySet:
    """The moderators' notes to the member, without saying which moderator wrote them."""
    return ModerationEntry.objects.filter(
        subject_id=as_viewer(viewer).pk, action=ModerationAction.WARN
    ).only("note", "at")


def guide_pages() -> dict[str, str]:
    """Addresses of the circle's published code of conduct and grievance procedure (CMS
    standard pages found by their slugs), each "" while it is not published."""
    pages = Page.objects.live().filter(slug__in=[CODE_OF_CONDUCT_SLUG, GRIEVANCE_SLUG])
    urls = {page.slug: page.url for page in pages}
    return {
        "code_url": urls.get(CODE_OF_CONDUCT_SLUG, ""),
        "grievance_url": urls.get(GRIEVANCE_SLUG, ""),
    }


def professional_name(user) -> str:
    """The name a consultant has published under, to suggest as their name in the circle."""
    profile = (
        SpeakerProfilePage.objects.filter(consultant=user)
        .only("title", "first_published_at")
        .first()
    )
    if profile is None or profile.first_published_at is None:
        return ""
    return profile.title


def blockable_member(*, user, public_id) -> Member:
    """Another member to block. A block already made either way does not hide them here:
    blocking twice is harmless, and a 404 would tell the person they were blocked."""
    member = (
        Member.objects.filter(
            user__public_id=public_id,
            status__in=[MemberStatus.ACTIVE, MemberStatus.SUSPENDED],
        )
        .exclude(user_id=as_viewer(user).pk)
        .select_related("user")
        .first()
    )
    if member is None:
        raise Hidden(_("Not found."))
    return member
