"""Who sees which consultant page or section: the one place that decides (design.md).

Every output asks here: page views (a before_serve_page hook), the directory, topic
pages, search, feeds, the sitemap, structured data and e-mail. Pages carry their
effective audience in `visibility` (kept in step by portfolio.services.visibility_sync);
the Wagtail view restrictions written alongside are a second lock, not the rule.
"""

from collections.abc import Callable, Iterable

from django.db.models import Q, QuerySet

from accounts.rules import is_editor
from portfolio.enums import NETWORK_GROUP, Audience

# Sources of "consultants who have blocked this viewer": the networking app registers
# one (blocks cover every member of an organization and its e-mail domain).
BlockSource = Callable[[object], Iterable[int]]
_block_sources: list[BlockSource] = []


def register_block_source(source: BlockSource) -> BlockSource:
    _block_sources.append(source)
    return source


def consultants_hiding_from(viewer) -> set[int]:
    """Ids of consultants whose pages must not exist for this viewer."""
    if not getattr(viewer, "is_authenticated", False):
        return set()
    hidden: set[int] = set()
    for source in _block_sources:
        hidden.update(source(viewer))
    return hidden


def is_network_member(viewer) -> bool:
    if not getattr(viewer, "is_authenticated", False):
        return False
    cached = getattr(viewer, "_podium_network_member", None)
    if cached is None:
        cached = viewer.groups.filter(name=NETWORK_GROUP).exists()
        viewer._podium_network_member = cached
    return cached


def audiences_for(viewer) -> list[str]:
    """The audiences whose pages this viewer may see (their own pages aside)."""
    if is_editor(viewer):
        return [Audience.PUBLIC, Audience.NETWORK, Audience.PRIVATE]
    if is_network_member(viewer):
        return [Audience.PUBLIC, Audience.NETWORK]
    return [Audience.PUBLIC]


def visible(queryset: QuerySet, viewer, *, owner_field: str = "consultant") -> QuerySet:
    """Live consultant pages of `queryset` that the viewer may see."""
    allowed = Q(visibility__in=audiences_for(viewer))
    if getattr(viewer, "is_authenticated", False):
        allowed |= Q(**{owner_field: viewer})
    hidden = consultants_hiding_from(viewer)
    queryset = queryset.live().filter(allowed)
    if hidden:
        queryset = queryset.exclude(**{f"{owner_field}__in": hidden})
    return queryset


def is_owner(viewer, page) -> bool:
    return getattr(viewer, "is_authenticated", False) and page.consultant_id == viewer.pk


def can_view(viewer, page) -> bool:
    """May the viewer open this consultant page (profile, post or video)?"""
    if not page.live:
        return False
    if is_owner(viewer, page):
        return True
    if page.consultant_id in consultants_hiding_from(viewer):
        return False
    return page.visibility in audiences_for(viewer)


def can_see_section(viewer, profile, audience: str) -> bool:
    """May the viewer see a section of a profile they can view (statement, rates)?"""
    if is_owner(viewer, profile) or is_editor(viewer):
        return True
    return audience in audiences_for(viewer)
