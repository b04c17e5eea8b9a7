"""The editors' part of the circle in the Wagtail admin: requests to join, peer moderators
and the reports passed on to them, and nothing else; a 404 for anyone else and any id
not in a queue."""

import pytest
from django.urls import reverse

from circle.enums import MemberStatus
from circle.models import CircleReport, Member, ModerationEntry
from circle.services import moderation as moderation_services
from tests.circle.membership_people import circle, joined, member, thread
from tests.factories import published_profile

pytestmark = pytest.mark.django_db

QUEUES = ["circle_applications:index", "circle_moderators:index", "circle_escalations:index"]


@pytest.fixture
def desk():
    place = circle()
    author = member(name="Ada Quill")
    moderator = member(name="Noor Vale", moderator=True)
    reporter = member(name="Bea Lind")
    joined(place, author, moderator, reporter)
    post = thread(place, author, body="A rude reply").posts.get()
    escalated = moderation_services.report_post(actor=reporter.user, post=post, reason="Rude")
    moderation_services.escalate_report(actor=moderator.user, report=escalated, note="Repeated")
    still_open = moderation_services.report_member(
        actor=reporter.user, user=author.user, reason="Private matter"
    )
    profile = published_profile(title="Rosa Calder")
    applicant = member(MemberStatus.APPLIED, name="Rosa C.", user=profile.consultant)
    applicant.note = "Ten years of training buyers."
    applicant.save()
    return {
        "author": author,
        "moderator": moderator,
        "escalated": escalated,
        "open": still_open,
        "applicant": applicant,
        "profile": profile,
    }


def test_the_requests_queue_shows_name_note_and_public_profile(editor_client, desk):
    html = editor_client.get(reverse("circle_applications:index")).content.decode()

    assert "Rosa C." in html
    assert "Ten years of training buyers." in html
    assert desk["profile"].url in html
    assert "Ada Quill" not in html  # members are not applications


def test_an_editor_lets_an_applicant_in(editor_client, editor, desk):
    url = reverse("circle_admin:application_decide", args=[desk["applicant"].pk])

    response = editor_client.post(url, {"decision": "admit"})

    assert response.status_code == 302
    desk["applicant"].refresh_from_db()
    assert (desk["applicant"].status, desk["applicant"].admitted_by) == ("active", editor)
    # Decided: no longer in the queue, so its id is a 404.
    assert editor_client.post(url, {"decision": "admit"}).status_code == 404


def test_an_editor_refuses_and_the_request_goes(editor_client, desk):
    editor_client.post(
        reverse("circle_admin:application_decide", args=[desk["applicant"].pk]),
        {"decision": "refuse", "reason": "Not a consultant we know"},
    )

    assert not Member.objects.filter(pk=desk["applicant"].pk).exists()
    entry = ModerationEntry.objects.get(action="refuse")
    assert (entry.subject_name, entry.note) == ("Rosa C.", "Not a consultant we know")


def test_an_editor_appoints_and_dismisses_a_peer_moderator(editor_client, desk):
    url = reverse("circle_admin:moderator_set", args=[desk["author"].pk])

    editor_client.post(url, {"appoint": "1"})
    assert Member.objects.get(pk=desk["author"].pk).is_moderator is True
    editor_client.post(url, {"appoint": "0"})

    assert Member.objects.get(pk=desk["author"].pk).is_moderator is False
    assert list(
        ModerationEntry.objects.filter(
            subject=desk["author"].user, action__in=["appoint", "dismiss"]
        )
        .values_list("action", flat=True)
        .order_by("pk")
    ) == ["appoint", "dismiss"]
    applicant_url = reverse("circle_admin:moderator_set", args=[desk["applicant"].pk])
    assert editor_client.post(applicant_url, {"appoint": "1"}).status_code == 404


def test_editors_see_only_the_reports_passed_to_them(editor_client, desk):
    html = editor_client.get(reverse("circle_escalations:index")).content.decode()

    assert "A rude reply" in html
    assert "Ada Quill" in html
    assert "Private matter" not in html
    open_url = reverse("circle_admin:escalation_handle", args=[desk["open"].pk])
    assert editor_client.post(open_url, {"action": "close"}).status_code == 404
    assert CircleReport.objects.get(pk=desk["open"].pk).status == "open"


def test_an_editor_suspends_on_a_report_passed_on(editor_client, editor, desk):
    url = reverse("circle_admin:escalation_handle", args=[desk["escalated"].pk])

    editor_client.post(url, {"action": "suspend", "note": "Third time"})

    assert Member.objects.get(pk=desk["author"].pk).status == "suspended"
    report = CircleReport.objects.get(pk=desk["escalated"].pk)
    assert (report.status, report.handled_by) == ("closed", editor)


def test_nobody_else_reaches_the_editors_part(client, desk):
    client.force_login(desk["moderator"].user)
    before = list(Member.objects.values_list("status", "is_moderator"))

    answers = [client.get(reverse(name)).status_code for name in QUEUES] + [
        client.post(
            reverse("circle_admin:application_decide", args=[desk["applicant"].pk]),
            {"decision": "admit"},
        ).status_code,
        client.post(
            reverse("circle_admin:moderator_set", args=[desk["author"].pk]), {"appoint": "1"}
        ).status_code,
        client.post(
            reverse("circle_admin:escalation_handle", args=[desk["escalated"].pk]),
            {"action": "close"},
        ).status_code,
    ]

    assert answers == [404] * 6
    assert list(Member.objects.values_list("status", "is_moderator")) == before


def test_missing_ids_are_404_for_an_editor(editor_client, desk):
    answers = [
        editor_client.post(reverse(name, args=[99999]), {}).status_code
        for name in (
            "circle_admin:application_decide",
            "circle_admin:moderator_set",
            "circle_admin:escalation_handle",
        )
    ]
    assert answers == [404, 404, 404]
