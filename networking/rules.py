"""Who may do what in networking, as named predicates. Views, templates and services ask.

Predicates are asked of a Viewer (`request.viewer`, or `viewer_for(user)` where there is
no request), which reads the person's membership once.

Object access is decided by the selectors' scoped querysets (another person's id is a
404); these predicates decide what a person may do at all.
"""

import rules

from accounts.rules import has_strong_authenticator
from networking.enums import MemberRole
from networking.viewer import as_viewer


def membership_of(subject):
    return as_viewer(subject).membership


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


# Posting, requesting and messaging: a verified, unsuspended organization whose acting
# member has a second factor.
can_act_for_organization = is_org_member & org_is_verified & has_second_factor

rules.add_rule("networking.act_for_organization", can_act_for_organization)
