"""Invoices, earnings, ratings and public appearances."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Avg, Count, QuerySet
from django.utils import timezone

from core.money import Totals, sum_by_currency, totals_of
from networking.enums import BookingState
from networking.models import Booking, Invoice, InvoiceStatus, Preferences, Rating
from networking.parties import parties_filter
from networking.selectors.common import get_or_hidden


def invoices_for(*, user) -> QuerySet:
    return Invoice.objects.filter(parties_filter(user)).select_related(
        "organization", "booking", "consultant__speaker_profile"
    )


def invoice_for(*, user, invoice_id):
    return get_or_hidden(invoices_for(user=user), invoice_id)


RATINGS_SHOWN_FROM = 3


def organization_ratings(*, organization_ids) -> dict:
    """Average ratings per organization, only where at least three consultants rated it
    (fewer could identify who said what)."""
    rows = (
        Rating.objects.filter(organization_id__in=organization_ids)
        .values("organization_id")
        .annotate(
            n=Count("pk"),
            pay_parity=Avg("pay_parity"),
            payment_speed=Avg("payment_speed"),
            respect=Avg("respect"),
        )
        .filter(n__gte=RATINGS_SHOWN_FROM)
    )
    return {row.pop("organization_id"): row for row in rows}


def earnings(*, consultant, year: int) -> dict:
    """Paid invoices this year, by month and by organization, and what is still owed.

    Every amount is a Totals: one sum per currency, never one figure across currencies.
    """
    paid = list(
        Invoice.objects.filter(
            consultant=consultant, status=InvoiceStatus.PAID, paid_on__year=year
        ).select_related("organization")
    )
    by_month = defaultdict(Totals)
    by_organization = defaultdict(Totals)
    for invoice in paid:
        by_month[invoice.paid_on.month].add(invoice.currency, invoice.amount)
        by_organization[invoice.organization.name].add(invoice.currency, invoice.amount)
    total = totals_of((invoice.currency, invoice.amount) for invoice in paid)
    parts = _expected_parts(consultant=consultant, year=year, paid=total)
    threshold, threshold_currency = _threshold_of(consultant)
    expected = parts["expected"]
    return {
        "year": year,
        "total": total,
        **parts,
        "by_month": sorted(by_month.items()),
        # Largest first, by the largest amount in any one currency.
        "by_organization": sorted(
            by_organization.items(), key=lambda item: (-max(item[1].values()), item[0])
        ),
        "invoices": paid,
        **_threshold_warning(expected, threshold, threshold_currency),
    }


def _expected_parts(*, consultant, year: int, paid: Totals | None = None) -> dict:
    """What the consultant can expect this year, per currency: paid this year, invoiced
    and not yet paid, and confirmed this year but not yet invoiced."""
    if paid is None:
        paid = sum_by_currency(
            Invoice.objects.filter(
                consultant=consultant, status=InvoiceStatus.PAID, paid_on__year=year
            ),
            "amount",
        )
    outstanding = sum_by_currency(
        Invoice.objects.filter(
            consultant=consultant, status__in=[InvoiceStatus.SENT, InvoiceStatus.OVERDUE]
        ),
        "amount",
    )
    confirmed = sum_by_currency(
        Booking.objects.filter(
            consultant=consultant,
            state=BookingState.CONFIRMED,
            starts_on__year=year,
            invoices__isnull=True,
        ),
        "fee",
    )
    return {
        "outstanding": outstanding,
        "confirmed": confirmed,
        "expected": paid + outstanding + confirmed,
    }


def expected_earnings(*, consultant, year: int) -> Totals:
    """The year's earnings the yearly limit is measured against (the earnings page and
    the warning on a request use this one sum)."""
    return _expected_parts(consultant=consultant, year=year)["expected"]


def _threshold_of(consultant) -> tuple:
    return (
        Preferences.objects.filter(user=consultant)
        .values_list("yearly_threshold", "yearly_threshold_currency")
        .first()
    ) or (None, None)


def yearly_limit_warning(*, booking: Booking) -> dict | None:
    """For the consultant reading a request: would saying yes take this year's expected
    earnings, in the limit's currency, past the yearly limit they set? None when no
    limit is set, the fee is in another currency, or it stays below."""
    threshold, currency = _threshold_of(booking.consultant_id)
    if not threshold or booking.currency != currency:
        return None
    before = expected_earnings(consultant=booking.consultant_id, year=booking.starts_on.year).get(
        currency, Decimal(0)
    )
    after = before + booking.fee
    if after < threshold:
        return None
    return {
        "threshold": totals_of([(currency, threshold)]),
        "before": totals_of([(currency, before)]),
        "after": totals_of([(currency, after)]),
        "year": booking.starts_on.year,
        "already_past": before >= threshold,
    }


def _threshold_warning(expected: Totals, threshold, currency) -> dict:
    """Warn from 90% of the yearly limit on, counting what is invoiced and confirmed too,
    in the limit's own currency: other currencies are not converted, and the page says so.
    """
    if not threshold:
        return {"threshold": None, "near_threshold": False, "threshold_other_currencies": []}
    counted = expected.get(currency, Decimal(0))
    return {
        "threshold": totals_of([(currency, threshold)]),
        "threshold_expected": totals_of([(currency, counted)]),
        "near_threshold": counted >= threshold * Decimal("0.9"),
        "threshold_other_currencies": [
            c for c, _amount in expected.items_sorted() if c != currency
        ],
    }


def public_appearances(*, consultant_id) -> list:
    return list(
        Booking.objects.filter(
            consultant_id=consultant_id,
            state=BookingState.CONFIRMED,
            show_publicly=True,
            ends_on__gte=timezone.localdate(),
        )
        .select_related("organization")
        .order_by("starts_on")[:10]
    )


def rating_possible(booking: Booking) -> bool:
    return (
        booking.state == BookingState.COMPLETED
        and not Rating.objects.filter(booking=booking).exists()
    )
