"""Who is a party to a booking, conversation or invoice: one rule, as a test and a filter.

A person is on the consultant's side of what names them as its consultant, and on the
organization's side of what belongs to their organization, unless that consultant blocked
them (then it does not exist for them). `side_of` answers for one object; `parties_filter`
is the same rule as a queryset filter, so lists and single objects always agree.
"""

from django.db.models import Q

from networking.enums import Party
from networking.viewer import as_viewer


def side_of(subject, obj) -> Party | None:
    """The side of `obj` this person (a Viewer or a user) is on, or None."""
    viewer = as_viewer(subject)
    if not viewer.is_authenticated or obj is None:
        return None
    if obj.consultant_id == viewer.pk:
        return Party.CONSULTANT
    membership = viewer.membership
    if (
        membership is not None
        and membership.organization_id == obj.organization_id
        and obj.consultant_id not in viewer.hidden_from
    ):
        return Party.ORGANIZATION
    return None


def parties_filter(subject, *, prefix: str = "") -> Q:
    """Objects (through `prefix`) that `side_of` gives this person a side of."""
    viewer = as_viewer(subject)
    if not viewer.is_authenticated:
        return Q(pk__in=[])
    mine = Q(**{f"{prefix}consultant_id": viewer.pk})
    membership = viewer.membership
    if membership is not None:
        theirs = Q(**{f"{prefix}organization_id": membership.organization_id})
        if viewer.hidden_from:
            theirs &= ~Q(**{f"{prefix}consultant_id__in": viewer.hidden_from})
        mine |= theirs
    return mine
