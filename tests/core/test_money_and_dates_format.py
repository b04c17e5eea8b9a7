"""Amounts and dates read the way each language writes them, wherever they show."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from core.money import Currency, Totals, format_money, format_number
from core.templatetags.podium_l10n import money, weekday_date

NBSP = "\xa0"

# Every supported currency, as CLDR writes 1,100 in Spanish (checked against Babel 2.18),
# and with the ISO code first in English.
SPANISH_SYMBOLS = {"USD": "US$", "EUR": "€"}


@pytest.mark.parametrize("currency", Currency.values)
def test_every_currency_reads_in_english_with_its_code_first(currency):
    assert format_money(Decimal("1100"), currency, language="en") == f"{currency}{NBSP}1,100.00"


@pytest.mark.parametrize("currency", Currency.values)
def test_every_currency_reads_in_spanish_after_the_number(currency):
    symbol = SPANISH_SYMBOLS.get(currency, currency)
    assert format_money(Decimal("1100"), currency, language="es") == f"1.100,00{NBSP}{symbol}"


@pytest.mark.parametrize(
    ("amount", "english", "spanish"),
    [
        (Decimal("0"), "USD\xa00.00", "0,00\xa0US$"),
        (Decimal("0.5"), "USD\xa00.50", "0,50\xa0US$"),
        (Decimal("999.99"), "USD\xa0999.99", "999,99\xa0US$"),
        (Decimal("1234567.5"), "USD\xa01,234,567.50", "1.234.567,50\xa0US$"),
        (Decimal("9999999.99"), "USD\xa09,999,999.99", "9.999.999,99\xa0US$"),
        (Decimal("-5"), "-USD\xa05.00", "-5,00\xa0US$"),
        (Decimal("-1100.25"), "-USD\xa01,100.25", "-1.100,25\xa0US$"),
        (Decimal("2.675"), "USD\xa02.68", "2,68\xa0US$"),  # rounded, never cut off
        (1200, "USD\xa01,200.00", "1.200,00\xa0US$"),
    ],
)
def test_amounts_zero_large_negative_and_rounded(amount, english, spanish):
    assert format_money(amount, "USD", language="en") == english
    assert format_money(amount, "USD", language="es") == spanish


def test_the_active_language_is_the_readers():
    with translation.override("es"):
        assert format_money(Decimal("1100"), "EUR") == "1.100,00\xa0€"
        assert format_number(Decimal("1100")) == "1.100,00"
    with translation.override("en"):
        assert format_money(Decimal("1100"), "EUR") == "EUR\xa01,100.00"
    with translation.override("es-mx"):  # a regional variant reads as its language
        assert format_money(Decimal("1100"), "EUR") == "1.100,00\xa0€"


def test_totals_list_each_currency_in_the_readers_language():
    totals = Totals({"EUR": Decimal("300"), "USD": Decimal("1200")})
    assert totals.format(language="en") == "USD\xa01,200.00 · EUR\xa0300.00"
    assert totals.format(language="es") == "1.200,00\xa0US$ · 300,00\xa0€"
    with translation.override("es"):
        assert str(totals) == "1.200,00\xa0US$ · 300,00\xa0€"
        assert str(Totals()) == "0,00"


def test_the_money_filter_in_any_template_without_loading_it():
    template = Template("{{ fee|money:currency }}|{{ totals|money }}|{{ missing|money:currency }}|")
    context = Context(
        {"fee": Decimal("1100"), "currency": "USD", "totals": Totals({"GBP": Decimal(5)})}
    )
    with translation.override("es"):
        assert template.render(context) == "1.100,00\xa0US$|5,00\xa0GBP||"
    with translation.override("en"):
        assert template.render(context) == "USD\xa01,100.00|GBP\xa05.00||"
    assert money(None, "USD") == ""
    assert money(Decimal(1), "") == ""


def test_dates_read_in_words_in_each_language():
    day = datetime.date(2027, 3, 12)
    at = datetime.datetime(2027, 3, 12, 14, 30)
    with translation.override("en"):
        assert date_format(day) == "12 March 2027"
        assert date_format(day, "YEAR_MONTH_FORMAT") == "March 2027"
        assert date_format(at, "DATETIME_FORMAT") == "12 March 2027, 14:30"
        assert weekday_date(day) == "Friday 12 March 2027"
        assert Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": day})) == (
            "12 March 2027"
        )
    with translation.override("es"):
        assert date_format(day) == "12 de marzo de 2027"
        assert date_format(day, "YEAR_MONTH_FORMAT") == "marzo de 2027"
        assert date_format(at, "DATETIME_FORMAT") == "12 de marzo de 2027 a las 14:30"
        assert weekday_date(day) == "viernes, 12 de marzo de 2027"
    assert weekday_date("12 March") == ""


@pytest.mark.parametrize(
    ("amount", "english", "spanish"),
    [
        (Decimal("1100"), "EUR\xa01,100", "1.100\xa0€"),
        (Decimal("0"), "EUR\xa00", "0\xa0€"),
        (Decimal("1100.50"), "EUR\xa01,100.50", "1.100,50\xa0€"),  # cents kept when there
        (Decimal("-1100"), "-EUR\xa01,100", "-1.100\xa0€"),
    ],
)
def test_a_rounded_figure_reads_without_cents_when_whole(amount, english, spanish):
    template = Template("{{ amount|rounded_money:currency }}")
    context = Context({"amount": amount, "currency": "EUR"})
    with translation.override("en"):
        assert template.render(context) == english
    with translation.override("es"):
        assert template.render(context) == spanish
    # An amount owed keeps its cents.
    assert format_money(amount, "EUR", language="en").count(".") == 1
