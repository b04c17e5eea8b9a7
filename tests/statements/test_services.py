import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.page_cache import store
from networking.errors import Forbidden, Hidden, Refused
from networking.models import Invoice
from statements import figures
from statements.models import Statement, StatementCheck
from statements.services import (
    VALID_DAYS,
    Outcome,
    statement_issue,
    statement_revoke,
    statement_verify,
)
from tests.factories import UserFactory
from tests.statements.conftest import paid_invoice

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(consultant, organization):
    today = timezone.localdate()
    return {
        "fee": paid_invoice(consultant, organization, paid_on=today - timedelta(days=60)),
        "euro": paid_invoice(
            consultant, organization, paid_on=today - timedelta(days=58), amount="500.00",
            currency="EUR", engagement_type="keynote",
        ),
        "cancellation": paid_invoice(
            consultant, organization, paid_on=today - timedelta(days=20), amount="300.00",
            kind="cancellation",
        ),
        "too_old": paid_invoice(consultant, organization, paid_on=today - timedelta(days=400)),
        "unpaid": paid_invoice(
            consultant, organization, paid_on=today - timedelta(days=10), status="sent"
        ),
    }  # fmt: skip


def _issue(consultant, **fields):
    today = timezone.localdate()
    fields.setdefault("period_start", today - timedelta(days=365))
    fields.setdefault("period_end", today)
    return statement_issue(consultant=consultant, **fields)


def _verify(statement, **fields):
    fields.setdefault("verifier_name", "Jordan Reyes")
    fields.setdefault("verifier_organization", "Maplewood Lettings")
    return statement_verify(code=fields.pop("code", statement.code), **fields)


def test_statement_counts_paid_invoices_of_the_period_per_currency(consultant, history):
    statement = _issue(consultant)
    data = statement.figures
    assert data["name"] == "Rosa Calder"
    assert [(e["amount"], e["currency"], e["kind"]) for e in data["entries"]] == [
        ("1200.00", "USD", "fee"),
        ("500.00", "EUR", "fee"),
        ("300.00", "USD", "cancellation"),
    ]
    assert data["by_currency"] == {"USD": "1500.00", "EUR": "500.00"}
    months = {row["month"] for row in data["by_month"]}
    counted = (history["fee"], history["euro"], history["cancellation"])
    assert months == {invoice.paid_on.strftime("%Y-%m") for invoice in counted}
    assert sum(Decimal(row["totals"].get("USD", 0)) for row in data["by_month"]) == Decimal(1500)
    assert statement.expires_at - statement.issued_at == timedelta(days=VALID_DAYS)


def test_organization_names_appear_only_when_chosen(consultant, history):
    hidden = _issue(consultant)
    assert {e["organization"] for e in hidden.figures["entries"]} == {None}
    assert "Lakeside" not in str(hidden.figures)
    shown = figures.shown(hidden.figures)
    assert {line.organization for line in shown.lines} == {"An organization"}
    named = _issue(consultant, shows_organizations=True)
    assert {e["organization"] for e in named.figures["entries"]} == {"Lakeside Learning Trust"}


def test_period_must_be_in_order_in_the_past_and_at_most_three_years(consultant):
    today = timezone.localdate()
    for start, end in [
        (today, today - timedelta(days=1)),
        (today, today + timedelta(days=1)),
        (today - timedelta(days=4 * 365), today),
    ]:
        with pytest.raises(Refused):
            _issue(consultant, period_start=start, period_end=end)
    assert not Statement.objects.exists()


def test_only_a_consultant_issues_a_statement(db):
    with pytest.raises(Forbidden):
        _issue(UserFactory())
    assert not Statement.objects.exists()


def test_same_form_sent_twice_makes_one_statement(consultant, history):
    key = uuid.uuid4()
    first = _issue(consultant, request_key=key)
    second = _issue(consultant, request_key=key)
    assert first.pk == second.pk
    assert Statement.objects.count() == 1


