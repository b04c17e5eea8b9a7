"""Reports and the peer moderators' desk: every step is logged, a post "as a member"
shows its real author to moderators, and nobody learns who reported."""

import pytest
from django.urls import reverse

from circle.enums import MemberStatus, ReportStatus
from circle.models import CircleReport, Member, MemberBlock, ModerationEntry
from circle.selectors import moderation as selectors
from circle.services import moderation as services
from networking.errors import Refused
from networking.models import Notification
from tests.circle.membership_people import circle, joined, member, reply, thread
from tests.conftest import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("circle_moderation_desk")]


def build_world():
    place = circle()
    author = member(name="Ada Quill")
    reporter = member(name="Bea Lind")
    moderator = member(name="Noor Vale", moderator=True)
    joined(place, author, reporter, moderator)
    started = thread(place, reporter, title="Rates")
    post = reply(started, author, body="You are all overcharging.", as_member=True)
    scene = {"author": author, "reporter": reporter, "moderator": moderator, "post": post}
    return {"scene": scene}


# Made once for the module; each test reads fresh copies inside its own savepoint.
built, world, scene = module_world(build_world, "scene")


def test_a_member_reports_a_post_once_and_sees_no_one_told(client, scene):
    client.force_login(scene["reporter"].user)
    url = reverse("circle:report_post", args=[scene["post"].pk])

    first = client.post(url, {"reason": "Dismissive"})
    second = client.post(url, {"reason": "Dismissive"})

    assert (first.status_code, second.status_code) == (302, 302)
    report = CircleReport.objects.get()
    assert (report.reporter, report.post, report.status) == (
        scene["reporter"].user,
        scene["post"],
        "open",
    )


def test_a_report_without_a_reason_writes_nothing(client, scene):
    client.force_login(scene["reporter"].user)

    response = client.post(
        reverse("circle:report_member", args=[scene["author"].user.public_id]), {"reason": ""}
    )

    assert response.status_code == 400
    assert CircleReport.objects.count() == 0


def test_moderators_see_the_real_author_of_a_post_as_a_member_never_the_reporter(client, scene):
    report = services.report_post(
        actor=scene["reporter"].user, post=scene["post"], reason="Dismissive"
    )
    client.force_login(scene["moderator"].user)

    text = client.get(reverse("circle:report_handle", args=[report.pk])).content.decode()

    assert "A post by Ada Quill" in text
    assert "posted as “a member of this circle”" in text
    assert "You are all overcharging." in text
    assert "Bea Lind" not in text


def test_hiding_a_post_closes_the_report_and_logs_both_steps(client, scene):
    report = services.report_post(actor=scene["reporter"].user, post=scene["post"], reason="x")
    client.force_login(scene["moderator"].user)

    response = client.post(
        reverse("circle:report_handle", args=[report.pk]), {"action": "hide", "note": "Harsh"}
    )

    assert response.status_code == 302
    scene["post"].refresh_from_db()
    report.refresh_from_db()
    assert scene["post"].hidden_by == scene["moderator"].user
    assert (report.status, report.handled_by) == ("closed", scene["moderator"].user)
    assert list(
        ModerationEntry.objects.order_by("pk").values_list("action", "actor", "subject_name")
    ) == [
        ("hide", scene["moderator"].user.pk, "Ada Quill"),
        ("close_report", scene["moderator"].user.pk, "Ada Quill"),
    ]


def test_a_warning_is_a_discreet_notification_and_a_note_on_the_members_home(client, scene):
    report = services.report_post(actor=scene["reporter"].user, post=scene["post"], reason="x")
    client.force_login(scene["moderator"].user)
    client.post(
        reverse("circle:report_handle", args=[report.pk]),
        {"action": "warn", "note": "Please keep to the code of conduct."},
    )

    notification = Notification.objects.get(user=scene["author"].user)
    assert notification.text == "The circle's moderators sent you a note."
    client.force_login(scene["author"].user)
    home = client.get(reverse("circle:home")).content.decode()
    assert "Please keep to the code of conduct." in home
    assert "Noor Vale" not in home


