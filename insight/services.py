"""Writes: the daily fair-rate snapshot, and the profile-view counters.

Fair rates. Only completed bookings whose fee invoice was paid count, from the last
FAIR_RATE_YEARS years. A cell is one engagement type, format, region of the paying
organization and currency (amounts are never converted). Inside a cell each consultant
contributes ONE value, the median of her own fees there, so a person with many bookings
weighs as much as one with a single booking and cannot dominate the figure. A cell is
published only when at least MIN_CONSULTANTS different consultants and
MIN_ORGANIZATIONS different organizations contribute; the figures are Harrell-Davis
percentiles (insight.percentiles), rounded to two significant figures. Nothing else is
stored: no count, minimum or maximum. The snapshot is rebuilt once a day, so a person
who adds one booking and reloads the page sees nothing move until the next day's
snapshot, which by then blends every booking of the day.

Profile views. One statement per counted view (insight.counting); nothing about the
visitor is kept beyond the kind of visitor and the day.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection, transaction

from insight.enums import VisitorKind
from insight.models import FairRateFigure, ProfileViewDay
from insight.percentiles import percentile, rounded
from insight.regions import region_of
from networking.enums import BookingState
from networking.models import Booking
from networking.models.money import InvoiceKind, InvoiceStatus
from portfolio.models import SpeakerProfilePage

MIN_CONSULTANTS = 5
MIN_ORGANIZATIONS = 3
FAIR_RATE_YEARS = 2
# Counters older than this are deleted by the daily job: the dashboard shows 30 days.
VIEW_COUNTER_DAYS = 400


@dataclass
class _Cell:
    fees_by_consultant: dict = field(default_factory=lambda: defaultdict(list))
    organizations: set = field(default_factory=set)


def _paid_completed_bookings(since: date):
    return Booking.objects.filter(
        state=BookingState.COMPLETED,
        starts_on__gte=since,
        invoices__kind=InvoiceKind.FEE,
        invoices__status=InvoiceStatus.PAID,
    ).values_list(
        "consultant_id",
        "organization_id",
        "organization__country",
        "engagement_type",
        "format",
        "currency",
        "fee",
    )


def _cells(since: date) -> dict[tuple, _Cell]:
    cells: dict[tuple, _Cell] = defaultdict(_Cell)
    for (
        consultant,
        organization,
        country,
        engagement,
        fmt,
        currency,
        fee,
    ) in _paid_completed_bookings(since).iterator():
        cell = cells[(engagement, fmt, region_of(country), currency)]
        cell.fees_by_consultant[consultant].append(fee)
        cell.organizations.add(organization)
    return cells


def fair_rate_publishable(*, consultants: int, organizations: int) -> bool:
    return consultants >= MIN_CONSULTANTS and organizations >= MIN_ORGANIZATIONS


def fair_rate_figure(fees_by_consultant: dict) -> tuple:
    """(25th percentile, median, 75th percentile) of one value per consultant."""
    own_medians = [statistics.median(fees) for fees in fees_by_consultant.values()]
    return tuple(rounded(percentile(own_medians, p)) for p in (0.25, 0.5, 0.75))


def fair_rates_refresh(*, today: date) -> int:
    """Replace the snapshot with today's; returns how many cells were published."""
    since = today.replace(year=today.year - FAIR_RATE_YEARS, day=min(today.day, 28))
    figures = []
    for (engagement, fmt, region, currency), cell in sorted(_cells(since).items()):
        if not fair_rate_publishable(
            consultants=len(cell.fees_by_consultant), organizations=len(cell.organizations)
        ):
            continue
        lower, median, upper = fair_rate_figure(cell.fees_by_consultant)
        figures.append(
            FairRateFigure(
                computed_on=today,
                engagement_type=engagement,
                format=fmt,
                region=region,
                currency=currency,
                lower_quartile=lower,
                median=median,
                upper_quartile=upper,
            )
        )
    with transaction.atomic():
        FairRateFigure.objects.all().delete()
        FairRateFigure.objects.bulk_create(figures)
    return len(figures)


def _count_statement() -> str:
    views = ProfileViewDay._meta.db_table
    profiles = SpeakerProfilePage._meta.db_table
    pages = SpeakerProfilePage._meta.get_field("page_ptr").related_model._meta.db_table
    # One statement: the profile must exist, be live and not belong to the visitor; the
    # row is created or its count raised atomically (PostgreSQL and SQLite alike).
    # Only table names from the models are put in; every value is a parameter.
    return (
        f"INSERT INTO {views} (profile_id, day, kind, count) "  # noqa: S608 (table names only)
        f"SELECT p.page_ptr_id, %s, %s, 1 FROM {profiles} p "
        f"JOIN {pages} w ON w.id = p.page_ptr_id "
        "WHERE p.page_ptr_id = %s AND w.live AND p.paused_at IS NULL "
        "AND p.consultant_id <> %s "
        f"ON CONFLICT (profile_id, day, kind) DO UPDATE SET count = {views}.count + 1"
    )


def profile_view_count(*, profile_id: int, kind: VisitorKind, day: date, visitor_id=None):
    """Count one view of a profile; the profile's own consultant is never counted."""
    with connection.cursor() as cursor:
        cursor.execute(_count_statement(), [day, kind.value, profile_id, visitor_id or 0])


def view_counters_prune(*, today: date) -> int:
    deleted, _ = ProfileViewDay.objects.filter(
        day__lt=today - timedelta(days=VIEW_COUNTER_DAYS)
    ).delete()
    return deleted
