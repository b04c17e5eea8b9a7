"""Who may do what in networking, as named predicates. Views, templates and services ask.

Object access is decided by the selectors' scoped querysets (another person's id is a
404); these predicates decide what a person may do at all.
"""

import rules

from accounts.rules import has_strong_authenticator


def membership_of(user):
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_podium_membership", False)
    if cached is False:
        from networking.models import Membership

        cached = Membership.objects.select_related("organization").filter(user=user).first()
        user._podium_membership = cached
    return cached


@rules.predicate
def is_org_member(user) -> bool:
    return membership_of(user) is not None


@rules.predicate
def is_org_admin(user) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.role == "admin"


@rules.predicate
def org_is_verified(user) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.organization.is_verified


# Posting, requesting and messaging: a verified, unsuspended organization whose acting
# member has a second factor (issue 4; safety.md R25).
can_act_for_organization = is_org_member & org_is_verified & has_strong_authenticator

rules.add_rule("networking.act_for_organization", can_act_for_organization)
