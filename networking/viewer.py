"""Building the Viewer: the person behind a request, with what networking knows of them.

Portfolio's Viewer answers every "can X see Y?"; networking tells it whom the person is
hidden from (blocks) and which organization they act for. Built once per request by
ViewerMiddleware; code without a request (tasks, e-mail) calls `viewer_for(user)`.
"""

from django.db.models import Q
from django.utils.functional import SimpleLazyObject

from accounts.enums import Role
from networking.models import Block, Membership
from networking.models.organizations import email_domain
from portfolio.viewer import Viewer


def membership_of(user) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.select_related("organization").filter(user=user).first()


def consultants_blocking(user, membership: Membership | None) -> set[int]:
    """Consultants who blocked the person's organization or their e-mail domain.

    The domain counts too: a person who left the organization, or made a new one on the
    same domain, stays blocked.
    """
    if user.role != Role.ORGANIZATION:
        return set()
    match = Q(email_domain=email_domain(user.email))
    if membership is not None:
        match |= Q(organization_id=membership.organization_id)
    return set(Block.objects.filter(match).values_list("consultant_id", flat=True))


def viewer_for(user) -> Viewer:
    viewer = Viewer(
        user,
        membership=lambda: membership_of(user),
        hidden_from=lambda: consultants_blocking(user, viewer.membership),
    )
    return viewer


def as_viewer(subject) -> Viewer:
    """The Viewer for a request's viewer or a bare user (tasks, services given an actor)."""
    return subject if isinstance(subject, Viewer) else viewer_for(subject)


class ViewerMiddleware:
    """Puts `request.viewer` on every request; nothing is read until something asks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.viewer = SimpleLazyObject(lambda: viewer_for(request.user))
        return self.get_response(request)
