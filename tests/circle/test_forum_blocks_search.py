"""A block (either way) makes the other person disappear from the forum: their threads,
their posts, their words in search, wherever they wrote under their name. Search reaches
only circles the member joined."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from circle.models import MemberBlock, Post
from tests.circle.test_forum_world import join, make_circle, make_member, reply, start
from tests.conftest import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("circle_forum_blocks_search")]


def build_world():
    speaking = make_circle("New to speaking", "new-to-speaking")
    pricing = make_circle("Pricing and contracts", "pricing")
    ana, ben, cleo = make_member("Ana Reyes"), make_member("Ben Okafor"), make_member("Cleo Park")
    join(ana, speaking, pricing)
    join(ben, speaking)
    join(cleo, speaking)
    by_ana = start(ana, speaking, title="Ana opens walnut", body="Ana writes about walnut")
    by_ben = start(ben, speaking, title="Ben opens", body="Ben writes")
    ana_reply = reply(ana, by_ben, body="Ana answers with walnut")
    cleo_reply = reply(cleo, by_ben, body="Cleo answers with walnut")
    priced = start(ana, pricing, title="Rates walnut", body="Only in pricing")
    return {
        "speaking": speaking,
        "ana": ana,
        "ben": ben,
        "cleo": cleo,
        "by_ana": by_ana,
        "by_ben": by_ben,
        "ana_reply": ana_reply,
        "cleo_reply": cleo_reply,
        "priced": priced,
    }


# Made once for the module; each test reads fresh copies inside its own savepoint.
built, world = module_world(build_world)


def _circle_titles(client, user, circle):
    client.force_login(user)
    page = client.get(reverse("circle:circle", args=[circle.slug]))
    return [(t.title, t.post_count) for t in page.context["page_obj"]]


def _search(client, user, q):
    client.force_login(user)
    response = client.get(reverse("circle:search"), {"q": q})
    return response, [t.title for t in response.context["page_obj"] or []]


@pytest.mark.parametrize("direction", ["ben blocked ana", "ana blocked ben"])
def test_a_blocked_person_disappears_from_the_forum_both_ways(client, world, direction):
    ana, ben = world["ana"], world["ben"]
    blocker, blocked = (ben, ana) if direction == "ben blocked ana" else (ana, ben)
    MemberBlock.objects.create(blocker=blocker, blocked=blocked)
    # Ben no longer sees Ana's thread nor her reply in his own thread.
    assert _circle_titles(client, ben, world["speaking"]) == [("Ben opens", 2)]
    assert client.get(reverse("circle:thread", args=[world["by_ana"].pk])).status_code == 404
    html = client.get(reverse("circle:thread", args=[world["by_ben"].pk])).content.decode()
    assert "Ana answers" not in html
    assert "Ana Reyes" not in html
    assert "Cleo answers with walnut" in html
    assert _search(client, ben, "walnut")[1] == ["Ben opens"]  # through Cleo's reply only
    # And Ana no longer sees Ben's thread, nor can she answer in it.
    assert _circle_titles(client, ana, world["speaking"]) == [("Ana opens walnut", 1)]
    assert client.get(reverse("circle:thread", args=[world["by_ben"].pk])).status_code == 404
    before = Post.objects.count()
    response = client.post(reverse("circle:thread", args=[world["by_ben"].pk]), {"body": "Hi"})
    assert response.status_code == 404
    assert Post.objects.count() == before


def _unsigned_seen(client, user, world):
    client.force_login(user)
    seen = set()
    for thread in (world["by_ana"], world["by_ben"]):
        response = client.get(reverse("circle:thread", args=[thread.pk]))
        if response.status_code == 200:
            seen |= {p.pk for p in response.context["page_obj"] if p.as_member}
    return seen


@pytest.mark.parametrize(("blocker", "blocked"), [("cleo", "ben"), ("ben", "cleo")])
def test_a_block_never_tells_who_wrote_an_unsigned_post(client, world, blocker, blocked):
    """Posts shown as "a member of this circle" stay for both sides of a block: if they
    went, whoever blocks (or is blocked) would learn which unsigned posts are the other's."""
    ben_unsigned = reply(world["ben"], world["by_ana"], body="Anonymous words", as_member=True)
    cleo_unsigned = reply(world["cleo"], world["by_ana"], body="Other words", as_member=True)
    unsigned = {ben_unsigned.pk, cleo_unsigned.pk}
    people = [world["ana"], world["ben"], world["cleo"]]
    before = {person.pk: _unsigned_seen(client, person, world) for person in people}
    assert before == {person.pk: unsigned for person in people}
    MemberBlock.objects.create(blocker=world[blocker], blocked=world[blocked])
    after = {person.pk: _unsigned_seen(client, person, world) for person in people}
    assert after == before
    # Their signed words are gone, as for any block.
    client.force_login(world[blocker])
    html = client.get(reverse("circle:thread", args=[world["by_ben"].pk]))
    name = "Ben Okafor" if blocked == "ben" else "Cleo Park"
    assert html.status_code == 404 or name not in html.content.decode()


