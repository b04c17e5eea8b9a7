"""Networking's part of the visibility policy: blocks (portfolio.policy asks here)."""

from django.db.models import Q

from accounts.enums import Role
from networking.models import Block
from networking.rules import membership_of
from networking.services.organizations import email_domain
from portfolio.policy import register_block_source


@register_block_source
def consultants_blocking(viewer) -> set[int]:
    """Consultants who blocked the viewer's organization or the viewer's e-mail domain."""
    cached = getattr(viewer, "_podium_blocked_by", None)
    if cached is not None:
        return cached
    if viewer.role != Role.ORGANIZATION:
        cached = set()
    else:
        # A person who left the organization, or made a new one, on the same domain.
        match = Q(email_domain=email_domain(viewer.email))
        membership = membership_of(viewer)
        if membership is not None:
            match |= Q(organization_id=membership.organization_id)
        cached = set(Block.objects.filter(match).values_list("consultant_id", flat=True))
    viewer._podium_blocked_by = cached
    return cached
