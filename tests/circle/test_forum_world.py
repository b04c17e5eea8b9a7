"""What the forum tests share (no tests here): members of each standing, circles, and a
thread in each, made through the services as members make them."""

from django.utils import timezone

from circle.enums import CircleKind, MemberStatus
from circle.models import Circle, Member, Participation, Post, ReadMark, Thread
from circle.names import name_key
from circle.services.forum import circle_join, post_reply, thread_start
from tests.factories import ConsultantFactory


def make_member(name: str, *, status=MemberStatus.ACTIVE, moderator: bool = False, **fields):
    user = ConsultantFactory()
    Member.objects.create(
        user=user,
        name=name,
        name_key=name_key(name),
        status=status,
        is_moderator=moderator,
        admitted_at=timezone.now() if status != MemberStatus.APPLIED else None,
        **fields,
    )
    return user


def make_circle(name: str, slug: str, *, position: int = 0) -> Circle:
    return Circle.objects.create(
        name=name,
        slug=slug,
        description=f"A place for {name.lower()}.",
        kind=CircleKind.TOPIC,
        position=position,
    )


def join(user, *circles) -> None:
    for circle in circles:
        circle_join(actor=user, circle=circle)


def start(user, circle, title="A first question", body="How did you set your first fee?", **kw):
    return thread_start(actor=user, circle=circle, title=title, body=body, **kw)


def reply(user, thread, body="Start from the benchmark.", **kw):
    return post_reply(actor=user, thread=thread, body=body, **kw)


def counts() -> dict:
    """What a refused request must leave as it was."""
    return {
        "threads": Thread.objects.count(),
        "posts": Post.objects.count(),
        "edited": Post.objects.filter(edited_at__isnull=False).count(),
        "removed": Post.objects.filter(removed_at__isnull=False).count(),
        "participations": Participation.objects.count(),
        "read marks": ReadMark.objects.count(),
        "names": sorted(Member.objects.values_list("name", "wants_digest")),
    }
