"""Editors read what a report is about in words, with a link where they can open it:
no internal tags, no ids."""

import pytest

from networking.enums import ReportTarget
from networking.models import Report
from networking.services.safety import scam_report_create
from tests.factories import OrganizationFactory, published_profile

pytestmark = pytest.mark.django_db


def test_reports_name_what_they_concern_without_tags_or_ids(editor_client, consultant):
    organization = OrganizationFactory(name="Silver Gate Agency", website="https://sg.example")
    profile = published_profile(title="Noor Basri", slug="noor-basri")
    report_on_profile = Report.objects.create(
        reporter=consultant,
        target_kind=ReportTarget.PROFILE,
        target_id=str(profile.pk),
        reason="Uses my photo.",
    )
    report_on_organization = Report.objects.create(
        reporter=consultant,
        target_kind=ReportTarget.ORGANIZATION,
        target_id=str(organization.pk),
        organization=organization,
        reason="Asked me to pay first.",
    )
    scam = scam_report_create(
        target_kind=ReportTarget.OPPORTUNITY,
        target_id="6f1c1d1e-0000-4000-8000-000000000000",
        organization=organization,
        signals=["asks for gift cards"],
    )

    for url in ("/admin/networking/reports/", "/admin/"):
        body = editor_client.get(url).content.decode()
        assert "scam_check" not in body
        for report in (report_on_profile, report_on_organization, scam):
            assert f">{report.target_id}<" not in body
            assert "Target id" not in body

    body = editor_client.get("/admin/networking/reports/").content.decode()
    assert f'<a href="/admin/pages/{profile.pk}/edit/">The profile of Noor Basri</a>' in body
    assert "The organization Silver Gate Agency" in body
    assert 'href="https://sg.example"' in body
    assert "raised by Podium's scam check" in body
    assert "asks for gift cards" in body
    assert "Something that no longer exists (opportunity)" in body
