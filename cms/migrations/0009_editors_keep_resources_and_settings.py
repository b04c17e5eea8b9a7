"""Editors keep the resource directory and the site settings (navigation included), and
may view organizations and reports. Nothing in Podium's own views depends on the view
permissions (rules decide there); Wagtail's site history shows a log entry only to someone
with a permission on its model, so they are what lets editors read the editors' log."""

from django.db import migrations

GRANTS = [
    ("cms", "resource", ("add", "change", "delete", "view")),
    ("core", "sitesettings", ("change", "view")),
    ("networking", "organization", ("view",)),
    ("networking", "report", ("view",)),
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
        ("networking", "0004_organization_logo"),
        ("accounts", "0003_editors_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
