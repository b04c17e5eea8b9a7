"""The admin calls the site "Podium" (not its host name) and the default review by a
plain name: Wagtail names its workflow after the "Moderators" group, and its buttons
and status lines quote that name to consultants."""

from django.db import migrations

WAGTAIL_DEFAULT = "Moderators approval"
PLAIN = "Editors' review"


def forwards(apps, schema_editor):
    Site = apps.get_model("wagtailcore.Site")
    Site.objects.filter(site_name="").update(site_name="Podium")
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WAGTAIL_DEFAULT).update(name=PLAIN)
    apps.get_model("wagtailcore.Task").objects.filter(name=WAGTAIL_DEFAULT).update(name=PLAIN)


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=PLAIN).update(name=WAGTAIL_DEFAULT)
    apps.get_model("wagtailcore.Task").objects.filter(name=PLAIN).update(name=WAGTAIL_DEFAULT)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0014_resource_region_in_spanish"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
