"""Opportunities and interests: an organization's own, and the open ones consultants see."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from networking.enums import OpportunityStatus, Verification
from networking.models import Block, Interest, Opportunity
from networking.rules import is_consultant
from networking.selectors.common import get_or_hidden
from networking.viewer import as_viewer
from portfolio.models import SpeakerProfilePage


def organization_opportunities(*, user) -> QuerySet:
    membership = as_viewer(user).membership
    if membership is None:
        return Opportunity.objects.none()
    return (
        Opportunity.objects.filter(organization_id=membership.organization_id)
        .select_related("organization", "language")
        .prefetch_related("topics")
        .annotate(interest_count=Count("interests", filter=Q(interests__withdrawn_at=None)))
        .order_by("-created_at")
    )


def open_opportunities() -> QuerySet:
    """Open, not past their answer-by date, from organizations that can still act: what
    consultants may see and answer (the home page counts these)."""
    return Opportunity.objects.filter(
        status=OpportunityStatus.OPEN,
        deadline__gte=timezone.localdate(),
        organization__verification=Verification.VERIFIED,
        organization__suspended_at=None,
    )


def _not_blocked_by(consultant_id) -> Q:
    blocks = Block.objects.filter(consultant_id=consultant_id)
    return ~Q(organization__in=blocks.values("organization")) & ~Q(
        organization__email_domain__in=blocks.values("email_domain")
    )


def open_opportunities_for(*, consultant, filters: dict) -> QuerySet:
    """Open opportunities of organizations that can still act and that this consultant has
    not blocked; by default those matching their topics and engagement types."""
    viewer = as_viewer(consultant)
    opportunities = (
        open_opportunities()
        .filter(_not_blocked_by(viewer.pk))
        .select_related("organization", "language")
        .prefetch_related("topics")
        .annotate(
            interested=Exists(
                Interest.objects.filter(opportunity=OuterRef("pk"), consultant_id=viewer.pk)
            )
        )
        .order_by("deadline", "created_at")
    )
    if filters.get("topic"):
        opportunities = opportunities.filter(topics=filters["topic"])
    if filters.get("engagement"):
        opportunities = opportunities.filter(engagement_type=filters["engagement"])
    if filters.get("format"):
        opportunities = opportunities.filter(format=filters["format"])
    if filters.get("mine"):
        profile = getattr(viewer.user, "speaker_profile", None)
        if profile is not None:
            topic_ids = list(profile.topics.values_list("pk", flat=True))
            types = list(profile.rates.values_list("engagement_type", flat=True))
            match = Q()
            if topic_ids:
                match |= Q(topics__in=topic_ids)
            if types:
                match |= Q(engagement_type__in=types)
            if topic_ids or types:
                opportunities = opportunities.filter(match)
    return opportunities.distinct()


def opportunity_for(*, user, opportunity_id) -> Opportunity:
    """The organization's own (any status), or an open one a consultant may see."""
    viewer = as_viewer(user)
    if viewer.membership is not None:
        return get_or_hidden(organization_opportunities(user=viewer), opportunity_id)
    if is_consultant(viewer):
        return get_or_hidden(open_opportunities_for(consultant=viewer, filters={}), opportunity_id)
    return get_or_hidden(Opportunity.objects.none(), opportunity_id)


def opportunity_interests(*, opportunity: Opportunity, viewer) -> QuerySet:
    hidden = as_viewer(viewer).hidden_from
    return (
        opportunity.interests.filter(withdrawn_at=None)
        .exclude(consultant_id__in=hidden)
        .select_related("consultant__speaker_profile", "booking", "conversation")
    )


def opportunity_suggestions(*, opportunity: Opportunity, viewer, limit: int = 10) -> list:
    """The stored suggestions whose profiles the viewer may still see (audience, blocks)."""
    suggestions = list(opportunity.suggestions.all()[: limit * 3])
    visible = {
        page.consultant_id: page
        for page in as_viewer(viewer)
        .visible(
            SpeakerProfilePage.objects.filter(
                consultant_id__in=[s.consultant_id for s in suggestions]
            )
        )
        .filter(paused_at__isnull=True)
    }
    return [(s, visible[s.consultant_id]) for s in suggestions if s.consultant_id in visible][
        :limit
    ]


def interest_of_consultant(*, consultant, opportunity: Opportunity) -> Interest | None:
    """The consultant's interest in this opportunity, if they expressed one."""
    return opportunity.interests.filter(consultant_id=as_viewer(consultant).pk).first()


def interest_for_consultant(*, consultant, interest_id) -> Interest:
    return get_or_hidden(
        Interest.objects.filter(consultant_id=as_viewer(consultant).pk).select_related(
            "opportunity"
        ),
        interest_id,
    )


def interest_for_organization(*, user, interest_id) -> Interest:
    viewer = as_viewer(user)
    membership = viewer.membership
    if membership is None:
        return get_or_hidden(Interest.objects.none(), interest_id)
    return get_or_hidden(
        Interest.objects.filter(
            opportunity__organization_id=membership.organization_id, withdrawn_at=None
        )
        .exclude(consultant_id__in=viewer.hidden_from)
        .select_related("opportunity", "consultant__speaker_profile"),
        interest_id,
    )
