from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    """Where the paying organization is, coarsely: a country would split the few
    bookings there are into cells too small to show, and could point at a person."""

    AFRICA = "africa", _("Africa")
    ASIA = "asia", _("Asia and the Middle East")
    EUROPE = "europe", _("Europe")
    LATIN_AMERICA = "latin_america", _("Latin America and the Caribbean")
    NORTH_AMERICA = "north_america", _("North America")
    OCEANIA = "oceania", _("Oceania")
    UNSPECIFIED = "unspecified", _("Region not given")


class VisitorKind(models.TextChoices):
    """The kind of visitor a profile view is counted under: never who, only what kind."""

    ANONYMOUS = "anonymous", _("Visitors who are not signed in")
    CONSULTANT = "consultant", _("Signed-in consultants")
    ORG_NGO = "org_ngo", _("Verified non-profits and NGOs")
    ORG_GOVERNMENT = "org_government", _("Verified government agencies")
    ORG_COMPANY = "org_company", _("Verified companies")
    ORG_EVENT = "org_event", _("Verified events and conferences")
    ORG_UNIVERSITY = "org_university", _("Verified universities and schools")
    ORG_FAITH = "org_faith", _("Verified faith-based organizations")
    ORG_OTHER = "org_other", _("Other verified organizations")
    OTHER_SIGNED_IN = "signed_in", _("Other signed-in people")

    @classmethod
    def for_organization(cls, kind: str) -> "VisitorKind":
        return cls(f"org_{kind}")
