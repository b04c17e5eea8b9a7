"""People and posts for the tests of who is inside the circle and its moderation, made
directly (the forum's own services are tested with the forum)."""

from django.utils import timezone

from circle.enums import CircleKind, MemberStatus
from circle.models import Circle, Member, Participation, Post, Thread
from circle.names import name_key
from tests.factories import ConsultantFactory


def member(status=MemberStatus.ACTIVE, *, name=None, moderator=False, user=None) -> Member:
    user = user or ConsultantFactory()
    name = name or f"Member {user.pk}"
    return Member.objects.create(
        user=user,
        name=name,
        name_key=name_key(name),
        status=status,
        is_moderator=moderator,
        admitted_at=timezone.now() if status != MemberStatus.APPLIED else None,
    )


def circle(name="New to speaking", slug="new-to-speaking") -> Circle:
    return Circle.objects.create(
        name=name, slug=slug, description="First steps on stage.", kind=CircleKind.TOPIC
    )


def joined(place: Circle, *members: Member) -> None:
    for m in members:
        Participation.objects.create(circle=place, user=m.user)


def thread(place: Circle, author: Member, *, title="First talk nerves", body="Any tips?", **kw):
    started = Thread.objects.create(circle=place, title=title, last_post_at=timezone.now())
    Post.objects.create(thread=started, author=author.user, body=body, **kw)
    return started


def reply(started: Thread, author: Member, body="Breathe first.", **kw) -> Post:
    return Post.objects.create(thread=started, author=author.user, body=body, **kw)