def test_a_warning_needs_a_note(client, scene):
    report = services.report_post(actor=scene["reporter"].user, post=scene["post"], reason="x")
    client.force_login(scene["moderator"].user)

    response = client.post(
        reverse("circle:report_handle", args=[report.pk]), {"action": "warn", "note": ""}
    )

    assert response.status_code == 400
    assert ModerationEntry.objects.count() == 0
    assert Notification.objects.count() == 0


def test_the_desk_offers_only_what_can_be_done_to_the_report(client, scene):
    about_member = services.report_member(
        actor=scene["reporter"].user, user=scene["author"].user, reason="Messages me"
    )
    about_post = services.report_post(
        actor=scene["reporter"].user, post=scene["post"], reason="Dismissive"
    )
    client.force_login(scene["moderator"].user)

    def offered(report):
        response = client.get(reverse("circle:report_handle", args=[report.pk]))
        return [value for value, _label in response.context["form"].fields["action"].choices]

    assert offered(about_member) == ["close", "warn", "suspend", "escalate"]
    assert offered(about_post) == ["close", "hide", "warn", "suspend", "escalate"]
    response = client.post(
        reverse("circle:report_handle", args=[about_member.pk]), {"action": "hide"}
    )
    assert response.status_code == 400
    assert ModerationEntry.objects.count() == 0


def test_the_service_refuses_what_the_desk_does_not_offer(scene):
    """One rule for both: a caller that skips the desk's form gets the same answer."""
    about_member = services.report_member(
        actor=scene["reporter"].user, user=scene["author"].user, reason="Messages me"
    )
    assert services.decisions_for(about_member) == ["close", "warn", "suspend", "escalate"]
    with pytest.raises(Refused):
        services.decide(actor=scene["moderator"].user, report=about_member, decision="hide")
    with pytest.raises(Refused):
        services.decide(actor=scene["moderator"].user, report=about_member, decision="ban")
    assert ModerationEntry.objects.count() == 0
    assert CircleReport.objects.get(pk=about_member.pk).status == ReportStatus.OPEN


def test_a_decision_is_carried_out_whole_or_not_at_all(scene, monkeypatch):
    report = services.report_post(
        actor=scene["reporter"].user, post=scene["post"], reason="Dismissive"
    )

    def closing_fails(**kwargs):
        raise RuntimeError("the report could not be closed")

    monkeypatch.setattr(services, "close_report", closing_fails)
    with pytest.raises(RuntimeError):
        services.decide(actor=scene["moderator"].user, report=report, decision="hide")

    scene["post"].refresh_from_db()
    assert scene["post"].hidden_at is None
    assert ModerationEntry.objects.count() == 0


def test_suspending_and_reinstating_are_logged(client, scene):
    report = services.report_member(
        actor=scene["reporter"].user, user=scene["author"].user, reason="Messages me"
    )
    client.force_login(scene["moderator"].user)
    client.post(reverse("circle:report_handle", args=[report.pk]), {"action": "suspend"})
    assert Member.objects.get(pk=scene["author"].pk).status == MemberStatus.SUSPENDED

    client.post(reverse("circle:reinstate_member", args=[scene["author"].user.public_id]))

    assert Member.objects.get(pk=scene["author"].pk).status == MemberStatus.ACTIVE
    assert list(ModerationEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "suspend",
        "close_report",
        "reinstate",
    ]
    entries = client.get(reverse("circle:moderation_log")).context["entries"]
    assert [(e.subject_name, e.actor_name) for e in entries] == [("Ada Quill", "Noor Vale")] * 3


def test_an_escalated_report_leaves_the_desk(client, scene):
    report = services.report_post(actor=scene["reporter"].user, post=scene["post"], reason="x")
    client.force_login(scene["moderator"].user)

    client.post(reverse("circle:report_handle", args=[report.pk]), {"action": "escalate"})

    report.refresh_from_db()
    assert report.status == "escalated"
    assert list(client.get(reverse("circle:moderation")).context["reports"]) == []
    assert client.get(reverse("circle:report_handle", args=[report.pk])).status_code == 404


