"""Every forum address answers 404 to whoever is not inside, or lacks the object: GET and
POST alike, and nothing is written. Members reach what is theirs."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from circle.enums import MemberStatus
from circle.models import Participation
from tests.circle.test_forum_world import counts, join, make_circle, make_member, reply, start
from tests.factories import ConsultantFactory, EditorFactory, OrganizationFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    speaking = make_circle("New to speaking", "new-to-speaking")
    pricing = make_circle("Pricing and contracts", "pricing", position=1)
    ana = make_member("Ana Reyes")
    ben = make_member("Ben Okafor")
    dora = make_member("Dora Lind")
    join(ana, speaking)
    join(ben, speaking)
    join(dora, pricing)
    thread = start(ana, speaking)
    post = thread.posts.get()
    ben_reply = reply(ben, thread)
    suspended = make_member("Sam Vale")
    join(suspended, speaking)
    suspended.circle_member.status = MemberStatus.SUSPENDED
    suspended.circle_member.save()
    return {
        "speaking": speaking,
        "pricing": pricing,
        "ana": ana,
        "ben": ben,
        "dora": dora,
        "thread": thread,
        "post": post,
        "ben_reply": ben_reply,
        "suspended": suspended,
    }


def _object_urls(world):
    slug, thread, post = world["speaking"].slug, world["thread"], world["post"]
    body = {"body": "Sneaking in", "title": "Sneaking in", "send_key": ""}
    return [
        ("GET", reverse("circle:circle", args=[slug]), {}),
        ("POST", reverse("circle:circle_join", args=[slug]), {}),
        ("POST", reverse("circle:circle_leave", args=[slug]), {}),
        ("GET", reverse("circle:thread_new", args=[slug]), {}),
        ("POST", reverse("circle:thread_new", args=[slug]), body),
        ("GET", reverse("circle:thread", args=[thread.pk]), {}),
        ("POST", reverse("circle:thread", args=[thread.pk]), body),
        ("GET", reverse("circle:post_edit", args=[post.pk]), {}),
        ("POST", reverse("circle:post_edit", args=[post.pk]), body),
        ("POST", reverse("circle:post_delete", args=[post.pk]), {}),
    ]


def _list_urls():
    return [
        ("GET", reverse("circle:circles"), {}),
        ("GET", reverse("circle:search") + "?q=fee", {}),
        ("GET", reverse("circle:settings"), {}),
        ("POST", reverse("circle:settings"), {"name": "Intruder", "wants_digest": "on"}),
    ]


def _outsiders():
    editor = EditorFactory()
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    return {
        "organization member": member_of(OrganizationFactory()),
        "editor who is not a member": editor,
        "consultant not let in": ConsultantFactory(),
        "applicant": make_member("Ann Applied", status=MemberStatus.APPLIED),
    }


def _ask(client, method, url, data):
    return client.get(url) if method == "GET" else client.post(url, data)


def test_every_forum_url_is_not_found_for_everyone_outside(client, world):
    outsiders = {**_outsiders(), "suspended member": world["suspended"]}
    before = counts()
    for who, person in outsiders.items():
        client.force_login(person)
        for method, url, data in _object_urls(world) + _list_urls():
            assert _ask(client, method, url, data).status_code == 404, (who, method, url)
    assert counts() == before


def test_visitors_get_not_found_for_objects_and_sign_in_for_lists(client, world):
    before = counts()
    for method, url, data in _object_urls(world):
        assert _ask(client, method, url, data).status_code == 404, (method, url)
    for method, url, data in _list_urls():
        response = _ask(client, method, url, data)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("account_login")), url
    assert counts() == before


def test_a_member_outside_the_circle_sees_only_its_description_and_join(client, world):
    client.force_login(world["dora"])
    page = client.get(reverse("circle:circle", args=["new-to-speaking"]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "A place for new to speaking." in html
    assert "Join this circle" in html
    assert "A first question" not in html
    assert reverse("circle:thread", args=[world["thread"].pk]) not in html


def test_a_member_lacks_what_is_not_theirs(client, world):
    """Dora has not joined the circle; Ben joined but the opening post is Ana's."""
    thread, post = world["thread"], world["post"]
    body = {"body": "Sneaking in", "title": "Sneaking in"}
    lacking = {
        "dora": [
            ("GET", reverse("circle:thread_new", args=["new-to-speaking"]), {}),
            ("POST", reverse("circle:thread_new", args=["new-to-speaking"]), body),
            ("GET", reverse("circle:thread", args=[thread.pk]), {}),
            ("POST", reverse("circle:thread", args=[thread.pk]), body),
            ("GET", reverse("circle:post_edit", args=[post.pk]), {}),
            ("POST", reverse("circle:post_edit", args=[post.pk]), body),
            ("POST", reverse("circle:post_delete", args=[post.pk]), {}),
            ("GET", reverse("circle:post_edit", args=[world["ben_reply"].pk]), {}),
        ],
        "ben": [
            ("GET", reverse("circle:post_edit", args=[post.pk]), {}),
            ("POST", reverse("circle:post_edit", args=[post.pk]), body),
            ("POST", reverse("circle:post_delete", args=[post.pk]), {}),
        ],
    }
    before = counts()
    for who, urls in lacking.items():
        client.force_login(world[who])
        for method, url, data in urls:
            assert _ask(client, method, url, data).status_code == 404, (who, method, url)
    assert counts() == before


def test_missing_ids_and_slugs_are_not_found(client, world):
    client.force_login(world["ana"])
    for url in ("/circle/c/no-such-circle/", "/circle/t/999999/", "/circle/p/999999/edit/"):
        assert client.get(url).status_code == 404, url
    assert client.post("/circle/p/999999/delete/").status_code == 404


def test_joining_and_leaving_a_circle(client, world):
    dora, speaking = world["dora"], world["speaking"]
    client.force_login(dora)
    url = reverse("circle:circle_join", args=[speaking.slug])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # a second click joins once
    assert Participation.objects.filter(user=dora, circle=speaking).count() == 1
    page = client.get(reverse("circle:circle", args=[speaking.slug])).content.decode()
    assert "A first question" in page
    assert client.get(reverse("circle:thread", args=[world["thread"].pk])).status_code == 200
    client.post(reverse("circle:circle_leave", args=[speaking.slug]))
    assert Participation.objects.filter(user=dora, circle=speaking).count() == 0
    assert client.get(reverse("circle:thread", args=[world["thread"].pk])).status_code == 404


def test_the_circles_list_puts_joined_circles_first(client, world):
    make_circle("A region", "a-region", position=0)
    client.force_login(world["dora"])
    names = [c.name for c in client.get(reverse("circle:circles")).context["circles"]]
    assert names == ["Pricing and contracts", "A region", "New to speaking"]


def test_forum_pages_are_private_and_never_stored(client, world):
    client.force_login(world["ana"])
    response = client.get(reverse("circle:thread", args=[world["thread"].pk]))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
