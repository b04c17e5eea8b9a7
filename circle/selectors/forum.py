"""Read paths for circles, threads and posts, scoped to what the member may see.

Only circles the member joined are readable; people they blocked, or who blocked them,
are left out everywhere they write under their name: their posts, the threads they
started, their words in search results (posts shown as "a member of this circle" stay:
see `_by_blocked`). Anything else asked for by id raises Hidden (a 404 in views).
"""

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext as _

from circle.enums import MemberStatus
from circle.models import Circle, Member, Participation, Post, ReadMark, Thread
from circle.rules import joined_circle_ids
from circle.selectors.membership import blocked_ids
from networking.errors import Hidden
from networking.selectors.common import get_or_hidden
from networking.viewer import as_viewer

THREADS_PER_PAGE = 20
POSTS_PER_PAGE = 30
SEARCH_RESULTS_PER_PAGE = 20
SEARCH_MIN_LENGTH = 2
SEARCH_MAX_LENGTH = 100


def _opening(field: str):
    return Subquery(
        Post.objects.filter(thread=OuterRef("pk")).order_by("created_at", "pk").values(field)[:1]
    )


def _by_blocked(blocked, prefix: str = "") -> Q:
    """Signed posts of people blocked either way.

    Posts shown as "a member of this circle" stay, both ways: if a block hid them, blocking
    someone (or being blocked) would show who wrote which unsigned post. A member who does
    not want to read one reports it to the moderators instead.
    """
    return Q(**{f"{prefix}author_id__in": blocked, f"{prefix}as_member": False})


def _threads_seen_by(viewer) -> QuerySet:
    """Threads of the circles the person joined, without those a blocked person started
    under their name."""
    threads = Thread.objects.filter(circle_id__in=joined_circle_ids(viewer))
    blocked = blocked_ids(viewer)
    if blocked:
        threads = threads.annotate(
            opened_by=_opening("author"), opened_unsigned=_opening("as_member")
        ).exclude(opened_by__in=blocked, opened_unsigned=False)
    return threads


def posts_seen_by(viewer) -> QuerySet:
    blocked = blocked_ids(viewer)
    posts = Post.objects.all()
    if blocked:
        posts = posts.exclude(_by_blocked(blocked))
    return posts


def circles_for(*, user) -> QuerySet:
    """Every circle, the ones the person joined first."""
    viewer = as_viewer(user)
    joined = Participation.objects.filter(circle=OuterRef("pk"), user_id=viewer.pk)
    return Circle.objects.annotate(joined=Exists(joined)).order_by("-joined", "position", "name")


def circle_for(*, user, slug: str) -> Circle:
    """A circle by its address, for any member: one they have not joined shows only what it
    is for and how to join (the view asks the permission)."""
    circle = Circle.objects.filter(slug=slug).first()
    if circle is None:
        raise Hidden(_("Not found."))
    return circle


def threads_in(*, user, circle: Circle) -> QuerySet:
    """A circle's threads, newest activity first, each with its replies and whether it has
    something the person has not read.

    What a blocked person wrote under their name counts for nothing here: not in the
    replies, not as new.
    """
    viewer = as_viewer(user)
    blocked = blocked_ids(viewer)
    read_at = ReadMark.objects.filter(thread=OuterRef("pk"), user_id=viewer.pk).values("read_at")
    threads = _threads_seen_by(viewer).filter(circle=circle)
    if blocked:
        latest = (
            Post.objects.filter(thread=OuterRef("pk"))
            .exclude(_by_blocked(blocked))
            .order_by("-created_at")
            .values("created_at")[:1]
        )
        threads = threads.annotate(activity_at=Subquery(latest))
        shown = ~_by_blocked(blocked, prefix="posts__")
    else:
        threads = threads.annotate(activity_at=F("last_post_at"))
        shown = Q()
    return threads.annotate(
        read_at=Subquery(read_at[:1]),
        post_count=Count("posts", filter=shown),
        unread=Case(
            When(read_at__isnull=True, then=Value(True)),
            When(read_at__lt=F("activity_at"), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    ).order_by("-last_post_at", "-pk")


def thread_for(*, user, thread_id: int) -> Thread:
    """A thread in a circle the person joined, that no blocked person started under
    their name."""
    return get_or_hidden(_threads_seen_by(user).select_related("circle"), thread_id)


def posts_in(*, user, thread: Thread) -> QuerySet:
    """The thread's posts in order, with what their display needs (the author's name)."""
    return (
        posts_seen_by(user)
        .filter(thread=thread)
        .select_related("thread", "author__circle_member")
        .order_by("created_at", "pk")
    )


def opening_post_id(thread: Thread) -> int | None:
    return (
        Post.objects.filter(thread=thread)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
        .first()
    )


def own_post_for(*, user, post_id: int) -> Post:
    """One of the person's own posts, in a circle they joined (removed ones too, so that a
    second "delete" finds the first one's result)."""
    viewer = as_viewer(user)
    own = Post.objects.select_related("thread__circle").filter(
        author_id=viewer.pk, thread__circle_id__in=joined_circle_ids(viewer)
    )
    return get_or_hidden(own, post_id)


def search_threads(*, user, query: str) -> QuerySet:
    """Threads of the person's circles whose title or a readable post contains `query`.

    Removed and hidden posts, and what blocked people signed, are not searched. A plain
    case-insensitive match (the same on SQLite and PostgreSQL): the circle is never put
    in a search index, where it could be read from outside.
    """
    viewer = as_viewer(user)
    matching_posts = posts_seen_by(viewer).filter(
        thread=OuterRef("pk"),
        removed_at__isnull=True,
        hidden_at__isnull=True,
        body__icontains=query,
    )
    return (
        _threads_seen_by(viewer)
        .filter(Q(title__icontains=query, title_removed=False) | Q(Exists(matching_posts)))
        .select_related("circle")
        .order_by("-last_post_at", "-pk")
    )


def has_unread_since(*, user, since) -> bool:
    """Whether someone else posted, in a circle the person joined, after `since` (any time
    when None) in a thread the person has not read since: what the digest asks."""
    viewer = as_viewer(user)
    read_after = ReadMark.objects.filter(
        thread=OuterRef("thread"), user_id=viewer.pk, read_at__gte=OuterRef("created_at")
    )
    posts = (
        posts_seen_by(viewer)
        .filter(
            thread__in=_threads_seen_by(viewer),
            removed_at__isnull=True,
            hidden_at__isnull=True,
        )
        .exclude(author_id=viewer.pk)
        .exclude(Exists(read_after))
    )
    if since is not None:
        posts = posts.filter(created_at__gt=since)
    return posts.exists()


def digest_candidates() -> QuerySet:
    """Active members who asked for the weekly reminder."""
    return Member.objects.filter(status=MemberStatus.ACTIVE, wants_digest=True)