def test_unhiding_a_post_is_logged(client, scene):
    services.hide_post(actor=scene["moderator"].user, post=scene["post"])
    client.force_login(scene["moderator"].user)

    client.post(reverse("circle:unhide_post", args=[scene["post"].pk]))

    scene["post"].refresh_from_db()
    assert scene["post"].hidden_at is None
    assert list(ModerationEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "hide",
        "unhide",
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_the_desk_reads_a_fixed_number_of_queries(client, scene, count, django_assert_num_queries):
    for index in range(count):
        post = reply(scene["post"].thread, scene["author"], body=f"Post {index}")
        services.report_post(actor=scene["reporter"].user, post=post, reason="x")
    client.force_login(scene["moderator"].user)
    client.get(reverse("circle:moderation"))  # warm the session and site caches

    with django_assert_num_queries(QUERIES_DESK):
        client.get(reverse("circle:moderation"))


QUERIES_DESK = 8


@pytest.mark.parametrize("who_blocks", ["author", "reporter"])
def test_a_post_as_a_member_stays_reportable_across_a_block(client, scene, who_blocks):
    """The unsigned post stays readable across a block, so it stays reportable: a 404
    would tell the reader that its author is someone in a block with them. A signed post
    of a blocked person is neither readable nor reportable."""
    blocker, blocked = (
        (scene["author"], scene["reporter"])
        if who_blocks == "author"
        else (scene["reporter"], scene["author"])
    )
    MemberBlock.objects.create(blocker=blocker.user, blocked=blocked.user)
    client.force_login(scene["reporter"].user)
    unsigned = client.get(reverse("circle:report_post", args=[scene["post"].pk]))
    assert unsigned.status_code == 200
    signed = reply(scene["post"].thread, scene["author"], body="Signed.", as_member=False)
    answer = client.get(reverse("circle:report_post", args=[signed.pk]))
    assert answer.status_code == 404


def test_a_moderator_never_judges_a_report_they_made(client, scene):
    other = member(name="Ola Brand", moderator=True)
    report = services.report_post(actor=scene["moderator"].user, post=scene["post"], reason="x")
    client.force_login(scene["moderator"].user)

    assert list(client.get(reverse("circle:moderation")).context["reports"]) == []
    handle = reverse("circle:report_handle", args=[report.pk])
    assert client.get(handle).status_code == 404
    assert client.post(handle, {"action": "hide"}).status_code == 404
    with pytest.raises(Refused):
        services.hide_post(actor=scene["moderator"].user, post=scene["post"], report=report)
    scene["post"].refresh_from_db()
    assert scene["post"].hidden_at is None
    client.force_login(other.user)
    assert list(client.get(reverse("circle:moderation")).context["reports"]) == [report]


@pytest.mark.parametrize("about", ["the moderator", "their post"])
def test_a_report_no_moderator_may_judge_goes_to_the_editors(scene, about):
    moderator = scene["moderator"].user
    if about == "the moderator":
        report = services.report_member(actor=scene["reporter"].user, user=moderator, reason="x")
    else:
        started = thread(circle(name="Rates", slug="rates"), scene["moderator"], title="Fees")
        post = started.posts.get()
        report = services.report_post(actor=scene["reporter"].user, post=post, reason="x")

    assert report.status == ReportStatus.ESCALATED
    assert list(selectors.escalated_reports()) == [report]


def test_a_report_by_the_only_moderator_goes_to_the_editors(scene):
    report = services.report_post(actor=scene["moderator"].user, post=scene["post"], reason="x")

    assert report.status == ReportStatus.ESCALATED


def test_a_report_another_moderator_may_judge_stays_with_the_council(scene):
    member(name="Ola Brand", moderator=True)
    moderator = scene["moderator"].user

    report = services.report_member(actor=scene["reporter"].user, user=moderator, reason="x")

    assert report.status == ReportStatus.OPEN
