from django import template

from networking import scam, selectors

register = template.Library()


@register.filter
def scam_reasons(signals):
    """The scam check's stored reasons, in the reader's language."""
    return scam.scam_reasons(signals or [])


@register.simple_tag
def networking_summary(viewer):
    """What the dashboard shows about bookings, messages and notifications."""
    return selectors.dashboard_summary(user=viewer)


@register.simple_tag
def public_appearances(profile):
    """Upcoming engagements the consultant chose, one by one, to list on their profile."""
    return selectors.public_appearances(consultant_id=profile.consultant_id)


@register.simple_tag
def not_taking_requests_until(profile):
    """The date from which the consultant takes requests again, while a limit they set
    keeps any engagement from starting today (None otherwise)."""
    return selectors.not_taking_requests_until(consultant_id=profile.consultant_id)


@register.simple_tag
def rating_reminders(viewer):
    """Completed engagements the consultant has not rated yet (for the dashboard)."""
    return selectors.unrated_completed_bookings(consultant_id=viewer.pk)


@register.simple_tag
def organization_logos(items, attribute) -> dict:
    """Logos of verified organizations, by name, for testimonials and past engagements
    (they name an organization in text)."""
    return selectors.organization_logos(names={getattr(item, attribute, "") for item in items})
