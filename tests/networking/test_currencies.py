"""Money in different currencies is never added up into one figure."""

import ast
import csv
import io
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, connection, models, transaction
from django.urls import reverse
from django.utils import timezone

from core.money import Currency
from networking.enums import BookingState
from networking.models import Booking, Opportunity, Preferences
from networking.services.bookings import booking_request
from networking.services.money import invoice_issue, invoice_mark_paid
from portfolio.models import RateCardEntry
from tests.factories import OrganizationFactory, member_of, published_profile
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db

APPS = ("accounts", "core", "portfolio", "networking", "cms", "insight")


def _paid(profile, member, *, fee, currency, paid_on=None):
    booking = booking_request(
        actor=member, consultant=profile.consultant, **booking_fields(fee=fee, currency=currency)
    )
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.CONFIRMED)
    booking.refresh_from_db()
    invoice = invoice_issue(consultant=profile.consultant, booking=booking)
    invoice_mark_paid(
        consultant=profile.consultant, invoice=invoice, paid_on=paid_on or timezone.localdate()
    )
    return invoice


def test_earnings_show_one_total_per_currency_and_never_a_mixed_sum(client, profile, org_member):
    other = member_of(OrganizationFactory(name="Northern Rivers Forum"))
    _paid(profile, org_member, fee=1000, currency="USD")
    _paid(profile, org_member, fee=200, currency="USD")
    _paid(profile, other, fee=300, currency="EUR")
    client.force_login(profile.consultant)

    page = client.get(reverse("networking:earnings")).content.decode()

    assert "USD\xa01,200.00 · EUR\xa0300.00" in page  # paid so far, and this month
    assert "1500" not in page
    assert "1,500" not in page
    assert "<td>Northern Rivers Forum</td><td>EUR\xa0300.00</td>" in page
    assert "<td>Lakeside Learning Trust</td><td>USD\xa01,200.00</td>" in page
    rows = list(
        csv.reader(io.StringIO(client.get(reverse("networking:earnings_csv")).content.decode()))
    )
    assert sorted((row[3], row[4]) for row in rows[1:]) == [
        ("1000.00", "USD"),
        ("200.00", "USD"),
        ("300.00", "EUR"),
    ]


def test_the_yearly_limit_counts_only_amounts_in_its_own_currency(client, profile, org_member):
    _paid(profile, org_member, fee=950, currency="EUR")
    Preferences.objects.create(
        user=profile.consultant, yearly_threshold=1000, yearly_threshold_currency="USD"
    )
    client.force_login(profile.consultant)

    page = client.get(reverse("networking:earnings")).content.decode()
    assert "close to the limit" not in page
    assert "Amounts in EUR are not counted towards your limit" in page

    _paid(profile, org_member, fee=900, currency="USD")
    page = client.get(reverse("networking:earnings")).content.decode()
    assert "comes to USD\xa0900.00, close to the limit of USD\xa01,000.00" in page


def _currency_fields():
    for model in apps.get_models():
        if model._meta.app_label not in APPS:
            continue
        for field in model._meta.concrete_fields:
            if field.name.endswith("currency"):
                yield model, field


def test_every_currency_field_is_a_choice_the_database_enforces():
    fields = list(_currency_fields())
    assert {(m.__name__, f.name) for m, f in fields} >= {
        ("Opportunity", "currency"),
        ("Booking", "currency"),
        ("Invoice", "currency"),
        ("RateCardEntry", "currency"),
        ("Preferences", "yearly_threshold_currency"),
    }
    with connection.cursor() as cursor:
        for model, field in fields:
            assert field.choices == Currency.choices, model
            checks = [
                c
                for c in model._meta.constraints
                if isinstance(c, models.CheckConstraint)
                and (f"{field.name}__in", Currency.values) in c.condition.children
            ]
            assert len(checks) == 1, f"{model.__name__}.{field.name} has no currency check"
            in_database = connection.introspection.get_constraints(cursor, model._meta.db_table)
            assert checks[0].name in in_database, checks[0].name


def test_the_database_refuses_an_unsupported_currency(booking):
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.filter(pk=booking.pk).update(currency="XBT")
    booking.refresh_from_db()
    assert booking.currency == "USD"


