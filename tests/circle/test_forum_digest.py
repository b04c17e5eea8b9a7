"""The weekly reminder: only to members who asked, only when something they have not read
arrived since the last one, once a period however often the task runs, and never a word of
what, where or from whom."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from circle.models import Member, MemberBlock, Post, Thread
from circle.services.forum import thread_read
from circle.tasks import DIGEST_PERIOD, digest_send_one, send_digests
from tests.circle.test_forum_world import join, make_circle, make_member, reply, start

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]


@pytest.fixture
def world():
    speaking = make_circle("Spanish-speaking leaders", "spanish-speaking")
    pricing = make_circle("Pricing and contracts", "pricing")
    ana = make_member("Ana Reyes", wants_digest=True)
    ben = make_member("Ben Okafor")
    join(ana, speaking)
    join(ben, speaking, pricing)
    thread = start(
        ben,
        speaking,
        title="Leaving a trafficking situation, ten years on",
        body="My survivor story, in my own words",
        content_note="Abuse",
    )
    reply(ben, thread, body="A second thought about the agency", as_member=True)
    start(ben, pricing, title="Fees for a keynote in Madrid", body="1,500 EUR was fair")
    mail.outbox.clear()
    return {"speaking": speaking, "ana": ana, "ben": ben, "thread": thread}


def _fixture_words():
    words = {c.name for c in Member.objects.all()}
    words |= set(Thread.objects.values_list("title", flat=True))
    words |= set(Post.objects.values_list("body", flat=True))
    words |= set(Post.objects.exclude(content_note="").values_list("content_note", flat=True))
    words |= {"Spanish-speaking leaders", "Pricing and contracts", "spanish-speaking", "pricing"}
    return {word for word in words if word}


def test_the_reminder_says_only_that_there_is_something_new(world):
    assert send_digests() == 1
    [message] = mail.outbox
    assert message.to == [world["ana"].email]
    text = f"{message.subject}\n{message.body}"
    for word in _fixture_words():
        assert word.lower() not in text.lower(), word
    for word in ("Ana", "Ben", "trafficking", "survivor", "Madrid", "Abuse"):
        assert word.lower() not in text.lower(), word
    assert message.subject == "Something new in your circle on Podium"
    # No count of anything, anywhere outside the addresses.
    assert not re.search(r"\d", re.sub(r"https?://\S+", "", text))
    assert re.search(r"https?://\S+/circle/$", message.body, flags=re.M)
    assert "/circle/settings/" in message.body


def test_the_reminder_is_sent_once_however_often_the_task_runs(world):
    assert send_digests() == 1
    assert send_digests() == 0
    now = timezone.now()
    assert digest_send_one(member_id=world["ana"].circle_member.pk, now=now) is False
    assert len(mail.outbox) == 1


def test_nothing_new_no_reminder(world):
    ana = world["ana"]
    Member.objects.filter(user=ana).update(wants_digest=False)
    assert send_digests() == 0
    Member.objects.filter(user=ana).update(wants_digest=True)
    # Reading the thread is what "nothing new" means.
    thread_read(user=ana, thread=world["thread"])
    assert send_digests() == 0
    assert mail.outbox == []


def test_posts_from_blocked_people_and_unjoined_circles_bring_no_reminder(world):
    MemberBlock.objects.create(blocker=world["ana"], blocked=world["ben"])
    assert send_digests() == 0
    assert mail.outbox == []


def test_a_week_later_only_newer_activity_brings_another(world):
    ana, ben = world["ana"], world["ben"]
    assert send_digests() == 1
    later = timezone.now() + DIGEST_PERIOD + timedelta(hours=1)
    assert digest_send_one(member_id=ana.circle_member.pk, now=later) is False
    reply(ben, world["thread"], body="Something newer")
    Post.objects.filter(body="Something newer").update(created_at=later - timedelta(minutes=5))
    assert digest_send_one(member_id=ana.circle_member.pk, now=later) is True
    assert len(mail.outbox) == 2


def test_the_reminder_is_in_the_members_language(world):
    ana = world["ana"]
    ana.language = "es"
    ana.save(update_fields=["language"])
    send_digests()
    [message] = mail.outbox
    assert message.subject == "Hay algo nuevo en su círculo de Podium"


def test_the_settings_page_turns_the_reminder_on_and_off_and_renames(client, world):
    ana = world["ana"]
    client.force_login(ana)
    page = client.get(reverse("circle:settings"))
    assert page.context["form"].initial == {"name": "Ana Reyes", "wants_digest": True}
    response = client.post(reverse("circle:settings"), {"name": "  Ana   R. "})
    assert response.status_code == 302
    member = Member.objects.get(user=ana)
    assert (member.name, member.wants_digest) == ("Ana R.", False)
    assert send_digests() == 0
