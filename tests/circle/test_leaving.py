"""Leaving the circle, with or without everything one wrote, and deleting the account."""

import threading

import pytest
from django.db import connections
from django.urls import reverse

from accounts.services import account_delete
from circle.enums import MemberStatus
from circle.models import (
    Member,
    MemberBlock,
    MentoringInterest,
    MentoringMessage,
    Mentorship,
    Participation,
    Post,
    ReadMark,
    Referral,
    Thread,
    Vouch,
)
from circle.services import membership as services
from networking.services.bookings import booking_request
from tests.circle.membership_people import circle, joined, member, reply, thread
from tests.factories import OrganizationFactory, member_of, published_profile
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaver_world():
    place = circle()
    profile = published_profile(title="Lina Moss")
    leaver = member(name="Lina", user=profile.consultant)
    other = member(name="Omar", user=published_profile(title="Omar Ruiz", slug="omar").consultant)
    joined(place, leaver, other)
    own = thread(place, leaver, title="Only mine", body="Nobody answered")
    opened = thread(place, leaver, title="Pricing a keynote", body="What do you charge?")
    answer = reply(opened, other, body="Start at 1500.")
    theirs = thread(place, other, title="Contracts", body="Clauses?")
    my_reply = reply(theirs, leaver, body="Ask for a kill fee.")
    ReadMark.objects.create(thread=theirs, user=leaver.user, read_at=answer.created_at)
    applicant = member(MemberStatus.APPLIED)
    Vouch.objects.create(candidate=applicant, voucher=leaver.user)
    MemberBlock.objects.create(blocker=leaver.user, blocked=applicant.user)
    kept_block = MemberBlock.objects.create(blocker=other.user, blocked=leaver.user)
    MentoringInterest.objects.create(user=leaver.user, side="offer", topic="pricing")
    pairing = Mentorship.objects.create(
        mentor=leaver.user, mentee=other.user, topic="pricing", message="Help", status="active"
    )
    said = MentoringMessage.objects.create(mentorship=pairing, sender=leaver.user, body="Hi")
    heard = MentoringMessage.objects.create(mentorship=pairing, sender=other.user, body="Hello")
    organization_member = member_of(OrganizationFactory())
    booking = booking_request(actor=organization_member, consultant=other.user, **booking_fields())
    referral = Referral.objects.create(
        booking=booking, referred_by=other.user, referred=leaver.user
    )
    return locals()


def test_leaving_and_keeping_what_one_wrote(client, leaver_world):
    w = leaver_world
    client.force_login(w["leaver"].user)

    response = client.post(reverse("circle:leave"), {"erase": "keep"})

    assert response.status_code == 302
    assert not Member.objects.filter(user=w["leaver"].user).exists()
    assert Post.objects.filter(author=w["leaver"].user, removed_at=None).count() == 3
    assert Participation.objects.filter(user=w["leaver"].user).count() == 0
    assert ReadMark.objects.filter(user=w["leaver"].user).count() == 0
    assert Vouch.objects.filter(voucher=w["leaver"].user).count() == 0
    assert list(MemberBlock.objects.all()) == [w["kept_block"]]
    assert MentoringInterest.objects.count() == 0
    w["pairing"].refresh_from_db()
    assert (w["pairing"].status, w["pairing"].ended_by) == ("ended", w["leaver"].user)
    w["referral"].refresh_from_db()
    assert w["referral"].status == "withdrawn"
    # Back outside: the door again.
    assert "Ask to join" in client.get(reverse("circle:home")).content.decode()
    # What they wrote stays, as the leave page says: under "A former member".
    reader = member(name="Rae")
    joined(w["place"], reader)
    client.force_login(reader.user)
    page = client.get(reverse("circle:thread", args=[w["theirs"].pk])).content.decode()
    assert ("Ask for a kill fee." in page, "A former member" in page, "Lina" in page) == (
        True,
        True,
        False,
    )


def test_leaving_and_removing_everything_keeps_others_replies(client, leaver_world):
    w = leaver_world
    client.force_login(w["leaver"].user)

    client.post(reverse("circle:leave"), {"erase": "erase"})

    assert not Thread.objects.filter(pk=w["own"].pk).exists()
    opened = Thread.objects.get(pk=w["opened"].pk)
    assert (opened.title, opened.title_removed) == ("", True)
    first, answer = opened.posts.order_by("created_at", "pk")
    assert (first.body, first.author, first.is_removed) == ("", None, True)
    assert (answer.body, answer.author) == ("Start at 1500.", w["other"].user)
    w["my_reply"].refresh_from_db()
    assert (w["my_reply"].body, w["my_reply"].author, w["my_reply"].is_removed) == ("", None, True)
    theirs = Thread.objects.get(pk=w["theirs"].pk)
    assert (theirs.title, theirs.title_removed) == ("Contracts", False)
    w["said"].refresh_from_db()
    w["heard"].refresh_from_db()
    assert (w["said"].body, w["heard"].body) == ("", "Hello")
    assert Post.objects.filter(author=w["leaver"].user).count() == 0


def test_leaving_needs_a_choice(client, leaver_world):
    client.force_login(leaver_world["leaver"].user)

    response = client.post(reverse("circle:leave"), {})

    assert response.status_code == 400
    assert Member.objects.filter(user=leaver_world["leaver"].user).exists()


def test_deleting_the_account_removes_what_it_wrote(leaver_world):
    w = leaver_world

    account_delete(user=w["leaver"].user)

    assert not Thread.objects.filter(pk=w["own"].pk).exists()
    w["my_reply"].refresh_from_db()
    assert (w["my_reply"].body, w["my_reply"].author_id) == ("", None)
    w["answer"].refresh_from_db()
    assert w["answer"].body == "Start at 1500."
    assert "Ask for a kill fee." not in list(Post.objects.values_list("body", flat=True))
    assert MentoringMessage.objects.filter(body="Hi").count() == 0


def test_an_account_that_left_earlier_still_takes_its_posts(leaver_world):
    w = leaver_world
    services.leave(actor=w["leaver"].user, erase=False)

    account_delete(user=w["leaver"].user)

    assert list(Post.objects.exclude(body="").values_list("body", flat=True).order_by("pk")) == [
        "Start at 1500.",
        "Clauses?",
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_members_vouching_at_once_admit_once(postgres):
    """Against PostgreSQL: the applicant's row lock makes the second vouch see the first."""
    applicant = member(MemberStatus.APPLIED)
    vouchers = [member(), member(), member()]
    barrier = threading.Barrier(len(vouchers))
    errors = []

    def run(voucher):
        try:
            barrier.wait(timeout=30)
            services.vouch(actor=voucher.user, candidate=applicant)
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(v,)) for v in vouchers]
    for started in threads:
        started.start()
    for started in threads:
        started.join(timeout=60)

    assert errors == []
    applicant.refresh_from_db()
    assert applicant.status == MemberStatus.ACTIVE
    # The first two vouches let the applicant in; the third, waiting on the lock, found
    # a member and wrote nothing.
    assert Vouch.objects.count() == 2
