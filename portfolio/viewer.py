"""Who is asking, and what they may see: the one place that answers "can X see Y?".

A Viewer is built once per request (networking's ViewerMiddleware puts it on
`request.viewer`) and handed to everything that shows consultants' pages: page views,
the directory, topic pages, search, feeds, the sitemap, media and e-mail. It knows

- who the person is: a visitor, a consultant, a member of a verified organization (the
  "network" audience) or an editor;
- whom they are hidden from: consultants who blocked them or their organization.

Pages carry their effective audience in `visibility`; the Wagtail view restrictions
written beside it are a second lock, not the rule. Whom a person is hidden from is told
to the Viewer when it is built (by networking, which keeps the blocks), so this module
needs nothing from the apps above it.
"""

from collections.abc import Callable, Iterable
from functools import cached_property

import rules
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from accounts.enums import Role
from accounts.rules import is_editor
from portfolio.enums import NETWORK_GROUP, Audience


def _nobody() -> Iterable[int]:
    return ()


class Viewer:
    """The person behind one request, and the answers to what they may see."""

    def __init__(
        self,
        user=None,
        *,
        hidden_from: Callable[[], Iterable[int]] = _nobody,
        membership: Callable[[], object] = lambda: None,
    ):
        self.user = user if user is not None else AnonymousUser()
        self._hidden_from = hidden_from
        self._membership = membership
        self._remembered: dict = {}

    @classmethod
    def anonymous(cls) -> "Viewer":
        """A visitor who is not signed in: what feeds, sitemaps and search engines get."""
        return cls()

    def __repr__(self) -> str:
        return f"<Viewer {self.user.pk or 'anonymous'}>"

    # Who the person is.

    @property
    def is_authenticated(self) -> bool:
        return self.user.is_authenticated

    @property
    def pk(self):
        return self.user.pk

    @property
    def is_consultant(self) -> bool:
        return self.is_authenticated and self.user.role == Role.CONSULTANT

    @cached_property
    def is_editor(self) -> bool:
        return is_editor(self.user)

    @cached_property
    def is_network_member(self) -> bool:
        """A consultant or a member of a verified organization (kept as a group)."""
        return self.is_authenticated and self.user.groups.filter(name=NETWORK_GROUP).exists()

    @cached_property
    def membership(self):
        """Their organization membership (with the organization), or None."""
        return self._membership() if self.is_authenticated else None

    @cached_property
    def hidden_from(self) -> frozenset[int]:
        """Ids of consultants whose pages must not exist for this person."""
        return frozenset(self._hidden_from()) if self.is_authenticated else frozenset()

    @cached_property
    def audiences(self) -> tuple[str, ...]:
        """The audiences whose pages this person may see (their own pages aside)."""
        if self.is_editor:
            return (Audience.PUBLIC, Audience.NETWORK, Audience.PRIVATE)
        if self.is_network_member:
            return (Audience.PUBLIC, Audience.NETWORK)
        return (Audience.PUBLIC,)

    # What they may see.

    def is_owner(self, page) -> bool:
        return self.is_authenticated and page.consultant_id == self.user.pk

    def can_view(self, page) -> bool:
        """May they open this consultant page (profile, post or video)?"""
        if not page.live:
            return False
        if self.is_owner(page):
            return True
        if page.consultant_id in self.hidden_from:
            return False
        return page.visibility in self.audiences

    def can_see_section(self, profile, audience: str) -> bool:
        """May they see a section of a profile they can view (statement, rates)?"""
        return self.is_owner(profile) or self.is_editor or audience in self.audiences

    def visible(self, queryset: QuerySet, *, owner_field: str = "consultant") -> QuerySet:
        """Live consultant pages of `queryset` that they may see."""
        allowed = Q(visibility__in=self.audiences)
        if self.is_authenticated:
            allowed |= Q(**{owner_field: self.user})
        queryset = queryset.live().filter(allowed)
        if self.hidden_from:
            queryset = queryset.exclude(**{f"{owner_field}__in": self.hidden_from})
        return queryset

    def not_hidden(self, queryset: QuerySet, *, owner_field: str = "consultant") -> QuerySet:
        """`queryset` without what belongs to consultants hiding from them."""
        if not self.hidden_from:
            return queryset
        return queryset.exclude(**{f"{owner_field}__in": self.hidden_from})

    def remember(self, key: str, compute: Callable[[], object]):
        """An answer an app above this one computes once per Viewer (the circle keeps its
        member row here), so that every rule asked during one request reads it once."""
        if key not in self._remembered:
            self._remembered[key] = compute()
        return self._remembered[key]

    # What they may do: object permissions are asked of the viewer, never of a bare user.

    def has_perm(self, perm: str, obj=None) -> bool:
        return rules.has_perm(perm, self, obj)
