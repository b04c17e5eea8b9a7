import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# What could end a <script> element or open markup inside it, as JSON escapes.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.filter
def json_ld(data) -> str:
    """Structured data for a <script type="application/ld+json"> element, inert as HTML."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308 (escaped just above)


# The badge tone of a status word, so every list and page colours a state the same way.
# Keys are the stored values of the status enums (bookings, opportunities, invoices,
# reports, verification); anything else is neutral.
_STATUS_TONES = {
    "requested": "info",
    "countered": "info",
    "pending": "info",
    "draft": "neutral",
    "accepted": "success",
    "confirmed": "success",
    "completed": "success",
    "open": "success",
    "filled": "neutral",
    "verified": "success",
    "paid": "success",
    "sent": "info",
    "overdue": "warning",
    "expired": "warning",
    "warned": "warning",
    "declined": "neutral",
    "closed": "neutral",
    "dismissed": "neutral",
    "cancelled": "warning",
    "rejected": "danger",
    "suspended": "danger",
}


@register.filter
def status_tone(value) -> str:
    """{% include "components/badge.html" with label=... tone=booking.state|status_tone %}"""
    return _STATUS_TONES.get(str(value), "neutral")


@register.filter
def nowrap(value) -> str:
    """A number a person taps (telephone, text line) kept on one line, even inside a sentence."""
    return format_html('<span class="nowrap">{}</span>', value)
