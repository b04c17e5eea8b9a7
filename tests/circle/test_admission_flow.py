"""Asking to join, waiting, vouching and the members' home."""

import pytest
from django.urls import reverse

from circle.enums import MemberStatus
from circle.models import Member, Vouch
from circle.services import membership as services
from networking.errors import Hidden, Refused
from networking.models import Notification
from tests.circle.membership_people import circle, joined, member
from tests.factories import ConsultantFactory, published_profile

pytestmark = pytest.mark.django_db

HOME = reverse("circle:home")


def test_a_consultant_outside_sees_what_the_circle_is_and_their_professional_name(client):
    profile = published_profile(title="Rosa Calder")
    client.force_login(profile.consultant)

    response = client.get(HOME)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Ask to join" in text
    assert 'value="Rosa Calder"' in text
    assert reverse("circle:safety") in text
    assert response["Cache-Control"] == "no-store, no-cache, private"


def test_a_draft_profile_title_is_not_suggested(client):
    consultant = ConsultantFactory()
    client.force_login(consultant)

    assert 'value="New speaker"' not in client.get(HOME).content.decode()


def test_asking_to_join_twice_makes_one_request(client):
    consultant = ConsultantFactory()
    client.force_login(consultant)

    first = client.post(HOME, {"name": "Rosa", "note": "I speak on recruitment."})
    second = client.post(HOME, {"name": "Rosa again", "note": ""})

    assert first.status_code == 302
    assert second.status_code == 302
    applied = Member.objects.get()
    assert (applied.user, applied.name, applied.status) == (consultant, "Rosa", "applied")
    assert applied.note == "I speak on recruitment."


def test_asking_without_a_name_writes_nothing(client):
    client.force_login(ConsultantFactory())

    response = client.post(HOME, {"name": "  ", "note": "hello"})

    assert response.status_code == 400
    assert Member.objects.count() == 0


def test_an_applicant_sees_how_many_vouched_never_who(client):
    applicant = member(MemberStatus.APPLIED, name="Rosa")
    voucher = member(name="Imani Brook")
    services.vouch(actor=voucher.user, candidate=applicant)
    client.force_login(applicant.user)

    text = client.get(HOME).content.decode()

    assert "One member has vouched for you so far." in text
    assert "Imani Brook" not in text


def test_a_suspended_member_sees_a_calm_notice_and_nothing_inside(client):
    suspended = member(MemberStatus.SUSPENDED)
    place = circle()
    joined(place, suspended)
    client.force_login(suspended.user)

    text = client.get(HOME).content.decode()

    assert "Your place in the circle is paused" in text
    assert place.name not in text
    assert reverse("circle:leave") in text


def test_a_member_sees_the_circles_they_joined_and_the_others(client):
    inside = member()
    mine, other = circle(), circle("Pricing and contracts", "pricing")
    joined(mine, inside)
    client.force_login(inside.user)

    response = client.get(HOME)

    assert response.templates[0].name == "circle/home.html"
    assert response.context["circles"] == [mine]
    assert response.context["other_circles"] == [other]


def test_two_members_vouching_let_an_applicant_in(client):
    applicant = member(MemberStatus.APPLIED, name="Rosa")
    first, second = member(), member()
    client.force_login(first.user)
    client.post(reverse("circle:vouch", args=[applicant.pk]))
    client.post(reverse("circle:vouch", args=[applicant.pk]))  # a double click
    applicant.refresh_from_db()
    assert applicant.status == MemberStatus.APPLIED
    assert Vouch.objects.count() == 1

    client.force_login(second.user)
    response = client.post(reverse("circle:vouch", args=[applicant.pk]))

    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.status == MemberStatus.ACTIVE
    assert applicant.admitted_by is None
    assert list(
        Notification.objects.filter(user=applicant.user).values_list("text", flat=True)
    ) == ["Your request to join the circle was accepted."]


def test_the_applicants_page_shows_name_and_note_and_not_the_viewer_or_blocked(client):
    viewer = member()
    waiting = member(MemberStatus.APPLIED, name="Rosa")
    waiting.note = "Trainer, ten years."
    waiting.save()
    blocked = member(MemberStatus.APPLIED, name="Quinn")
    services.block_member(actor=viewer.user, user=blocked.user)
    client.force_login(viewer.user)

    text = client.get(reverse("circle:applicants")).content.decode()

    assert "Rosa" in text
    assert "Trainer, ten years." in text
    assert "Quinn" not in text
    assert waiting.user.email not in text


def test_a_vouch_from_a_member_suspended_since_does_not_count():
    applicant = member(MemberStatus.APPLIED)
    first, second = member(), member()
    services.vouch(actor=first.user, candidate=applicant)
    Member.objects.filter(pk=first.pk).update(status=MemberStatus.SUSPENDED)

    services.vouch(actor=second.user, candidate=applicant)

    applicant.refresh_from_db()
    assert applicant.status == MemberStatus.APPLIED


def test_nobody_vouches_for_themselves_or_without_being_inside():
    applicant = member(MemberStatus.APPLIED)
    with pytest.raises(Refused):
        services.vouch(actor=applicant.user, candidate=applicant)
    active = member()
    with pytest.raises(Hidden):
        services.vouch(actor=active.user, candidate=active)
    assert Vouch.objects.count() == 0


def test_an_editor_lets_in_and_the_log_says_so():
    from tests.factories import EditorFactory

    editor = EditorFactory()
    applicant = member(MemberStatus.APPLIED, name="Rosa")

    services.admit(actor=editor, member=applicant)
    services.admit(actor=editor, member=applicant)

    applicant.refresh_from_db()
    assert (applicant.status, applicant.admitted_by) == (MemberStatus.ACTIVE, editor)
    assert applicant.user.circle_member.is_active
    from circle.models import ModerationEntry

    assert list(ModerationEntry.objects.values_list("action", "subject_name")) == [
        ("admit", "Rosa")
    ]


def test_hostile_or_oversized_requests_write_nothing(client):
    client.force_login(ConsultantFactory())

    answers = [
        client.post(HOME, {"name": "Rosa\x00", "note": ""}).status_code,
        client.post(HOME, {"name": "R" * 121, "note": ""}).status_code,
        client.post(HOME, {"name": "Rosa", "note": "n" * 1001}).status_code,
    ]

    assert answers == [400, 400, 400]
    assert Member.objects.count() == 0


def test_the_door_speaks_spanish(client):
    client.force_login(ConsultantFactory())

    text = client.get(HOME, headers={"accept-language": "es"}).content.decode()

    assert "Pedir entrar" in text
    assert "Lo que el círculo puede y no puede prometer" in text
    assert "Ask to join" not in text