def test_a_blocked_persons_reply_does_not_mark_a_thread_unread(client, world):
    cleo = world["cleo"]
    client.get(reverse("circle:thread", args=[world["by_ana"].pk]))
    client.force_login(cleo)
    client.get(reverse("circle:thread", args=[world["by_ana"].pk]))
    MemberBlock.objects.create(blocker=cleo, blocked=world["ben"])
    reply(world["ben"], world["by_ana"], body="Late")
    threads = client.get(reverse("circle:circle", args=["new-to-speaking"])).context["page_obj"]
    unread = {t.title: t.unread for t in threads}
    assert unread["Ana opens walnut"] is False


def test_search_never_returns_a_circle_one_did_not_join(client, world):
    response, titles = _search(client, world["ben"], "walnut")
    assert response.status_code == 200
    assert titles == ["Ben opens", "Ana opens walnut"]
    assert "Rates walnut" not in response.content.decode()
    assert _search(client, world["ana"], "walnut")[1] == [
        "Rates walnut",
        "Ben opens",
        "Ana opens walnut",
    ]


def test_search_leaves_out_removed_and_hidden_posts(client, world):
    Post.objects.filter(pk=world["cleo_reply"].pk).update(hidden_at=timezone.now())
    Post.objects.filter(pk=world["ana_reply"].pk).update(removed_at=timezone.now())
    assert _search(client, world["ben"], "walnut")[1] == ["Ana opens walnut"]


def test_search_matches_titles_and_bodies_without_regard_to_case(client, world):
    assert _search(client, world["ben"], "BEN OPENS")[1] == ["Ben opens"]
    assert _search(client, world["ben"], "writes about")[1] == ["Ana opens walnut"]


def test_a_search_that_finds_nothing_says_so(client, world):
    response, titles = _search(client, world["ben"], "zzzzqq")

    assert titles == []
    assert "<h2>0 threads found</h2>" in response.content.decode()


@pytest.mark.parametrize("q", ["", "a", "x" * 101, "bad\x00byte"])
def test_search_refuses_what_it_cannot_use_with_a_message(client, world, q):
    response, titles = _search(client, world["ben"], q)
    assert response.status_code == 400
    assert titles == []


@pytest.mark.parametrize("q", ["%", "_", "' OR 1=1 --", "<script>"])
def test_search_takes_wildcards_and_markup_literally(client, world, q):
    response, titles = _search(client, world["ben"], q * 2)
    assert response.status_code == 200
    assert titles == []


def test_search_pages_keep_the_query(client, world):
    for i in range(21):
        cache.clear()  # the posting limit is not what is measured here
        start(world["ben"], world["speaking"], title=f"Pine {i}", body="pine")
    client.force_login(world["ben"])
    html = client.get(reverse("circle:search"), {"q": "pine"}).content.decode()
    assert "?q=pine&amp;page=2" in html