def test_money_forms_offer_a_select_and_refuse_other_codes(client, org_member):
    client.force_login(org_member)
    page = client.get(reverse("networking:opportunity_new")).content.decode()
    assert '<select name="currency"' in page
    assert '<option value="EUR">EUR, euro</option>' in page
    start = timezone.localdate() + timezone.timedelta(days=40)
    response = client.post(
        reverse("networking:opportunity_new"),
        {
            "title": "Supplier audit training",
            "engagement_type": "workshop",
            "description": "Half a day with our buyers.",
            "format": "in_person",
            "starts_on": start,
            "ends_on": start,
            "fee": "1500",
            "currency": "ABC",
            "deadline": start - timezone.timedelta(days=10),
            "pay_parity_attested": "on",
        },
    )
    assert "Choose one of the currencies in the list." in response.content.decode()
    assert not Opportunity.objects.exists()


def test_the_yearly_limit_has_a_currency_select(client, profile):
    client.force_login(profile.consultant)
    page = client.get(reverse("networking:settings")).content.decode()
    assert '<select name="yearly_threshold_currency"' in page


def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            yield name, ast.unparse(node)


MONEY_WORDS = ("amount", "fee", "price", "total")


def test_money_is_summed_only_through_the_per_currency_helpers():
    """Any Sum() or sum() over amounts outside core/money.py could mix currencies."""
    offenders = []
    for app in APPS:
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            if "migrations" in path.parts or (path.name == "money.py" and app == "core"):
                continue
            tree = ast.parse(path.read_text(), filename=str(path))
            for name, source in _calls(tree):
                if name == "Sum" or (name == "sum" and any(w in source for w in MONEY_WORDS)):
                    offenders.append(f"{path.relative_to(settings.BASE_DIR)}: {source[:80]}")
    assert offenders == []


def test_directory_budget_matches_rates_in_its_own_currency(client):
    rates = {"rates": [("keynote", 400)], "rates_audience": "public"}
    euro = published_profile(title="Mara Quill", slug="mara-quill", **rates)
    RateCardEntry.objects.filter(profile=euro).update(currency="EUR")
    published_profile(title="Ines Vale", slug="ines-vale", **rates)
    directory = "/speakers/"

    usd = client.get(directory, {"budget": "500", "budget_currency": "USD"}).content.decode()
    eur = client.get(directory, {"budget": "500", "budget_currency": "EUR"}).content.decode()

    assert "Ines Vale" in usd
    assert "Mara Quill" not in usd
    assert "Mara Quill" in eur
    assert "Ines Vale" not in eur


BEFORE_CURRENCY_CHOICES = [
    ("portfolio", "0005_featuring_consent"),
    ("networking", "0007_invoice_sequence_and_request_keys"),
]


def _delete_bookings_not_in(currencies) -> None:
    """Plain SQL: at the old migration state the apps above networking (the circle) have
    no tables yet, so the ORM's cascade into them would fail."""
    ids = Booking.objects.exclude(currency__in=currencies).values_list("pk", flat=True)
    with connection.cursor() as cursor:
        prepare = Booking._meta.pk.get_db_prep_value
        rows = [[prepare(pk, connection)] for pk in ids]
        cursor.executemany("DELETE FROM networking_booking WHERE id = %s", rows)


def _migrate(targets):
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


# Real transactions: migrating back and forth cannot run inside the test's transaction.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_maps_stored_currencies_or_refuses_by_name(booking):
    rate_profile = published_profile(title="Ines Vale", slug="ines-vale", rates=[("keynote", 400)])
    _migrate(BEFORE_CURRENCY_CHOICES)
    try:
        Booking.objects.filter(pk=booking.pk).update(currency="usd")
        RateCardEntry.objects.filter(profile=rate_profile).update(currency="€")
        unreadable = Booking.objects.get(pk=booking.pk)
        unreadable.pk, unreadable.currency = None, "DOG"
        unreadable.save()

        with pytest.raises(ValueError, match=r"networking\.Booking currency 'DOG' \(1 rows\)"):
            _migrate(None)
        # Refused before anything changed: the readable value waits for the same decision.
        assert Booking.objects.get(pk=booking.pk).currency == "usd"

        _delete_bookings_not_in(["usd"])
        _migrate(None)
        assert Booking.objects.get(pk=booking.pk).currency == "USD"
        assert RateCardEntry.objects.get(profile=rate_profile).currency == "EUR"
    finally:
        _delete_bookings_not_in(Currency.values)
        RateCardEntry.objects.exclude(currency__in=Currency.values).delete()
        _migrate(None)
