from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.selectors import records_export
from statements.codes import grouped
from statements.services import statement_issue, statement_verify

pytestmark = pytest.mark.django_db


def test_export_holds_statements_and_who_checked(consultant):
    today = timezone.localdate()
    statement = statement_issue(
        consultant=consultant, period_start=today - timedelta(days=30), period_end=today
    )
    statement_verify(
        code=statement.code, verifier_name="Jordan Reyes", verifier_organization="Maple"
    )
    exported = records_export(user=consultant)["statements"]
    assert len(exported) == 1
    assert exported[0]["code"] == grouped(statement.code)
    assert exported[0]["figures"]["name"] == "Rosa Calder"
    assert [(c["verifier_name"], c["verifier_organization"]) for c in exported[0]["checks"]] == [
        ("Jordan Reyes", "Maple")
    ]
    assert "request_key" not in exported[0]


def test_export_of_someone_else_has_none_of_mine(consultant):
    from tests.factories import ConsultantFactory

    today = timezone.localdate()
    statement_issue(consultant=consultant, period_start=today, period_end=today)
    assert records_export(user=ConsultantFactory())["statements"] == []
