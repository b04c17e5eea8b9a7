"""Mentoring end to end: topics, suggested matches, a request, its answer, the private
thread and its end, as members use them through the pages."""

import uuid

import pytest
from django.urls import reverse

from circle.models import MentoringInterest, MentoringMessage, Mentorship
from circle.selectors.mentoring import mentoring_suggestions
from circle.services.membership import leave
from circle.services.mentoring import (
    mentoring_message_send,
    mentorship_answer,
    mentorship_request,
)
from networking.errors import Refused
from networking.models import Notification
from tests.circle.mentoring_people import block, circle_member

pytestmark = pytest.mark.django_db


def _names(matches):
    return [m.member.name for m in matches]


def test_suggestions_rank_by_shared_topics_and_leave_out_blocked_and_open_pairs():
    me = circle_member(name="Ada", asks=["pricing", "contracts"], offers=["speaking"])
    circle_member(name="Bea", offers=["pricing", "contracts"])
    circle_member(name="Dot", asks=["speaking"])
    circle_member(name="Cal", offers=["pricing"])
    circle_member(name="Eve", offers=["media"], asks=["self_care"])  # nothing in common
    blocked_by_me = circle_member(name="Fay", offers=["pricing"])
    blocking_me = circle_member(name="Gil", offers=["contracts"])
    circle_member(name="Hal", status="applied", offers=["pricing"])
    circle_member(name="Ida", status="suspended", offers=["pricing"])
    paired = circle_member(name="Jo", offers=["pricing"])
    block(me, blocked_by_me)
    block(blocking_me, me)
    Mentorship.objects.create(mentor=paired, mentee=me, topic="pricing", message="Hello")

    matches = mentoring_suggestions(user=me)

    assert _names(matches) == ["Bea", "Cal", "Dot"]
    assert [(m.they_offer, m.they_ask) for m in matches] == [
        (["Pricing", "Contracts"], []),
        (["Pricing"], []),
        ([], ["Speaking"]),
    ]


def test_no_topics_means_no_suggestions():
    me = circle_member(name="Ada")
    circle_member(name="Bea", offers=["pricing"])

    assert mentoring_suggestions(user=me) == []


def test_topics_are_saved_from_the_page(client):
    me = circle_member(name="Ada", offers=["media"])
    client.force_login(me)

    response = client.post(
        reverse("circle:mentoring"), {"offers": ["speaking"], "asks": ["pricing", "contracts"]}
    )

    assert response.status_code == 302
    assert set(MentoringInterest.objects.filter(user=me).values_list("side", "topic")) == {
        ("offer", "speaking"),
        ("ask", "pricing"),
        ("ask", "contracts"),
    }


def test_an_unknown_topic_is_refused_and_nothing_changes(client):
    me = circle_member(name="Ada", offers=["media"])
    client.force_login(me)

    response = client.post(reverse("circle:mentoring"), {"offers": ["astrology"]})

    assert response.status_code == 400
    assert list(MentoringInterest.objects.filter(user=me).values_list("topic", flat=True)) == [
        "media"
    ]


@pytest.mark.usefixtures("on_commit_runs")
def test_request_accept_talk_and_end(client):
    mentee = circle_member(name="Ada", asks=["pricing"])
    mentor = circle_member(name="Bea", offers=["pricing"])
    client.force_login(mentee)

    page = client.get(reverse("circle:mentoring")).content.decode()
    ask_url = reverse("circle:mentoring_request", args=[mentor.public_id])
    assert f'href="{ask_url}"' in page
    response = client.post(ask_url, {"topic": "pricing", "message": "How do I set a fee?"})
    mentorship = Mentorship.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("circle:mentorship", args=[mentorship.pk])
    # Sent twice: still one request.
    client.post(ask_url, {"topic": "pricing", "message": "How do I set a fee?"})
    assert Mentorship.objects.count() == 1
    # The mentor is told that there is a request: no name, no content.
    note = Notification.objects.get(user=mentor)
    assert (note.text, note.url) == (
        "You have a mentoring request",
        reverse("circle:mentorship", args=[mentorship.pk]),
    )
    # Until the answer there is no thread.
    thread_url = reverse("circle:mentorship", args=[mentorship.pk])
    response = client.post(thread_url, {"body": "Hello?", "send_key": str(uuid.uuid4())})
    assert response.status_code == 400
    assert MentoringMessage.objects.count() == 0
    # The mentee cannot answer their own request.
    answer_url = reverse("circle:mentorship_answer", args=[mentorship.pk])
    assert client.post(answer_url, {"answer": "yes"}).status_code == 404

    client.force_login(mentor)
    page = client.get(thread_url).content.decode()
    assert "How do I set a fee?" in page
    assert client.post(answer_url, {"answer": "yes"}).status_code == 302
    assert client.post(answer_url, {"answer": "yes"}).status_code == 404  # answered already
    mentorship.refresh_from_db()
    assert mentorship.status == "active"
    assert Notification.objects.get(user=mentee).text == "There is news about your mentoring"

    client.force_login(mentee)
    key = str(uuid.uuid4())
    body = "Thank you! <script>alert(1)</script>\nSecond line"
    assert client.post(thread_url, {"body": body, "send_key": key}).status_code == 302
    assert client.post(thread_url, {"body": body, "send_key": key}).status_code == 302
    assert MentoringMessage.objects.count() == 1
    page = client.get(thread_url).content.decode()
    assert "Thank you! &lt;script&gt;alert(1)&lt;/script&gt;<br>Second line" in page
    assert "<script>alert(1)" not in page
    message_notes = Notification.objects.filter(user=mentor, event_key__contains=":message:")
    assert [n.text for n in message_notes] == ["A mentoring message is waiting"]

    client.force_login(mentor)
    end_url = reverse("circle:mentorship_end", args=[mentorship.pk])
    assert client.post(end_url).status_code == 302
    assert client.post(end_url).status_code == 302  # ended twice: nothing more happens
    mentorship.refresh_from_db()
    assert (mentorship.status, mentorship.ended_by) == ("ended", mentor)
    response = client.post(thread_url, {"body": "One more", "send_key": str(uuid.uuid4())})
    assert response.status_code == 400
    assert MentoringMessage.objects.count() == 1
    # Once it ended, each is suggested to the other again.
    assert _names(mentoring_suggestions(user=mentor)) == ["Ada"]
    assert _names(mentoring_suggestions(user=mentee)) == ["Bea"]


