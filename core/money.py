"""Currencies, sums of money, and how an amount reads in each language.

Amounts in different currencies are never added together: there is no exchange rate
Podium could honestly apply, so every sum is kept per currency and shown as a list
("USD 1,200.00 · EUR 300.00").

Every amount a person reads goes through `format_money` (in templates, the `money`
filter): English puts the ISO code first ("USD 1,100.00"), Spanish follows CLDR
("1.100,00 US$").
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.db import models
from django.db.models import Sum
from django.utils import numberformat
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Currency(models.TextChoices):
    """The ISO 4217 codes Podium accepts for fees, rates and invoices."""

    USD = "USD", _("USD, US dollar")
    EUR = "EUR", _("EUR, euro")
    GBP = "GBP", _("GBP, pound sterling")
    CAD = "CAD", _("CAD, Canadian dollar")
    AUD = "AUD", _("AUD, Australian dollar")
    NZD = "NZD", _("NZD, New Zealand dollar")
    MXN = "MXN", _("MXN, Mexican peso")
    BRL = "BRL", _("BRL, Brazilian real")
    INR = "INR", _("INR, Indian rupee")
    PHP = "PHP", _("PHP, Philippine peso")
    ZAR = "ZAR", _("ZAR, South African rand")
    KES = "KES", _("KES, Kenyan shilling")


# How an amount reads, per language, as CLDR writes it (checked against Babel 2.18).
# English shows the ISO code rather than CLDR's "$", which would not tell a US from a
# Canadian or an Australian dollar on a site that organizations use across borders.
# Spanish shows a symbol only where CLDR has one that cannot be mistaken ("US$", "€") and
# the code otherwise. The space is a no-break space: the currency never wraps away from
# its number.
_NBSP = "\xa0"


@dataclass(frozen=True, kw_only=True)
class _MoneyStyle:
    decimal: str
    group: str
    code_first: bool
    symbols: dict


MONEY_STYLES = {
    "en": _MoneyStyle(decimal=".", group=",", code_first=True, symbols={}),
    "es": _MoneyStyle(decimal=",", group=".", code_first=False, symbols={"USD": "US$", "EUR": "€"}),
}


def format_number(amount, *, language: str | None = None, places: int = 2) -> str:
    """A number with the reader's separators and grouping, e.g. 1,100.00 or 1.100,00."""
    style = _style(language)
    # Rounded here: Django's formatter would cut the extra places off instead.
    rounded = Decimal(amount).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return numberformat.format(
        rounded,
        style.decimal,
        decimal_pos=places,
        grouping=3,
        thousand_sep=style.group,
        force_grouping=True,
        use_l10n=True,
    )


def format_money(
    amount, currency: str, *, language: str | None = None, cents_when_whole: bool = True
) -> str:
    """An amount and its currency as the reader's language writes it.

    `language` defaults to the active one (the reader's); e-mails and files made for
    someone else pass theirs. An empty amount reads as an empty string. Rounded figures
    (not amounts owed) pass cents_when_whole=False: "1,100" rather than a "1,100.00"
    that claims a precision the figure does not have.
    """
    if amount is None or amount == "":
        return ""
    style = _style(language)
    amount = Decimal(amount)
    places = 2 if cents_when_whole or amount != amount.to_integral_value() else 0
    number = format_number(abs(amount), language=language, places=places)
    if style.code_first:
        sign = "-" if amount < 0 else ""
        return f"{sign}{currency}{_NBSP}{number}"
    sign = "-" if amount < 0 else ""
    symbol = style.symbols.get(currency, currency)
    return f"{sign}{number}{_NBSP}{symbol}"


def _style(language: str | None) -> _MoneyStyle:
    code = (language or get_language() or "en").split("-")[0].lower()
    return MONEY_STYLES.get(code, MONEY_STYLES["en"])


# What older rows may hold instead of a code: the symbols people typed by hand.
LEGACY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "C$": "CAD", "A$": "AUD"}


def currency_from_legacy(value: str) -> str | None:
    """The supported code a stored free-text currency stands for, or None."""
    cleaned = (value or "").strip().upper()
    cleaned = LEGACY_SYMBOLS.get(cleaned, cleaned)
    return cleaned if cleaned in Currency.values else None


def currency_constraint(*, name: str, field: str = "currency") -> models.CheckConstraint:
    """The database's own refusal of a code Podium does not support."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": Currency.values}), name=name
    )


class CurrencyField(forms.ChoiceField):
    """A select of the supported codes; a hand-typed lower-case code is read as upper."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Currency"))
        kwargs.setdefault("initial", Currency.USD)
        kwargs.setdefault(
            "error_messages", {"invalid_choice": _("Choose one of the currencies in the list.")}
        )
        super().__init__(choices=Currency.choices, **kwargs)

    def to_python(self, value):
        return super().to_python(value).strip().upper()


class Totals(dict):
    """Amounts per currency code. Shown as "USD 1,200.00 · EUR 300.00", never one sum."""

    def add(self, currency: str, amount) -> None:
        self[currency] = self.get(currency, Decimal(0)) + Decimal(amount)

    def __add__(self, other: "Totals") -> "Totals":
        result = Totals(self)
        for currency, amount in other.items():
            result.add(currency, amount)
        return result

    def items_sorted(self) -> list[tuple[str, Decimal]]:
        """In the order of Currency, so that every list reads the same way."""
        order = {code: n for n, code in enumerate(Currency.values)}
        return sorted(self.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))

    def __str__(self) -> str:
        return self.format()

    def format(self, *, language: str | None = None) -> str:
        if not self:
            return format_number(0, language=language)
        return " · ".join(
            format_money(amount, currency, language=language)
            for currency, amount in self.items_sorted()
        )


def totals_of(pairs: Iterable[tuple[str, Decimal]]) -> Totals:
    totals = Totals()
    for currency, amount in pairs:
        totals.add(currency, amount)
    return totals


def sum_by_currency(queryset, field: str, *, currency_field: str = "currency") -> Totals:
    """One grouped query: the sum of `field` for each currency in the queryset."""
    rows = (
        queryset.order_by()
        .values_list(currency_field)
        .annotate(total=Sum(field))
        .values_list(currency_field, "total")
    )
    return totals_of((currency, total) for currency, total in rows if total is not None)


def currencies_normalize(*model_labels: str):
    """A data migration step: rewrite stored currencies as supported codes, or refuse.

    It refuses before changing anything when a value cannot be read as a supported code,
    naming the values, so that someone decides what they meant rather than a guess.
    """

    def forwards(apps, schema_editor):
        rewrites, unknown = [], []
        for label in model_labels:
            model = apps.get_model(label)
            for value in model.objects.values_list("currency", flat=True).distinct():
                code = currency_from_legacy(value)
                if code is None:
                    count = model.objects.filter(currency=value).count()
                    unknown.append(f"{label} currency {value!r} ({count} rows)")
                elif code != value:
                    rewrites.append((model, value, code))
        if unknown:
            raise ValueError(
                "These stored currencies are not ones Podium supports: "
                + "; ".join(unknown)
                + f". Change them to one of {', '.join(Currency.values)} and migrate again."
            )
        for model, value, code in rewrites:
            model.objects.filter(currency=value).update(currency=code)

    return forwards
