"""Who may do what in networking: named predicates, combined into object permissions.

Permissions are asked of a Viewer (`request.viewer.has_perm(...)`, in templates
`{% has_perm "networking.x" request.viewer obj as can %}`), or of `as_viewer(actor)` in a
service, which reads the person's membership and blocks once. Predicates accept a bare
user too (it is turned into a Viewer), for code that has nothing else.

Which objects a person can reach at all is also decided by the selectors' scoped
querysets (another person's id is a 404 exactly like a missing one); these rules say what
they may do with what they reach, and views, services and templates ask the same rules.
"""

import rules

from accounts.enums import Role
from accounts.rules import has_strong_authenticator
from networking.enums import BookingState, MemberRole, Party
from networking.models import Organization
from networking.parties import side_of
from networking.viewer import as_viewer


def membership_of(subject):
    return as_viewer(subject).membership


# Who the person is.


@rules.predicate
def is_consultant(subject) -> bool:
    return as_viewer(subject).is_consultant


@rules.predicate
def is_editor(subject) -> bool:
    return as_viewer(subject).is_editor


@rules.predicate
def has_organization_account(subject) -> bool:
    """Signed up as an organization person (whether or not they belong to one yet)."""
    viewer = as_viewer(subject)
    return viewer.is_authenticated and viewer.user.role == Role.ORGANIZATION


@rules.predicate
def is_org_member(subject) -> bool:
    return membership_of(subject) is not None


@rules.predicate
def is_org_admin(subject) -> bool:
    membership = membership_of(subject)
    return membership is not None and membership.role == MemberRole.ADMIN


@rules.predicate
def org_is_verified(subject) -> bool:
    membership = membership_of(subject)
    return membership is not None and membership.organization.is_verified


@rules.predicate
def has_second_factor(subject) -> bool:
    return has_strong_authenticator(as_viewer(subject).user)


# How the person stands to an object.


def _organization_id(obj):
    return obj.pk if isinstance(obj, Organization) else obj.organization_id


@rules.predicate
def of_own_organization(subject, obj) -> bool:
    """The object is (or belongs to) the person's organization."""
    membership = membership_of(subject)
    return (
        obj is not None
        and membership is not None
        and membership.organization_id == _organization_id(obj)
    )


@rules.predicate
def is_its_consultant(subject, obj) -> bool:
    """The person is the consultant the object (booking, invoice, interest, block) names."""
    viewer = as_viewer(subject)
    return obj is not None and viewer.is_authenticated and obj.consultant_id == viewer.pk


@rules.predicate
def is_organization_side(subject, obj) -> bool:
    """A member of the organization the object names, not blocked by its consultant."""
    return side_of(subject, obj) == Party.ORGANIZATION


@rules.predicate
def is_completed(subject, obj) -> bool:
    """The booking took place (and was marked so)."""
    return obj is not None and obj.state == BookingState.COMPLETED


@rules.predicate
def is_party(subject, obj) -> bool:
    return side_of(subject, obj) is not None


# Posting, requesting and messaging: a verified, unsuspended organization whose acting
# member has a second factor.
can_act_for_organization = is_org_member & org_is_verified & has_second_factor

PERMISSIONS = {
    "networking.act_for_organization": can_act_for_organization,
    # Organizations
    "networking.add_organization": has_organization_account & ~is_org_member,
    "networking.view_organization": is_org_member,
    "networking.change_organization": is_org_admin & of_own_organization,
    # Opportunities and interests
    "networking.view_opportunities": is_org_member | is_consultant,
    "networking.add_opportunity": is_org_member,
    "networking.change_opportunity": of_own_organization,
    "networking.express_interest": is_consultant,
    "networking.withdraw_interest": is_its_consultant,
    # Bookings: requesting starts for any organization person, who is then told what is
    # still missing (two-step verification, an organization, verification).
    "networking.request_booking": has_organization_account | is_org_member,
    "networking.move_booking": is_party,
    # The consultant answers requests and messages (and is shown the scam warnings).
    "networking.answer_booking": is_its_consultant,
    "networking.answer_conversation": is_its_consultant,
    "networking.invoice_booking": is_its_consultant,
    "networking.rate_booking": is_its_consultant,
    "networking.show_booking": is_its_consultant,
    "networking.write_testimonial": is_organization_side,
    # Money
    "networking.change_invoice": is_its_consultant,
    "networking.view_earnings": is_consultant,
    # Conversations
    "networking.send_message": is_party,
    # Calendar and safety settings
    "networking.use_calendar": is_consultant,
    "networking.add_block": is_consultant,
    "networking.delete_block": is_its_consultant,
    "networking.set_contact_policy": is_consultant,
    # Limits on the work they take on, and private notes after it: the consultant's alone.
    "networking.set_capacity": is_consultant,
    "networking.write_debrief": is_its_consultant & is_completed,
    # The editors' desk
    "networking.review_organizations": is_editor,
    "networking.handle_reports": is_editor,
}

for _name, _predicate in PERMISSIONS.items():
    rules.add_perm(_name, _predicate)
