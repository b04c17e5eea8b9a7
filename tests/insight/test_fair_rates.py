"""The fair-rate snapshot: thresholds, one value per consultant, per currency, and no
figure that gives away a person's fee."""

import math
import statistics
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from insight.models import FairRateFigure
from insight.percentiles import harrell_davis_weights, percentile, rounded
from insight.selectors import fair_rate_figures, fair_rate_in
from insight.services import fair_rates_refresh
from insight.tasks import insight_daily
from networking.enums import BookingState
from networking.models.money import InvoiceStatus
from tests.insight.history import consultants, organizations, paid_booking

pytestmark = pytest.mark.django_db
CELL = {"engagement_type": "keynote", "format": "virtual", "region": "europe", "currency": "EUR"}


def _spread(fees, orgs, **kwargs):
    """One consultant per fee, organizations taken in turn."""
    people = consultants(len(fees))
    for i, (person, fee) in enumerate(zip(people, fees, strict=True)):
        paid_booking(person, orgs[i % len(orgs)], fee, **kwargs)
    return people


def _refresh():
    return fair_rates_refresh(today=timezone.localdate())


@pytest.mark.parametrize(("n_consultants", "shown"), [(4, False), (5, True)])
def test_a_figure_needs_five_different_consultants(n_consultants, shown):
    people = _spread([800, 900, 1000, 1100, 1200][:n_consultants], organizations(3))
    # Many more bookings by the same people do not make up for missing people.
    for person in people:
        paid_booking(person, organizations(1)[0], 1000)
    _refresh()
    assert (_published(CELL) is not None) is shown


@pytest.mark.parametrize(("n_organizations", "shown"), [(2, False), (3, True)])
def test_a_figure_needs_three_different_organizations(n_organizations, shown):
    _spread([800, 900, 1000, 1100, 1200], organizations(n_organizations))
    _refresh()
    assert (_published(CELL) is not None) is shown


def test_only_completed_bookings_with_a_paid_fee_invoice_count():
    orgs = organizations(3)
    _spread([800, 900, 1000, 1100], orgs)
    fifth = consultants(1)[0]
    paid_booking(fifth, orgs[0], 1000, status=InvoiceStatus.SENT)
    paid_booking(fifth, orgs[1], 1000, state=BookingState.CONFIRMED)
    _refresh()
    assert _published(CELL) is None
    paid_booking(fifth, orgs[2], 1200)
    _refresh()
    assert _published(CELL) is not None


def test_the_figures_are_percentiles_of_one_value_per_consultant():
    orgs = organizations(3)
    fees = [600, 800, 1000, 1200, 1400, 1600]
    people = _spread(fees, orgs)
    # The first consultant also did three cheaper talks: her value becomes her median
    # (600, 300, 300, 300 -> 300), counted once.
    for _ in range(3):
        paid_booking(people[0], orgs[1], 300)
    _refresh()
    figure = _published(CELL)
    values = [Decimal(300), *map(Decimal, fees[1:])]
    assert (figure.lower_quartile, figure.median, figure.upper_quartile) == tuple(
        rounded(percentile(values, p)) for p in (0.25, 0.5, 0.75)
    )
    # Symmetric values: the median is the middle, the quartiles equally far from it.
    _six = [Decimal(v) for v in (100, 200, 300, 400, 500, 600)]
    assert percentile(_six, 0.5) == pytest.approx(350)
    assert percentile(_six, 0.25) + percentile(_six, 0.75) == pytest.approx(700)
    assert percentile(_six, 0.25) < 350 < percentile(_six, 0.75)


def test_harrell_davis_weights_match_the_exact_beta_integral():
    """For five values and the median, Beta(3, 3): the weights have a closed form."""

    def cdf(x):  # regularized incomplete beta I_x(3, 3)
        return sum(math.comb(5, j) * x**j * (1 - x) ** (5 - j) for j in range(3, 6))

    exact = [cdf((i + 1) / 5) - cdf(i / 5) for i in range(5)]
    assert harrell_davis_weights(5, 0.5) == pytest.approx(exact, abs=1e-6)


def test_each_currency_has_its_own_figures_never_converted():
    orgs = organizations(3)
    _spread([800, 900, 1000, 1100, 1200], orgs, currency="EUR")
    _spread([80000, 90000, 100000, 110000, 120000], orgs, currency="INR")
    _spread([800, 900, 1000, 1100], orgs, currency="USD")
    _refresh()
    assert _published(CELL).median == Decimal(1000)
    assert _published(CELL | {"currency": "INR"}).median == Decimal(100000)
    assert _published(CELL | {"currency": "USD"}) is None


def test_engagement_type_format_and_region_make_separate_cells():
    _spread([800, 900, 1000, 1100, 1200], organizations(3, country="DE"))
    _spread([800, 900, 1000, 1100, 1200], organizations(3, country="KE"), format="in_person")
    _refresh()
    assert _published(CELL) is not None
    assert _published(CELL | {"region": "africa", "format": "in_person"}) is not None
    assert _published(CELL | {"region": "africa"}) is None
    assert _published(CELL | {"engagement_type": "workshop"}) is None


def test_one_consultant_with_most_of_the_bookings_cannot_move_the_figure():
    """Five consultants, one of them with 90% of the bookings at a far higher fee."""
    orgs = organizations(3)
    people = _spread([800, 800, 800, 800, 5000], orgs)
    for _ in range(36):
        paid_booking(people[4], orgs[0], 5000)
    _refresh()
    figure = _published(CELL)
    assert figure.median < Decimal(2000)


def test_a_new_booking_changes_nothing_until_the_next_daily_snapshot():
    orgs = organizations(3)
    _spread([800, 900, 1000, 1100, 1200], orgs)
    assert insight_daily.delay().get() == 1
    before = _published(CELL).median
    paid_booking(consultants(1)[0], orgs[0], 9000)
    # Reloading shows the same snapshot: the new booking cannot be isolated.
    assert _published(CELL).median == before
    insight_daily.delay().get()
    assert _published(CELL).computed_on == timezone.localdate()


def test_a_contributor_cannot_read_another_consultants_fee_off_the_figures():
    """She knows her own fee and sees the three figures; none of them is anyone's fee,
    and taking hers out of the median does not give back another's."""
    orgs = organizations(3)
    fees = [740, 910, 1030, 1180, 1460]
    _spread(fees, orgs)
    _refresh()
    figure = _published(CELL)
    shown = {figure.lower_quartile, figure.median, figure.upper_quartile}
    assert not shown & {Decimal(f) for f in fees}
    # With a plain median, the third person's fee would have been published as is.
    assert statistics.median(fees) == 1030
    assert figure.median != Decimal(1030)


def test_the_snapshot_stores_no_count_extreme_or_link_to_a_person():
    columns = {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), FairRateFigure._meta.db_table
        )
    }
    assert columns == {
        "id",
        "computed_on",
        "engagement_type",
        "format",
        "region",
        "currency",
        "lower_quartile",
        "median",
        "upper_quartile",
    }


def test_cells_below_the_thresholds_are_not_stored_at_all():
    _spread([800, 900, 1000, 1100], organizations(3))
    assert _refresh() == 0
    assert FairRateFigure.objects.count() == 0


def _published(cell: dict):
    """The published figure for one cell, or None: not enough data yet."""
    return fair_rate_in(fair_rate_figures(), cell)
