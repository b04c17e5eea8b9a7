"""The circle page and the thread page make the same number of queries with one item as
with three, for a member and for a moderator, with and without blocks."""

import os

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from circle.models import MemberBlock
from tests.circle.test_forum_world import join, make_circle, make_member, reply, start

pytestmark = pytest.mark.django_db

# The exact count for each page, the same with one item as with three.
EXACT = {"circle": 10, "thread": 12, "circle, blocks": 10, "thread, blocks": 12}


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    if os.environ.get("PODIUM_SHOW_QUERIES"):
        print(url, len(queries), *[q["sql"][:150] for q in queries], sep="\n  ")
    return len(queries)


@pytest.fixture
def world():
    circle = make_circle("New to speaking", "new-to-speaking")
    ana, ben, blocked = make_member("Ana Reyes"), make_member("Ben Okafor"), make_member("Cy")
    join(ana, circle)
    join(ben, circle)
    join(blocked, circle)
    return circle, ana, ben, blocked


@pytest.mark.parametrize("blocks", [False, True])
@pytest.mark.parametrize("n", [1, 3])
def test_the_circle_page_is_bounded(client, world, n, blocks):
    circle, ana, ben, blocked = world
    for i in range(n):
        thread = start(ana, circle, title=f"Thread {i}", content_note="Note" if i else "")
        reply(ben, thread, as_member=bool(i))
    if blocks:
        MemberBlock.objects.create(blocker=ben, blocked=blocked)
        start(blocked, circle, title="Not for Ben")
    client.force_login(ben)
    url = reverse("circle:circle", args=[circle.slug])
    client.get(url)
    count = _count(client, url)
    assert count == EXACT["circle, blocks" if blocks else "circle"]


@pytest.mark.parametrize("blocks", [False, True])
@pytest.mark.parametrize("n", [1, 3])
def test_the_thread_page_is_bounded(client, world, n, blocks):
    circle, ana, ben, blocked = world
    thread = start(ana, circle)
    for i in range(n - 1):
        cache.clear()
        reply(ben, thread, body=f"Reply {i}", as_member=bool(i), content_note="Note" if i else "")
    if blocks:
        MemberBlock.objects.create(blocker=ben, blocked=blocked)
        reply(blocked, thread, body="Not for Ben")
    client.force_login(ben)
    url = reverse("circle:thread", args=[thread.pk])
    client.get(url)
    count = _count(client, url)
    assert count == EXACT["thread, blocks" if blocks else "thread"]


@pytest.mark.parametrize("n", [1, 3])
def test_the_thread_page_for_a_moderator_is_bounded(client, world, n):
    circle, ana, ben, _blocked = world
    mod = make_member("Mia Council", moderator=True)
    join(mod, circle)
    thread = start(ana, circle, as_member=True)
    for i in range(n - 1):
        reply(ben, thread, body=f"Reply {i}", as_member=True)
    client.force_login(mod)
    url = reverse("circle:thread", args=[thread.pk])
    client.get(url)
    assert _count(client, url) == EXACT["thread"]
