"""Posting, and how posts show: content notes, "a member of this circle", edits, removals,
hidden posts; a form sent twice makes one post."""

import re
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from circle.models import Post, ReadMark, Thread
from circle.selectors.membership import guide_pages
from circle.services.forum import post_delete, post_edit, thread_read
from cms import demo
from networking.errors import Hidden
from tests.circle.test_forum_world import join, make_circle, make_member, reply, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def circle():
    return make_circle("New to speaking", "new-to-speaking")


@pytest.fixture
def ana(circle):
    user = make_member("Ana Reyes")
    join(user, circle)
    return user


@pytest.fixture
def ben(circle):
    user = make_member("Ben Okafor")
    join(user, circle)
    return user


@pytest.fixture
def mod(circle):
    user = make_member("Mia Council", moderator=True)
    join(user, circle)
    return user


def _thread_html(client, user, thread) -> str:
    client.force_login(user)
    response = client.get(reverse("circle:thread", args=[thread.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _article(html: str, post) -> str:
    found = re.search(rf'<article[^>]*id="post-{post.pk}">(.*?)</article>', html, re.S)
    assert found is not None, post
    return found.group(1)


def test_starting_a_thread_through_the_form(client, circle, ana):
    client.force_login(ana)
    url = reverse("circle:thread_new", args=[circle.slug])
    response = client.post(
        url,
        {
            "title": "My first keynote",
            "body": "It went well.\n\nNotes: https://example.org/notes",
            "content_note": "",
            "send_key": str(uuid.uuid4()),
        },
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("circle:thread", args=[thread.pk])
    post = thread.posts.get()
    assert (post.author, post.as_member, post.body) == (
        ana,
        False,
        "It went well.\n\nNotes: https://example.org/notes",
    )
    assert thread.last_post_at == post.created_at
    assert ReadMark.objects.get(user=ana, thread=thread).read_at == post.created_at


def test_an_empty_post_is_refused_with_a_message(client, circle, ana):
    client.force_login(ana)
    response = client.post(
        reverse("circle:thread_new", args=[circle.slug]), {"title": "  ", "body": " "}
    )
    assert response.status_code == 400
    assert "Give the thread a title." in response.content.decode()
    assert Thread.objects.count() == 0


def test_a_form_sent_twice_makes_one_thread_and_one_reply(client, circle, ana):
    client.force_login(ana)
    key = str(uuid.uuid4())
    data = {"title": "Twice", "body": "Once only", "send_key": key}
    url = reverse("circle:thread_new", args=[circle.slug])
    first, second = client.post(url, data), client.post(url, data)
    thread = Thread.objects.get()
    assert first.url == second.url == reverse("circle:thread", args=[thread.pk])
    reply_key = str(uuid.uuid4())
    for _ in range(2):
        client.post(
            reverse("circle:thread", args=[thread.pk]), {"body": "A reply", "send_key": reply_key}
        )
    assert list(thread.posts.values_list("body", flat=True)) == ["Once only", "A reply"]


def test_a_content_note_collapses_the_post_in_a_details_element(client, circle, ana, ben):
    thread = start(ana, circle, body="What happened at the venue.", content_note="Harassment")
    article = _article(_thread_html(client, ben, thread), thread.posts.get())
    assert re.search(
        r"<details>\s*<summary>Content note: Harassment</summary>\s*"
        r"<p>What happened at the venue.</p>\s*</details>",
        article,
    )
    assert "<details open" not in article


def test_a_post_as_a_member_hides_the_name_from_members_not_from_moderators(
    client, circle, ana, ben, mod
):
    thread = start(ana, circle, body="Asking quietly.", as_member=True)
    post = thread.posts.get()
    for_ben = _article(_thread_html(client, ben, thread), post)
    assert "A member of this circle" in for_ben
    assert "Ana Reyes" not in for_ben
    assert str(ana.public_id) not in _thread_html(client, ben, thread)
    for_mod = _article(_thread_html(client, mod, thread), post)
    assert "A member of this circle (Ana Reyes, shown to moderators only)" in for_mod
    for_ana = _article(_thread_html(client, ana, thread), post)
    assert "A member of this circle (you)" in for_ana


def test_a_post_under_ones_name_shows_the_member_name(client, circle, ana, ben):
    thread = start(ana, circle)
    assert "Ana Reyes" in _article(_thread_html(client, ben, thread), thread.posts.get())


def test_editing_ones_own_post_shows_edited(client, circle, ana, ben):
    thread = start(ana, circle)
    post = thread.posts.get()
    client.force_login(ana)
    url = reverse("circle:post_edit", args=[post.pk])
    assert 'value="A first question"' in client.get(url).content.decode()
    response = client.post(
        url, {"title": "A better title", "body": "Changed words", "content_note": ""}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    thread.refresh_from_db()
    assert (post.body, thread.title) == ("Changed words", "A better title")
    assert post.edited_at is not None
    article = _article(_thread_html(client, ben, thread), post)
    assert "edited" in article
    assert "Changed words" in article


def test_a_reply_edit_has_no_title_field(client, circle, ana, ben):
    thread = start(ana, circle)
    answer = reply(ben, thread)
    client.force_login(ben)
    form = client.get(reverse("circle:post_edit", args=[answer.pk])).context["form"]
    assert list(form.fields) == ["body", "content_note"]


def test_deleting_ones_own_post_keeps_its_place(client, circle, ana, ben):
    thread = start(ana, circle)
    answer = reply(ben, thread, body="Something I regret")
    client.force_login(ben)
    url = reverse("circle:post_delete", args=[answer.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # a second click changes nothing
    answer.refresh_from_db()
    assert (answer.body, answer.removed_at is not None) == ("", True)
    html = _thread_html(client, ana, thread)
    article = _article(html, answer)
    assert "This post was removed by its author." in article
    assert "Something I regret" not in html
    assert "Ben Okafor" not in article
    assert client.get(reverse("circle:post_edit", args=[answer.pk])).status_code == 404


def test_deleting_the_opening_post_erases_the_title(circle, ana):
    thread = start(ana, circle, title="Too personal")
    post_delete(actor=ana, post=thread.posts.get())
    thread.refresh_from_db()
    assert (thread.title, thread.title_removed) == ("", True)


def test_the_services_refuse_another_persons_post(circle, ana, ben):
    post = start(ana, circle).posts.get()
    with pytest.raises(Hidden):
        post_edit(actor=ben, post=post, body="Not mine")
    with pytest.raises(Hidden):
        post_delete(actor=ben, post=post)
    post.refresh_from_db()
    assert (post.body, post.removed_at) == ("How did you set your first fee?", None)


def test_a_hidden_post_shows_a_notice_to_members_and_the_text_to_moderators(
    client, circle, ana, ben, mod
):
    thread = start(ana, circle)
    post = reply(ben, thread, body="Something out of line")
    Post.objects.filter(pk=post.pk).update(hidden_at=timezone.now(), hidden_by=mod)
    for_ana = _article(_thread_html(client, ana, thread), post)
    assert "Hidden by the peer moderators." in for_ana
    assert "Something out of line" not in for_ana
    for_ben = _article(_thread_html(client, ben, thread), post)
    assert "Something out of line" not in for_ben
    assert "you can ask the council to look at it again" in for_ben
    assert reverse("circle:post_edit", args=[post.pk]) not in for_ben
    assert client.get(reverse("circle:post_edit", args=[post.pk])).status_code == 404
    for_mod = _article(_thread_html(client, mod, thread), post)
    assert "Something out of line" in for_mod
    assert "Hidden by the peer moderators" in for_mod


def test_posting_a_reply_moves_the_thread_up_and_marks_unread_for_others(client, circle, ana, ben):
    older = start(ana, circle, title="Older")
    newer = start(ana, circle, title="Newer")
    _thread_html(client, ben, older)
    _thread_html(client, ben, newer)
    reply(ana, older, body="Bump")
    client.force_login(ben)
    threads = list(client.get(reverse("circle:circle", args=[circle.slug])).context["page_obj"])
    assert [(t.title, t.unread, t.post_count - 1) for t in threads] == [
        ("Older", True, 1),
        ("Newer", False, 0),
    ]
    _thread_html(client, ben, older)
    threads = list(client.get(reverse("circle:circle", args=[circle.slug])).context["page_obj"])
    assert [(t.title, t.unread) for t in threads] == [("Older", False), ("Newer", False)]


def test_reading_marks_only_move_forward(client, circle, ana, ben):
    thread = start(ana, circle)
    later = reply(ana, thread, body="Later")
    _thread_html(client, ben, thread)
    assert ReadMark.objects.get(user=ben, thread=thread).read_at == later.created_at
    thread_read(user=ben, thread=thread, up_to=thread.posts.first().created_at)
    assert ReadMark.objects.get(user=ben, thread=thread).read_at == later.created_at


def _how_to_ask(article: str) -> str:
    link = re.search(r'<a href="([^"]+)">How to ask</a>', article)
    return link[1] if link else ""


def test_a_member_whose_post_was_hidden_is_shown_how_to_contest_it(client, circle, ana, ben, mod):
    thread = start(ana, circle)
    post = reply(ben, thread, body="Something out of line")
    Post.objects.filter(pk=post.pk).update(hidden_at=timezone.now(), hidden_by=mod)
    # Before the grievance procedure is published: what the circle promises.
    assert _how_to_ask(_article(_thread_html(client, ben, thread), post)) == reverse(
        "circle:safety"
    )

    demo.circle_guides()

    assert (
        _how_to_ask(_article(_thread_html(client, ben, thread), post))
        == (guide_pages()["grievance_url"])
    )
    assert _how_to_ask(_article(_thread_html(client, ana, thread), post)) == ""
