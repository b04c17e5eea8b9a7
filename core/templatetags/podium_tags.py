import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# What could end a <script> element or open markup inside it, as JSON escapes.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.filter
def json_ld(data) -> str:
    """Structured data for a <script type="application/ld+json"> element, inert as HTML."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308
