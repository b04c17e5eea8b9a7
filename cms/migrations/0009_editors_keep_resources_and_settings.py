"""Editors keep the resource directory and the site settings (navigation included)."""

from django.db import migrations

GRANTS = [
    ("cms", "resource", ("add", "change", "delete", "view")),
    ("core", "sitesettings", ("change", "view")),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    for app_label, model, actions in GRANTS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_create_standard_pages"),
        ("core", "0004_navigation_links"),
        ("accounts", "0003_editors_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
