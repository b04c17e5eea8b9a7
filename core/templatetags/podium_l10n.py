"""Money and dates as the reader's language writes them.

A built-in library (see TEMPLATES in settings): every template can use these filters
without loading them.
"""

import datetime

from django import template
from django.utils.dateformat import format as date_format
from django.utils.translation import pgettext

from core.money import Totals, format_money

register = template.Library()


@register.filter
def money(amount, currency=None) -> str:
    """{{ booking.fee|money:booking.currency }}, or {{ totals|money }} for a Totals."""
    if isinstance(amount, Totals):
        return amount.format()
    if amount is None or amount == "" or not currency:
        return ""
    return format_money(amount, currency)


@register.filter
def rounded_money(amount, currency=None) -> str:
    """{{ figure.median|rounded_money:figure.currency }}: a rounded figure, not an amount
    owed, so no ".00" when it is whole."""
    if amount is None or amount == "" or not currency:
        return ""
    return format_money(amount, currency, cents_when_whole=False)


def day_with_weekday(value: datetime.date) -> str:
    # Translators: a date with its weekday, in Django's date format syntax
    # (https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date).
    return date_format(value, pgettext("date format", "l j F Y"))


@register.filter
def weekday_date(value) -> str:
    """ "Friday 12 March 2027" / "viernes, 12 de marzo de 2027": where the day matters."""
    if not isinstance(value, datetime.date):
        return ""
    return day_with_weekday(value)
