"""Every address of who-is-inside and moderation, for every kind of person: outside the
circle, anything with an id is a 404 (GET and POST) and nothing is written."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from circle.enums import MemberStatus
from circle.models import CircleReport, Member, MemberBlock, ModerationEntry, Post, Vouch
from circle.services import membership as membership_services
from circle.services import moderation as moderation_services
from tests.circle.membership_people import circle, joined, member, reply, thread
from tests.conftest import module_world
from tests.factories import ConsultantFactory, EditorFactory, OrganizationFactory, member_of

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("circle_admission_access")]


def build_world():
    place = circle()
    author = member(name="Ada")
    moderator = member(name="Noor", moderator=True)
    reporter = member(name="Bea")
    joined(place, author, moderator, reporter)
    started = thread(place, author)
    post = started.posts.get()
    hidden = reply(started, author, body="Too much.")
    moderation_services.hide_post(actor=moderator.user, post=hidden)
    report = moderation_services.report_post(actor=reporter.user, post=post, reason="Unkind")
    applicant = member(MemberStatus.APPLIED, name="Rosa")
    suspended = member(MemberStatus.SUSPENDED, name="Sam")
    block = membership_services.block_member(actor=author.user, user=suspended.user)
    return {
        "place": place,
        "author": author,
        "moderator": moderator,
        "post": post,
        "hidden": hidden,
        "report": report,
        "applicant": applicant,
        "suspended": suspended,
        "block": block,
    }


# Made once for the module; each test reads fresh copies inside its own savepoint.
built, world = module_world(build_world)


def object_urls(w) -> list[tuple[str, str]]:
    """(method, address) of every address that names an object."""
    author_id = w["author"].user.public_id
    return [
        ("post", reverse("circle:vouch", args=[w["applicant"].pk])),
        ("post", reverse("circle:block_member", args=[author_id])),
        ("post", reverse("circle:unblock_member", args=[w["suspended"].user.public_id])),
        ("get", reverse("circle:report_post", args=[w["post"].pk])),
        ("post", reverse("circle:report_post", args=[w["post"].pk])),
        ("get", reverse("circle:report_member", args=[author_id])),
        ("post", reverse("circle:report_member", args=[author_id])),
        ("get", reverse("circle:report_handle", args=[w["report"].pk])),
        ("post", reverse("circle:report_handle", args=[w["report"].pk])),
        ("post", reverse("circle:unhide_post", args=[w["hidden"].pk])),
        ("post", reverse("circle:reinstate_member", args=[w["suspended"].user.public_id])),
    ]


def state() -> tuple:
    return (
        list(Member.objects.order_by("pk").values_list("status", "is_moderator")),
        Vouch.objects.count(),
        MemberBlock.objects.count(),
        list(CircleReport.objects.values_list("status", flat=True)),
        ModerationEntry.objects.count(),
        list(Post.objects.order_by("pk").values_list("hidden_at", flat=True)),
    )


def outsider(kind: str, w):
    if kind == "visitor":
        return None
    if kind == "organization member":
        return member_of(OrganizationFactory())
    if kind == "editor":
        editor = EditorFactory()  # editors must use a second factor
        Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
        return editor
    if kind == "consultant":
        return ConsultantFactory()
    return w[kind].user


OUTSIDERS = ["visitor", "organization member", "editor", "consultant", "applicant", "suspended"]
FORM = {"reason": "x", "action": "close", "note": ""}


@pytest.mark.parametrize("kind", OUTSIDERS)
def test_outside_the_circle_every_object_address_is_a_404(client, world, kind):
    person = outsider(kind, world)
    if person is not None:
        client.force_login(person)
    before = state()

    answers = {
        (method, url): getattr(client, method)(url, FORM).status_code
        for method, url in object_urls(world)
    }

    assert set(answers.values()) == {404}, answers
    assert state() == before


LIST_PAGES = ["home", "safety", "applicants", "blocks", "leave", "moderation", "moderation_log"]
# What each kind of person gets from each list page (in LIST_PAGES order).
EXPECTED = {
    "organization member": [404, 404, 404, 404, 404, 404, 404],
    "editor": [404, 404, 404, 404, 404, 404, 404],
    "consultant": [200, 200, 404, 404, 404, 404, 404],
    "applicant": [200, 200, 404, 404, 200, 404, 404],
    "suspended": [200, 200, 404, 404, 200, 404, 404],
    "author": [200, 200, 200, 200, 200, 404, 404],
    "moderator": [200, 200, 200, 200, 200, 200, 200],
}


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_list_pages_answer_by_where_the_person_stands(client, world, kind):
    client.force_login(outsider(kind, world))

    answers = [client.get(reverse(f"circle:{name}")).status_code for name in LIST_PAGES]

    assert answers == EXPECTED[kind]


def test_a_visitor_is_sent_to_sign_in_from_the_list_pages(client):
    answers = {client.get(reverse(f"circle:{name}")).status_code for name in LIST_PAGES}
    assert answers == {302}


def test_a_member_who_lacks_the_object_gets_a_404(client, world):
    """Not in the post's circle, not a moderator, not the blocker, blocked by the applicant."""
    other = member(name="Lee")
    MemberBlock.objects.create(blocker=world["applicant"].user, blocked=other.user)
    client.force_login(other.user)
    before = state()

    answers = {
        (method, url): getattr(client, method)(url, FORM).status_code
        for method, url in object_urls(world)
        if "block/" not in url and "report/member" not in url
    }

    assert set(answers.values()) == {404}, answers
    assert state() == before


def test_a_moderator_never_sees_a_report_about_their_own_post(client, world):
    own_post = reply(world["post"].thread, world["moderator"], body="Mine")
    report = moderation_services.report_post(
        actor=world["author"].user, post=own_post, reason="Off topic"
    )
    client.force_login(world["moderator"].user)

    assert client.get(reverse("circle:report_handle", args=[report.pk])).status_code == 404
    assert (
        client.post(
            reverse("circle:report_handle", args=[report.pk]), {"action": "close"}
        ).status_code
        == 404
    )
    desk = client.get(reverse("circle:moderation"))
    assert [r.pk for r in desk.context["reports"]] == [world["report"].pk]
    report.refresh_from_db()
    # Untouched by them; as the only moderator, it went to the editors.
    assert report.status == "escalated"


def test_missing_ids_are_404_for_a_moderator(client, world):
    client.force_login(world["moderator"].user)
    missing_uuid = "00000000-0000-4000-8000-000000000000"
    answers = [
        client.post(reverse("circle:vouch", args=[99999])).status_code,
        client.get(reverse("circle:report_post", args=[99999])).status_code,
        client.get(reverse("circle:report_member", args=[missing_uuid])).status_code,
        client.get(reverse("circle:report_handle", args=[99999])).status_code,
        client.post(reverse("circle:unhide_post", args=[99999])).status_code,
        client.post(reverse("circle:reinstate_member", args=[missing_uuid])).status_code,
        client.post(reverse("circle:block_member", args=[missing_uuid])).status_code,
        client.post(reverse("circle:unblock_member", args=[missing_uuid])).status_code,
    ]
    assert answers == [404] * 8
