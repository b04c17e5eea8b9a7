import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from statements.codes import grouped
from statements.services import statement_issue
from tests import media_checker
from tests.statements.conftest import paid_invoice

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(consultant, organization):
    today = timezone.localdate()
    paid_invoice(consultant, organization, paid_on=today - timedelta(days=30))
    paid_invoice(
        consultant,
        organization,
        paid_on=today - timedelta(days=10),
        amount="250.00",
        kind="cancellation",
        currency="EUR",
    )
    return statement_issue(
        consultant=consultant, period_start=today - timedelta(days=90), period_end=today
    )


def _pdf(client, statement) -> bytes:
    client.force_login(statement.consultant)
    response = client.get(reverse("statements:statement_pdf", args=[statement.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    return response.content


def test_pdf_shows_the_figures_code_and_where_to_check(client, statement):
    text = PdfReader(io.BytesIO(_pdf(client, statement))).pages[0].extract_text()
    assert "Rosa Calder" in text
    assert "USD\xa01,200.00" in text or "USD 1,200.00" in text
    assert "Cancellation fee" in text
    assert "An organization" in text
    assert "Lakeside" not in text
    assert grouped(statement.code) in text
    assert "/verify/" in text


def test_pdf_metadata_names_no_person_software_or_date(client, statement):
    pdf = _pdf(client, statement)
    info = PdfReader(io.BytesIO(pdf)).metadata or {}
    assert set(info) <= {"/Title", "/Producer", "/Creator"}
    assert "Rosa" not in str(dict(info))
    assert info.get("/Title") == "Engagement and earnings statement"
    assert b"Rosa Calder" not in pdf.split(b"stream", 1)[0]
    assert media_checker.findings_in_bytes(pdf, ".pdf", "statement") == []


def test_pdf_in_spanish(client, statement, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    text = PdfReader(io.BytesIO(_pdf(client, statement))).pages[0].extract_text()
    assert "Una organización" in text
    assert "Comprobar esta constancia" in text
