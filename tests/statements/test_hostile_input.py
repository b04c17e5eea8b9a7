"""What a checker or a consultant types never breaks a page, and nothing of the checker's
connection is kept."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from networking.errors import Refused
from networking.models import Invoice
from portfolio.models import SpeakerProfilePage
from statements.figures import shown
from statements.models import StatementCheck
from statements.services import statement_issue
from tests.statements.conftest import paid_invoice

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(consultant, organization):
    today = timezone.localdate()
    paid_invoice(consultant, organization, paid_on=today - timedelta(days=3))
    return statement_issue(consultant=consultant, period_start=today, period_end=today)


def test_a_check_keeps_only_what_the_checker_typed():
    kept = {field.name for field in StatementCheck._meta.concrete_fields}
    assert kept == {"id", "statement", "verifier_name", "verifier_organization", "checked_at"}


def test_markup_typed_by_a_checker_is_shown_as_text(client, statement):
    client.post(
        "/verify/",
        {
            "code": statement.code,
            "verifier_name": "<script>alert(1)</script>",
            "verifier_organization": '"><img src=x>',
        },
    )
    client.force_login(statement.consultant)
    page = client.get(reverse("statements:statement", args=[statement.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x>" not in page


@pytest.mark.parametrize(
    "fields",
    [
        {"verifier_name": "x" * 121},
        {"verifier_organization": "y" * 161},
        {"code": "A" * 25},
        {"verifier_name": "Jo\x00"},
    ],
)
def test_overlong_or_control_input_is_a_form_error(client, statement, fields):
    data = {"code": statement.code, "verifier_name": "Jo", "verifier_organization": "Lettings"}
    response = client.post("/verify/", {**data, **fields})
    assert response.status_code == 400
    assert "Rosa Calder" not in response.content.decode()
    assert not StatementCheck.objects.exists()


def test_a_line_whose_booking_is_gone_still_reads(consultant, organization):
    today = timezone.localdate()
    invoice = paid_invoice(consultant, organization, paid_on=today)
    Invoice.objects.filter(pk=invoice.pk).update(booking=None)
    statement = statement_issue(consultant=consultant, period_start=today, period_end=today)
    line = shown(statement.figures).lines[0]
    assert (line.engagement_on, line.engagement_type) == (None, "Engagement")


def test_a_profile_without_a_name_cannot_issue(consultant):
    SpeakerProfilePage.objects.filter(consultant=consultant).update(title="")
    today = timezone.localdate()
    with pytest.raises(Refused, match="name"):
        statement_issue(consultant=consultant, period_start=today, period_end=today)
