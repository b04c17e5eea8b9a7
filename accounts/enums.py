from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CONSULTANT = "consultant", _("Consultant")
    ORGANIZATION = "organization", _("Organization member")


# Wagtail's own groups (its first migration creates both): their members curate and
# moderate, so they count as editors and must use MFA.
EDITORS_GROUP = "Editors"
MODERATORS_GROUP = "Moderators"
EDITOR_GROUPS = (EDITORS_GROUP, MODERATORS_GROUP)
