"""What every read path shares: organization rosters and the scoped lookup of one object."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import User
from networking.enums import MemberRole
from networking.errors import Hidden
from networking.viewer import as_viewer


def organization_members(organization_id) -> QuerySet:
    return User.objects.filter(membership__organization_id=organization_id)


def organization_admins(organization_id) -> QuerySet:
    return organization_members(organization_id).filter(membership__role=MemberRole.ADMIN)


def get_or_hidden(queryset: QuerySet, pk):
    """The object with this id among those the person may reach.

    Someone else's id is answered exactly like a missing one (Hidden, a 404 in views), so
    nobody learns whether it exists.
    """
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Hidden(_("Not found."))
    return obj


def own_organization(*, user):
    """The organization the person belongs to."""
    membership = as_viewer(user).membership
    if membership is None:
        raise Hidden(_("Not found."))
    return membership.organization
