"""Editors may view organizations and reports. Nothing in Podium's own views depends on
these permissions (rules decide there); Wagtail's site history shows a log entry only to
someone with a permission on its model, so this is what lets editors read their log."""

from django.db import migrations

GRANTS = [("networking", "organization"), ("networking", "report")]


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    for app_label, model in GRANTS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"view_{model}",
            defaults={"name": f"Can view {model}"},
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("networking", "0004_organization_logo"),
        ("accounts", "0003_editors_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
