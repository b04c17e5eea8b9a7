from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    """Who may see a page or a section. Ordered from widest to narrowest."""

    PUBLIC = "public", _("Everyone")
    NETWORK = "network", _("Signed-in consultants and verified organizations")
    PRIVATE = "private", _("Only me and Podium's editors")


AUDIENCE_ORDER = [Audience.PUBLIC, Audience.NETWORK, Audience.PRIVATE]


def narrowest(*audiences: str) -> str:
    return max(audiences, key=AUDIENCE_ORDER.index)


class Travel(models.TextChoices):
    NONE = "none", _("I do not travel")
    IN_COUNTRY = "in_country", _("Within my country")
    INTERNATIONAL = "international", _("Internationally")


class Availability(models.TextChoices):
    OPEN = "open", _("Open to requests")
    LIMITED = "limited", _("Limited")
    PAUSED = "paused", _("Paused")


class RateUnit(models.TextChoices):
    HOUR = "hour", _("per hour")
    DAY = "day", _("per day")
    EVENT = "event", _("per event")


class EngagementType(models.TextChoices):
    KEYNOTE = "keynote", _("Keynote")
    WORKSHOP = "workshop", _("Workshop or training")
    PANEL = "panel", _("Panel")
    CONSULTING = "consulting", _("Consulting")
    ADVISORY = "advisory", _("Advisory board")
    REVIEW = "review", _("Curriculum or material review")
    MEDIA = "media", _("Media interview")
    RESEARCH = "research", _("Research partnership")


# The group whose members see "network" pages: consultants, and members of verified
# organizations (the networking issue adds them when an organization is verified).
NETWORK_GROUP = "Network"
