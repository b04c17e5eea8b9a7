"""The editors' desk on the admin dashboard, and the editors' log."""

import logging
import re
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Workflow

from cms.editors_desk import desk_items
from networking.admin_queues import LIST_PER_PAGE, reports_policy, verification_policy
from networking.models import Report, VerificationApplication
from networking.services.safety import report_create, report_handle
from tests.factories import OrganizationFactory, member_of, published_profile

pytestmark = pytest.mark.django_db

DISMISS = 'name="action" value="dismissed"'


def _apply(organization):
    return VerificationApplication.objects.create(
        organization=organization,
        registration_number="REG-1",
        domain_email=f"admin@{organization.email_domain}",
        reference_name="A",
        reference_contact="B",
        reference_relationship="C",
        pledge_accepted_at=timezone.now(),
    )


def _report(organization, kind, reporter=None):
    return report_create(
        reporter=reporter,
        target_kind=kind,
        target_id=str(uuid.uuid4()),
        organization=organization,
        reason="Something is wrong",
    )


@pytest.fixture
def desk_world(booking, editor):
    """Two applications waiting, one decided; three open reports (two about messages),
    one handled; one page waiting for review and one sent back to its consultant."""
    pending = [OrganizationFactory(verification="pending") for _ in range(2)]
    for organization in pending:
        _apply(organization)
    decided = _apply(OrganizationFactory(verification="verified"))
    VerificationApplication.objects.filter(pk=decided.pk).update(decision="verified")
    organization = booking.organization
    _report(organization, "message", reporter=booking.consultant)
    _report(organization, "message")  # raised by the scam check
    _report(organization, "booking", reporter=booking.consultant)
    report_handle(report=_report(organization, "profile"), editor=editor, action="dismissed")
    workflow = Workflow.objects.get(name="Safety review")
    for title in ("Waiting Page", "Sent Back Page"):
        page = published_profile(title=title)
        page.save_revision(user=page.consultant)
        workflow.start(page, page.consultant)
    sent_back = Workflow.objects.get(name="Safety review").workflow_states.last()
    sent_back.status = sent_back.STATUS_NEEDS_CHANGES
    sent_back.save()


def _counts(html):
    return [int(n) for n in re.findall(r"<strong data-count>(\d+)</strong>", html)]


def test_the_desk_counts_match_the_data(editor_client, desk_world):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Editors&#x27; desk" in html or "Editors' desk" in html
    assert _counts(html) == [2, 3, 1, 2]
    assert [item.count for item in desk_items()] == [2, 3, 1, 2]


def test_the_desk_links_lead_to_the_queues(editor_client, desk_world):
    for item in desk_items():
        assert editor_client.get(item.url).status_code == 200, item.url
    flagged = editor_client.get(desk_items()[3].url).content.decode()
    # Each open report listed has its own Dismiss button: only the two message reports.
    assert flagged.count(DISMISS) == 2


def test_the_desk_costs_three_queries_whatever_the_numbers(desk_world, django_assert_num_queries):
    with django_assert_num_queries(3):
        desk_items()


def test_an_unknown_report_kind_shows_every_open_report(editor_client, desk_world):
    html = editor_client.get(reverse("networking_reports:index"), {"kind": "<script>"})
    assert html.status_code == 200
    assert html.content.decode().count(DISMISS) == 3


def test_consultants_in_the_admin_see_no_desk(client, consultant, desk_world):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=consultant, type=Authenticator.Type.TOTP, data={})
    client.force_login(consultant)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-count" not in html


def test_editors_decisions_are_logged_with_who_and_when(editor_client, editor, organization):
    member_of(organization)
    report = _report(organization, "organization")
    editor_client.post(
        reverse("networking_admin:report_handle", args=[report.pk]), {"action": "suspended"}
    )
    waiting = OrganizationFactory(verification="pending", name="Quayside Youth Trust")
    application = _apply(waiting)
    editor_client.post(
        reverse("networking_admin:verification_decide", args=[application.pk]),
        {"decision": "verify"},
    )
    entries = ModelLogEntry.objects.filter(action__startswith="podium.").order_by("timestamp")
    assert [(e.action, e.user_id) for e in entries] == [
        ("podium.report.suspended", editor.pk),
        ("podium.verify", editor.pk),
    ]
    history = editor_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Suspended Lakeside Learning Trust after a report" in history
    assert "Verified" in history
    assert Report.objects.get(pk=report.pk).status == "suspended"


def test_the_reports_queue_lists_open_reports_a_page_at_a_time(editor_client, editor, booking):
    organization = booking.organization
    for _ in range(LIST_PER_PAGE + 2):
        _report(organization, "booking", reporter=booking.consultant)
    report_handle(report=_report(organization, "profile"), editor=editor, action="dismissed")
    url = reverse("networking_reports:index")
    first = editor_client.get(url).content.decode()
    second = editor_client.get(url, {"p": 2}).content.decode()
    assert (first.count(DISMISS), second.count(DISMISS)) == (LIST_PER_PAGE, 2)
    # Decisions go through the decide and handle views only: nothing to add, edit or delete.
    for action in ("add", "change", "delete"):
        assert not reports_policy.user_has_permission(editor, action)
        assert not verification_policy.user_has_permission(editor, action)
    assert "/admin/networking/reports/edit/" not in first


def test_reading_reported_messages_is_logged_without_their_text(
    editor_client, editor, booking, caplog
):
    organization = booking.organization
    message = _report(organization, "message", reporter=booking.consultant)
    _report(organization, "booking", reporter=booking.consultant)
    with caplog.at_level(logging.INFO, logger="podium.audit"):
        editor_client.get(reverse("networking_reports:index"))
    lines = [r.getMessage() for r in caplog.records if r.name == "podium.audit"]
    assert lines == [
        f"staff_access editor={editor.pk} report={message.pk} message={message.target_id}"
    ]


def test_a_report_about_a_suspended_organization_offers_only_dismissal(editor_client, organization):
    _report(organization, "organization")
    organization.suspended_at = timezone.now()
    organization.save(update_fields=["suspended_at"])
    html = editor_client.get(reverse("networking_reports:index")).content.decode()
    assert html.count(DISMISS) == 1
    assert 'value="suspended"' not in html
    assert 'value="warned"' not in html
    assert "The organization is already suspended." in html