def test_verification_confirms_and_records_who_checked(consultant, history):
    statement = _issue(consultant)
    outcome, found = _verify(statement, code=statement.code.lower())
    assert (outcome, found) == (Outcome.CONFIRMED, statement)
    check = StatementCheck.objects.get()
    assert (check.statement, check.verifier_name, check.verifier_organization) == (
        statement,
        "Jordan Reyes",
        "Maplewood Lettings",
    )


def test_a_wrong_code_is_not_confirmed_and_records_nothing(consultant, history):
    statement = _issue(consultant)
    wrong = "ABCDEFGHJKMN" if statement.code != "ABCDEFGHJKMN" else "NMKJHGFEDCBA"
    assert _verify(statement, code=wrong) == (Outcome.NOT_CONFIRMED, None)
    assert _verify(statement, code="not a code") == (Outcome.NOT_CONFIRMED, None)
    assert not StatementCheck.objects.exists()


def test_revoked_and_expired_are_no_longer_valid(consultant, history):
    revoked = statement_revoke(consultant=consultant, statement=_issue(consultant))
    assert _verify(revoked) == (Outcome.NO_LONGER_VALID, None)
    with pytest.raises(Refused):
        statement_revoke(consultant=consultant, statement=revoked)

    expiring = _issue(consultant)
    Statement.objects.filter(pk=expiring.pk).update(expires_at=timezone.now())
    expiring.refresh_from_db()
    # The digest still matches (the dates were signed), so only the expiry speaks here.
    Statement.objects.filter(pk=expiring.pk).update(digest=figures.digest_of(expiring))
    assert _verify(expiring) == (Outcome.NO_LONGER_VALID, None)
    assert not StatementCheck.objects.exists()


def test_figures_stay_as_issued_when_the_records_change(consultant, history):
    statement = _issue(consultant)
    issued = statement.figures
    Invoice.objects.filter(pk=history["fee"].pk).update(amount=Decimal("9999.00"))
    history["unpaid"].status = "paid"
    history["unpaid"].save()
    outcome, found = _verify(statement)
    assert outcome == Outcome.CONFIRMED
    assert found.figures == issued
    assert found.figures["by_currency"] == {"USD": "1500.00", "EUR": "500.00"}
    assert figures.digest_matches(found)


def test_changed_stored_figures_or_dates_are_not_confirmed(consultant, history):
    statement = _issue(consultant)
    tampered = {**statement.figures, "by_currency": {"USD": "15000.00", "EUR": "500.00"}}
    Statement.objects.filter(pk=statement.pk).update(figures=tampered)
    assert _verify(statement) == (Outcome.NOT_CONFIRMED, None)

    other = _issue(consultant)
    Statement.objects.filter(pk=other.pk).update(expires_at=other.expires_at + timedelta(days=365))
    assert _verify(other) == (Outcome.NOT_CONFIRMED, None)
    assert not StatementCheck.objects.exists()


def test_a_previous_secret_key_still_verifies(consultant, history, settings):
    statement = _issue(consultant)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-" + "x" * 50
    assert _verify(statement)[0] == Outcome.CONFIRMED


def test_deleting_the_account_deletes_statements_and_voids_the_code(consultant, history):
    from accounts.services import account_delete

    statement = _issue(consultant)
    _verify(statement)
    account_delete(user=consultant)
    assert not Statement.objects.exists()
    assert not StatementCheck.objects.exists()
    assert _verify(statement) == (Outcome.NOT_CONFIRMED, None)


def test_another_consultant_cannot_revoke_and_is_told_nothing_of_it(consultant, history):
    statement = _issue(consultant)
    other = UserFactory(role="consultant")
    with pytest.raises(Hidden):
        statement_revoke(consultant=other, statement=statement)
    statement.refresh_from_db()
    assert statement.is_valid


def test_issuing_and_checking_a_statement_leave_kept_pages_alone(
    consultant, history, django_capture_on_commit_callbacks
):
    """Statements are on no public page: they forget nothing that is kept."""
    before = store.generation()
    with django_capture_on_commit_callbacks(execute=True):
        statement = _issue(consultant)
        _verify(statement)
    assert store.generation() == before
