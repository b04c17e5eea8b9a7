"""Read paths for who is inside the circle: members, applicants, vouches and blocks."""

from django.db.models import Q

from circle.models import MemberBlock
from networking.viewer import as_viewer


def blocked_ids(viewer) -> frozenset[int]:
    """Ids of people the viewer blocked or who blocked them: neither sees the other.

    Asked by every circle listing (threads, posts, members, mentoring), so it is read
    once per Viewer.
    """
    viewer = as_viewer(viewer)
    if not viewer.is_authenticated:
        return frozenset()

    def compute() -> frozenset[int]:
        pairs = MemberBlock.objects.filter(
            Q(blocker_id=viewer.pk) | Q(blocked_id=viewer.pk)
        ).values_list("blocker_id", "blocked_id")
        return frozenset(other for pair in pairs for other in pair if other != viewer.pk)

    return viewer.remember("circle_blocked_ids", compute)
