"""The same post sent several times at once, and a thread opened in many tabs at once,
through HTTP, against PostgreSQL (SQLite would queue them and hide the races): one post,
one read mark, never a 500."""

import uuid

import pytest
from django.urls import reverse

from circle.models import Post, ReadMark, Thread
from tests.circle.test_forum_world import join, make_circle, make_member, start
from tests.networking.test_races import race, signed_in

# Real transactions: the racing requests run on threads, each with its own connection.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Fewer than the posting limit a minute: every copy of the form must be answered as sent.
SENDERS = 6


@pytest.fixture
def world(postgres):
    circle = make_circle("New to speaking", "new-to-speaking")
    ana, ben = make_member("Ana Reyes"), make_member("Ben Okafor")
    join(ana, circle)
    join(ben, circle)
    return circle, ana, ben, start(ana, circle)


def test_one_reply_sent_at_once_from_several_tabs_is_one_post(world):
    _circle, _ana, ben, thread = world
    url = reverse("circle:thread", args=[thread.pk])
    data = {"body": "Only once", "send_key": str(uuid.uuid4())}

    responses = race(signed_in(ben, SENDERS), lambda client, _i: client.post(url, data))

    assert Post.objects.filter(thread=thread, author=ben).count() == 1
    assert {response["Location"] for response in responses} == {url}


def test_one_thread_sent_at_once_from_several_tabs_is_one_thread(world):
    circle, _ana, ben, _thread = world
    url = reverse("circle:thread_new", args=[circle.slug])
    data = {"title": "Once", "body": "Only once", "send_key": str(uuid.uuid4())}

    responses = race(signed_in(ben, SENDERS), lambda client, _i: client.post(url, data))

    thread = Thread.objects.get(title="Once")
    assert thread.posts.count() == 1
    assert {response["Location"] for response in responses} == {
        reverse("circle:thread", args=[thread.pk])
    }


def test_a_thread_opened_in_many_tabs_at_once_has_one_read_mark(world):
    _circle, _ana, ben, thread = world
    url = reverse("circle:thread", args=[thread.pk])

    responses = race(signed_in(ben), lambda client, _i: client.get(url))

    assert {response.status_code for response in responses} == {200}
    assert ReadMark.objects.filter(user=ben, thread=thread).count() == 1
