"""Reads of statements: the consultant's own, and one by its code for the verifier."""

from django.db.models import Count, QuerySet

from networking.models import Invoice, InvoiceStatus
from networking.selectors.common import get_or_hidden
from statements.figures import snapshot
from statements.models import Statement


def statements_for(*, user) -> QuerySet:
    return Statement.objects.filter(consultant_id=user.pk).annotate(check_count=Count("checks"))


def statement_for(*, user, statement_id) -> Statement:
    """One of the person's own statements with its checks; any other id is Hidden."""
    return get_or_hidden(
        Statement.objects.filter(consultant_id=user.pk).prefetch_related("checks"),
        statement_id,
    )


def statement_by_code(*, code: str) -> Statement | None:
    return Statement.objects.filter(code=code).first()


def paid_invoices(*, consultant, period_start, period_end) -> list:
    """What a statement of this period counts: invoices marked paid inside it."""
    return list(
        Invoice.objects.filter(
            consultant=consultant,
            status=InvoiceStatus.PAID,
            paid_on__gte=period_start,
            paid_on__lte=period_end,
        ).select_related("organization", "booking")
    )


def records_changed_since_issue(*, statement: Statement) -> bool:
    """Whether the paid invoices of the statement's period now add up to other lines or
    totals than it shows (an invoice corrected, marked paid later, or deleted)."""
    now = snapshot(
        name=statement.figures["name"],
        invoices=paid_invoices(
            consultant=statement.consultant_id,
            period_start=statement.period_start,
            period_end=statement.period_end,
        ),
        shows_organizations=statement.shows_organizations,
    )
    return now != statement.figures
