from django import template

from networking import selectors

register = template.Library()


@register.simple_tag
def networking_summary(user):
    """What the dashboard shows about bookings, messages and notifications."""
    return selectors.dashboard_summary(user=user)
