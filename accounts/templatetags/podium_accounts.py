"""Template helpers for the sign-in, sign-up and two-step pages."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from accounts.adapters import return_to, safe_next, signup_url
from accounts.enums import Role
from accounts.views import is_booking_request

register = template.Library()


@register.simple_tag(takes_context=True)
def next_field(context):
    """The hidden "next" input, only when it is a path on this site.

    allauth echoes whatever ?next= held into its forms; a hostile address must not even
    be written back into the page.
    """
    request = context.get("request")
    if request is None:
        return ""
    value = safe_next(request.POST.get("next") or request.GET.get("next"))
    return format_html('<input type="hidden" name="next" value="{}">', value) if value else ""


@register.simple_tag(takes_context=True)
def continue_url(context):
    """Where "Continue" leads after setting something up: back to what the person was
    doing (a booking request, say), else their dashboard."""
    request = context.get("request")
    return (return_to(request) if request is not None else "") or reverse("dashboard")


@register.simple_tag(takes_context=True)
def signup_href(context):
    """The sign-up address from the sign-in page, keeping a safe next; someone on their
    way to a booking request signs up as an organization."""
    request = context.get("request")
    next_url = safe_next(request.GET.get("next")) if request is not None else ""
    role = Role.ORGANIZATION if is_booking_request(next_url) else ""
    return signup_url(role=role, next_url=next_url)
