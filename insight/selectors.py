"""Reads: the published fair-rate figures, and a consultant's insight on her own work."""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q

from core.money import Totals
from insight.enums import Region, VisitorKind
from insight.models import FairRateFigure, ProfileViewDay
from insight.regions import region_of
from networking.enums import BookingState
from networking.models import Booking, Invoice
from networking.models.money import InvoiceStatus

VIEW_DAYS = 30
REQUEST_DAYS = 365
EARNING_MONTHS = 12
PAYMENT_DAYS = 2 * 365


def fair_rate_figures() -> list[FairRateFigure]:
    return list(FairRateFigure.objects.all())


def fair_rate_in(figures: list[FairRateFigure], cell: dict):
    """The figure for one cell out of the published ones (already read), or None."""
    return next(
        (f for f in figures if all(getattr(f, part) == value for part, value in cell.items())),
        None,
    )


def fair_rate_region_for_organization(organization) -> Region:
    return region_of(organization.country) if organization is not None else Region.UNSPECIFIED


@dataclass(frozen=True)
class Answers:
    received: int
    accepted: int
    countered: int
    declined: int

    @property
    def answered(self) -> int:
        return self.accepted + self.countered + self.declined

    @property
    def acceptance_percent(self) -> int | None:
        return round(100 * self.accepted / self.answered) if self.answered else None


@dataclass(frozen=True)
class OwnWork:
    views: list  # (label, count) for each kind of visitor, every kind listed
    views_total: int
    answers: Answers
    payment_days: list  # (organization name, median days, invoices paid)
    earnings: list  # (month, Totals per currency), newest month first


def _views(consultant, today: date) -> list:
    # At most VIEW_DAYS rows per kind of visitor: added up here, in one read.
    totals = defaultdict(int)
    for kind, count in ProfileViewDay.objects.filter(
        profile__consultant=consultant, day__gt=today - timedelta(days=VIEW_DAYS)
    ).values_list("kind", "count"):
        totals[kind] += count
    return [(label, totals[kind]) for kind, label in VisitorKind.choices]


def _answers(consultant, today: date) -> Answers:
    def answered(to_state):
        return Count(
            "events",
            filter=Q(events__from_state=BookingState.REQUESTED, events__to_state=to_state),
        )

    counts = Booking.objects.filter(
        consultant=consultant, created_at__date__gt=today - timedelta(days=REQUEST_DAYS)
    ).aggregate(
        received=Count("id", distinct=True),
        accepted=answered(BookingState.ACCEPTED),
        countered=answered(BookingState.COUNTERED),
        declined=answered(BookingState.DECLINED),
    )
    return Answers(**counts)


def _paid_invoices(consultant, today: date) -> list:
    return list(
        Invoice.objects.filter(
            consultant=consultant,
            status=InvoiceStatus.PAID,
            paid_on__gt=today - timedelta(days=PAYMENT_DAYS),
        )
        .order_by()
        .values_list("organization__name", "issued_on", "paid_on", "amount", "currency")
    )


def _payment_days(invoices: list) -> list:
    days = defaultdict(list)
    for name, issued_on, paid_on, _amount, _currency in invoices:
        days[name].append(max((paid_on - issued_on).days, 0))
    return sorted(
        ((name, round(statistics.median(d)), len(d)) for name, d in days.items()),
        key=lambda row: (row[1], row[0]),
    )


def _earnings(invoices: list, today: date) -> list:
    # This month and the eleven before it.
    months_back = today.year * 12 + today.month - 1 - (EARNING_MONTHS - 1)
    first_month = date(months_back // 12, months_back % 12 + 1, 1)
    by_month = defaultdict(Totals)
    for _name, _issued_on, paid_on, amount, currency in invoices:
        month = paid_on.replace(day=1)
        if month >= first_month:
            by_month[month].add(currency, amount)
    return sorted(by_month.items(), reverse=True)


def own_work_summary(*, consultant, today: date) -> OwnWork:
    """Three queries, whatever the numbers: the views, the answers, the paid invoices."""
    views = _views(consultant, today)
    invoices = _paid_invoices(consultant, today)
    return OwnWork(
        views=views,
        views_total=sum(count for _label, count in views),
        answers=_answers(consultant, today),
        payment_days=_payment_days(invoices),
        earnings=_earnings(invoices, today),
    )
