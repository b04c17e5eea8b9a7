"""What every circle view shares.

Every circle address answers a person who is not inside (an organization member, an
editor who is not a member, a consultant not yet let in) exactly like a missing address:
nobody outside learns what is there, or who is. A visitor who is not signed in is sent to
sign in from the circle's list pages and gets a 404 from an object's address, as in
networking (networking.views.common.member_view).
"""

from collections.abc import Callable

from networking.views.common import attempt, member_view, permission_required, render, submit

__all__ = ["attempt", "member_view", "members_only", "permission_required", "render", "submit"]


def members_only(perm: str = "circle.enter", fetch: Callable | None = None, **kwargs):
    """Signed in, inside the circle, and allowed `perm` (on the object `fetch` finds)."""

    def decorator(view: Callable) -> Callable:
        return member_view(permission_required(perm, fetch, **kwargs)(view))

    return decorator