def test_the_mentor_declines_and_the_mentee_is_told_discreetly(client):
    mentee = circle_member(name="Ada", asks=["pricing"])
    mentor = circle_member(name="Bea", offers=["pricing"])
    mentorship = mentorship_request(
        actor=mentee, mentor=mentor.circle_member, topic="pricing", message="Hi"
    )
    client.force_login(mentor)

    response = client.post(
        reverse("circle:mentorship_answer", args=[mentorship.pk]), {"answer": "no"}
    )

    assert response.status_code == 302
    mentorship.refresh_from_db()
    assert mentorship.status == "declined"
    assert list(Notification.objects.filter(user=mentee).values_list("text", flat=True)) == [
        "There is news about your mentoring"
    ]


def test_a_topic_the_mentor_does_not_offer_is_refused():
    mentee = circle_member(name="Ada", asks=["contracts"])
    mentor = circle_member(name="Bea", offers=["pricing"])

    with pytest.raises(Refused, match="does not offer mentoring on that topic"):
        mentorship_request(
            actor=mentee, mentor=mentor.circle_member, topic="contracts", message="Hi"
        )

    assert Mentorship.objects.count() == 0


@pytest.mark.parametrize("direction", ["mentee blocked mentor", "mentor blocked mentee"])
def test_a_block_either_way_refuses_the_request(client, direction):
    mentee = circle_member(name="Ada", asks=["pricing"])
    mentor = circle_member(name="Bea", offers=["pricing"])
    if direction == "mentee blocked mentor":
        block(mentee, mentor)
    else:
        block(mentor, mentee)
    client.force_login(mentee)
    url = reverse("circle:mentoring_request", args=[mentor.public_id])

    assert client.get(url).status_code == 404
    assert client.post(url, {"topic": "pricing", "message": "Hi"}).status_code == 404
    assert Mentorship.objects.count() == 0
    assert Notification.objects.count() == 0


def test_a_block_after_the_pairing_hides_the_thread(client):
    mentee = circle_member(name="Ada", asks=["pricing"])
    mentor = circle_member(name="Bea", offers=["pricing"])
    mentorship = mentorship_request(
        actor=mentee, mentor=mentor.circle_member, topic="pricing", message="Hi"
    )
    block(mentor, mentee)
    client.force_login(mentee)

    url = reverse("circle:mentorship", args=[mentorship.pk])
    assert client.get(url).status_code == 404
    assert "Bea" not in client.get(reverse("circle:mentoring")).content.decode()


def test_the_page_is_private_and_speaks_spanish(client):
    client.force_login(circle_member(name="Ada", offers=["pricing"]))
    client.cookies["django_language"] = "es"

    response = client.get(reverse("circle:mentoring"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    page = response.content.decode()
    assert ("<h1>Mentoría</h1>" in page, "Guardar mis temas" in page, "Tarifas" in page) == (
        True,
        True,
        True,
    )
    assert ("Save my topics" in page, "Your topics" in page) == (False, False)


def test_every_suggestion_says_what_can_be_done_next(client):
    """A member who offers a topic can ask the other for mentoring; a member who only asks
    for what one offers is told that the request is theirs to send, never left without a
    next step."""
    me = circle_member(name="Ada", asks=["pricing"], offers=["speaking"])
    circle_member(name="Bea", offers=["pricing"])
    circle_member(name="Dot", asks=["speaking"])
    client.force_login(me)

    page = client.get(reverse("circle:mentoring")).content.decode()

    assert "Ask Bea to mentor you" in page
    assert "Dot can ask you to mentor them on these topics" in page
    assert "Ask Dot to mentor you" not in page


def test_whoever_left_is_a_former_member_to_the_one_who_stayed(client):
    mentee = circle_member(name="Ada", asks=["pricing"])
    mentor = circle_member(name="Bea", offers=["pricing"])
    mentorship = mentorship_request(
        actor=mentee, mentor=mentor.circle_member, topic="pricing", message="Fees?"
    )
    mentorship_answer(actor=mentor, mentorship=mentorship, accept=True)
    mentoring_message_send(actor=mentee, mentorship=mentorship, body="Thank you")
    leave(actor=mentee, erase=False)
    client.force_login(mentor)

    listing = client.get(reverse("circle:mentoring")).content.decode()
    thread = client.get(reverse("circle:mentorship", args=[mentorship.pk])).content.decode()

    assert "Mentoring a former member" in listing
    assert "<h1>Mentoring a former member</h1>" in thread
    assert '<p class="hint">A former member, ' in thread
    assert "Ada" not in listing + thread
