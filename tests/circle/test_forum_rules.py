"""The forum's predicates and permissions, for each standing a person can have."""

import pytest
from django.utils import timezone

from circle.enums import MemberStatus
from circle.models import Post
from circle.services.forum import circle_leave
from networking.viewer import viewer_for
from tests.circle.test_forum_world import join, make_circle, make_member, reply, start
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    circle = make_circle("New to speaking", "new-to-speaking")
    other = make_circle("Pricing and contracts", "pricing")
    ana, ben = make_member("Ana Reyes"), make_member("Ben Okafor")
    join(ana, circle)
    join(ben, circle)
    thread = start(ana, circle)
    return {"circle": circle, "other": other, "ana": ana, "ben": ben, "thread": thread}


def _can(user, perm, obj=None) -> bool:
    return viewer_for(user).has_perm(perm, obj)


def test_joining_decides_reading_and_writing(world):
    ana, circle, other, thread = world["ana"], world["circle"], world["other"], world["thread"]
    assert [
        _can(ana, "circle.join_circle", circle),
        _can(ana, "circle.leave_circle", circle),
        _can(ana, "circle.read_circle", circle),
        _can(ana, "circle.start_thread", circle),
        _can(ana, "circle.read_thread", thread),
        _can(ana, "circle.reply", thread),
    ] == [False, True, True, True, True, True]
    assert [
        _can(ana, "circle.join_circle", other),
        _can(ana, "circle.leave_circle", other),
        _can(ana, "circle.read_circle", other),
        _can(ana, "circle.start_thread", other),
    ] == [True, False, False, False]


@pytest.mark.parametrize("status", [MemberStatus.APPLIED, MemberStatus.SUSPENDED, None])
def test_nobody_outside_has_any_forum_permission(world, status):
    if status is None:
        person = ConsultantFactory()
    elif status == MemberStatus.SUSPENDED:
        # Suspended after joining: the participation stays, and gives nothing.
        person = make_member("Out")
        join(person, world["circle"])
        person.circle_member.status = status
        person.circle_member.save(update_fields=["status"])
    else:
        person = make_member("Out", status=status)
    post = world["thread"].posts.get()
    for perm, obj in [
        ("circle.join_circle", world["circle"]),
        ("circle.read_circle", world["circle"]),
        ("circle.start_thread", world["circle"]),
        ("circle.read_thread", world["thread"]),
        ("circle.reply", world["thread"]),
        ("circle.edit_post", post),
        ("circle.delete_post", post),
        ("circle.change_settings", None),
    ]:
        assert _can(person, perm, obj) is False, perm


def test_only_the_author_changes_a_post_and_not_once_hidden_or_removed(world):
    ana, ben, thread = world["ana"], world["ben"], world["thread"]
    own = thread.posts.get()
    theirs = reply(ben, thread)
    assert [_can(ana, "circle.edit_post", own), _can(ana, "circle.delete_post", own)] == [
        True,
        True,
    ]
    assert [_can(ana, "circle.edit_post", theirs), _can(ana, "circle.delete_post", theirs)] == [
        False,
        False,
    ]
    Post.objects.filter(pk=own.pk).update(hidden_at=timezone.now())
    own.refresh_from_db()
    assert [_can(ana, "circle.edit_post", own), _can(ana, "circle.delete_post", own)] == [
        False,
        True,
    ]
    Post.objects.filter(pk=own.pk).update(hidden_at=None, removed_at=timezone.now())
    own.refresh_from_db()
    assert _can(ana, "circle.edit_post", own) is False


def test_leaving_a_circle_takes_away_ones_own_posts_there_too(world):
    ana, post = world["ana"], world["thread"].posts.get()
    circle_leave(actor=ana, circle=world["circle"])
    assert [
        _can(ana, "circle.edit_post", post),
        _can(ana, "circle.read_thread", world["thread"]),
    ] == [
        False,
        False,
    ]
